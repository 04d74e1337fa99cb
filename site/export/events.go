package export

import (
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
)

// AppendEventLine appends e as one line of `atlas extract --events
// --format jsonl` (see AppendLine).
func AppendEventLine(b []byte, doc string, offset int, e *events.Event) ([]byte, error) {
	return AppendLine(b, doc, offset, e, events.Fields())
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
		case extract.Offset, extract.Latitude, extract.Longitude:
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
		if f.Short == "-" || f.Kind == extract.Offset {
			continue
		}
		key := f.Short
		if key == "" {
			key = f.Key
		}
		v := f.Get(e)
		if v.Null || (f.Kind == extract.Mentions && len(v.Mentions) == 0) || (f.Kind == extract.Spans && len(v.Spans) == 0) ||
			(f.Kind == extract.List && len(v.List) == 0) {
			continue
		}
		w.key(n, key)
		n++
		switch f.Kind {
		case extract.Words:
			w.Str("", Clip(v.Text, scriptEvidence))
		case extract.Latitude, extract.Longitude:
			w.Float("", Round(v.Float))
		case extract.Mentions:
			w.Str("", v.Mentions[0].Surface)
		case extract.Spans:
			w.list(len(v.Spans), func(i int) string { return Clip(v.Spans[i].Evidence, scriptAlso) })
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
		inACLED := f.Key == "also" || f.Kind == extract.Offset
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
		row = append(row, Cell(f.Kind, f.Get(e)))
	}
	return row
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
