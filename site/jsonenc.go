package site

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// The encoders here write the bytes json.Marshal writes for the site's
// most frequent records (an event feature per event, a search entry per
// briefing, a map per page) without reflection, which was a twentieth of
// a build's CPU. TestJSONEncodersMatchMarshal holds them to json.Marshal.

var errJSONFloat = errors.New("json: unsupported value: NaN or infinity")

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as json.Marshal quotes it: with <, > and &
// escaped for HTML, U+2028 and U+2029 for JavaScript, and invalid UTF-8
// as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
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

// appendJSONFloat appends f as json.Marshal writes a float64.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
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

// jsonWriter appends JSON members, each key written with the punctuation
// before it; the first float that cannot be encoded is its error.
type jsonWriter struct {
	b   []byte
	err error
}

func (w *jsonWriter) raw(s string) { w.b = append(w.b, s...) }

func (w *jsonWriter) str(key, s string) {
	w.b = appendJSONString(append(w.b, key...), s)
}

func (w *jsonWriter) int(key string, n int) {
	w.b = strconv.AppendInt(append(w.b, key...), int64(n), 10)
}

// intPtr writes *n, or null.
func (w *jsonWriter) intPtr(key string, n *int) {
	if n == nil {
		w.raw(key)
		w.raw("null")
		return
	}
	w.int(key, *n)
}

func (w *jsonWriter) float(key string, f float64) {
	var err error
	w.b, err = appendJSONFloat(append(w.b, key...), f)
	if w.err == nil {
		w.err = err
	}
}

// strs writes list as an array of strings, null when nil.
func (w *jsonWriter) strs(key string, list []string) {
	w.raw(key)
	if list == nil {
		w.raw("null")
		return
	}
	w.raw("[")
	for i, s := range list {
		if i > 0 {
			w.raw(",")
		}
		w.str("", s)
	}
	w.raw("]")
}

// appendJSON appends f as json.Marshal encodes it.
func (f *eventFeatureJSON) appendJSON(b []byte) ([]byte, error) {
	w := jsonWriter{b: b}
	w.str(`{"type":`, f.Type)
	w.str(`,"id":`, f.ID)
	w.str(`,"geometry":{"type":`, f.Geometry.Type)
	w.float(`,"coordinates":[`, f.Geometry.Coordinates[0])
	w.float(`,`, f.Geometry.Coordinates[1])
	p := &f.Properties
	w.str(`]},"properties":{"id":`, p.ID)
	if p.Date == nil {
		w.raw(`,"date":null`)
	} else {
		w.str(`,"date":`, *p.Date)
	}
	if p.DatePrecision == nil {
		w.raw(`,"date_precision":null`)
	} else {
		w.str(`,"date_precision":`, *p.DatePrecision)
	}
	w.str(`,"type":`, p.Type)
	w.str(`,"sub_type":`, p.SubType)
	w.strs(`,"actors":`, p.Actors)
	w.strs(`,"places":`, p.Places)
	w.str(`,"governorate":`, p.Governorate)
	w.str(`,"country":`, p.Country)
	w.int(`,"geo_precision":`, p.GeoPrecision)
	w.intPtr(`,"fatalities":`, p.Fatalities)
	w.intPtr(`,"injured":`, p.Injured)
	w.str(`,"evidence":`, p.Evidence)
	w.strs(`,"also":`, p.Also)
	w.float(`,"confidence":`, p.Confidence)
	w.str(`,"article":`, p.Article)
	w.str(`,"title":`, p.Title)
	w.raw("}}")
	return w.b, w.err
}

// appendJSON appends d as json.Marshal encodes it.
func (d *searchDoc) appendJSON(b []byte) []byte {
	w := jsonWriter{b: b}
	w.str(`{"h":`, d.Href)
	w.str(`,"t":`, d.Title)
	if d.Date != "" {
		w.str(`,"d":`, d.Date)
	}
	w.str(`,"x":`, d.Text)
	w.raw("}")
	return w.b
}

// appendJSON appends m as json.Marshal encodes it.
func (m *mapData) appendJSON(b []byte) ([]byte, error) {
	w := jsonWriter{b: b}
	w.raw("{")
	if m.Tiles != "" {
		w.str(`"tiles":`, m.Tiles)
		w.raw(",")
	}
	w.str(`"mode":`, m.Mode)
	if m.Focus != "" {
		w.str(`,"focus":`, m.Focus)
	}
	if m.Place != "" {
		w.str(`,"place":`, m.Place)
	}
	if m.Markers == nil {
		w.raw(`,"markers":null`)
	} else {
		w.raw(`,"markers":[`)
		for i := range m.Markers {
			if i > 0 {
				w.raw(",")
			}
			m.Markers[i].write(&w)
		}
		w.raw("]")
	}
	w.raw("}")
	return w.b, w.err
}

func (k *marker) write(w *jsonWriter) {
	w.float(`{"lat":`, k.Lat)
	w.float(`,"lon":`, k.Lon)
	w.str(`,"name":`, k.Name)
	w.str(`,"en":`, k.NameEn)
	w.str(`,"kind":`, string(k.Kind))
	if k.Gov != "" {
		w.str(`,"gov":`, k.Gov)
	}
	w.int(`,"n":`, k.Count)
	if k.Approx {
		w.raw(`,"approx":true`)
	}
	if len(k.Mentions) > 0 {
		w.raw(`,"m":[`)
		for i, n := range k.Mentions {
			if i > 0 {
				w.raw(",")
			}
			w.int("", n)
		}
		w.raw("]")
	}
	if k.Href != "" {
		w.str(`,"href":`, k.Href)
	}
	w.raw("}")
}
