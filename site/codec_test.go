package site

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/briefing-atlas/atlas/site/content"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
)

// entryCase is a record of each kind the cache keeps, encoded.
type entryCase struct {
	name   string
	header string
	want   any
	data   []byte
	decode func([]byte) (any, error)
}

// entryCases are records that use every field of their kind.
func entryCases() []entryCase {
	dead, zero := 12, 0
	day := time.Date(2015, 10, 12, 0, 0, 0, 0, time.UTC)
	ca := &cachedAnalysis{
		Mentions: []cachedMention{
			{Start: 3, End: 6, Derived: surfaceFromText | nameFromPlace, Kind: "city", Place: "C1007", Confidence: 0.93, GeoPrecision: 1, Use: "location"},
			{Start: 40, End: 52, Surface: "ساحة الأمويين", Name: "ساحة الأمويين", Kind: "landmark", Place: "C4420", Confidence: 0.5, GeoPrecision: 2, Use: "location"},
		},
		Unresolved: []extract.Unresolved{{Start: 70, End: 75, Name: "خربة الأطلس", Trigger: "قرية", Sentence: "في قرية خربة الأطلس"}},
		Events: []cachedEvent{
			{Event: events.Event{ID: "a-1", Start: 0, End: 30, Type: "Battles", SubType: "Armed clash",
				GeoPrecision: 1, Fatalities: &dead, Injured: &zero, Actors: []string{"government", "isis"},
				Date: &day, DatePrecision: "day", Confidence: 0.8,
				Also: []events.Span{{Start: 40, End: 52, Evidence: "وأفاد ناشطون"}}},
				mentions: [][]cachedMention{{{Start: 3, End: 6, Place: "C1007"}}}, place: "C1007", bStart: 0, bEnd: 57},
			{Event: events.Event{ID: "a-2", Evidence: "نص", Start: 31, End: 33, Type: "Protests", SubType: "Peaceful protest"},
				mentions: [][]cachedMention{nil}, place: "C1007", bStart: -1, bEnd: -1},
		},
		Spans: [][6]int{{5, 11, 0, 0, 40, 1}, {80, 104, 1, 0, 0, 0}},
	}
	pages := &pageIndex{Salt: "atlas-cache|v1|g1",
		Pages: map[string]cachedPage{
			"articles/a.html":        {Key: "4f1c", Sum: "00ff00ff00ff00ff", Size: 18_204},
			"places/C1007.html":      {Key: "9a0b", Sum: "0123456789abcdef", Size: 7},
			"governorates/SY02.html": {Key: "", Sum: "fedcba9876543210", Size: 1 << 40},
		},
		Times: map[string]int64{"articles/a.html": 1_765_000_000_123_456_789, "events.csv": -1},
	}
	rows := &rowsIndex{Salt: "atlas-cache|v1|g1",
		Sums:  [4]string{"01", "02", "03", "04"},
		Sizes: [4]int64{100, 0, 1 << 33, 5},
		Rows: map[string][4]rowSpan{
			"k1": {{0, 40}, {0, 0}, {1 << 32, 9}, {1, 4}},
			"k2": {{40, 60}, {0, 0}, {7, 3}, {0, 1}},
		},
	}
	return []entryCase{
		{"analysis", analysisHeader, ca, encodeAnalysis(ca), decoding(decodeAnalysis)},
		{"empty analysis", analysisHeader, &cachedAnalysis{}, encodeAnalysis(&cachedAnalysis{}), decoding(decodeAnalysis)},
		{"pages", pagesHeader, pages, encodePages(pages), decoding(decodePages)},
		{"rows", rowsHeader, rows, encodeRows(rows), decoding(decodeRows)},
	}
}

