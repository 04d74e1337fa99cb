package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestOffsetsSlice checks code point slicing against a []rune of the same
// text, for every range, across the index's marks.
func TestOffsetsSlice(t *testing.T) {
	texts := []string{"", "a", strings.Repeat("قصف على حلب، 🙂 x\u0651 ", 7), strings.Repeat("ب", 65)}
	for _, s := range texts {
		o, r := NewOffsets(s), []rune(s)
		if o.Len() != len(r) {
			t.Fatalf("%q: %d code points, want %d", s, o.Len(), len(r))
		}
		// IndexRunes is the same index, with the code points.
		if o2, rs := IndexRunes(s, nil); string(rs) != s || o2.Len() != o.Len() || !slices.Equal(o2.marks, o.marks) {
			t.Fatalf("%q: IndexRunes differs from NewOffsets and []rune", s)
		}
		for i := 0; i <= len(r); i++ {
			for j := i; j <= len(r); j++ {
				if got, want := o.Slice(i, j), string(r[i:j]); got != want {
					t.Fatalf("%q[%d:%d] = %q, want %q", s, i, j, got, want)
				}
			}
		}
		for _, bad := range [][2]int{{-1, 0}, {0, len(r) + 1}, {1, 0}} {
			if got := o.Slice(bad[0], bad[1]); got != "" {
				t.Errorf("%q[%d:%d] = %q, want empty", s, bad[0], bad[1], got)
			}
		}
	}
}

// TestIndexRunesDecodesAsRange: IndexRunes decodes invalid UTF-8 as
// ranging over a string does, one replacement character a bad byte.
func TestIndexRunesDecodesAsRange(t *testing.T) {
	for _, s := range []string{"\xd8", "ب\xd8", "\xc0\xaf حلب", "\xe0\x80\x80ب", "\xd8\xd8\xa7", "a\xff\xfeب\xed\xa0\x80", "\xf0\x9f\x99"} {
		o, rs := IndexRunes(s, nil)
		if !slices.Equal(rs, []rune(s)) || o.Len() != len([]rune(s)) || !slices.Equal(o.marks, NewOffsets(s).marks) {
			t.Errorf("%q: IndexRunes gives %q, want %q", s, rs, []rune(s))
		}
	}
}
