package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/paulmach/orb"
)

func abroad(code, id, typ string, lon, lat float64, pop int, names ...string) *wofRecord {
	return &wofRecord{ID: id, Type: typ, Ar: names, Point: orb.Point{lon, lat}, Country: code, Population: pop, Current: true}
}

// TestForeign: which provinces, districts and towns of the neighbours
// come in (the fixture's Syria ends at 37°E: 37.1°E is 9 km beyond it,
// 37.3°E 27 km, 38°E 91 km, 40°E 364 km).
func TestForeign(t *testing.T) {
	tests := []struct {
		name  string
		rec   *wofRecord
		known []*geo.Place
		want  []string // the names it comes in with; nil: left out
		kind  geo.Kind
	}{
		{"a province, with its formal name and without its capital's",
			abroad("IQ", "wof:1", "region", 40, 33.5, 1_900_000, "الأنبار", "الرمادي", "محافظة الأنبار", "محافظة الانبار"),
			nil, []string{"الأنبار", "الانبار"}, geo.ForeignRegion},
		{"a province named after a city the gazetteer has",
			abroad("IQ", "wof:2", "region", 40, 33.5, 900_000, "نينوى"),
			[]*geo.Place{{ID: "geonames:9", NameAr: "نينوى", Kind: geo.ForeignCity, Country: "IQ"}}, nil, ""},
		{"Israel's districts are directions", abroad("IL", "wof:3", "region", 37.1, 33.5, 1_000_000, "منطقة الشمال"), nil, nil, ""},
		{"a Turkish province near Syria", abroad("TR", "wof:4", "region", 38, 33.5, 1_600_000, "هاتاي"), nil, []string{"هاتاي"}, geo.ForeignRegion},
		{"a Turkish province far away", abroad("TR", "wof:5", "region", 40, 33.5, 1_000_000, "وان"), nil, nil, ""},
		{"a district near Syria, its formal name cut", abroad("LB", "wof:6", "county", 37.3, 33.5, 48_000, "قضاء الهرمل"), nil, []string{"الهرمل"}, geo.ForeignRegion},
		{"a district far from Syria", abroad("LB", "wof:7", "county", 38, 33.5, 48_000, "قضاء البعيد"), nil, nil, ""},
		{"a Lebanese border village", abroad("LB", "wof:8", "locality", 37.1, 33.5, 0, "عرسال"), nil, []string{"عرسال"}, geo.ForeignCity},
		{"a Jordanian border village", abroad("JO", "wof:9", "locality", 37.1, 33.5, 0, "المنشية"), nil, nil, ""},
		{"an Iraqi town within nearKm", abroad("IQ", "wof:10", "locality", 38, 33.5, 20_000, "راوة"), nil, []string{"راوة"}, geo.ForeignCity},
		{"an Iraqi village beyond borderKm", abroad("IQ", "wof:11", "locality", 37.3, 33.5, 5_000, "القرية"), nil, nil, ""},
		{"a Turkish town: no town rule for Turkey", abroad("TR", "wof:12", "locality", 38, 33.5, 20_000, "هاني"), nil, nil, ""},
		{"a man's name", abroad("IQ", "wof:19", "locality", 37.1, 33.5, 0, "عمر خالد"), nil, nil, ""},
		{"a formal alternate of a locality dropped",
			abroad("IQ", "wof:13", "locality", 37.1, 33.5, 0, "حصيبة", "القائم", "مركز قضاء القائم"), nil, []string{"حصيبة", "القائم"}, geo.ForeignCity},
		{"a large unit gives way to no Syrian town",
			abroad("TR", "wof:14", "county", 37.3, 33.5, 60_000, "القصير"),
			[]*geo.Place{{ID: "C9", NameAr: "القصير", Kind: geo.City, Country: "SY", Adm1: "SY01", Point: orb.Point{36.5, 33.5}}}, nil, ""},
		{"a Syrian village gives way to a large unit",
			abroad("TR", "wof:15", "county", 37.3, 33.5, 46_000, "سروج"),
			[]*geo.Place{village("C10", "سروج", 36.2, 33.2), village("C11", "سروج", 36.4, 33.4)}, []string{"سروج"}, geo.ForeignRegion},
		{"a generic name: three Syrian villages",
			abroad("IL", "wof:16", "locality", 38, 33.5, 30_000, "الطيبة"),
			[]*geo.Place{village("C12", "الطيبة", 36.2, 33.2), village("C13", "الطيبة", 36.4, 33.4), village("C14", "الطيبة", 36.6, 33.6)}, nil, ""},
		{"a small border village gives way to a Syrian one",
			abroad("LB", "wof:17", "locality", 37.1, 33.5, 0, "القصر"),
			[]*geo.Place{village("C15", "القصر", 36.9, 33.5)}, nil, ""},
		{"a Syrian quarter is no village to give way",
			abroad("IQ", "wof:18", "region", 40, 33.5, 900_000, "صلاح الدين"),
			[]*geo.Place{{ID: "aleppo:N1", NameAr: "صلاح الدين", Kind: geo.Neighborhood, Country: "SY", Adm1: "SY01"}}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := fixture(t, tt.known...)
			im.wof[tt.rec.Country] = []*wofRecord{tt.rec}
			if err := im.foreign(func(string, ...any) {}); err != nil {
				t.Fatal(err)
			}
			p := im.byID[tt.rec.ID]
			if tt.want == nil {
				if p != nil {
					t.Fatalf("came in as %s %q", p.Kind, p.NameAr)
				}
				return
			}
			if p == nil {
				t.Fatal("left out")
			}
			if got := append([]string{p.NameAr}, p.AltAr...); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("names %q, want %q", got, tt.want)
			}
			if p.Kind != tt.kind || p.Country != tt.rec.Country || p.Adm1 != "" {
				t.Errorf("kind %s, country %s, adm1 %q", p.Kind, p.Country, p.Adm1)
			}
		})
	}
}

