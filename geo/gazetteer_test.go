package geo_test

import (
	"testing"
	"testing/fstest"

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
		// Each governorate's representative point lies inside it.
		if got, _, _ := g.Locate(p.Point); got == nil || got.ID != p.ID {
			t.Errorf("%s: Locate(its own point) = %v", p.ID, got)
		}
	}
}

// TestAdminUnits: every governorate, district and subdistrict has both
// names and an outline, and belongs to a known governorate.
func TestAdminUnits(t *testing.T) {
	g := load(t)
	want := map[geo.Kind]int{geo.Governorate: 14, geo.District: 62, geo.Subdistrict: 272}
	got := map[geo.Kind]int{}
	for _, p := range g.Places() {
		if p.Country != "SY" || want[p.Kind] == 0 {
			continue
		}
		got[p.Kind]++
		if p.NameAr == "" || p.NameEn == "" || p.Shape == nil {
			t.Errorf("%s %s: Arabic %q, English %q, outline %v", p.Kind, p.ID, p.NameAr, p.NameEn, p.Shape != nil)
		}
		if governorateNames[p.Adm1] != p.Adm1En {
			t.Errorf("%s: governorate %s %q", p.ID, p.Adm1, p.Adm1En)
		}
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%d %ss, want %d", got[k], k, n)
		}
	}
}

func TestLocate(t *testing.T) {
	g := load(t)
	tests := []struct {
		pt                 orb.Point
		adm1, adm2, adm3En string
	}{
		{orb.Point{37.16, 36.20}, "SY02", "SY0200", "Jebel Saman"}, // Aleppo city
		{orb.Point{36.29, 33.51}, "SY01", "SY0100", "Damascus"},    // Damascus
		{orb.Point{36.40, 33.57}, "SY03", "SY0302", "Duma"},        // Douma
		{orb.Point{35.50, 33.89}, "", "", ""},                      // Beirut
	}
	for _, tt := range tests {
		a1, a2, a3 := g.Locate(tt.pt)
		id := func(p *geo.Place) string {
			if p == nil {
				return ""
			}
			return p.ID
		}
		en := ""
		if a3 != nil {
			en = a3.NameEn
		}
		if id(a1) != tt.adm1 || id(a2) != tt.adm2 || en != tt.adm3En {
			t.Errorf("Locate(%v) = %s %s %q, want %s %s %q", tt.pt, id(a1), id(a2), en, tt.adm1, tt.adm2, tt.adm3En)
		}
	}
}

func TestNear(t *testing.T) {
	g := load(t)
	douma := g.Lookup("دوما")[0]
	near := g.Near(douma.Point, 5)
	if len(near) == 0 || near[0].ID != douma.ID {
		t.Fatalf("Near(Douma, 5 km) starts with %v, want Douma itself", near)
	}
	harasta := false
	for _, p := range near {
		if p.NameAr == "حرستا" {
			harasta = true
		}
		if p.Adm1 != "SY03" && p.Adm1 != "SY01" {
			t.Errorf("%s (%s) is within 5 km of Douma?", p.NameAr, p.Adm1En)
		}
	}
	if !harasta {
		t.Error("Harasta is not within 5 km of Douma")
	}
}