// decoding is decode with its record as any, nil on error.
func decoding[T any](decode func([]byte) (T, error)) func([]byte) (any, error) {
	return func(data []byte) (any, error) {
		v, err := decode(data)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

func sameRecord(got, want any) bool { return reflect.DeepEqual(got, want) }

// sealed is an entry under header of the fields b, whatever they are.
func sealed(header string, b []byte) []byte {
	e := newEntry(header)
	e.b = append(e.b, b...)
	return e.seal()
}

func TestCacheCodecRoundTrip(t *testing.T) {
	for _, c := range entryCases() {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.decode(c.data)
			if err != nil {
				t.Fatal(err)
			}
			if !sameRecord(got, c.want) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, c.want)
			}
			// Every truncation, a flipped bit and a byte more are
			// errors, never a panic.
			for n := range len(c.data) {
				if _, err := c.decode(c.data[:n]); err == nil {
					t.Fatalf("truncated to %d of %d bytes: no error", n, len(c.data))
				}
			}
			bad := bytes.Clone(c.data)
			bad[len(c.header)] ^= 0x80
			if _, err := c.decode(bad); !errors.Is(err, errDamaged) {
				t.Errorf("a flipped bit: %v, want %v", err, errDamaged)
			}
			if _, err := c.decode(append(bytes.Clone(c.data), 0)); !errors.Is(err, errDamaged) {
				t.Errorf("a byte more: %v, want %v", err, errDamaged)
			}
			// An intact entry of another format is a miss of its own
			// kind: no warning about damage.
			other := sealed(strings.Replace(c.header, cacheFormat, "atlas-cache-0", 1), c.data[len(c.header):len(c.data)-8])
			if _, err := c.decode(other); !errors.Is(err, errOtherFormat) {
				t.Errorf("another format: %v, want %v", err, errOtherFormat)
			}
			// Fields that do not end where the entry does are damaged
			// though the hash matches.
			fields := c.data[len(c.header) : len(c.data)-8]
			for _, b := range [][]byte{fields[:len(fields)-1], append(bytes.Clone(fields), 0)} {
				if _, err := c.decode(sealed(c.header, b)); !errors.Is(err, errDamaged) {
					t.Errorf("%d bytes of fields for %d: %v, want %v", len(b), len(fields), err, errDamaged)
				}
			}
		})
	}
}

// FuzzDecodeEntry: any fields under a good hash are a record or an
// error, never a panic.
func FuzzDecodeEntry(f *testing.F) {
	cases := entryCases()
	for i, c := range cases {
		f.Add(uint8(i), c.data[len(c.header):len(c.data)-8])
	}
	f.Fuzz(func(t *testing.T, which uint8, fields []byte) {
		c := cases[int(which)%len(cases)]
		c.decode(sealed(c.header, fields))
	})
}

