package extract

import (
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/geo/arabic"
)

// sep describes what stands between a token and the one before it.
type sep uint8

const (
	sepComma    sep = 1 << iota // ، or ,
	sepSentence                 // . ! ? ؟ ؛ ; and quotes that close a clause
	sepLine                     // a line break
	sepPara                     // a blank line
	sepColon                    // : (section headers, «قال:»)
	sepOther                    // brackets, dashes, quotes
)

// token is a word of the text: a maximal run of letters and digits.
type token struct {
	start, end int    // code point offsets into the original text
	bstart     int    // byte offsets into the original text
	bend       int    //
	folded     string // the word folded for matching (geo/arabic)
	// at[i] and bat[i] are the code point and byte offsets, in the
	// original text, of the i-th rune of folded: stripping a clitic keeps
	// exact offsets.
	at, bat []int
	before  sep // what separates this token from the previous one
}

// tokenize splits text into tokens in one pass, keeping offsets. The
// folded words and offset tables of all tokens share three allocations.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/8)
	folded := make([]byte, 0, len(text))
	at := make([]int, 0, len(text)/2)
	bat := make([]int, 0, len(text)/2)
	cp := 0
	inTok := false
	var cur token
	var fstart, astart int
	var fends []int // end of each token's folded bytes, set on flush
	var gap sep
	newlines := 0
	lastLetterCP, lastLetterB := 0, 0
	flush := func() {
		if inTok && len(folded) > fstart {
			cur.end, cur.bend = lastLetterCP, lastLetterB
			fends = append(fends, len(folded))
			cur.at, cur.bat = at[astart:len(at):len(at)], bat[astart:len(bat):len(bat)]
			toks = append(toks, cur)
		}
		inTok = false
	}
	for i, r := range text {
		size := utf8.RuneLen(r)
		if size < 0 {
			size = 1
		}
		if arabic.IsLetter(r) {
			if !inTok {
				inTok = true
				if newlines > 1 {
					gap |= sepPara
				}
				cur = token{start: cp, bstart: i, before: gap}
				fstart, astart = len(folded), len(at)
				gap, newlines = 0, 0
			}
			if f, ok := arabic.FoldRune(r); ok {
				folded = utf8.AppendRune(folded, f)
				at = append(at, cp)
				bat = append(bat, i)
			}
			lastLetterCP, lastLetterB = cp+1, i+size
		} else {
			if inTok {
				flush()
			}
			switch r {
			case '،', ',':
				gap |= sepComma
			case '.', '!', '?', '؟', '؛', ';', '…':
				gap |= sepSentence
			case '\n':
				gap |= sepLine
				newlines++
			case ':':
				gap |= sepColon
			case ' ', '\t', '\r', 0x00A0, 0x200F, 0x200E, 0x200B:
			default:
				if _, keep := arabic.FoldRune(r); keep {
					gap |= sepOther
				}
			}
		}
		cp++
	}
	flush()
	// One string for all folded words; tokens take slices of it.
	all := string(folded)
	prev := 0
	for k := range toks {
		toks[k].folded = all[prev:fends[k]]
		prev = fends[k]
	}
	return toks
}
