package events

import (
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/geo"
)

// TestDerivedFieldsComeFromThePlace: a field without Set is not cached
// but worked out again, which is right only for what the event's place
// gives (its governorate, country and coordinates). A field added
// without Set that holds anything else fails here, instead of vanishing
// from rebuilt sites.
func TestDerivedFieldsComeFromThePlace(t *testing.T) {
	dead, hurt := 3, 7
	day := time.Date(2016, 12, 22, 0, 0, 0, 0, time.UTC)
	place := &geo.Place{ID: "C1007", NameAr: "حلب", Country: "SY", Adm1: "SY02", Adm1En: "Aleppo", Point: orb.Point{37.16, 36.2}}
	full := &Event{ID: "ev-1", Start: 10, End: 40, Evidence: "قصف مدفعي", Type: "Battles", SubType: "Armed clash",
		Places: []extract.Mention{{Start: 20, End: 23, Surface: "حلب", Place: place}}, Also: []Span{{Start: 50, End: 60, Evidence: "وتجدد"}},
		Place: place, GeoPrecision: 1, Fatalities: &dead, Injured: &hurt, Actors: []string{"government"}, Date: &day,
		DatePrecision: "day", Confidence: 0.8}
	// Every other field of the struct gets a value too (a field added
	// to Event is not in the literal above).
	v := reflect.ValueOf(full).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() || !f.IsZero() {
			continue
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int:
			f.SetInt(5)
		case reflect.Float64:
			f.SetFloat(0.5)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		default:
			t.Fatalf("Event.%s: give the test a value of kind %s", v.Type().Field(i).Name, f.Kind())
		}
	}
	placeOnly := &Event{Place: place}
	sets := 0
	for _, f := range Fields() {
		if f.Set != nil {
			sets++
			continue
		}
		if got, want := f.Get(placeOnly), f.Get(full); !reflect.DeepEqual(got, want) {
			t.Errorf("%s has no Set, yet the place alone does not give it: %+v, not %+v", f.Key, got, want)
		}
	}
	if sets == 0 {
		t.Error("no field can be restored")
	}
}
