package events

import (
	"fmt"
	"time"

	"github.com/briefing-atlas/atlas/extract"
)

// An Event is one record with one field list: Fields. Every output of an
// event — atlas extract's JSON lines, events.csv, events.geojson, the
// site's data/events.js and the build cache — walks that list, so a field
// added to Event and to Fields appears in all of them without touching
// their encoders. Encoders decide by a field's Kind how to write it
// (offsets shifted into the file, coordinates in a GeoJSON geometry), and
// by its key only where a format of someone else's names the column
// (ACLED's events.csv).

// Kind says what a field's Value holds, and so how outputs write it.
type Kind uint8

const (
	Text      Kind = iota // Value.Text; Null when the text gives none
	Int                   // Value.Int; Null when the text gives none
	Float                 // Value.Float
	List                  // Value.List
	Offset                // Value.Int: a code point offset into the briefing's text
	Words                 // Value.Text: words cut from the text between the event's offsets
	Mentions              // Value.Mentions: place mentions; outputs write their surfaces
	Spans                 // Value.Spans: other clauses of the text; offsets and words
	Latitude              // Value.Float, of the event's place; Null without one
	Longitude             // Value.Float, of the event's place; Null without one
)

// Value is one field of one event.
type Value struct {
	Null     bool
	Text     string
	Int      int
	Float    float64
	List     []string
	Mentions []extract.Mention
	Spans    []Span
}

// Field is one property of an event.
type Field struct {
	// Key names it in JSON lines and GeoJSON properties, and heads its
	// column in CSV unless the format names the column itself.
	Key string
	// Short is its key in the site's data/events.js, where a large atlas
	// has many events: "" writes Key, "-" leaves the field out (the page
	// script has it another way).
	Short string
	Kind  Kind
	Get   func(*Event) Value
	// Set restores the field from a stored Value; nil for a field
	// derived from others (the governorate of the place).
	Set func(*Event, Value) error
}

// Fields is the event record, in the order of atlas extract's JSON keys.
func Fields() []Field { return fields }

var fields = []Field{
	{Key: "id", Kind: Text,
		Get: func(e *Event) Value { return Value{Text: e.ID} },
		Set: func(e *Event, v Value) error { e.ID = v.Text; return nil }},
	{Key: "start", Short: "-", Kind: Offset,
		Get: func(e *Event) Value { return Value{Int: e.Start} },
		Set: func(e *Event, v Value) error { e.Start = v.Int; return nil }},
	{Key: "end", Short: "-", Kind: Offset,
		Get: func(e *Event) Value { return Value{Int: e.End} },
		Set: func(e *Event, v Value) error { e.End = v.Int; return nil }},
	{Key: "evidence", Short: "e", Kind: Words,
		Get: func(e *Event) Value { return Value{Text: e.Evidence} },
		Set: func(e *Event, v Value) error { e.Evidence = v.Text; return nil }},
	{Key: "type", Short: "t", Kind: Text,
		Get: func(e *Event) Value { return Value{Text: e.Type} },
		Set: func(e *Event, v Value) error { e.Type = v.Text; return nil }},
	{Key: "sub_type", Short: "s", Kind: Text,
		Get: func(e *Event) Value { return Value{Text: e.SubType} },
		Set: func(e *Event, v Value) error { e.SubType = v.Text; return nil }},
	{Key: "places", Short: "p", Kind: Mentions,
		Get: func(e *Event) Value { return Value{Mentions: e.Places} },
		Set: func(e *Event, v Value) error { e.Places = v.Mentions; return nil }},
	{Key: "also", Short: "ae", Kind: Spans,
		Get: func(e *Event) Value { return Value{Spans: e.Also} },
		Set: func(e *Event, v Value) error { e.Also = v.Spans; return nil }},
	{Key: "governorate", Short: "-", Kind: Text,
		Get: func(e *Event) Value { g := e.Governorate(); return Value{Text: g, Null: g == ""} }},
	{Key: "country", Short: "-", Kind: Text,
		Get: func(e *Event) Value { return Value{Text: e.Country(), Null: e.Place == nil} }},
	{Key: "fatalities", Short: "f", Kind: Int,
		Get: func(e *Event) Value { return optInt(e.Fatalities) },
		Set: func(e *Event, v Value) error { e.Fatalities = intOpt(v); return nil }},
	{Key: "injured", Short: "i", Kind: Int,
		Get: func(e *Event) Value { return optInt(e.Injured) },
		Set: func(e *Event, v Value) error { e.Injured = intOpt(v); return nil }},
	{Key: "actors", Short: "a", Kind: List,
		Get: func(e *Event) Value { return Value{List: e.Actors} },
		Set: func(e *Event, v Value) error { e.Actors = v.List; return nil }},
	{Key: "date", Short: "d", Kind: Text,
		Get: func(e *Event) Value {
			if e.Date == nil {
				return Value{Null: true}
			}
			return Value{Text: e.Date.Format(time.DateOnly)}
		},
		Set: func(e *Event, v Value) error {
			if v.Null {
				e.Date = nil
				return nil
			}
			d, err := time.Parse(time.DateOnly, v.Text)
			if err != nil {
				return fmt.Errorf("event %s: date: %w", e.ID, err)
			}
			e.Date = &d
			return nil
		}},
	{Key: "date_precision", Short: "-", Kind: Text,
		Get: func(e *Event) Value { return Value{Text: e.DatePrecision, Null: e.Date == nil} },
		Set: func(e *Event, v Value) error { e.DatePrecision = v.Text; return nil }},
	{Key: "lat", Kind: Latitude,
		Get: func(e *Event) Value { return coordinate(e, true) }},
	{Key: "lon", Kind: Longitude,
		Get: func(e *Event) Value { return coordinate(e, false) }},
	{Key: "geo_precision", Short: "-", Kind: Int,
		Get: func(e *Event) Value { return Value{Int: e.GeoPrecision} },
		Set: func(e *Event, v Value) error { e.GeoPrecision = v.Int; return nil }},
	{Key: "confidence", Short: "c", Kind: Float,
		Get: func(e *Event) Value { return Value{Float: e.Confidence} },
		Set: func(e *Event, v Value) error { e.Confidence = v.Float; return nil }},
}

func optInt(n *int) Value {
	if n == nil {
		return Value{Null: true}
	}
	return Value{Int: *n}
}

func intOpt(v Value) *int {
	if v.Null {
		return nil
	}
	n := v.Int
	return &n
}

func coordinate(e *Event, lat bool) Value {
	switch {
	case e.Place == nil:
		return Value{Null: true}
	case lat:
		return Value{Float: e.Place.Point.Lat()}
	}
	return Value{Float: e.Place.Point.Lon()}
}
