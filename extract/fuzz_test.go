package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks the extractor's contract on any text: no panic,
// and every mention is a real, ordered, non-overlapping span whose
// Surface is the text it covers. The seeds here are edge cases that once
// broke it (a proclitic alone, a proclitic before a digit); more are in
// testdata/fuzz.
func FuzzExtract(f *testing.F) {
	ex, err := bundled()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "و", "و1", "وب", "ب", "للل", "وبال", "و a", "ـــ", "حلب\u200f،", "\xff\xfe", "بريف حلب الشمالي", "حماة::\nقرية"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // briefings are decoded before extraction
		}
		runes := []rune(text)
		prev := 0
		for _, m := range ex.Extract(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(runes) {
				t.Fatalf("mention %q at [%d,%d) after %d in %d runes", m.Surface, m.Start, m.End, prev, len(runes))
			}
			if got := string(runes[m.Start:m.End]); got != m.Surface {
				t.Fatalf("mention at [%d,%d) says %q, text has %q", m.Start, m.End, m.Surface, got)
			}
			prev = m.End
		}
	})
}
