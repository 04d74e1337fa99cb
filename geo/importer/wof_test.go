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

// A made-up Syria for the fixtures: one governorate, district and
// subdistrict, the square from 36°E to 37°E and from 33°N to 34°N.
// A degree of longitude is about 91 km there.
func square(lon0, lat0, lon1, lat1 float64) orb.Polygon {
	return orb.Polygon{{{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}}}
}

func fixture(t *testing.T, places ...*geo.Place) *importer {
	t.Helper()
	im := &importer{own: t.TempDir(), byID: map[string]*geo.Place{}, wof: map[string][]*wofRecord{}}
	sq := square(36, 33, 37, 34)
	im.add("governorates", &geo.Place{ID: "SY01", NameAr: "المحافظة", NameEn: "Gov", Kind: geo.Governorate,
		Country: "SY", Adm1: "SY01", Adm1En: "Gov", Shape: sq, Point: orb.Point{36.5, 33.5}})
	im.add("districts", &geo.Place{ID: "SY0100", NameAr: "المنطقة", NameEn: "Dist", Kind: geo.District,
		Country: "SY", Adm1: "SY01", Adm1En: "Gov", Adm2: "SY0100", Adm2En: "Dist", Shape: sq, Point: orb.Point{36.5, 33.5}})
	im.add("subdistricts", &geo.Place{ID: "SY010000", NameAr: "الناحية", NameEn: "Sub", Kind: geo.Subdistrict,
		Country: "SY", Adm1: "SY01", Adm1En: "Gov", Adm2: "SY0100", Adm2En: "Dist", Adm3: "SY010000", Adm3En: "Sub",
		Shape: sq, Point: orb.Point{36.5, 33.5}})
	for _, p := range places {
		layer := "places"
		if p.Country != "SY" {
			layer = "world"
		}
		im.add(layer, p)
	}
	return im
}

func village(id, name string, lon, lat float64) *geo.Place {
	return &geo.Place{ID: id, NameAr: name, Kind: geo.Village, Country: "SY", Adm1: "SY01", Point: orb.Point{lon, lat}}
}

func locality(id string, lon, lat float64, names ...string) *wofRecord {
	return &wofRecord{ID: id, Type: "locality", Ar: names, Point: orb.Point{lon, lat}, Country: "SY", Current: true}
}

func ids(places []*geo.Place) []string {
	var out []string
	for _, p := range places {
		out = append(out, p.ID)
	}
	return out
}

// TestSyrianLocalities: which WOF localities of Syria come in, and
// which false friends stay out.
func TestSyrianLocalities(t *testing.T) {
	known := []*geo.Place{
		village("C1", "كفر نبل", 36.2, 33.2),
		{ID: "C2", NameAr: "عين العرب", Kind: geo.City, Capital: 2, Country: "SY", Adm1: "SY01", Point: orb.Point{36.8, 33.8}},
		{ID: "geonames:1", NameAr: "تل أبيب", Kind: geo.ForeignCity, Country: "IL", Point: orb.Point{34.8, 32.1}},
	}
	notCurrent := locality("wof:7", 36.5, 33.5, "خربة الجديدة")
	notCurrent.Current = false
	tests := []struct {
		name string
		rec  *wofRecord
		want bool
	}{
		{"a new name of two words", locality("wof:1", 36.5, 33.5, "خربة الفجر"), true},
		{"an OCHA community's name", locality("wof:2", 36.6, 33.6, "كفر نبل"), false},
		{"another name is a community's", locality("wof:3", 36.6, 33.6, "خربة الشيخ", "كفر نبل"), false},
		{"the article on the second word", locality("wof:4", 36.3, 33.3, "عين عرب"), false},
		{"a famous place abroad", locality("wof:5", 36.3, 33.3, "تل أبيب"), false},
		{"one word", locality("wof:6", 36.4, 33.4, "بشار"), false},
		{"not current", notCurrent, false},
		{"outside the outline", locality("wof:8", 38.5, 33.5, "خربة البعيدة"), false},
		{"a kunya", locality("wof:9", 36.4, 33.4, "أبو حسين"), false},
		{"a given and a family name", locality("wof:10", 36.4, 33.4, "علي الجاسم"), false},
		{"a longer name with أبو", locality("wof:11", 36.4, 33.4, "أبو حسين الكبير"), true},
		{"a leading trigger word dropped", locality("wof:12", 36.4, 33.4, "مدينة النور", "حي النور الجديد"), true},
		{"a man's name with عبد", locality("wof:13", 36.4, 33.4, "عبد الله العيسى"), false},
		{"a one-word name of a place far away", locality("wof:14", 36.4, 33.4, "خربة الشيخ", "كفر نبل"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := fixture(t, known...)
			im.wof["SY"] = []*wofRecord{tt.rec}
			if err := im.syrianLocalities(func(string, ...any) {}); err != nil {
				t.Fatal(err)
			}
			got := im.byID[tt.rec.ID] != nil
			if got != tt.want {
				t.Fatalf("added %v, want %v", got, tt.want)
			}
			if got {
				p := im.byID[tt.rec.ID]
				if p.Kind != geo.Village || p.Adm1 != "SY01" || p.Adm2 != "SY0100" || p.Adm3 != "SY010000" {
					t.Errorf("kind %s, admin units %s %s %s", p.Kind, p.Adm1, p.Adm2, p.Adm3)
				}
				if strings.HasPrefix(p.NameAr, "مدينة ") {
					t.Errorf("name %q keeps its trigger word", p.NameAr)
				}
			}
		})
	}
}

