package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names how a file's bytes were decoded.
type Encoding string

// The encodings atlas reads. Anything else is an error: guessing wrong
// would put mojibake on a public page.
const (
	UTF8        Encoding = "UTF-8"
	UTF8BOM     Encoding = "UTF-8 with BOM"
	UTF16LE     Encoding = "UTF-16LE"
	UTF16BE     Encoding = "UTF-16BE"
	Windows1256 Encoding = "Windows-1256"
)

// Decode turns a briefing's bytes into text with "\n" line ends. It reads
// UTF-8 with or without a byte-order mark, UTF-16 with one, and
// Windows-1256 (old Arabic sites and Word's "Arabic (Windows)"), which
// it recognises because its bytes read as Arabic letters and not as
// UTF-8. Anything else is an *Error with the byte offset of the first
// byte that cannot be read.
func Decode(data []byte) (string, Encoding, error) {
	var (
		text string
		enc  Encoding
		err  error
	)
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		enc = UTF8BOM
		text, err = decodeUTF8(data[3:], 3)
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		enc = UTF16LE
		text, err = decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		enc = UTF16BE
		text, err = decodeUTF16(data[2:], true)
	case utf8.Valid(data):
		enc = UTF8
		text = string(data)
		err = noNUL(text, 0)
	case readsAsWindows1256(data):
		enc = Windows1256
		var b []byte
		b, err = charmap.Windows1256.NewDecoder().Bytes(data)
		text = string(b)
		if err == nil {
			err = noNUL(text, 0)
		}
	default:
		off := invalidUTF8At(data)
		err = atByte(off, fmt.Errorf("%s not UTF-8, and the file does not read as Windows-1256 Arabic either; save it as UTF-8", badBytes(data[off:])))
	}
	if err != nil {
		return "", enc, err
	}
	return normalizeNewlines(text), enc, nil
}

func decodeUTF8(data []byte, base int64) (string, error) {
	if !utf8.Valid(data) {
		off := invalidUTF8At(data)
		return "", atByte(base+off, fmt.Errorf("byte 0x%02X is not valid UTF-8 (the file starts with a UTF-8 byte-order mark)", data[off]))
	}
	s := string(data)
	return s, noNUL(s, base)
}

// noNUL refuses NUL characters: in a text file they mean the bytes are
// not what they claim (UTF-16 without a byte-order mark, or binary).
func noNUL(s string, base int64) error {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return atByte(base+int64(i), fmt.Errorf("a NUL byte: this is not a text file, or it is UTF-16 without a byte-order mark; save it as UTF-8"))
	}
	return nil
}

// badBytes shows the bytes of an invalid UTF-8 sequence: the lead byte
// and the continuation it lacks.
func badBytes(b []byte) string {
	n := 1
	if b[0] >= 0xC0 && len(b) > 1 {
		n = 2
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("0x%02X", b[i])
	}
	if n == 1 {
		return "byte " + parts[0] + " is"
	}
	return "bytes " + strings.Join(parts, " ") + " are"
}

func invalidUTF8At(data []byte) int64 {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return int64(i)
		}
		i += size
	}
	return int64(len(data))
}

// decodeUTF16 decodes the bytes after a byte-order mark; offsets in its
// errors count the mark.
func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	if len(data)%2 != 0 {
		return "", atByte(int64(len(data)+1), fmt.Errorf("UTF-16 text ends in half a character"))
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	var b strings.Builder
	b.Grow(len(data) * 3 / 2)
	for i := 0; i < len(units); i++ {
		u := units[i]
		off := int64(2 + 2*i)
		switch {
		case u == 0:
			return "", atByte(off, fmt.Errorf("a NUL character in UTF-16 text"))
		case utf16.IsSurrogate(rune(u)):
			if u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
				b.WriteRune(utf16.DecodeRune(rune(u), rune(units[i+1])))
				i++
				continue
			}
			return "", atByte(off, fmt.Errorf("an unpaired UTF-16 surrogate 0x%04X", u))
		default:
			b.WriteRune(rune(u))
		}
	}
	return b.String(), nil
}

// readsAsWindows1256 says whether bytes that are not UTF-8 are Arabic in
// Windows-1256: nearly every non-ASCII byte must decode to an Arabic
// letter, mark or punctuation. UTF-8 Arabic with a damaged byte fails
// this (its continuation bytes decode to symbols and Persian letters),
// and so do Latin-1 and other code pages.
func readsAsWindows1256(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return false
	}
	arabic, other := 0, 0
	for _, c := range data {
		if c < 0x80 {
			continue
		}
		r := charmap.Windows1256.DecodeByte(c)
		switch {
		case r >= 0x0621 && r <= 0x0652, r == '،', r == '؛', r == '؟', r == 0x00AB, r == 0x00BB:
			arabic++
		default:
			other++
		}
	}
	return arabic > 0 && arabic >= 9*(arabic+other)/10
}

// normalizeNewlines turns CRLF and lone CR line ends into "\n", so that
// offsets, line numbers and sentence breaks mean the same whatever
// system wrote the file.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
