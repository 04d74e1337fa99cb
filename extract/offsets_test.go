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