// TestForeignOneNameOnce: of two places abroad with one name, the first
// comes in; the second would compete with it.
func TestForeignOneNameOnce(t *testing.T) {
	im := fixture(t)
	im.wof["LB"] = []*wofRecord{
		abroad("LB", "wof:1", "region", 37.3, 33.5, 500_000, "البقاع"),
		abroad("LB", "wof:2", "locality", 37.1, 33.5, 0, "البقاع"),
	}
	if err := im.foreign(func(string, ...any) {}); err != nil {
		t.Fatal(err)
	}
	if got := ids(im.layers["world"]); !reflect.DeepEqual(got, []string{"wof:1"}) {
		t.Errorf("world %v, want [wof:1]", got)
	}
}

func TestOutlineKm(t *testing.T) {
	o := newOutline([]*geo.Place{{Shape: square(36, 33, 37, 34)}})
	for _, tt := range []struct {
		pt     orb.Point
		lo, hi float64
	}{
		{orb.Point{36.5, 33.5}, 0, 0},
		{orb.Point{37.1, 33.5}, 8.5, 9.5},
		{orb.Point{36.5, 34.2}, 21.5, 23},
		{orb.Point{38, 33.5}, 89, 93},
	} {
		if got := o.km(tt.pt); got < tt.lo || got > tt.hi {
			t.Errorf("km(%v) = %.1f, want %g…%g", tt.pt, got, tt.lo, tt.hi)
		}
	}
}

// TestAdminNames: a unit abroad keeps its preferred name and its formal
// names without the admin word, not WOF's other alternates.
func TestAdminNames(t *testing.T) {
	tests := []struct {
		ar   []string
		want []string
	}{
		{[]string{"عنتاب", "محافظة عينتاب", "محافظة عنتاب"}, []string{"عنتاب", "عينتاب"}},
		{[]string{"نينوى", "الموصل", "محافظة نينوى"}, []string{"نينوى"}},
		{[]string{"قضاء الهرمل"}, []string{"الهرمل"}},
		{[]string{"بعلبك - الهرمل"}, []string{"بعلبك الهرمل"}},
	}
	for _, tt := range tests {
		if got := adminNames(&wofRecord{Ar: tt.ar}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("adminNames(%q) = %q, want %q", tt.ar, got, tt.want)
		}
	}
}