// FuzzFlippedEntry damages good entries as a disk or a copy does, by
// flipping bits of bytes the fuzzer picks (three bytes a flip: where,
// big-endian and modulo the entry's size, then which bits): each entry
// reads as the very record encoded or is refused as damaged, never read
// as another.
func FuzzFlippedEntry(f *testing.F) {
	cases := entryCases()
	for i := range cases {
		f.Add(uint8(i), []byte{})
		f.Add(uint8(i), []byte{0, 20, 0x01})
		f.Add(uint8(i), []byte{0, 30, 0xff, 1, 0, 0x80})
	}
	f.Fuzz(func(t *testing.T, which uint8, flips []byte) {
		c := cases[int(which)%len(cases)]
		data := bytes.Clone(c.data)
		for i := 0; i+3 <= len(flips); i += 3 {
			data[int(binary.BigEndian.Uint16(flips[i:]))%len(data)] ^= flips[i+2]
		}
		got, err := c.decode(data)
		switch {
		case bytes.Equal(data, c.data) && err != nil:
			t.Fatalf("%s: the intact entry was refused: %v", c.name, err)
		case err != nil && !errors.Is(err, errDamaged):
			t.Fatalf("%s: damage read as %v, want %v", c.name, err, errDamaged)
		case err == nil && !sameRecord(got, c.want):
			t.Fatalf("%s: damaged entry read as another record:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	})
}

// TestDamagedCountsAllocateLittle: a count the data cannot hold fails
// before anything is allocated for it; what a decoder allocates stays
// within a small multiple of the entry's size.
func TestDamagedCountsAllocateLittle(t *testing.T) {
	const n = 1 << 16
	count := binary.AppendUvarint(nil, n)
	zeros := make([]byte, n)
	none := []byte{0} // an empty list
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	// An event's ID, offsets and three strings, before its places.
	event := make([]byte, 8)
	analysis, pages, rows := decoding(decodeAnalysis), decoding(decodePages), decoding(decodeRows)
	for _, tc := range []struct {
		name   string
		data   []byte
		decode func([]byte) (any, error)
	}{
		{"mentions", hostileAnalysis(cat(count, zeros)), analysis},
		{"unresolved", hostileAnalysis(cat(none, count, zeros)), analysis},
		{"events", hostileAnalysis(cat(none, none, count, zeros)), analysis},
		{"event places", hostileAnalysis(cat(none, none, []byte{1}, event[:8], count, zeros)), analysis},
		{"actors", hostileAnalysis(cat(none, none, []byte{1}, event[:8], none, make([]byte, 4), count, zeros)), analysis},
		{"spans", hostileAnalysis(cat(none, none, none, count, zeros)), analysis},
		{"pages", sealed(pagesHeader, cat(none, count, zeros)), pages},
		{"pages that fit", sealed(pagesHeader, cat(none, binary.AppendUvarint(nil, n/4), zeros)), pages},
		{"times", sealed(pagesHeader, cat(none, none, count, zeros)), pages},
		{"times that fit", sealed(pagesHeader, cat(none, none, binary.AppendUvarint(nil, n/2), zeros)), pages},
		{"rows", sealed(rowsHeader, cat(none, make([]byte, 8), count, zeros)), rows},
		{"rows that fit", sealed(rowsHeader, cat(none, make([]byte, 8), binary.AppendUvarint(nil, n/9), zeros)), rows},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := tc.decode(tc.data)
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatal("no error")
			}
			if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(20*len(tc.data)); got > limit {
				t.Errorf("%d bytes allocated for an entry of %d", got, len(tc.data))
			}
		})
	}
}

// hostileAnalysis is an analysis entry of the fields b, its hash good.
func hostileAnalysis(b []byte) []byte { return sealed(analysisHeader, b) }

// TestMinimumSizes: no item encodes shorter than the minimum its count is
// checked with, or a good entry would read as damaged.
func TestMinimumSizes(t *testing.T) {
	empty := len(encodeAnalysis(&cachedAnalysis{}))
	for _, tc := range []struct {
		name string
		min  int
		ca   cachedAnalysis
	}{
		{"mention", minMention, cachedAnalysis{Mentions: []cachedMention{{}}}},
		{"unresolved", minUnresolved, cachedAnalysis{Unresolved: []extract.Unresolved{{}}}},
		{"event", minEvent, cachedAnalysis{Events: []cachedEvent{{}}}},
		{"span", minSpan, cachedAnalysis{Spans: [][6]int{{}}}},
	} {
		if got := len(encodeAnalysis(&tc.ca)) - empty; got < tc.min {
			t.Errorf("a %s encodes in %d bytes, under its minimum %d", tc.name, got, tc.min)
		}
	}
}

// TestCacheKeepsEveryEventField: an analysis read back from the cache
// gives every field of every event as the analysis did, so a field added
// to events.Fields is cached or fails here.
func TestCacheKeepsEveryEventField(t *testing.T) {
	opt, err := newTestOptions(nil, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// Written for this test: a dated briefing whose events have tolls,
	// actors, a second clause and a stated date.
	src := "---\ntitle: اختبار\ndate: 2016-12-20T09:30:00+03:00\n---\n" +
		"قصفت قوات النظام بلدة كفرنبل بريف إدلب يوم 18 كانون الأول 2016، ما أدى إلى مقتل 4 مدنيين وإصابة 9 آخرين. " +
		"وتجدد القصف على كفرنبل مساء اليوم.\n\nخرجت مظاهرة في مدينة سلقين أمس.\n"
	doc, err := content.Parse("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyseOne(opt.Extractor, opt.Events, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Events) < 2 {
		t.Fatalf("%d events; the test needs two or more", len(a.Events))
	}
	// A field the text leaves empty gets a value of its kind, so that a
	// field added to the record is tested whatever the detector makes of
	// these sentences.
	for i := range a.Events {
		e := &a.Events[i]
		for _, f := range events.Fields() {
			v := f.Get(e)
			if f.Set == nil {
				continue
			}
			switch {
			case f.Kind == extract.Text && (v.Null || v.Text == ""):
				v = extract.Value{Text: "2016-12-17"} // a date, and text for the rest
			case f.Kind == extract.Int && v.Null:
				v = extract.Value{Int: 5}
			case f.Kind == extract.Float && v.Float == 0:
				v = extract.Value{Float: 0.25}
			case f.Kind == extract.List && len(v.List) == 0:
				v = extract.Value{List: []string{"unknown"}}
			default:
				continue
			}
			if err := f.Set(e, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	ca, err := decodeAnalysis(encodeAnalysis(newCachedAnalysis(a)))
	if err != nil {
		t.Fatal(err)
	}
	back, err := ca.article(opt.Gazetteer, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Events) != len(a.Events) {
		t.Fatalf("%d events back from the cache, %d analysed", len(back.Events), len(a.Events))
	}
	for i := range a.Events {
		for _, f := range events.Fields() {
			want, got := f.Get(&a.Events[i]), f.Get(&back.Events[i])
			if !reflect.DeepEqual(got, want) {
				t.Errorf("event %d %s: %+v from the cache, %+v analysed", i, f.Key, got, want)
			}
		}
	}
}
