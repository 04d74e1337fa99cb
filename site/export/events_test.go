package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo"
)

// fullEvent has every field of the record set, none null or empty: each
// through its Set with a value of its kind, so that a field added to the
// record is set here too.
func fullEvent(t *testing.T) *events.Event {
	t.Helper()
	place := &geo.Place{ID: "C1007", NameAr: "حلب", NameEn: "Aleppo", Country: "SY", Adm1: "SY02", Adm1En: "Aleppo", Point: orb.Point{37.16117, 36.20124}}
	e := &events.Event{Place: place}
	for _, f := range events.Fields() {
		if f.Set == nil {
			continue // derived from the place
		}
		var v extract.Value
		switch f.Kind {
		case extract.Text:
			v.Text = "2016-12-22" // a date, and text for the rest
		case extract.Words:
			v.Text = "قصف مدفعي على <حي> الشعار & محيطه"
		case extract.Int, extract.Offset:
			v.Int = 7
		case extract.Float:
			v.Float = 0.8
		case extract.List:
			v.List = []string{"government", "russia"}
		case extract.Mentions:
			v.Mentions = []extract.Mention{{Start: 20, End: 23, Surface: "حلب", Place: place}}
		case extract.Spans:
			v.Spans = []events.Span{{Start: 50, End: 60, Evidence: "وتجدد القصف"}}
		}
		if err := f.Set(e, v); err != nil {
			t.Fatalf("%s: %v", f.Key, err)
		}
	}
	return e
}

