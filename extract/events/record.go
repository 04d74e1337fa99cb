package events

import (
	"fmt"
	"time"

	"github.com/briefing-atlas/atlas/extract"
)

// The event record: Fields lists its fields (see extract.Field), and
// every output of an event walks that list.

// Field is one property of an event.
type Field = extract.Field[Event]

// Fields is the event record, in the order of atlas extract's JSON keys.
func Fields() []Field { return fields }

var fields = []Field{
	{Key: "id", Kind: extract.Text,
		Get: func(e *Event) extract.Value { return extract.Value{Text: e.ID} },
		Set: func(e *Event, v extract.Value) error { e.ID = v.Text; return nil }},
	{Key: "start", Short: "-", Kind: extract.Offset,
		Get: func(e *Event) extract.Value { return extract.Value{Int: e.Start} },
		Set: func(e *Event, v extract.Value) error { e.Start = v.Int; return nil }},
	{Key: "end", Short: "-", Kind: extract.Offset,
		Get: func(e *Event) extract.Value { return extract.Value{Int: e.End} },
		Set: func(e *Event, v extract.Value) error { e.End = v.Int; return nil }},
	{Key: "evidence", Short: "e", Kind: extract.Words,
		Get: func(e *Event) extract.Value { return extract.Value{Text: e.Evidence} },
		Set: func(e *Event, v extract.Value) error { e.Evidence = v.Text; return nil }},
	{Key: "type", Short: "t", Kind: extract.Text,
		Get: func(e *Event) extract.Value { return extract.Value{Text: e.Type} },
		Set: func(e *Event, v extract.Value) error { e.Type = v.Text; return nil }},
	{Key: "sub_type", Short: "s", Kind: extract.Text,
		Get: func(e *Event) extract.Value { return extract.Value{Text: e.SubType} },
		Set: func(e *Event, v extract.Value) error { e.SubType = v.Text; return nil }},
	{Key: "places", Short: "p", Kind: extract.Mentions,
		Get: func(e *Event) extract.Value { return extract.Value{Mentions: e.Places} },
		Set: func(e *Event, v extract.Value) error { e.Places = v.Mentions; return nil }},
	{Key: "also", Short: "ae", Kind: extract.Spans,
		Get: func(e *Event) extract.Value { return extract.Value{Spans: e.Also} },
		Set: func(e *Event, v extract.Value) error { e.Also = v.Spans; return nil }},
	{Key: "governorate", Short: "-", Kind: extract.Text,
		Get: func(e *Event) extract.Value { g := e.Governorate(); return extract.Value{Text: g, Null: g == ""} }},
	{Key: "country", Short: "-", Kind: extract.Text,
		Get: func(e *Event) extract.Value { return extract.Value{Text: e.Country(), Null: e.Place == nil} }},
	{Key: "fatalities", Short: "f", Kind: extract.Int,
		Get: func(e *Event) extract.Value { return optInt(e.Fatalities) },
		Set: func(e *Event, v extract.Value) error { e.Fatalities = intOpt(v); return nil }},
	{Key: "injured", Short: "i", Kind: extract.Int,
		Get: func(e *Event) extract.Value { return optInt(e.Injured) },
		Set: func(e *Event, v extract.Value) error { e.Injured = intOpt(v); return nil }},
	{Key: "actors", Short: "a", Kind: extract.List,
		Get: func(e *Event) extract.Value { return extract.Value{List: e.Actors} },
		Set: func(e *Event, v extract.Value) error { e.Actors = v.List; return nil }},
	{Key: "date", Short: "d", Kind: extract.Text,
		Get: func(e *Event) extract.Value {
			if e.Date == nil {
				return extract.Value{Null: true}
			}
			return extract.Value{Text: e.Date.Format(time.DateOnly)}
		},
		Set: func(e *Event, v extract.Value) error {
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
	{Key: "date_precision", Short: "-", Kind: extract.Text,
		Get: func(e *Event) extract.Value { return extract.Value{Text: e.DatePrecision, Null: e.Date == nil} },
		Set: func(e *Event, v extract.Value) error { e.DatePrecision = v.Text; return nil }},
	{Key: "lat", Kind: extract.Latitude,
		Get: func(e *Event) extract.Value { return coordinate(e, true) }},
	{Key: "lon", Kind: extract.Longitude,
		Get: func(e *Event) extract.Value { return coordinate(e, false) }},
	{Key: "geo_precision", Short: "-", Kind: extract.Int,
		Get: func(e *Event) extract.Value { return extract.Value{Int: e.GeoPrecision} },
		Set: func(e *Event, v extract.Value) error { e.GeoPrecision = v.Int; return nil }},
	{Key: "confidence", Short: "c", Kind: extract.Float,
		Get: func(e *Event) extract.Value { return extract.Value{Float: e.Confidence} },
		Set: func(e *Event, v extract.Value) error { e.Confidence = v.Float; return nil }},
}

func optInt(n *int) extract.Value {
	if n == nil {
		return extract.Value{Null: true}
	}
	return extract.Value{Int: *n}
}

func intOpt(v extract.Value) *int {
	if v.Null {
		return nil
	}
	n := v.Int
	return &n
}

func coordinate(e *Event, lat bool) extract.Value {
	switch {
	case e.Place == nil:
		return extract.Value{Null: true}
	case lat:
		return extract.Value{Float: e.Place.Point.Lat()}
	}
	return extract.Value{Float: e.Place.Point.Lon()}
}
