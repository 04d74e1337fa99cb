package geo

import (
	"reflect"
	"testing"
)

func TestArticleVariants(t *testing.T) {
	g := New([]*Place{
		{ID: "C1", NameAr: "القامشلي", Kind: City, Country: "SY"},
		{ID: "C2", NameAr: "الباب", Kind: City, Country: "SY"},
		{ID: "C3", NameAr: "منبج", Kind: City, Country: "SY"},
		{ID: "C4", NameAr: "الحسكة", Kind: City, Capital: 1, Country: "SY"},
		{ID: "C5", NameAr: "حسكة", Kind: Village, Country: "SY"},
		{ID: "C6", NameAr: "الكريم", Kind: Village, Country: "SY"},
	})
	tests := []struct {
		name string
		want []string // ids, in order
	}{
		{"قامشلي", []string{"C1"}},
		{"باب", nil},                   // too short without the article: a common word
		{"المنبج", []string{"C3"}},     // the article added
		{"حسكة", []string{"C5", "C4"}}, // the place named so outright first
		{"كريم", nil},                  // villages get no generated variants
		{"القامشلي", []string{"C1"}},
	}
	for _, tt := range tests {
		got := g.Lookup(tt.name)
		var ids []string
		for _, p := range got {
			ids = append(ids, p.ID)
		}
		if len(ids) != len(tt.want) {
			t.Errorf("Lookup(%q) = %v, want %v", tt.name, ids, tt.want)
			continue
		}
		for i := range ids {
			if ids[i] != tt.want[i] {
				t.Errorf("Lookup(%q) = %v, want %v", tt.name, ids, tt.want)
				break
			}
		}
	}
}

func TestDefaultSense(t *testing.T) {
	g := New([]*Place{
		{ID: "OM", NameAr: "عُمان", Kind: Country, Country: "OM"},
		{ID: "AMM", NameAr: "عمّان", Kind: ForeignCity, Country: "JO", Prefer: []string{"عمان"}},
	})
	if ps := g.Lookup("عمان"); len(ps) != 2 || ps[0].ID != "AMM" {
		t.Errorf("Lookup(عمان) = %v, want Amman first", ps)
	}
	if !g.Place("AMM").IsDefaultFor("عمّان") || g.Place("OM").IsDefaultFor("عمان") {
		t.Error("IsDefaultFor")
	}
}

// TestForeignRegionRank: a province or district abroad ranks below the
// cities abroad named like it and above Syrian villages, so that it is a
// name's default sense over a village while context can still choose the
// village.
func TestForeignRegionRank(t *testing.T) {
	g := New([]*Place{
		{ID: "C1", NameAr: "سروج", Kind: Village, Country: "SY"},
		{ID: "wof:1", NameAr: "سروج", Kind: ForeignRegion, Country: "TR", Population: 46_000},
		{ID: "C2", NameAr: "الهرمل", Kind: Village, Country: "SY"},
		{ID: "atlas:x", NameAr: "الهرمل", Kind: Region, Country: "SY"},
		{ID: "wof:2", NameAr: "الهرمل", Kind: ForeignRegion, Country: "LB", Population: 48_000},
		{ID: "geonames:1", NameAr: "عنتاب", Kind: ForeignCity, Country: "TR", Population: 1_000_000},
		{ID: "wof:3", NameAr: "عنتاب", Kind: ForeignRegion, Country: "TR", Population: 2_000_000},
	})
	tests := []struct {
		name string
		want []string
	}{
		{"سروج", []string{"wof:1", "C1"}},
		{"الهرمل", []string{"wof:2", "atlas:x", "C2"}},
		{"عنتاب", []string{"geonames:1", "wof:3"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range g.Lookup(tt.name) {
			got = append(got, p.ID)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
