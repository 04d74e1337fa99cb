package extract

// A record of atlas (a place mention, an event) is described by one field
// list, and every output walks it: atlas extract's JSON lines, the CSV
// and GeoJSON downloads, the site's data scripts and the build cache. A
// field added to a record and to its list reaches all of them with no
// change to their encoders, which decide by a field's Kind how to write
// it (offsets shifted into the file, coordinates in a GeoJSON geometry)
// and by its key only where someone else's format names the column
// (ACLED's events.csv).

// Kind says what a field's Value holds, and so how outputs write it.
type Kind uint8

const (
	Text      Kind = iota // Value.Text; Null when the text gives none
	Int                   // Value.Int; Null when the text gives none
	Float                 // Value.Float
	List                  // Value.List
	Offset                // Value.Int: a code point offset into the briefing's text
	Words                 // Value.Text: words cut from the text between the record's offsets
	Mentions              // Value.Mentions: place mentions; outputs write their surfaces
	Spans                 // Value.Spans: other stretches of the text; offsets and words
	Latitude              // Value.Float, of the record's place; Null without one
	Longitude             // Value.Float, of the record's place; Null without one
)

// Value is one field of one record.
type Value struct {
	Null     bool
	Text     string
	Int      int
	Float    float64
	List     []string
	Mentions []Mention
	Spans    []Span
}

// Span is a stretch of the text: its code point offsets and its words.
type Span struct {
	Start, End int
	Evidence   string
}

// Field is one property of records of type R.
type Field[R any] struct {
	// Key names it in JSON lines and GeoJSON properties, and heads its
	// column in CSV unless the format names the column itself.
	Key string
	// Short is its key in the site's data scripts, where a large atlas
	// has many records: "" writes Key, "-" leaves the field out (the page
	// script has it another way).
	Short string
	Kind  Kind
	Get   func(*R) Value
	// Set restores the field from a stored Value; nil for a field
	// derived from others (the governorate of the place).
	Set func(*R, Value) error
}

// MentionFields is the place mention record, in the order of atlas
// extract's JSON keys. place_id and place_en are a gazetteer place's: a
// landmark the gazetteer lacks is located at a place but is not that
// place, and has none.
func MentionFields() []Field[Mention] { return mentionFields }

var mentionFields = []Field[Mention]{
	{Key: "start", Kind: Offset, Get: func(m *Mention) Value { return Value{Int: m.Start} }},
	{Key: "end", Kind: Offset, Get: func(m *Mention) Value { return Value{Int: m.End} }},
	{Key: "surface", Kind: Text, Get: func(m *Mention) Value { return Value{Text: m.Surface} }},
	{Key: "place_id", Kind: Text, Get: func(m *Mention) Value {
		if !m.Named() {
			return Value{Null: true}
		}
		return Value{Text: m.Place.ID}
	}},
	{Key: "place_ar", Kind: Text, Get: func(m *Mention) Value { return Value{Text: m.Name} }},
	{Key: "place_en", Kind: Text, Get: func(m *Mention) Value {
		if !m.Named() {
			return Value{Null: true}
		}
		return Value{Text: m.Place.NameEn}
	}},
	{Key: "kind", Kind: Text, Get: func(m *Mention) Value { return Value{Text: string(m.Kind)} }},
	{Key: "governorate", Kind: Text, Get: func(m *Mention) Value {
		if m.Place == nil {
			return Value{Null: true}
		}
		g := m.Place.Governorate()
		return Value{Text: g, Null: g == ""}
	}},
	{Key: "country", Kind: Text, Get: func(m *Mention) Value {
		if m.Place == nil {
			return Value{Null: true}
		}
		return Value{Text: m.Place.Country}
	}},
	{Key: "lat", Kind: Latitude, Get: func(m *Mention) Value {
		if m.Place == nil {
			return Value{Null: true}
		}
		return Value{Float: m.Place.Point.Lat()}
	}},
	{Key: "lon", Kind: Longitude, Get: func(m *Mention) Value {
		if m.Place == nil {
			return Value{Null: true}
		}
		return Value{Float: m.Place.Point.Lon()}
	}},
	{Key: "confidence", Kind: Float, Get: func(m *Mention) Value { return Value{Float: m.Confidence} }},
	{Key: "geo_precision", Kind: Int, Get: func(m *Mention) Value { return Value{Int: m.GeoPrecision} }},
	{Key: "use", Kind: Text, Get: func(m *Mention) Value { return Value{Text: string(m.Use)} }},
}

// Named says whether the mention names its gazetteer place itself, not a
// landmark located at it.
func (m *Mention) Named() bool {
	return m.Place != nil && m.Name == m.Place.NameAr && m.Kind == m.Place.Kind
}
