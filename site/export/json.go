package export

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// The JSON writer here writes the bytes encoding/json writes, for the
// records a build writes most (an event per event, a search entry per
// briefing, a map per page), without reflection, which was a twentieth of
// a build's CPU. TestJSONEncodersMatchMarshal holds it to encoding/json.

var errJSONFloat = errors.New("json: unsupported value: NaN or infinity")

const hexDigits = "0123456789abcdef"

// AppendString appends s as json.Marshal quotes it: with <, > and &
// escaped for HTML, U+2028 and U+2029 for JavaScript, and invalid UTF-8
// as U+FFFD. With html false, <, > and & stay as they are, as with
// json.Encoder's SetEscapeHTML(false).
func AppendString(b []byte, s string, html bool) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || (c != '<' && c != '>' && c != '&')) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// AppendFloat appends f as json.Marshal writes a float64.
func AppendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, errJSONFloat
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// json writes e-7, not strconv's e-07.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// Writer appends JSON members to B, each key written with the
// punctuation before it; the first float that cannot be encoded is its
// Err. Strings escape <, > and & unless Plain.
type Writer struct {
	B     []byte
	Err   error
	Plain bool
}

// Raw appends s as it is.
func (w *Writer) Raw(s string) { w.B = append(w.B, s...) }

// Str appends key and s quoted.
func (w *Writer) Str(key, s string) {
	w.B = AppendString(append(w.B, key...), s, !w.Plain)
}

// Int appends key and n.
func (w *Writer) Int(key string, n int) {
	w.B = strconv.AppendInt(append(w.B, key...), int64(n), 10)
}

// Float appends key and f; NaN and infinities are the writer's error.
func (w *Writer) Float(key string, f float64) {
	var err error
	w.B, err = AppendFloat(append(w.B, key...), f)
	if w.Err == nil {
		w.Err = err
	}
}