// TestChecklist: names from real reporting resolve, as the best candidate
// with no other context, to the place the news means.
func TestChecklist(t *testing.T) {
	g := load(t)
	syria := map[string]string{
		"حلب": "Aleppo", "إدلب": "Idleb", "دير الزور": "Deir-ez-Zor", "الرقة": "Ar-Raqqa",
		"الحسكة": "Al-Hasakeh", "درعا": "Dar'a", "السويداء": "As-Sweida", "القنيطرة": "Quneitra",
		"طرطوس": "Tartous", "اللاذقية": "Lattakia", "حماة": "Hama", "حمص": "Homs",
		"ريف دمشق": "Rural Damascus", "دمشق": "Damascus", "داريا": "Rural Damascus",
		"معضمية الشام": "Rural Damascus", "بيت سحم": "Rural Damascus", "ببيلا": "Rural Damascus",
		"يلدا": "Rural Damascus", "قارة": "Rural Damascus", "الزبداني": "Rural Damascus",
		"مضايا": "Rural Damascus", "دوما": "Rural Damascus", "حرستا": "Rural Damascus",
		"جوبر": "Damascus", "برزة": "Damascus", "القابون": "Damascus", "تل تمر": "Al-Hasakeh",
		"تل أبيض": "Ar-Raqqa", "عين العرب": "Aleppo", "منبج": "Aleppo", "الباب": "Aleppo",
		"أعزاز": "Aleppo", "مارع": "Aleppo", "خان تومان": "Aleppo", "الزربة": "Aleppo",
		"تلبيسة": "Homs", "اللطامنة": "Hama", "طفس": "Dar'a", "نوى": "Dar'a",
		"بصر الحرير": "Dar'a", "القلمون": "Rural Damascus", "سهل الغاب": "Hama",
		"قبر فضة": "Hama", "مهين": "Homs", "حوارين": "Homs", "عفرين": "Aleppo",
		"الطبقة": "Ar-Raqqa", "السلمية": "Hama", "الوعر": "Homs", "الشعار": "Aleppo",
		"اليرموك": "Damascus", "مطار دير الزور العسكري": "Deir-ez-Zor", "سد الطبقة": "Ar-Raqqa",
	}
	abroad := map[string]string{
		"موسكو": "RU", "باريس": "FR", "بغداد": "IQ", "الرياض": "SA", "جنيف": "CH",
		"أنقرة": "TR", "عمان": "JO", "بيروت": "LB", "الموصل": "IQ", "الفلوجة": "IQ",
		"واشنطن": "US", "طهران": "IR", "فيينا": "AT",
	}
	ok := 0
	for name, gov := range syria {
		ps := g.Lookup(name)
		switch {
		case len(ps) == 0:
			t.Errorf("%s: not in the gazetteer", name)
		case ps[0].Governorate() != gov:
			t.Errorf("%s: best candidate %s %s (%s), want one in %s", name, ps[0].ID, ps[0].NameEn, ps[0].Governorate(), gov)
		default:
			ok++
		}
	}
	for name, cc := range abroad {
		ps := g.Lookup(name)
		switch {
		case len(ps) == 0:
			t.Errorf("%s: not in the gazetteer", name)
		case ps[0].Country != cc || ps[0].Kind != geo.ForeignCity:
			t.Errorf("%s: best candidate %s %s (%s, %s), want a city in %s", name, ps[0].ID, ps[0].NameEn, ps[0].Kind, ps[0].Country, cc)
		default:
			ok++
		}
	}
	t.Logf("checklist: %d of %d names resolve as the news means", ok, len(syria)+len(abroad))
}

// TestSiteLayersOverride: a site's own GeoJSON adds places and replaces
// bundled ones by id.
func TestSiteLayersOverride(t *testing.T) {
	site := fstest.MapFS{"mine.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"atlas:test-village","name_ar":"قرية الاختبار","name_en":"Test Village","kind":"village","country":"SY","adm1":"SY05","adm1_en":"Hama"},"geometry":{"type":"Point","coordinates":[36.7,35.1]}},
{"type":"Feature","properties":{"id":"C1946","name_ar":"كوباني","name_en":"Kobani","kind":"city","country":"SY","adm1":"SY02","adm1_en":"Aleppo"},"geometry":{"type":"Point","coordinates":[38.4,36.9]}}
]}`)}}
	g, err := geo.Load(data.Gazetteer(), site)
	if err != nil {
		t.Fatal(err)
	}
	if ps := g.Lookup("قرية الاختبار"); len(ps) != 1 || ps[0].Adm1En != "Hama" {
		t.Errorf("added village: %v", ps)
	}
	if p := g.Place("C1946"); p == nil || p.NameEn != "Kobani" {
		t.Errorf("C1946 not replaced: %+v", p)
	}
	for _, p := range g.Places() {
		if p.ID == "C1946" && p.NameEn != "Kobani" {
			t.Error("Places() still holds the replaced C1946")
		}
	}
	bad := fstest.MapFS{"bad.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name_ar":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]}`)}}
	if _, err := geo.Load(bad); err == nil {
		t.Error("a feature without id was accepted")
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
		if got, _, _ := g.Locate(p.Point); got == nil || got.ID != p.Adm1 {
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

func BenchmarkNear(b *testing.B) {
	g := load(b)
	pt := orb.Point{36.40, 33.57}
	for b.Loop() {
		g.Near(pt, 10)
	}
}

func TestVersionOfMatchesLoad(t *testing.T) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		t.Fatal(err)
	}
	v, err := geo.VersionOf(data.Gazetteer())
	if err != nil || v != g.Version() || len(v) != 24 {
		t.Errorf("VersionOf = %q, %v; Load's Version = %q", v, err, g.Version())
	}
}