// TestEveryFieldInEveryOutput: each field of the record reaches atlas
// extract's lines, the GeoJSON, events.csv and data/events.js, so a field
// added to events.Fields that an encoder drops fails here.
func TestEveryFieldInEveryOutput(t *testing.T) {
	e := fullEvent(t)
	line, err := AppendEventLine(nil, "a.md", 100, e)
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(line, &rec); err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	feature, err := AppendEventFeature(nil, e, "articles/a.html", "عنوان")
	if err != nil {
		t.Fatal(err)
	}
	var gj struct {
		Geometry   struct{ Coordinates []float64 }
		Properties map[string]any
	}
	if err := json.Unmarshal(feature, &gj); err != nil {
		t.Fatalf("%s: %v", feature, err)
	}
	script, err := AppendEventScript(nil, e, nil)
	if err != nil {
		t.Fatal(err)
	}
	var js map[string]any
	if err := json.Unmarshal(script, &js); err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	header, row := EventsCSVHeader(), EventRow(e, "a.md")
	if len(header) != len(row) {
		t.Fatalf("events.csv: %d columns in the header, %d in a row", len(header), len(row))
	}
	column := map[string]string{}
	for i, h := range header {
		column[h] = row[i]
	}
	acled := map[string]bool{}
	for _, c := range acledColumns {
		if c.field != "" {
			acled[c.field] = c.name != ""
		}
	}
	for _, f := range events.Fields() {
		if rec[f.Key] == nil {
			t.Errorf("atlas extract: no %q in %s", f.Key, line)
		}
		switch f.Kind {
		case extract.Offset:
			// positions in the file: extract's lines only
		case extract.Latitude, extract.Longitude:
			if len(gj.Geometry.Coordinates) != 2 {
				t.Errorf("GeoJSON: no point for %q", f.Key)
			}
		default:
			if gj.Properties[f.Key] == nil {
				t.Errorf("GeoJSON: no property %q in %s", f.Key, feature)
			}
		}
		if f.Kind != extract.Offset && !acled[f.Key] && f.Key != "also" && column[f.Key] == "" {
			t.Errorf("events.csv: no column %q in %v", f.Key, header)
		}
		if key := cmpOr(f.Short, f.Key); f.Short != "-" && f.Kind != extract.Offset && js[key] == nil {
			t.Errorf("data/events.js: no %q for %q in %s", key, f.Key, script)
		}
	}
	if rec["doc"] != "a.md" || rec["start"] != 107.0 || rec["end"] != 107.0 {
		t.Errorf("atlas extract: doc and offsets in the file: %s", line)
	}
	if got := column["notes"]; got != e.Evidence+" … "+e.Also[0].Evidence {
		t.Errorf("events.csv notes = %q: every clause that tells the event", got)
	}
	if gj.Properties["article"] != "articles/a.html" || gj.Properties["title"] != "عنوان" {
		t.Errorf("GeoJSON: article and title: %s", feature)
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestNullsAndEmptyLists: what the text does not give is null in JSON,
// an empty cell in CSV and absent from the site's script; lists are never
// null.
func TestNullsAndEmptyLists(t *testing.T) {
	e := fullEvent(t)
	e.Fatalities, e.Injured, e.Date, e.DatePrecision, e.Actors, e.Also = nil, nil, nil, "", nil, nil
	e.Place = &geo.Place{ID: "x", Country: "TR", Point: orb.Point{32.85, 39.93}}
	line, err := AppendEventLine(nil, "a.md", 0, e)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"fatalities":null`, `"injured":null`, `"date":null`, `"date_precision":null`,
		`"governorate":null`, `"actors":[]`, `"also":[]`, `"country":"TR"`} {
		if !bytes.Contains(line, []byte(want)) {
			t.Errorf("atlas extract: no %s in %s", want, line)
		}
	}
	script, err := AppendEventScript(nil, e, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, absent := range []string{`"f":`, `"i":`, `"d":`, `"a":`, `"ae":`} {
		if bytes.Contains(script, []byte(absent)) {
			t.Errorf("data/events.js: %s in %s", absent, script)
		}
	}
	row := EventRow(e, "a.md")
	if row[1] != "" || row[11] != "" || row[14] != "" {
		t.Errorf("events.csv: date %q, fatalities %q, time precision %q: want empty cells", row[1], row[11], row[14])
	}
}

// TestEventLineIsPlainJSON: atlas extract's lines keep <, > and & as they
// are (json.Encoder with SetEscapeHTML(false)); the site's files escape
// them, as json.Marshal does.
func TestEventLineIsPlainJSON(t *testing.T) {
	e := fullEvent(t)
	line, _ := AppendEventLine(nil, "a.md", 0, e)
	if !bytes.Contains(line, []byte("<حي> الشعار & محيطه")) {
		t.Errorf("atlas extract escaped HTML: %s", line)
	}
	feature, _ := AppendEventFeature(nil, e, "a", "t")
	if !bytes.Contains(feature, []byte(`\u003cحي\u003e الشعار \u0026 محيطه`)) {
		t.Errorf("GeoJSON did not escape HTML: %s", feature)
	}
}

// TestEventsCSVIsACLEDFirst: ACLED's columns come first, in its order.
func TestEventsCSVIsACLEDFirst(t *testing.T) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(EventsCSVHeader())
	w.Flush()
	if !strings.HasPrefix(b.String(), "event_id,event_date,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,geo_precision,fatalities,notes,source,time_precision,confidence") {
		t.Errorf("header %q", b.String())
	}
}

// TestWriterMatchesEncodingJSON holds the writer to the bytes, and the
// errors, of encoding/json, on random strings and floats.
func TestWriterMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	pieces := []string{"", "a", "حلب", " ", `"`, `\`, "<", ">", "&", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
		"\u2028", "\u2029", "\u2027", "\xff", "\xd8", "\xe2\x80", "é", "😀", "\ufeff", "/", "'", "<script>", "]]>"}
	for range 20000 {
		var sb strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s, true); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, json.Marshal %s", s, got, want)
		}
		var plain bytes.Buffer
		enc := json.NewEncoder(&plain)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		if got := AppendString(nil, s, false); !bytes.Equal(append(got, '\n'), plain.Bytes()) {
			t.Fatalf("%q: got %s, json.Encoder without HTML escaping %s", s, got, plain.Bytes())
		}
		f := randomFloat(rng)
		want, werr := json.Marshal(f)
		got, err := AppendFloat(nil, f)
		if (err != nil) != (werr != nil) || (err == nil && !bytes.Equal(got, want)) {
			t.Fatalf("%v: got %s (%v), json.Marshal %s (%v)", f, got, err, want, werr)
		}
	}
}

