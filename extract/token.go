package extract

import (
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/geo/arabic"
)

// sep describes what stands between a token and the one before it.
type sep uint8

const (
	sepComma    sep = 1 << iota // ، or ,
	sepSentence                 // . ! ? ؟ ؛ ;
	sepLine                     // a line break
	sepPara                     // a blank line
	sepColon                    // : (section headers, «قال:»)
	sepOther                    // brackets, dashes, quotes
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
	toks := make([]token, 0, len(text)/10+1)
	folded := make([]byte, 0, len(text)/4)
	var cur token
	inTok, same := false, true
	var gap sep
	newlines := 0
	cp := int32(0)
	var lastCP, lastB int32
	fstart := 0
	flush := func() {
		inTok = false
		if same {
			if lastB > cur.bstart {
				cur.end, cur.bend = lastCP, lastB
				toks = append(toks, cur)
			}
			return
		}
		if len(folded) > fstart {
			cur.end, cur.bend = lastCP, lastB
			cur.inFold, cur.fstart, cur.fend = true, int32(fstart), int32(len(folded))
			toks = append(toks, cur)
		}
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			// Arabic letters are two bytes: decode those inline.
			if r&0xE0 == 0xC0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 && r >= 0xC2 {
				r, size = (r&0x1F)<<6|rune(text[i+1]&0x3F), 2
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
		}
		e := arabic.Fast(r)
		if e.Letter {
			if !inTok {
				inTok, same = true, true
				if newlines > 1 {
					gap |= sepPara
				}
				cur = token{start: cp, bstart: int32(i), before: gap}
				gap, newlines = 0, 0
			}
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
			lastCP, lastB = cp+1, int32(i+size)
		} else {
			if inTok {
				flush()
			}
			switch r {
			case ' ', '\t', '\r', 0x00A0, 0x200F, 0x200E, 0x200B:
			case '،', ',':
				gap |= sepComma
			case '.', '!', '?', '؟', '؛', ';', '…':
				gap |= sepSentence
			case '\n':
				gap |= sepLine
				newlines++
			case ':':
				gap |= sepColon
			default:
				if e.Keep {
					gap |= sepOther
				}
			}
		}
		i += size
		cp++
	}
	if inTok {
		flush()
	}
	return toks, string(folded)
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
