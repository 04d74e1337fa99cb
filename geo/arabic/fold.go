// Package arabic holds the basics of Arabic text that every part of
// atlas must read alike, each in one table:
//
//   - folding (Fold, AppendFold, Fast), so that spellings the news treats
//     as one name compare equal: hamza and alef forms, alef maqsura, taa
//     marbuta, Persian letters, diacritics, tatweel and invisible marks;
//   - proclitics (Proclitics, Readings, StripProclitics): the conjunctions
//     and prepositions written joined to the next word (وبحلب، للرقة);
//   - sentence and clause ends (BreakOf, SentenceStart, SentenceEnd).
//
// The extractor, the event detector, the evaluation's explanations and
// the site read them; the map script's search gets them generated
// (cmd/gen-arabic-js).
//
// Folding works rune by rune, so callers that must keep offsets into the
// original text (the extractor) can fold while they scan.
package arabic

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fast is FoldRune and IsLetter in one table look-up for ASCII and the
// Arabic block, where nearly all of a news text lives: the folded rune,
// whether r belongs inside a word, and whether it is kept when folding.
func Fast(r rune) Entry {
	if uint32(r) < uint32(len(table)) {
		return table[r]
	}
	return slow(r)
}

func slow(r rune) Entry {
	if p, ok := presentation[r]; ok {
		return p
	}
	f, k := FoldRune(r)
	return Entry{f, 0, IsLetter(r), k}
}

// Entry is what Fast knows of a rune.
type Entry struct {
	// Folded is the folded rune; Folded2, when not 0, a second one: a
	// ligature such as «ﻻ» folds to two letters.
	Folded, Folded2 rune
	Letter, Keep    bool
}

// presentation folds Arabic presentation forms (U+FB50–U+FDFF,
// U+FE70–U+FEFC), which old PDFs and some sites emit instead of letters,
// to the letters they draw, so «ﺣﻠﺐ» is found as «حلب». Forms that
// stand for more than two letters (ﷲ, ﷺ) are not letters to the
// extractor.
var presentation = func() map[rune]Entry {
	m := map[rune]Entry{}
	for _, span := range [][2]rune{{0xFB50, 0xFDFF}, {0xFE70, 0xFEFC}} {
		for r := span[0]; r <= span[1]; r++ {
			d := []rune(norm.NFKC.String(string(r)))
			if len(d) == 0 || len(d) > 2 || (len(d) == 1 && d[0] == r) {
				continue
			}
			var e Entry
			for i, x := range d {
				f, keep := FoldRune(x)
				if !IsLetter(x) {
					continue
				}
				if !keep {
					continue // a mark drawn with its carrier (ﹰ): dropped
				}
				if i == 0 || e.Folded == 0 {
					e.Folded = f
				} else {
					e.Folded2 = f
				}
				e.Letter, e.Keep = true, true
			}
			if !e.Letter {
				// Only marks: like any mark, inside a word and dropped.
				e.Letter = IsLetter(d[0])
			}
			m[r] = e
		}
	}
	return m
}()

// table is computed once from FoldRune and IsLetter and never changes.
var table = func() (t [0x0700]Entry) {
	for r := rune(0); r < 0x0700; r++ {
		f, k := FoldRune(r)
		t[r] = Entry{f, 0, IsLetter(r), k}
	}
	return t
}()

// FoldRune returns the folded form of r and whether r is kept at all.
// Diacritics, tatweel, zero-width and bidi marks are dropped.
func FoldRune(r rune) (rune, bool) {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670: // harakat, tanween, shadda, sukun, dagger alef
		return 0, false
	case r == 0x0640: // tatweel
		return 0, false
	case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F,
		r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFEFF, r == 0x061C:
		return 0, false
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا', true
	case 'ى', 'ی', 'ئ', 'ې':
		// ئ folds to ي: news writes «دير الزور» and «ديرالزور», but also
		// «قائم»/«قايم»; hamza seats vary more than the letters under them.
		return 'ي', true
	case 'ؤ':
		return 'و', true
	case 'ة':
		return 'ه', true
	case 'ک', 'ڪ':
		return 'ك', true
	case 'ٯ':
		return 'ق', true
	}
	if r >= '٠' && r <= '٩' {
		return '0' + (r - '٠'), true
	}
	if r >= '۰' && r <= '۹' {
		return '0' + (r - '۰'), true
	}
	if r >= 'A' && r <= 'Z' {
		return r + ('a' - 'A'), true
	}
	return r, true
}

// Fold returns s folded rune by rune, with runs of spaces collapsed to one
// and outer space trimmed. It is the key used to look names up.
func Fold(s string) string {
	// Names and words fit the stack buffer: one allocation, the string.
	var buf [128]byte
	return string(AppendFold(buf[:0], s))
}

// AppendFold appends Fold(s) to dst and returns the extended buffer, so
// that a caller folding many strings reuses one.
func AppendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for _, r := range s {
		if IsSpace(r) {
			space = len(dst) > start
			continue
		}
		e := Fast(r)
		if !e.Keep {
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, e.Folded)
		if e.Folded2 != 0 {
			dst = utf8.AppendRune(dst, e.Folded2)
		}
	}
	return dst
}

// IsSpace reports whether r separates words.
func IsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x00A0, 0x2009, 0x202F, 0x3000:
		return true
	}
	return false
}

// IsLetter reports whether r belongs inside a word: Arabic letters and
// marks, Latin letters and digits. Punctuation (، ؛ ؟ « » . :) is not.
func IsLetter(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x064A, r >= 0x064B && r <= 0x065F,
		r >= 0x066E && r <= 0x06D3, r == 0x06D5, r >= 0x06FA && r <= 0x06FF,
		r == 0x0640, r == 0x0670:
		return true
	case r >= '٠' && r <= '٩', r >= '۰' && r <= '۹':
		return true
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	case r == 0x200C, r == 0x200D: // joiners live inside words
		return true
	}
	return false
}
