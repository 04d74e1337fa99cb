package arabic

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBreakOf(t *testing.T) {
	for _, r := range ".!?؟؛;…\n" {
		if BreakOf(r) != SentenceBreak || !IsSentenceEnd(r) || !IsClauseEnd(r) {
			t.Errorf("%q: want a sentence end", r)
		}
	}
	for _, r := range "،,:" {
		if BreakOf(r) != ClauseBreak || IsSentenceEnd(r) || !IsClauseEnd(r) {
			t.Errorf("%q: want a clause end only", r)
		}
	}
	for _, r := range "ا a1 «»()-\"'\t" {
		if BreakOf(r) != NoBreak {
			t.Errorf("%q: want no break", r)
		}
	}
}

func TestSentenceBounds(t *testing.T) {
	// Each case marks the span looked up with [ ] and the sentence
	// expected around it with | |: its spaces are the caller's to trim.
	tests := []string{
		"قصف على القرية.| وسقط قتيلان في [حمص] اليوم|. وعاد الهدوء",
		"هل وصلت القافلة؟| نعم، إلى [درعا]|؛ ثم عادت",
		"|[دمشق] |… بعد ذلك",
		"عنوان\n|خبر عن [إدلب] ثم غيرها|\n",
		"|a [b] c|; d",
		"|[x]|",
	}
	for _, tt := range tests {
		text, from, to, start, end := marks(tt)
		if s := SentenceStart(text, from); s != start {
			t.Errorf("%q: SentenceStart = %d, want %d", tt, s, start)
		}
		if e := SentenceEnd(text, to); e != end {
			t.Errorf("%q: SentenceEnd = %d, want %d", tt, e, end)
		}
	}
}

// marks takes the marks [ ] | | out of s and returns the text and their
// byte offsets in it.
func marks(s string) (text string, from, to, start, end int) {
	var b []byte
	bars := 0
	for _, r := range s {
		switch r {
		case '[':
			from = len(b)
		case ']':
			to = len(b)
		case '|':
			if bars == 0 {
				start = len(b)
			} else {
				end = len(b)
			}
			bars++
		default:
			b = append(b, string(r)...)
		}
	}
	return string(b), from, to, start, end
}

// TestSentenceBoundsMatchDecoding checks the byte scans of SentenceStart
// and SentenceEnd against scans that decode each character, on texts
// mixing the sentence ends with characters whose encodings share their
// bytes (U+065F is D9 9F, U+061F D8 9F; U+2025 is E2 80 A5, U+2026 E2 80
// A6; U+01A6 is C6 A6).
func TestSentenceBoundsMatchDecoding(t *testing.T) {
	decoded := func(body string, s, e int) (int, int) {
		if i := strings.LastIndexFunc(body[:s], IsSentenceEnd); i >= 0 {
			_, size := utf8.DecodeRuneInString(body[i:])
			s = i + size
		} else {
			s = 0
		}
		if i := strings.IndexFunc(body[e:], IsSentenceEnd); i >= 0 {
			e += i
		} else {
			e = len(body)
		}
		return s, e
	}
	alphabet := []rune{'.', '!', '?', '\n', ';', '؟', '؛', '…', 'ٟ', 'ؠ', 'ح', 'ب', ' ', 'a', '€', '‥', 'Ʀ', '😀', '\u061b' + 0x100, '،'}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 5000; trial++ {
		var b strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		body := b.String()
		var starts []int
		for i := range body {
			starts = append(starts, i)
		}
		starts = append(starts, len(body))
		s := starts[rng.IntN(len(starts))]
		e := s
		for _, i := range starts {
			if i >= s && rng.IntN(3) == 0 {
				e = i
				break
			}
		}
		gs, ge := SentenceStart(body, s), SentenceEnd(body, e)
		ws, we := decoded(body, s, e)
		if gs != ws || ge != we {
			t.Fatalf("%q [%d,%d): got [%d,%d), decoding gives [%d,%d)", body, s, e, gs, ge, ws, we)
		}
	}
}
