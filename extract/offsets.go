package extract

import (
	"slices"
	"unicode/utf8"
)

// Offsets finds, in a text's bytes, the code point offsets that mentions
// and events give. It keeps the byte offset of every 8th code point,
// an eighth of what a []rune of the text costs, and finds any other in a few
// steps.
type Offsets struct {
	text  string
	marks []int32 // marks[k] is the byte offset of code point k*offsetStep
	n     int     // code points in text
}

const offsetStep = 8

// NewOffsets indexes text.
func NewOffsets(text string) Offsets {
	o := Offsets{text: text, marks: make([]int32, 0, len(text)/(2*offsetStep)+1)}
	for b := range text {
		if o.n%offsetStep == 0 {
			o.marks = append(o.marks, int32(b))
		}
		o.n++
	}
	return o
}

// IndexRunes indexes text as NewOffsets does and appends its code points
// to rs, in one pass over the text.
func IndexRunes(text string, rs []rune) (Offsets, []rune) {
	o := Offsets{text: text, marks: make([]int32, 0, len(text)/(2*offsetStep)+1)}
	rs = slices.Grow(rs, len(text)/2+1)
	// Ranging over text, written out: ASCII and the two-byte Arabic
	// letters are decoded inline, and the runes stored by index.
	n := 0
	for b := 0; b < len(text); n++ {
		if n%offsetStep == 0 {
			o.marks = append(o.marks, int32(b))
		}
		r, size := rune(text[b]), 1
		if c := text[b]; c >= utf8.RuneSelf {
			if c-0xC2 < 0xE0-0xC2 && b+1 < len(text) && text[b+1]&0xC0 == 0x80 {
				r, size = rune(c&0x1F)<<6|rune(text[b+1]&0x3F), 2
			} else {
				r, size = utf8.DecodeRuneInString(text[b:])
			}
		}
		rs = append(rs, r)
		b += size
	}
	o.n = n
	return o, rs
}

// Len is the number of code points in the text.
func (o Offsets) Len() int { return o.n }

// Byte is the byte offset of code point cp, for 0 <= cp <= Len().
func (o Offsets) Byte(cp int) int {
	if cp == o.n {
		return len(o.text)
	}
	b := int(o.marks[cp/offsetStep])
	for k := cp % offsetStep; k > 0; k-- {
		_, size := utf8.DecodeRuneInString(o.text[b:])
		b += size
	}
	return b
}

// Slice is the text from code point start to end, or "" when that is not
// a range of the text.
func (o Offsets) Slice(start, end int) string {
	if start < 0 || end > o.n || start > end {
		return ""
	}
	return o.text[o.Byte(start):o.Byte(end)]
}
