package arabic

import "unicode/utf8"

// Break is what a punctuation rune ends.
type Break uint8

const (
	NoBreak       Break = iota
	ClauseBreak         // ، , : end a clause within a sentence
	SentenceBreak       // . ! ? ؟ ؛ ; … and a line break end a sentence
)

// breaks is the one table of sentence and clause ends. Arabic text mixes
// Arabic and Latin punctuation (؟ and ?, ، and ,); ؛ ends a sentence
// as the news uses it, between two reports. A line break ends one too:
// headlines and list items carry no full stop.
var breaks = map[rune]Break{
	'.': SentenceBreak, '!': SentenceBreak, '?': SentenceBreak, '؟': SentenceBreak,
	'؛': SentenceBreak, ';': SentenceBreak, '…': SentenceBreak, '\n': SentenceBreak,
	'،': ClauseBreak, ',': ClauseBreak, ':': ClauseBreak,
}

// BreakOf is what r ends: a sentence, a clause or nothing.
func BreakOf(r rune) Break {
	if uint32(r) < uint32(len(breakTable)) {
		return breakTable[r]
	}
	return breaks[r]
}

// breakTable is breaks up to the end of the Arabic block, where nearly
// every rune of a text is: tokenizers ask of every rune.
var breakTable = func() (t [0x0700]Break) {
	for r, b := range breaks {
		if r < 0x0700 {
			t[r] = b
		}
	}
	return t
}()

// IsSentenceEnd reports whether r ends a sentence.
func IsSentenceEnd(r rune) bool { return BreakOf(r) == SentenceBreak }

// IsClauseEnd reports whether r ends a clause: a sentence's end or a
// clause break (، , :).
func IsClauseEnd(r rune) bool { return BreakOf(r) != NoBreak }

// SentenceStart is the byte offset in s where the sentence holding byte
// i begins: just after the sentence end before i, or 0. It steps byte by
// byte and decodes only where a sentence end may finish (places pages
// call it for every mention of an archive); a rune cut in the middle
// decodes as an error, never as an end.
func SentenceStart(s string, i int) int {
	for ; i > 0; i-- {
		if endsLast[s[i-1]] {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); IsSentenceEnd(r) {
				return i
			}
		}
	}
	return 0
}

// SentenceEnd is the byte offset in s where the sentence holding byte i
// ends: at the first sentence end from i on, or len(s).
func SentenceEnd(s string, i int) int {
	for ; i < len(s); i++ {
		if endsFirst[s[i]] {
			if r, _ := utf8.DecodeRuneInString(s[i:]); IsSentenceEnd(r) {
				return i
			}
		}
	}
	return len(s)
}

// endsFirst and endsLast are the first and last bytes of the UTF-8 of
// sentence ends.
var endsFirst, endsLast = func() (first, last [256]bool) {
	for r, b := range breaks {
		if b == SentenceBreak {
			e := utf8.AppendRune(nil, r)
			first[e[0]], last[e[len(e)-1]] = true, true
		}
	}
	return first, last
}()
