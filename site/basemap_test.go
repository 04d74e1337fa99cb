package site

import (
	"testing"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
)

func TestBasemapLabels(t *testing.T) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		t.Fatal(err)
	}
	// Two mentioned villages, one named more often, and a foreign city
	// mentioned (not a village label: foreign cities come by size).
	var mentioned []*PlaceSummary
	var villages []*geo.Place
	for _, p := range g.Places() {
		if p.Country == "SY" && p.Kind == geo.Village && p.Capital == 0 && p.CoordFrom == "" && len(villages) < 2 {
			villages = append(villages, p)
		}
	}
	if len(villages) < 2 {
		t.Fatal("no villages in the gazetteer")
	}
	mentioned = append(mentioned, &PlaceSummary{Place: villages[0], Mentions: 1}, &PlaceSummary{Place: villages[1], Mentions: 5})

	labels := basemapLabels(g, mentioned, Arabic)
	byKind := map[string][]mapLabel{}
	for i, l := range labels {
		byKind[l.kind] = append(byKind[l.kind], l)
		if i > 0 && labels[i-1].rank > l.rank {
			t.Errorf("%s (rank %d) after %s (rank %d): labels must come most important first", l.name, l.rank, labels[i-1].name, labels[i-1].rank)
		}
	}
	if n := len(byKind["g"]); n != 14 {
		t.Errorf("%d governorate names, want 14", n)
	}
	for _, l := range byKind["g"] {
		if l.zoom != 0 {
			t.Errorf("governorate %s from zoom %d: governorates always show", l.name, l.zoom)
		}
	}
	countries := map[string]bool{}
	for _, l := range byKind["c"] {
		countries[l.code] = true
	}
	for _, c := range []string{"TR", "IQ", "JO", "LB"} {
		if !countries[c] {
			t.Errorf("neighbour %s not named (have %v)", c, countries)
		}
	}
	if len(byKind["t"]) < 200 {
		t.Errorf("%d towns and cities, want Syria's capitals of districts and subdistricts", len(byKind["t"]))
	}
	v := byKind["v"]
	if len(v) != 2 || v[0].id != villages[1].ID || v[1].id != villages[0].ID {
		t.Errorf("villages %v: want the two mentioned, the more mentioned first", v)
	}
	for _, l := range byKind["d"] {
		if l.name == "منبج" {
			t.Errorf("district منبج named, though its capital has its name")
		}
	}
	// An English interface names places in English.
	for _, l := range basemapLabels(g, nil, English) {
		if l.kind == "g" && l.id == "SY02" && l.name != "Aleppo" {
			t.Errorf("English label of SY02: %q", l.name)
		}
	}
}
