package site

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/site/content"
)

// TestSentenceBoundsMatchDecoding checks the byte scan of sentenceBounds
// against a scan that decodes each character, on texts mixing the
// sentence ends with characters whose encodings share their bytes
// (U+065F is D9 9F, U+061F is D8 9F).
func TestSentenceBoundsMatchDecoding(t *testing.T) {
	isEnd := func(r rune) bool {
		switch r {
		case '.', '!', '؟', '?', '\n', '؛':
			return true
		}
		return false
	}
	decoded := func(body string, s, e int) (int, int) {
		if i := strings.LastIndexFunc(body[:s], isEnd); i >= 0 {
			_, size := utf8.DecodeRuneInString(body[i:])
			s = i + size
		} else {
			s = 0
		}
		if i := strings.IndexFunc(body[e:], isEnd); i >= 0 {
			e += i
		} else {
			e = len(body)
		}
		return s, e
	}
	alphabet := []rune{'.', '!', '?', '\n', '؟', '؛', 'ٟ', 'ؠ', 'ح', 'ب', ' ', 'a', '€', '😀', '\u061b' + 0x100}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 2000; trial++ {
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
		a := &Article{Article: &content.Article{Body: body}, spans: []span{{start: s, stop: e}}}
		gs, ge := a.sentenceBounds(0)
		ws, we := decoded(body, s, e)
		if gs != ws || ge != we {
			t.Fatalf("%q [%d,%d): got [%d,%d), decoding gives [%d,%d)", body, s, e, gs, ge, ws, we)
		}
	}
}
