package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract: whatever the text, extraction does not panic, and every
// mention's offsets read back its surface. The seeds are the edge cases
// that once broke it (a proclitic alone, a proclitic before a digit).
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", "و", "و1", "وب", "ب", "للل", "وبال", "و a", "ـــ", "حلب\u200f،", "\xff\xfe", "بريف حلب الشمالي", "حماة::\nقرية"} {
		f.Add(s)
	}
	ex := New(small())
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		runes := []rune(text)
		for _, m := range ex.Extract(text) {
			if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || string(runes[m.Start:m.End]) != m.Surface {
				t.Fatalf("%q: mention %q at [%d,%d)", text, m.Surface, m.Start, m.End)
			}
		}
	})
}