func randomFloat(rng *rand.Rand) float64 {
	switch rng.IntN(9) {
	case 0:
		return 0
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return float64(rng.IntN(1000) - 500)
	case 3:
		return rng.Float64() * 1e-6 * float64(rng.IntN(3)-1)
	case 4:
		return rng.NormFloat64() * 1e22
	case 5:
		return Round(rng.Float64()*360 - 180)
	case 6:
		return math.Float64frombits(rng.Uint64()) // any bits, NaN among them
	case 7:
		return math.Inf(rng.IntN(2)*2 - 1)
	}
	return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
}

// TestFieldKeysAreDistinct: two fields under one key would overwrite
// each other in every output.
func TestFieldKeysAreDistinct(t *testing.T) {
	var keys, shorts []string
	for _, f := range events.Fields() {
		keys = append(keys, f.Key)
		if f.Short != "-" {
			shorts = append(shorts, cmpOr(f.Short, f.Key))
		}
	}
	for _, list := range [][]string{keys, shorts} {
		sorted := slices.Clone(list)
		slices.Sort(sorted)
		if len(slices.Compact(sorted)) != len(list) {
			t.Errorf("keys repeat: %v", list)
		}
	}
}

// BenchmarkEventOutputs is one event written as each output writes it.
func BenchmarkEventOutputs(b *testing.B) {
	t := &testing.T{}
	e := fullEvent(t)
	var buf []byte
	for b.Loop() {
		buf, _ = AppendEventLine(buf[:0], "a.md", 10, e)
		buf, _ = AppendEventFeature(buf[:0], e, "articles/a.html", "عنوان")
		buf, _ = AppendEventScript(buf[:0], e, nil)
		_ = EventRow(e, "a.md")
	}
}

// TestMentionInEveryOutput: each field of the mention record reaches
// atlas extract's lines and mentions.csv, whose columns stay those the
// downloads have always had.
func TestMentionInEveryOutput(t *testing.T) {
	place := &geo.Place{ID: "C1007", NameAr: "حلب", NameEn: "Aleppo", Kind: geo.City, Country: "SY", Adm1En: "Aleppo", Point: orb.Point{37.16117, 36.20124}}
	m := &extract.Mention{Start: 3, End: 6, Surface: "بحلب", Name: "حلب", Kind: geo.City, Place: place, Confidence: 0.9, GeoPrecision: 1, Use: "location"}
	line, err := AppendLine(nil, "a.md", 10, m, extract.MentionFields())
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(line, &rec); err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	header := CSVHeader("article", extract.MentionFields())
	if got := strings.Join(header, ","); got != "article,start,end,surface,place_id,place_ar,place_en,kind,governorate,country,latitude,longitude,confidence,geo_precision,use" {
		t.Errorf("mentions.csv header %s", got)
	}
	row := AppendRow(nil, "a.md", 10, m, extract.MentionFields())
	if len(row) != len(header) {
		t.Fatalf("%d cells under %d columns", len(row), len(header))
	}
	for i, f := range extract.MentionFields() {
		if rec[f.Key] == nil {
			t.Errorf("atlas extract: no %q in %s", f.Key, line)
		}
		if row[i+1] == "" {
			t.Errorf("mentions.csv: %s empty in %v", header[i+1], row)
		}
	}
	if rec["doc"] != "a.md" || rec["start"] != 13.0 || row[1] != "13" || row[12] != "0.90" {
		t.Errorf("offsets in the file and confidence: %s / %v", line, row)
	}
	// A landmark located at a place is not that place: no id of its own.
	m.Name, m.Kind = "ساحة سعد الله الجابري", geo.Landmark
	line, _ = AppendLine(nil, "a.md", 0, m, extract.MentionFields())
	if !bytes.Contains(line, []byte(`"place_id":null`)) || !bytes.Contains(line, []byte(`"place_en":null`)) {
		t.Errorf("a landmark with its place's id: %s", line)
	}
}