// TestForeignDeterministic: the same records in another order give the
// same layer.
func TestForeignDeterministic(t *testing.T) {
	recs := []*wofRecord{
		abroad("LB", "wof:30", "locality", 37.1, 33.5, 0, "عرسال"),
		abroad("LB", "wof:4", "region", 37.3, 33.5, 500_000, "البقاع"),
		abroad("LB", "wof:200", "county", 37.3, 33.6, 48_000, "قضاء الهرمل"),
	}
	var layers []string
	for _, order := range [][]int{{0, 1, 2}, {2, 0, 1}} {
		im := fixture(t)
		for _, i := range order {
			im.wof["LB"] = append(im.wof["LB"], recs[i])
		}
		sortByWOFID(im.wof["LB"])
		if err := im.foreign(func(string, ...any) {}); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := geo.WriteLayer(&b, im.layers["world"]); err != nil {
			t.Fatal(err)
		}
		layers = append(layers, b.String())
	}
	if layers[0] != layers[1] {
		t.Errorf("the layer depends on the records' order:\n%s\n%s", layers[0], layers[1])
	}
}

// TestAbroadList: a GeoNames city comes in at its own point, a
// first-level unit at its capital's (approximate) with libgeonames'
// name as an alternate; a bad row stops the import with file and line.
func TestAbroadList(t *testing.T) {
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "world"), 0o755)
	head := "geonameid,name,asciiname,name_ar_pref,ar_alt_names,lat,lon,feature_code,country_code,admin1_code,admin2_code,population,timezone,modification_date\n"
	files := map[string]string{
		"world/geonames_cities15000_ar.csv": head +
			"491422,Sochi,Sochi,,,43.59699,39.72477,PPLA2,RU,38,,327608,,\n" +
			"4174715,Tallahassee,Tallahassee,,,30.43826,-84.28073,PPLA,US,FL,,201731,,\n" +
			"170654,Damascus,Damascus,دمشق,,33.5,36.3,PPLC,SY,13,,1569394,,\n",
		"world/geonames_cities500_SY-IQ-LB-JO-PS-IL-TR_ar.csv": head +
			"91057,Ash Sharqat,Ash Sharqat,,,35.51722,43.22806,PPLA2,IQ,18,,0,,\n",
		"world/libgeonames-common_0.3.0-1_ar_names.csv": "key,key_type,name_ar\n" +
			"US.FL,admin1,فلوريدا\nUS.MO,admin1,ميزوري\nEG.27,admin1,محافظة شمال سيناء\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, row, want, wantErr string
	}{
		{"a city", "سوتشي\tSochi\tgeonames:491422\t\tnote", "geonames:491422 foreign_city RU سوتشي [] [39.72477 43.59699] from=", ""},
		{"a city of cities500", "الشرقاط\tShirqat\tgeonames:91057", "geonames:91057 foreign_city IQ الشرقاط [] [43.22806 35.51722] from=", ""},
		{"a state", "فلوريدا\tFlorida\tadmin1:US.FL", "admin1:US.FL foreign_region US فلوريدا [فلوريدا] [-84.28073 30.43826] from=geonames:4174715", ""},
		{"a Syrian city", "دمشق\tDamascus\tgeonames:170654", "", "abroad.tsv:1"},
		{"no such city", "مكان\tNowhere\tgeonames:1", "", "abroad.tsv:1"},
		{"a unit with no capital", "ميسوري\tMissouri\tadmin1:US.MO", "", "abroad.tsv:1"},
		{"a bad id", "مكان\tNowhere\tC1001", "", "abroad.tsv:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := &importer{src: src, own: t.TempDir(), byID: map[string]*geo.Place{}}
			if !runList(t, im.own, "abroad.tsv", tt.row+"\n", im.abroadList, tt.wantErr) {
				return
			}
			ps := im.layers["world"]
			if len(ps) != 1 {
				t.Fatalf("%d places, want 1", len(ps))
			}
			p := ps[0]
			got := fmt.Sprintf("%s %s %s %s %v %v from=%s", p.ID, p.Kind, p.Country, p.NameAr, p.AltAr, p.Point, p.CoordFrom)
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
