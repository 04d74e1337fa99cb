// Package export writes atlas's records in the formats readers take away:
// JSON lines (atlas extract), GeoJSON, CSV and the site's data scripts.
// A record is written by walking its field list (events.Fields,
// extract.MentionFields), so a field added to a record reaches every
// format without a change here.
package export

import (
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/extract"
)

// AppendLine appends r as one line of `atlas extract --format jsonl`:
// every field in the record's order with doc before the first offset,
// code point offsets shifted by offset (where the body starts in the
// file), and <, > and & as they are.
func AppendLine[R any](b []byte, doc string, offset int, r *R, fields []extract.Field[R]) ([]byte, error) {
	w := Writer{B: b, Plain: true}
	n := 0
	for _, f := range fields {
		if f.Kind == extract.Offset && doc != "" {
			w.key(n, "doc")
			n++
			w.Str("", doc)
			doc = ""
		}
		w.key(n, f.Key)
		n++
		v := f.Get(r)
		switch f.Kind {
		case extract.Offset:
			w.Int("", offset+v.Int)
		case extract.Spans:
			w.Raw("[")
			for i, s := range v.Spans {
				if i > 0 {
					w.Raw(",")
				}
				w.Int("[", offset+s.Start)
				w.Int(",", offset+s.End)
				w.Raw("]")
			}
			w.Raw("]")
		default:
			value(&w, f.Kind, v)
		}
	}
	w.Raw("}\n")
	return w.B, w.Err
}

// key writes an object's n-th key: "{" before the first, "," before the
// others.
func (w *Writer) key(n int, key string) {
	if n == 0 {
		w.B = append(w.B, '{', '"')
	} else {
		w.B = append(w.B, ',', '"')
	}
	w.B = append(append(w.B, key...), '"', ':')
}

// list writes an array of n strings, the i-th at(i).
func (w *Writer) list(n int, at func(int) string) {
	w.Raw("[")
	for i := range n {
		if i > 0 {
			w.Raw(",")
		}
		w.Str("", at(i))
	}
	w.Raw("]")
}

// value writes what every JSON output writes alike: null for what the
// text does not give, lists never null, mentions as their surfaces and
// other clauses as their words.
func value(w *Writer, kind extract.Kind, v extract.Value) {
	if v.Null {
		w.Raw("null")
		return
	}
	switch kind {
	case extract.Text, extract.Words:
		w.Str("", v.Text)
	case extract.Int, extract.Offset:
		w.Int("", v.Int)
	case extract.Float, extract.Latitude, extract.Longitude:
		w.Float("", v.Float)
	case extract.List:
		w.list(len(v.List), func(i int) string { return v.List[i] })
	case extract.Mentions:
		w.list(len(v.Mentions), func(i int) string { return v.Mentions[i].Surface })
	case extract.Spans:
		w.list(len(v.Spans), func(i int) string { return v.Spans[i].Evidence })
	}
}

// CSVHeader is the header of a CSV of records: what names the source
// (the article), then each field, with
// coordinates as latitude and longitude.
func CSVHeader[R any](source string, fields []extract.Field[R]) []string {
	h := []string{source}
	for _, f := range fields {
		switch f.Kind {
		case extract.Latitude:
			h = append(h, "latitude")
		case extract.Longitude:
			h = append(h, "longitude")
		default:
			h = append(h, f.Key)
		}
	}
	return h
}

// AppendRow appends r's row of a CSV with CSVHeader's columns to row:
// source, then each field's Cell, offsets shifted by offset.
func AppendRow[R any](row []string, source string, offset int, r *R, fields []extract.Field[R]) []string {
	row = append(row, source)
	for _, f := range fields {
		v := f.Get(r)
		if f.Kind == extract.Offset {
			v.Int += offset
		}
		row = append(row, Cell(f.Kind, v))
	}
	return row
}

// Cell is a field's value in a CSV cell: empty for what the text does not
// give, numbers with two decimals (confidences), coordinates with five,
// lists joined with "; ".
func Cell(kind extract.Kind, v extract.Value) string {
	if v.Null {
		return ""
	}
	switch kind {
	case extract.Int, extract.Offset:
		return strconv.Itoa(v.Int)
	case extract.Float:
		return strconv.FormatFloat(v.Float, 'f', 2, 64)
	case extract.Latitude, extract.Longitude:
		return Coord(v.Float)
	case extract.List:
		return strings.Join(v.List, "; ")
	case extract.Mentions:
		names := make([]string, len(v.Mentions))
		for i, m := range v.Mentions {
			names[i] = m.Surface
		}
		return strings.Join(names, "; ")
	case extract.Spans:
		words := make([]string, len(v.Spans))
		for i, s := range v.Spans {
			words[i] = s.Evidence
		}
		return strings.Join(words, " … ")
	}
	return v.Text
}

// Coord is a coordinate as the downloads write it: 5 decimals.
func Coord(v float64) string { return strconv.FormatFloat(Round(v), 'f', -1, 64) }

// Round rounds a coordinate to 5 decimals, about a metre.
func Round(v float64) float64 {
	half := 0.5
	if v < 0 {
		half = -0.5
	}
	return float64(int64(v*1e5+half)) / 1e5
}

// Clip cuts s to n code points, with an ellipsis when it cut.
func Clip(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
