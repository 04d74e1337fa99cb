package extract

import (
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/geo/arabic"
)

// sep describes what stands between a token and the one before it.
type sep uint8

const (
	sepComma    sep = 1 << iota // ، or , (arabic.ClauseBreak but :)
	sepSentence                 // arabic.SentenceBreak but a line break
	sepLine                     // a line break
	sepPara                     // a blank line
	sepColon                    // : (section headers, «قال:»)
	sepOther                    // brackets, dashes, quotes

	// sepClause ends the clause a word before a name belongs to: no cue
	// reaches across it (prev, next, prevFlags).
	sepClause = sepSentence | sepLine | sepPara | sepColon
)

// token is a word of the text: a maximal run of letters and digits. It
// holds no pointers, so the garbage collector never scans the (large)
// token slice: the folded word is text[bstart:bend] when folding left it
// unchanged, else fold[fstart:fend] of the string tokenize returns.
type token struct {
	start, end   int32 // code point offsets into the original text
	bstart, bend int32 // byte offsets into the original text
	fstart, fend int32 // the folded word in the fold string, when inFold
	inFold       bool
	before       sep // what separates this token from the previous one
}

// tokenize splits text into tokens in one pass, keeping offsets. It is the
// extractor's hot loop: no regular expressions, a table look-up per rune,
// and a word that folding leaves unchanged is a slice of text, not a copy.
func tokenize(text string) ([]token, string) {
	toks, folded := tokenizeInto(text, nil, nil)
	return toks, string(folded)
}

// tokenizeInto is tokenize appending to toks and folded, which it grows
// as needed: an extractor reuses them from one text to the next.
func tokenizeInto(text string, toks []token, folded []byte) ([]token, []byte) {
	if want := len(text)/10 + 1; cap(toks) < want {
		toks = make([]token, 0, want)
	}
	if want := len(text) / 4; cap(folded) < want {
		folded = make([]byte, 0, want)
	}
	var gap sep
	newlines := 0
	cp := int32(0)
	for i := 0; i < len(text); {
		r, size := decodeAt(text, i)
		e := arabic.Fast(r)
		if !e.Letter {
			switch r {
			case ' ', '\t', '\r', 0x00A0, 0x200F, 0x200E, 0x200B:
			case '\n':
				gap |= sepLine
				newlines++
			case ':':
				gap |= sepColon
			default:
				switch arabic.BreakOf(r) {
				case arabic.SentenceBreak:
					gap |= sepSentence
				case arabic.ClauseBreak:
					gap |= sepComma
				default:
					if e.Keep {
						gap |= sepOther
					}
				}
			}
			i += size
			cp++
			continue
		}
		// A word: the letters up to the next non-letter, in a loop of
		// its own so that the state of the gaps stays out of it.
		if newlines > 1 {
			gap |= sepPara
		}
		cur := token{start: cp, bstart: int32(i), before: gap}
		gap, newlines = 0, 0
		same, fstart := true, 0
		for {
			if same && (!e.Keep || e.Folded != r) {
				// The first change: copy what came before it.
				same = false
				fstart = len(folded)
				folded = append(folded, text[cur.bstart:i]...)
			}
			if !same && e.Keep {
				switch f := e.Folded; {
				case f < utf8.RuneSelf:
					folded = append(folded, byte(f))
				case f < 0x800:
					folded = append(folded, byte(0xC0|f>>6), byte(0x80|f&0x3F))
				default:
					folded = utf8.AppendRune(folded, f)
				}
				if e.Folded2 != 0 {
					folded = utf8.AppendRune(folded, e.Folded2)
				}
			}
			i += size
			cp++
			if i >= len(text) {
				break
			}
			// decodeAt, written out: this is the loop over every letter.
			if c := text[i]; c < utf8.RuneSelf {
				if r, size = rune(c), 1; !asciiLetter(r) {
					break // the common case, a space or punctuation
				}
			} else if c&0xE0 == 0xC0 && c >= 0xC2 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				r, size = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2
			} else {
				r, size = decodeRest(text, i)
			}
			if e = arabic.Fast(r); !e.Letter {
				break
			}
		}
		toks = appendToken(toks, cur, same, cp, int32(i), fstart, len(folded))
	}
	return toks, folded
}

// decodeAt decodes the rune at text[i]: Arabic letters are two bytes,
// decoded inline (small enough for the compiler to inline it in the
// tokenizer's loop); other runes go to decodeRest.
func decodeAt(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xE0 == 0xC0 && c >= 0xC2 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return decodeRest(text, i)
}

//go:noinline
func decodeRest(text string, i int) (rune, int) { return utf8.DecodeRuneInString(text[i:]) }

// asciiLetter reports the ASCII runes that arabic.Fast calls letters.
func asciiLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// appendToken ends the token cur at code point lastCP, byte lastB. It
// takes its state as arguments: as a closure over tokenize's variables
// it kept them out of registers for the whole loop.
func appendToken(toks []token, cur token, same bool, lastCP, lastB int32, fstart, fend int) []token {
	if same {
		if lastB > cur.bstart {
			cur.end, cur.bend = lastCP, lastB
			toks = append(toks, cur)
		}
		return toks
	}
	if fend > fstart {
		cur.end, cur.bend = lastCP, lastB
		cur.inFold, cur.fstart, cur.fend = true, int32(fstart), int32(fend)
		toks = append(toks, cur)
	}
	return toks
}

// offsetAfter returns the code point and byte offsets, in text, of the
// token's first letter after skip folded runes (a stripped proclitic).
// Diacritics between the letters are passed over.
func offsetAfter(text string, t token, skip int) (int, int) {
	cp, b := int(t.start), int(t.bstart)
	if skip == 0 {
		return cp, b
	}
	for skip > 0 && b < int(t.bend) {
		r, size := utf8.DecodeRuneInString(text[b:])
		if _, kept := arabic.FoldRune(r); kept {
			skip--
		}
		b += size
		cp++
	}
	// Marks after the stripped letter belong to it, not to the name.
	for b < int(t.bend) {
		r, size := utf8.DecodeRuneInString(text[b:])
		if _, kept := arabic.FoldRune(r); kept {
			break
		}
		b += size
		cp++
	}
	return cp, b
}
