package site

import (
	"reflect"
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
