package site

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/briefing-atlas/atlas/extract"
)

func TestAnalysisCodecRoundTrip(t *testing.T) {
	dead, zero := 12, 0
	ca := &cachedAnalysis{
		Mentions: []cachedMention{
			{Start: 3, End: 6, Derived: surfaceFromText | nameFromPlace, Kind: "city", Place: "C1007", Confidence: 0.93, GeoPrecision: 1, Use: "location"},
			{Start: 40, End: 52, Surface: "ساحة الأمويين", Name: "ساحة الأمويين", Kind: "landmark", Place: "C4420", Confidence: 0.5, GeoPrecision: 2, Use: "location"},
		},
		Unresolved: []extract.Unresolved{{Start: 70, End: 75, Name: "خربة الأطلس", Trigger: "قرية", Sentence: "في قرية خربة الأطلس"}},
		Events: []cachedEvent{
			{ID: "a-1", Start: 0, End: 30, BStart: 0, BEnd: 57, Type: "Battles", Sub: "Armed clash", Places: []cachedMention{{Start: 3, End: 6, Place: "C1007"}},
				Place: "C1007", GeoPrecision: 1, Fatalities: &dead, Injured: &zero, Actors: []string{"government", "isis"},
				HasDate: true, Date: time.Date(2015, 10, 12, 0, 0, 0, 0, time.FixedZone("", 3*3600)), Confidence: 0.8},
			{ID: "a-2", Evidence: "نص", Start: 31, End: 33, Type: "Protests", Sub: "Peaceful protest", Place: "C1007"},
		},
		Spans: [][3]int{{5, 11, 0}, {80, 104, 1}},
	}
	data := encodeAnalysis(ca)
	got, err := decodeAnalysis(data)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Events[0].Date.Equal(ca.Events[0].Date) {
		t.Errorf("date %v, want %v", got.Events[0].Date, ca.Events[0].Date)
	}
	got.Events[0].Date, ca.Events[0].Date = time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, ca) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, ca)
	}
	// Every truncation, and a damaged count, is an error and never a
	// panic.
	for n := range len(data) {
		if _, err := decodeAnalysis(data[:n]); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error", n, len(data))
		}
	}
	bad := append([]byte(nil), data...)
	bad[len(analysisMagic)] = 0xFF // the mention count: huge
	if _, err := decodeAnalysis(bad); err == nil {
		t.Error("a damaged count was accepted")
	}
	if _, err := decodeAnalysis(append(data, 0)); err == nil {
		t.Error("trailing bytes were accepted")
	}
}

func FuzzDecodeAnalysis(f *testing.F) {
	f.Add(encodeAnalysis(&cachedAnalysis{Mentions: []cachedMention{{Start: 1, End: 2, Place: "C1"}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeAnalysis(data) // must not panic
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
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"mentions", hostileAnalysis(cat(count, zeros))},
		{"unresolved", hostileAnalysis(cat(none, count, zeros))},
		{"events", hostileAnalysis(cat(none, none, count, zeros))},
		{"event places", hostileAnalysis(cat(none, none, []byte{1}, event[:8], count, zeros))},
		{"actors", hostileAnalysis(cat(none, none, []byte{1}, event[:8], none, make([]byte, 4), count, zeros))},
		{"spans", hostileAnalysis(cat(none, none, none, count, zeros))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := decodeAnalysis(tc.data)
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

// hostileAnalysis is an analysis entry of the bytes b, well formed
// around them.
func hostileAnalysis(b []byte) []byte {
	return append([]byte(analysisMagic), b...)
}

// TestMinimumSizes: no item encodes shorter than the minimum its count is
// checked with, or a good entry would read as damaged.
func TestMinimumSizes(t *testing.T) {
	// MarshalBinary refuses this zone, so the date encodes as nothing:
	// the shortest event.
	odd := time.Date(2015, 10, 12, 0, 0, 0, 0, time.FixedZone("", 40000*60))
	empty := len(encodeAnalysis(&cachedAnalysis{}))
	for _, tc := range []struct {
		name string
		min  int
		ca   cachedAnalysis
	}{
		{"mention", minMention, cachedAnalysis{Mentions: []cachedMention{{}}}},
		{"unresolved", minUnresolved, cachedAnalysis{Unresolved: []extract.Unresolved{{}}}},
		{"event", minEvent, cachedAnalysis{Events: []cachedEvent{{Date: odd}}}},
		{"span", minSpan, cachedAnalysis{Spans: [][3]int{{}}}},
	} {
		if got := len(encodeAnalysis(&tc.ca)) - empty; got < tc.min {
			t.Errorf("a %s encodes in %d bytes, under its minimum %d", tc.name, got, tc.min)
		}
	}
}
