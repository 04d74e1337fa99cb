package geo_test

import (
	"testing"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/paulmach/orb"
)

// The OCHA English names the rest of atlas and its users rely on.
var governorateNames = map[string]string{
	"SY01": "Damascus", "SY02": "Aleppo", "SY03": "Rural Damascus", "SY04": "Homs",
	"SY05": "Hama", "SY06": "Lattakia", "SY07": "Idleb", "SY08": "Al-Hasakeh",
	"SY09": "Deir-ez-Zor", "SY10": "Tartous", "SY11": "Ar-Raqqa", "SY12": "Dar'a",
	"SY13": "As-Sweida", "SY14": "Quneitra",
}

func load(t testing.TB) *geo.Gazetteer {
	t.Helper()
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGovernorates(t *testing.T) {
	g := load(t)
	govs := g.Governorates()
	if len(govs) != 14 {
		t.Fatalf("%d governorates, want 14", len(govs))
	}
	for _, p := range govs {
		if governorateNames[p.ID] != p.NameEn || p.Adm1En != p.NameEn {
			t.Errorf("%s: English name %q, want %q", p.ID, p.NameEn, governorateNames[p.ID])
		}
		if p.NameAr == "" || p.Shape == nil {
			t.Errorf("%s: needs an Arabic name and an outline", p.ID)
		}
		// Each governorate's representative point lies inside it.
		if got := g.Locate(p.Point); got == nil || got.ID != p.ID {
			t.Errorf("%s: Locate(its own point) = %v", p.ID, got)
		}
	}
}

func TestLocate(t *testing.T) {
	g := load(t)
	tests := []struct {
		pt   orb.Point
		want string
	}{
		{orb.Point{37.16, 36.20}, "SY02"}, // Aleppo city
		{orb.Point{36.29, 33.51}, "SY01"}, // Damascus
		{orb.Point{40.14, 35.33}, "SY09"}, // Deir ez-Zor
		{orb.Point{35.50, 33.89}, ""},     // Beirut
	}
	for _, tt := range tests {
		got := g.Locate(tt.pt)
		id := ""
		if got != nil {
			id = got.ID
		}
		if id != tt.want {
			t.Errorf("Locate(%v) = %q, want %q", tt.pt, id, tt.want)
		}
	}
}

func TestLookupPrefersImportantPlaces(t *testing.T) {
	g := load(t)
	tests := []struct{ name, gov, country string }{
		{"حلب", "Aleppo", "SY"},
		{"حماه", "Hama", "SY"},
		{"إدلب", "Idleb", "SY"},
		{"دمشق", "Damascus", "SY"},
		{"ريف دمشق", "Rural Damascus", "SY"},
		{"منبج", "Aleppo", "SY"},
		{"بيروت", "", "LB"},
		{"سوريا", "", "SY"},
	}
	for _, tt := range tests {
		ps := g.Lookup(tt.name)
		if len(ps) == 0 {
			t.Errorf("Lookup(%q): nothing", tt.name)
			continue
		}
		if ps[0].Governorate() != tt.gov || ps[0].Country != tt.country {
			t.Errorf("Lookup(%q)[0] = %s (%s, %s), want %s, %s", tt.name, ps[0].ID, ps[0].Governorate(), ps[0].Country, tt.gov, tt.country)
		}
	}
}

// TestPlacesInTheirGovernorate checks each community's record against
// the governorate outlines; a few border villages may fall outside.
func TestPlacesInTheirGovernorate(t *testing.T) {
	g := load(t)
	n, bad := 0, 0
	for _, p := range g.Places() {
		if p.Country != "SY" || p.Layer != "places" {
			continue
		}
		n++
		if got := g.Locate(p.Point); got == nil || got.ID != p.Adm1 {
			bad++
		}
	}
	rate := float64(bad) / float64(n)
	t.Logf("%d of %d populated places lie outside their record's governorate (%.2f%%)", bad, n, 100*rate)
	if rate > 0.01 {
		t.Errorf("mismatch rate %.2f%% is above 1%%", 100*rate)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := geo.Load(data.Gazetteer()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLocate(b *testing.B) {
	g := load(b)
	pt := orb.Point{40.14, 35.33}
	for b.Loop() {
		g.Locate(pt)
	}
}

func BenchmarkLookup(b *testing.B) {
	g := load(b)
	for b.Loop() {
		g.Lookup("معضمية الشام")
	}
}
