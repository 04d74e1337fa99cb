package geo

import (
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
