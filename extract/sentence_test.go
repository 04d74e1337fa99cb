package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSentenceCutsAsWhole holds sentence, which walks only as far as
// it keeps, to sentenceWhole, which reads the whole sentence, on texts
// of sentences of every length, with invalid bytes among them.
func TestSentenceCutsAsWhole(t *testing.T) {
	pieces := []string{"حلب", " ", "قرية", ".", "؟", "\n", "؛", "a", "\xd8", "\xff", "\xe0\x80", "\ufffd", "ً", "!", "،"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(400) {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(3) > 0 {
				p = pieces[rng.IntN(4)] // mostly words and spaces: long sentences
			}
			b.WriteString(p)
		}
		text := b.String()
		if len(text) == 0 {
			continue
		}
		from := rng.IntN(len(text))
		to := from + rng.IntN(len(text)-from+1)
		if got, want := sentence(text, from, to), sentenceWhole(text, from, to); got != want {
			t.Fatalf("sentence(%q, %d, %d) = %q, want %q", text, from, to, got, want)
		}
	}
}
