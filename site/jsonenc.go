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

// appendJSONStrings appends list as a JSON array of strings, null when nil.
func appendJSONStrings(b []byte, list []string) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONInt appends *n, or null.
func appendJSONInt(b []byte, n *int) []byte {
	if n == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*n), 10)
}

// appendJSON appends f as json.Marshal encodes it.
func (f *eventFeatureJSON) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, `{"type":`...)
	b = appendJSONString(b, f.Type)
	b = append(b, `,"id":`...)
	b = appendJSONString(b, f.ID)
	b = append(b, `,"geometry":{"type":`...)
	b = appendJSONString(b, f.Geometry.Type)
	b = append(b, `,"coordinates":[`...)
	if b, err = appendJSONFloat(b, f.Geometry.Coordinates[0]); err != nil {
		return b, err
	}
	b = append(b, ',')
	if b, err = appendJSONFloat(b, f.Geometry.Coordinates[1]); err != nil {
		return b, err
	}
	p := &f.Properties
	b = append(b, `]},"properties":{"id":`...)
	b = appendJSONString(b, p.ID)
	b = append(b, `,"date":`...)
	if p.Date == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, *p.Date)
	}
	b = append(b, `,"type":`...)
	b = appendJSONString(b, p.Type)
	b = append(b, `,"sub_type":`...)
	b = appendJSONString(b, p.SubType)
	b = append(b, `,"actors":`...)
	b = appendJSONStrings(b, p.Actors)
	b = append(b, `,"places":`...)
	b = appendJSONStrings(b, p.Places)
	b = append(b, `,"governorate":`...)
	b = appendJSONString(b, p.Governorate)
	b = append(b, `,"country":`...)
	b = appendJSONString(b, p.Country)
	b = append(b, `,"geo_precision":`...)
	b = strconv.AppendInt(b, int64(p.GeoPrecision), 10)
	b = append(b, `,"fatalities":`...)
	b = appendJSONInt(b, p.Fatalities)
	b = append(b, `,"injured":`...)
	b = appendJSONInt(b, p.Injured)
	b = append(b, `,"evidence":`...)
	b = appendJSONString(b, p.Evidence)
	b = append(b, `,"confidence":`...)
	if b, err = appendJSONFloat(b, p.Confidence); err != nil {
		return b, err
	}
	b = append(b, `,"article":`...)
	b = appendJSONString(b, p.Article)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, p.Title)
	return append(b, "}}"...), nil
}

// appendJSON appends d as json.Marshal encodes it.
func (d *searchDoc) appendJSON(b []byte) []byte {
	b = append(b, `{"h":`...)
	b = appendJSONString(b, d.Href)
	b = append(b, `,"t":`...)
	b = appendJSONString(b, d.Title)
	if d.Date != "" {
		b = append(b, `,"d":`...)
		b = appendJSONString(b, d.Date)
	}
	b = append(b, `,"x":`...)
	b = appendJSONString(b, d.Text)
	return append(b, '}')
}

// appendJSON appends m as json.Marshal encodes it.
func (m *mapData) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, '{')
	if m.Tiles != "" {
		b = append(b, `"tiles":`...)
		b = appendJSONString(b, m.Tiles)
		b = append(b, ',')
	}
	b = append(b, `"mode":`...)
	b = appendJSONString(b, m.Mode)
	if m.Focus != "" {
		b = append(b, `,"focus":`...)
		b = appendJSONString(b, m.Focus)
	}
	if m.Place != "" {
		b = append(b, `,"place":`...)
		b = appendJSONString(b, m.Place)
	}
	b = append(b, `,"markers":`...)
	if m.Markers == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range m.Markers {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = m.Markers[i].appendJSON(b); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

func (k *marker) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, `{"lat":`...)
	if b, err = appendJSONFloat(b, k.Lat); err != nil {
		return b, err
	}
	b = append(b, `,"lon":`...)
	if b, err = appendJSONFloat(b, k.Lon); err != nil {
		return b, err
	}
	b = append(b, `,"name":`...)
	b = appendJSONString(b, k.Name)
	b = append(b, `,"en":`...)
	b = appendJSONString(b, k.NameEn)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, string(k.Kind))
	if k.Gov != "" {
		b = append(b, `,"gov":`...)
		b = appendJSONString(b, k.Gov)
	}
	b = append(b, `,"n":`...)
	b = strconv.AppendInt(b, int64(k.Count), 10)
	if k.Approx {
		b = append(b, `,"approx":true`...)
	}
	if len(k.Mentions) > 0 {
		b = append(b, `,"m":[`...)
		for i, n := range k.Mentions {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, ']')
	}
	if k.Href != "" {
		b = append(b, `,"href":`...)
		b = appendJSONString(b, k.Href)
	}
	return append(b, '}'), nil
}
