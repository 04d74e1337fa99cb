// Package export writes atlas's records in the formats readers take away:
// JSON lines (atlas extract), GeoJSON, CSV and the site's data scripts.
// An event is written by walking events.Fields, so a field added to the
// record reaches every format without a change here.
package export

import (
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/extract/events"
)

// AppendEventLine appends e as one line of `atlas extract --events
// --format jsonl`: every field in the record's order, doc after id, code
// point offsets shifted by offset (where the body starts in the file),
// and <, > and & as they are.
func AppendEventLine(b []byte, doc string, offset int, e *events.Event) ([]byte, error) {
	w := Writer{B: b, Plain: true}
	for i, f := range events.Fields() {
		w.key(i, f.Key)
		v := f.Get(e)
		switch f.Kind {
		case events.Offset:
			w.Int("", offset+v.Int)
		case events.Spans:
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
		if f.Key == "id" {
			w.Str(`,"doc":`, doc)
		}
	}
	w.Raw("}\n")
	return w.B, w.Err
}

// AppendEventFeature appends e as a GeoJSON feature: its place's point
// (rounded to 5 decimals, about a metre) as the geometry, every field
// but its offsets and coordinates as properties, then the article it
// comes from.
func AppendEventFeature(b []byte, e *events.Event, article, title string) ([]byte, error) {
	w := Writer{B: b}
	w.Str(`{"type":"Feature","id":`, e.ID)
	w.Float(`,"geometry":{"type":"Point","coordinates":[`, Round(e.Place.Point.Lon()))
	w.Float(`,`, Round(e.Place.Point.Lat()))
	w.Raw(`]},"properties":`)
	n := 0
	for _, f := range events.Fields() {
		switch f.Kind {
		case events.Offset, events.Latitude, events.Longitude:
			continue
		}
		w.key(n, f.Key)
		n++
		value(&w, f.Kind, f.Get(e))
	}
	w.Str(`,"article":`, article)
	w.Str(`,"title":`, title)
	w.Raw("}}")
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

// value writes what every JSON output writes alike: null for what the
// text does not give, lists never null, mentions as their surfaces and
// other clauses as their words.
func value(w *Writer, kind events.Kind, v events.Value) {
	if v.Null {
		w.Raw("null")
		return
	}
	switch kind {
	case events.Text, events.Words:
		w.Str("", v.Text)
	case events.Int, events.Offset:
		w.Int("", v.Int)
	case events.Float, events.Latitude, events.Longitude:
		w.Float("", v.Float)
	case events.List:
		w.Raw("[")
		for i, s := range v.List {
			if i > 0 {
				w.Raw(",")
			}
			w.Str("", s)
		}
		w.Raw("]")
	case events.Mentions:
		w.Raw("[")
		for i, m := range v.Mentions {
			if i > 0 {
				w.Raw(",")
			}
			w.Str("", m.Surface)
		}
		w.Raw("]")
	case events.Spans:
		w.Raw("[")
		for i, s := range v.Spans {
			if i > 0 {
				w.Raw(",")
			}
			w.Str("", s.Evidence)
		}
		w.Raw("]")
	}
}

// The events.js clips: a map popup shows the start of the evidence.
const (
	scriptEvidence = 240
	scriptAlso     = 160
)

// AppendEventScript appends e as an object of the site's data/events.js:
// the fields' short keys, nothing for what the text does not give,
// evidence clipped for a popup, a place's first mention only (the most
// precise) and coordinates rounded; extra writes the members only the
// site knows (the page's address), each after a comma.
func AppendEventScript(b []byte, e *events.Event, extra func(w *Writer)) ([]byte, error) {
	w := Writer{B: b}
	n := 0
	for _, f := range events.Fields() {
		if f.Short == "-" || f.Kind == events.Offset {
			continue
		}
		key := f.Short
		if key == "" {
			key = f.Key
		}
		v := f.Get(e)
		if v.Null || (f.Kind == events.Mentions && len(v.Mentions) == 0) || (f.Kind == events.Spans && len(v.Spans) == 0) ||
			(f.Kind == events.List && len(v.List) == 0) {
			continue
		}
		w.key(n, key)
		n++
		switch f.Kind {
		case events.Words:
			w.Str("", Clip(v.Text, scriptEvidence))
		case events.Latitude, events.Longitude:
			w.Float("", Round(v.Float))
		case events.Mentions:
			w.Str("", v.Mentions[0].Surface)
		case events.Spans:
			w.Raw("[")
			for i, s := range v.Spans {
				if i > 0 {
					w.Raw(",")
				}
				w.Str("", Clip(s.Evidence, scriptAlso))
			}
			w.Raw("]")
		default:
			value(&w, f.Kind, v)
		}
	}
	if extra != nil {
		extra(&w)
	}
	w.Raw("}")
	return w.B, w.Err
}

// acledColumns are events.csv's first columns, as ACLED's export names
// them so that tools made for it read atlas's events, with the record's
// fields that fill each; every other field follows under its own key.
var acledColumns = []struct{ name, field string }{
	{"event_id", "id"}, {"event_date", "date"}, {"event_type", "type"}, {"sub_event_type", "sub_type"},
	{"actor1", "actors"}, {"actor2", ""}, {"admin1", "governorate"}, {"location", "places"},
	{"latitude", "lat"}, {"longitude", "lon"}, {"geo_precision", "geo_precision"},
	{"fatalities", "fatalities"}, {"notes", "evidence"}, {"source", ""},
	{"time_precision", "date_precision"}, {"confidence", "confidence"},
}

// otherColumns are the record's fields that follow ACLED's columns in
// events.csv: all but those ACLED's fill, "also" (joined with the
// evidence in the notes) and offsets into the text.
var otherColumns = func() []events.Field {
	var out []events.Field
	for _, f := range events.Fields() {
		inACLED := f.Key == "also" || f.Kind == events.Offset
		for _, c := range acledColumns {
			inACLED = inACLED || c.field == f.Key
		}
		if !inACLED {
			out = append(out, f)
		}
	}
	return out
}()

// EventsCSVHeader is the header of events.csv.
func EventsCSVHeader() []string {
	var h []string
	for _, c := range acledColumns {
		h = append(h, c.name)
	}
	for _, f := range otherColumns {
		h = append(h, f.Key)
	}
	return h
}

// EventRow is e's row of events.csv; source names the briefing.
func EventRow(e *events.Event, source string) []string {
	row := make([]string, len(acledColumns), len(acledColumns)+len(otherColumns))
	row[0] = e.ID
	if e.Date != nil {
		row[1] = e.Date.Format("2006-01-02")
	}
	row[2], row[3] = e.Type, e.SubType
	if len(e.Actors) > 0 {
		row[4] = e.Actors[0]
	}
	if len(e.Actors) > 1 {
		row[5] = strings.Join(e.Actors[1:], ";")
	}
	row[6] = e.Governorate()
	names := make([]string, len(e.Places))
	for i, m := range e.Places {
		names[i] = m.Surface
	}
	row[7] = strings.Join(names, "; ")
	row[8], row[9] = Coord(e.Place.Point.Lat()), Coord(e.Place.Point.Lon())
	row[10] = strconv.Itoa(e.GeoPrecision)
	if e.Fatalities != nil {
		row[11] = strconv.Itoa(*e.Fatalities)
	}
	row[12] = e.Evidence
	if len(e.Also) > 0 {
		notes := []string{e.Evidence}
		for _, s := range e.Also {
			notes = append(notes, s.Evidence)
		}
		row[12] = strings.Join(notes, " … ")
	}
	row[13] = source
	row[14] = timePrecision(e)
	row[15] = strconv.FormatFloat(e.Confidence, 'f', 2, 64)
	for _, f := range otherColumns {
		row = append(row, cell(f.Kind, f.Get(e)))
	}
	return row
}

// cell is a field's value in a CSV cell: empty for what the text does not
// give, lists joined with "; ".
func cell(kind events.Kind, v events.Value) string {
	if v.Null {
		return ""
	}
	switch kind {
	case events.Int, events.Offset:
		return strconv.Itoa(v.Int)
	case events.Float:
		return strconv.FormatFloat(v.Float, 'f', -1, 64)
	case events.Latitude, events.Longitude:
		return Coord(v.Float)
	case events.List:
		return strings.Join(v.List, "; ")
	case events.Mentions:
		names := make([]string, len(v.Mentions))
		for i, m := range v.Mentions {
			names[i] = m.Surface
		}
		return strings.Join(names, "; ")
	case events.Spans:
		words := make([]string, len(v.Spans))
		for i, s := range v.Spans {
			words[i] = s.Evidence
		}
		return strings.Join(words, " … ")
	}
	return v.Text
}

// timePrecision is ACLED's time_precision of an event's date: 1 for a
// day, 3 for a month or a coarser date; "" with no date.
func timePrecision(e *events.Event) string {
	switch {
	case e.Date == nil:
		return ""
	case e.DatePrecision == "day":
		return "1"
	}
	return "3"
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