// TestSyrianLocalitiesRecordedTwice: two WOF records of one name within
// wofDuplicateKm are one place; farther apart they are two.
func TestSyrianLocalitiesRecordedTwice(t *testing.T) {
	im := fixture(t)
	im.wof["SY"] = []*wofRecord{
		locality("wof:1", 36.5, 33.5, "خربة الفجر"),
		locality("wof:2", 36.51, 33.5, "خربة الفجر"), // 0.9 km east
		locality("wof:3", 36.8, 33.5, "خربة الفجر"),  // 28 km east
	}
	if err := im.syrianLocalities(func(string, ...any) {}); err != nil {
		t.Fatal(err)
	}
	if got, want := ids(im.layers["localities"]), []string{"wof:1", "wof:3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("localities %v, want %v", got, want)
	}
}

// TestCitySection: a quarter takes the point of the one WOF locality of
// its name near its city, and stays at the city when there are none or
// two.
func TestCitySection(t *testing.T) {
	city := &geo.Place{ID: "C1", NameAr: "المدينة", Point: orb.Point{36.5, 33.5}}
	quarter := &geo.Place{NameAr: "الوعر", AltAr: []string{"حي الوعر"}}
	tests := []struct {
		name string
		recs []*wofRecord
		want string
	}{
		{"one, 8 km from the city", []*wofRecord{locality("wof:1", 36.45, 33.56, "الوعر")}, "wof:1"},
		{"none near", []*wofRecord{locality("wof:2", 36.8, 33.5, "الوعر")}, ""},
		{"two near", []*wofRecord{locality("wof:3", 36.45, 33.56, "الوعر"), locality("wof:4", 36.52, 33.48, "الوعر")}, ""},
		{"another name", []*wofRecord{locality("wof:5", 36.45, 33.56, "الخالدية")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := &importer{wof: map[string][]*wofRecord{"SY": tt.recs}}
			got := ""
			if rec := im.citySection(quarter, city); rec != nil {
				got = rec.ID
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReadWOF: Arabic names only, invisible marks dropped, the preferred
// list split, records ordered by WOF id as a number, currency read.
func TestReadWOF(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wof.csv")
	csv := "wof_id,placetype,name,name_ar_preferred,name_ar_all,name_en_all,lat,lon,lbl_lat,lbl_lon,country,is_current,deprecated,superseded_by,population,icao\n" +
		"10,locality,Al Kursi,Al Kursī,Al Kursī|الكرسي,,35.1,36.1,,,SY,-1,,,0,\n" +
		"9,region,South,الجنوب|جنوب لبنان,الجنوب|جنوب لبنان|محافظة الجنوب\u200e,Al Janub,33.2,35.3,33.3,35.4,LB,1,,,,\n" +
		"11,locality,Old,قديمة,قديمة,,35,36,,,SY,0,,,,\n" +
		"12,campus,Airport,مطار,مطار,,35,36,,,SY,1,,,,OSXX\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, err := readWOF(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, fmt.Sprintf("%s %s %q %v %v %s", r.ID, r.Type, r.Ar, r.Point, r.Current, r.ICAO))
	}
	want := []string{
		`wof:9 region ["الجنوب" "جنوب لبنان" "محافظة الجنوب"] [35.4 33.3] true `,
		`wof:10 locality ["الكرسي"] [36.1 35.1] true `,
		`wof:11 locality ["قديمة"] [36 35] false `,
		`wof:12 campus ["مطار"] [36 35] true OSXX`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSyrianLocalitiesSameCommunity: a WOF record that shares a name with
// a community within wofDuplicateKm is that community; the names it
// lacks become the community's alternates, unless they name another
// place already.
func TestSyrianLocalitiesSameCommunity(t *testing.T) {
	tests := []struct {
		name    string
		rec     *wofRecord
		wantAlt []string
	}{
		{"a new spelling", locality("wof:1", 36.21, 33.2, "كفرنبل", "كفر نبل"), nil},
		{"a new name", locality("wof:2", 36.21, 33.2, "بيت تيما", "كفر نبل"), []string{"بيت تيما"}},
		{"a name of another place", locality("wof:3", 36.21, 33.2, "عين عرب", "كفر نبل"), nil},
		{"too far to be it", locality("wof:4", 36.3, 33.2, "خربة الجديدة", "كفر نبل"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c1 := village("C1", "كفر نبل", 36.2, 33.2)
			c2 := &geo.Place{ID: "C2", NameAr: "عين العرب", Kind: geo.City, Capital: 2, Country: "SY", Adm1: "SY01", Point: orb.Point{36.8, 33.8}}
			im := fixture(t, c1, c2)
			im.wof["SY"] = []*wofRecord{tt.rec}
			if err := im.syrianLocalities(func(string, ...any) {}); err != nil {
				t.Fatal(err)
			}
			if im.byID[tt.rec.ID] != nil {
				t.Errorf("%s added as a locality", tt.rec.ID)
			}
			if !reflect.DeepEqual(c1.AltAr, tt.wantAlt) {
				t.Errorf("community's alternates %q, want %q", c1.AltAr, tt.wantAlt)
			}
		})
	}
}

// TestDropFalseFriends: a listed preferred name keeps its record out, a
// listed alternate is dropped alone, with or without an admin word; a
// listed name no record bears is an error naming the file and line.
func TestDropFalseFriends(t *testing.T) {
	rec := func(id string, names ...string) *wofRecord { return &wofRecord{ID: id, Ar: names} }
	tests := []struct {
		name    string
		list    string
		recs    []*wofRecord
		want    []string
		wantErr string
	}{
		{"preferred name", "هام\tan ordinary word\n", []*wofRecord{rec("wof:1", "هام", "حام")}, []string{"wof:1 []"}, ""},
		{"alternate name", "جعفر\ta given name\n", []*wofRecord{rec("wof:2", "مزرعة جعفر", "جعفر")}, []string{`wof:2 ["مزرعة جعفر"]`}, ""},
		{"admin word", "الكورة\ta ball\n", []*wofRecord{rec("wof:3", "قضاء الكورة")}, []string{"wof:3 []"}, ""},
		{"folded", "السمة\ta trait\n", []*wofRecord{rec("wof:4", "السمه", "سمة")}, []string{"wof:4 []"}, ""},
		{"a name no record bears", "# comment\nبشار\ta given name\n", []*wofRecord{rec("wof:5", "حام")}, nil, "false-friends.tsv:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := &importer{own: t.TempDir(), wof: map[string][]*wofRecord{"SY": tt.recs}}
			if !runList(t, im.own, "false-friends.tsv", tt.list, im.dropFalseFriends, tt.wantErr) {
				return
			}
			var got []string
			for _, r := range tt.recs {
				if len(r.Ar) == 0 {
					got = append(got, r.ID+" []")
				} else {
					got = append(got, fmt.Sprintf("%s %q", r.ID, r.Ar))
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestAdmittedByAliases: a row of aliases.tsv brings in a WOF locality of
// Syria the rules leave out, under a name WOF gives it (with or without
// the article); other names, records not current and records outside
// Syria are errors naming the row.
func TestAdmittedByAliases(t *testing.T) {
	notCurrent := locality("wof:3", 36.5, 33.5, "حطلة")
	notCurrent.Current = false
	tests := []struct {
		name, alias string
		rec         *wofRecord
		want        string // names, or the error's file:line
	}{
		{"a one-word name", "حطلة", locality("wof:1", 36.5, 33.5, "حتلا", "حطلة"), `["حطلة"]`},
		{"with the article", "الجفرة", locality("wof:2", 36.5, 33.5, "جفرة"), `["الجفرة"]`},
		{"and its two-word names", "حطلة", locality("wof:1", 36.5, 33.5, "حطلة", "حطلة الفوقانية"), `["حطلة" "حطلة الفوقانية"]`},
		{"not its name", "الطابية", locality("wof:1", 36.5, 33.5, "حطلة"), "aliases.tsv:1"},
		{"not current", "حطلة", notCurrent, "aliases.tsv:1"},
		{"outside Syria", "حطلة", locality("wof:4", 38.5, 33.5, "حطلة"), "aliases.tsv:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := fixture(t)
			im.wof["SY"] = []*wofRecord{tt.rec}
			im.admit = []admission{{id: tt.rec.ID, name: tt.alias, at: "aliases.tsv:1"}}
			err := im.syrianLocalities(func(string, ...any) {})
			if strings.HasSuffix(tt.want, ":1") {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want one naming %s", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			p := im.byID[tt.rec.ID]
			if p == nil {
				t.Fatal("not added")
			}
			if got := fmt.Sprintf("%q", append([]string{p.NameAr}, p.AltAr...)); got != tt.want {
				t.Errorf("names %s, want %s", got, tt.want)
			}
		})
	}
	t.Run("a WOF id that is no locality of Syria", func(t *testing.T) {
		im := fixture(t)
		im.admit = []admission{{id: "wof:9", name: "حطلة", at: "aliases.tsv:7"}}
		if err := im.syrianLocalities(func(string, ...any) {}); err == nil || !strings.Contains(err.Error(), "aliases.tsv:7") {
			t.Errorf("error %v, want one naming aliases.tsv:7", err)
		}
	})
}

// TestLandmarkAtAirfield: an airfield landmark takes OurAirports' point
// and the admin units there, with no coord_from; another stands at its
// anchor, approximate.
func TestLandmarkAtAirfield(t *testing.T) {
	im := fixture(t, village("C1", "القرية", 36.2, 33.2))
	im.src = t.TempDir()
	dir := filepath.Join(im.src, "more", "airfields")
	os.MkdirAll(dir, 0o755)
	csv := "icao,iata,local,name,type,status,latitude,longitude,elevation_ft,country_code,state,county,city,updated_at\n" +
		"OS99,,,Test Air Base,small_airport,,33.7,36.6,1000,SY,,,,\n" +
		"OJ99,,,Abroad Air Base,small_airport,,33.7,36.6,1000,JO,,,,\n"
	os.WriteFile(filepath.Join(dir, "ourairports_airfields_SY-IQ-LB-JO-TR-IL-PS-CY.csv"), []byte(csv), 0o644)
	tests := []struct{ row, want string }{
		{"مطار الاختبار\tTest airbase\tlandmark\tourairports:OS99\tمطار الاختبار العسكري", "atlas:test-airbase [36.6 33.7] SY01 SY0100 SY010000 from="},
		{"سد القرية\tVillage dam\tlandmark\tC1", "atlas:village-dam [36.2 33.2] SY01   from=C1"},
		{"مطار\tAbroad\tlandmark\tourairports:OJ99", "landmarks.tsv:1"},
	}
	for _, tt := range tests {
		os.WriteFile(filepath.Join(im.own, "landmarks.tsv"), []byte(tt.row+"\n"), 0o644)
		im.layers["landmarks"] = nil
		err := im.landmarks()
		if strings.HasSuffix(tt.want, ":1") {
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s: error %v, want one naming %s", tt.row, err, tt.want)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		p := im.layers["landmarks"][0]
		if got := fmt.Sprintf("%s %v %s %s %s from=%s", p.ID, p.Point, p.Adm1, p.Adm2, p.Adm3, p.CoordFrom); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

// runList writes one of the project's lists into dir and runs the step
// that reads it. With wantErr it checks that the step fails naming it
// (file and line) and reports false: the case is done.
func runList(t *testing.T, dir, name, content string, step func() error, wantErr string) bool {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	err := step()
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("error %v, want one naming %s", err, wantErr)
		}
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return true
}
