package extract

import (
	"testing"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/paulmach/orb"
)

// small is a hand-made gazetteer for rules that must not depend on data.
func small() *geo.Gazetteer {
	return geo.New([]*geo.Place{
		{ID: "SY02", NameAr: "حلب", Kind: geo.Governorate, Country: "SY", Adm1: "SY02", Adm1En: "Aleppo"},
		{ID: "C1007", NameAr: "حلب", Kind: geo.City, Capital: 1, Country: "SY", Adm1: "SY02", Adm1En: "Aleppo", Point: orb.Point{37.16, 36.2}},
		{ID: "SY05", NameAr: "حماة", Kind: geo.Governorate, Country: "SY", Adm1: "SY05", Adm1En: "Hama"},
		{ID: "SY09", NameAr: "دير الزور", Kind: geo.Governorate, Country: "SY", Adm1: "SY09", Adm1En: "Deir-ez-Zor"},
		{ID: "SY11", NameAr: "الرقة", Kind: geo.Governorate, Country: "SY", Adm1: "SY11", Adm1En: "Ar-Raqqa"},
		{ID: "C2499", NameAr: "معضمية الشام", Kind: geo.Village, Country: "SY", Adm1: "SY03", Adm1En: "Rural Damascus"},
		{ID: "C9", NameAr: "الشام", Kind: geo.Village, Country: "SY", Adm1: "SY03", Adm1En: "Rural Damascus"},
	})
}

func TestExtractSpans(t *testing.T) {
	ex := New(small())
	tests := []struct {
		name, text string
		want       []string // surfaces, in order
		wantID     []string
	}{
		{"plain", "قصف على حلب اليوم", []string{"حلب"}, []string{"C1007"}},
		{"clitic ب", "اشتباكات بحلب", []string{"حلب"}, []string{"C1007"}},
		{"clitic و", "حلب وحماة", []string{"حلب", "حماة"}, []string{"C1007", "SY05"}},
		{"clitic وب", "وبحلب قصف", []string{"حلب"}, []string{"C1007"}},
		{"taa marbuta variant", "في حماه", []string{"حماه"}, []string{"SY05"}},
		{"two words", "مدينة دير الزور المحاصرة", []string{"دير الزور"}, []string{"SY09"}},
		{"longest wins", "في معضمية الشام", []string{"معضمية الشام"}, []string{"C2499"}},
		{"article after ب", "بالرقة", []string{"الرقة"}, []string{"SY11"}},
		{"لل keeps the article's lam", "للرقة", []string{"لرقة"}, []string{"SY11"}},
		{"diacritics", "في حَلَب", []string{"حَلَب"}, []string{"C1007"}},
		{"no partial word", "حلبي وحلبية", nil, nil},
		{"punctuation", "«حلب»، حماة.", []string{"حلب", "حماة"}, []string{"C1007", "SY05"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ex.Extract(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Extract(%q) = %d mentions %v, want %v", tt.text, len(got), surfaces(got), tt.want)
			}
			runes := []rune(tt.text)
			for i, m := range got {
				if m.Surface != tt.want[i] || string(runes[m.Start:m.End]) != m.Surface {
					t.Errorf("mention %d = %q at [%d,%d), want %q", i, m.Surface, m.Start, m.End, tt.want[i])
				}
				if m.Place.ID != tt.wantID[i] {
					t.Errorf("mention %d %q resolved to %s, want %s", i, m.Surface, m.Place.ID, tt.wantID[i])
				}
			}
		})
	}
}

func surfaces(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Surface)
	}
	return out
}

// TestBundledGazetteer checks that the real gazetteer resolves common
// names to the places the news means, with no context.
func TestBundledGazetteer(t *testing.T) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		t.Fatal(err)
	}
	ex := New(g)
	tests := []struct{ text, surface, gov, country string }{
		{"سقطت قذائف على حلب", "حلب", "Aleppo", "SY"},
		{"في ريف دمشق", "ريف دمشق", "Rural Damascus", "SY"},
		{"غارات على دوما", "دوما", "Rural Damascus", "SY"},
		{"وصل إلى موسكو", "موسكو", "", "RU"},
		{"الوضع في سورية", "سورية", "", "SY"},
		{"قصف على ديرالزور", "ديرالزور", "Deir-ez-Zor", "SY"},
		{"معارك في الطبقة", "الطبقة", "Ar-Raqqa", "SY"},
	}
	for _, tt := range tests {
		got := ex.Extract(tt.text)
		var found *Mention
		for i := range got {
			if got[i].Surface == tt.surface {
				found = &got[i]
			}
		}
		if found == nil {
			t.Errorf("%q: no mention %q in %v", tt.text, tt.surface, surfaces(got))
			continue
		}
		if gov := found.Place.Governorate(); gov != tt.gov || found.Place.Country != tt.country {
			t.Errorf("%q: %q → %s (%s, %s), want %s, %s", tt.text, tt.surface, found.Place.ID, gov, found.Place.Country, tt.gov, tt.country)
		}
	}
}

// TestASCIILetters keeps tokenize's shortcut for ASCII in step with
// arabic.Fast, which decides what a letter is.
func TestASCIILetters(t *testing.T) {
	for r := rune(0); r < 128; r++ {
		if asciiLetter(r) != arabic.Fast(r).Letter {
			t.Errorf("asciiLetter(%q) = %v, arabic.Fast says %v", r, asciiLetter(r), arabic.Fast(r).Letter)
		}
	}
}
