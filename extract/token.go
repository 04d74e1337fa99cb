package extract

import "github.com/briefing-atlas/atlas/geo/arabic"

// token is a word of the text: a maximal run of letters and digits.
type token struct {
	start, end int    // code point offsets into the original text
	folded     string // the word folded for matching (geo/arabic)
	// at[i] is the code point offset, in the original text, of the i-th
	// rune of folded, so that stripping a clitic keeps exact offsets.
	at []int
}

// tokenize splits text into tokens, keeping code point offsets. One pass,
// no regular expressions: this is the extractor's hot loop.
func tokenize(text string) []token {
	var toks []token
	var cur []rune
	var at []int
	start := -1
	cp := 0
	flush := func(end int) {
		if start >= 0 && len(cur) > 0 {
			toks = append(toks, token{start: start, end: end, folded: string(cur), at: at})
		}
		cur, at, start = nil, nil, -1
	}
	lastLetter := 0
	for _, r := range text {
		if arabic.IsLetter(r) {
			if start < 0 {
				start = cp
			}
			if f, ok := arabic.FoldRune(r); ok {
				cur = append(cur, f)
				at = append(at, cp)
			}
			lastLetter = cp + 1
		} else if start >= 0 {
			flush(lastLetter)
		}
		cp++
	}
	flush(lastLetter)
	return toks
}
