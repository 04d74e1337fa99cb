package arabic

import "testing"

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
