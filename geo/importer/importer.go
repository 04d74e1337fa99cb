// Package importer turns the public source files in gazetteer-src (see its
// PROVENANCE.md) into atlas's bundled gazetteer layers. It is re-runnable:
// the same sources always give byte-identical layers.
package importer

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// Layers are the files Run writes, in the order a gazetteer loads them.
var layerNames = []string{"governorates", "districts", "subdistricts", "regions", "places", "localities", "neighbourhoods", "landmarks", "world"}

// Run reads the sources under from and the project's own lists in to
// (aliases.tsv, regions.tsv, landmarks.tsv, quarters.tsv, senses.tsv,
// renames.tsv, abroad.tsv, false-friends.tsv),
// and writes one GeoJSON layer per layer name into to. It reports counts
// to log.
func Run(from, to string, log io.Writer) error {
	im := &importer{src: from, own: to, byID: map[string]*geo.Place{}}
	logf := func(format string, args ...any) { fmt.Fprintf(log, format+"\n", args...) }
	steps := []func() error{
		im.readAllWOF,
		im.governorates, im.districts, im.subdistricts, im.places,
		im.neighbourhoods, im.quarters, im.regions, im.landmarks, im.world,
		func() error { return im.foreign(logf) },
		im.abroadList, im.aliases, im.senses, im.renames,
		// Last: they keep out names the steps above gave to other places.
		func() error { return im.syrianLocalities(logf) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	for _, name := range layerNames {
		places := im.layers[name]
		for _, p := range places {
			p.AltAr = withoutTriggers(p.AltAr)
			p.AltAr = uniqueSorted(p.AltAr, p.NameAr)
			p.AltEn = uniqueSorted(p.AltEn, p.NameEn)
		}
		var buf bytes.Buffer
		if err := geo.WriteLayer(&buf, places); err != nil {
			return fmt.Errorf("layer %s: %w", name, err)
		}
		out := filepath.Join(to, name+".geojson")
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(log, "%-15s %6d features  %s\n", name, len(places), kindCounts(places))
	}
	return nil
}

type importer struct {
	src    string // the public sources
	own    string // the folder with the project's own lists
	layers map[string][]*geo.Place
	byID   map[string]*geo.Place
	adm1En map[string]string       // p-code → OCHA English governorate name
	wof    map[string][]*wofRecord // Who's On First records by country
	admit  []admission             // WOF localities of Syria aliases.tsv names
}

// admission is a row of aliases.tsv that names a WOF locality of Syria.
type admission struct{ id, name, at string }

func (im *importer) add(layer string, p *geo.Place) {
	if im.layers == nil {
		im.layers = map[string][]*geo.Place{}
	}
	if _, dup := im.byID[p.ID]; dup {
		return
	}
	im.byID[p.ID] = p
	im.layers[layer] = append(im.layers[layer], p)
}

func (im *importer) path(rel string) string { return filepath.Join(im.src, rel) }

// openSyriaAliases maps OCHA p-codes to the Arabic and English aliases of
// the Open-Syria admin-unit list.
func (im *importer) openSyriaAliases() (map[string][2][]string, error) {
	rows, err := readCSV(im.path("syria_admin/syr_admin_units_opensyria.csv"))
	if err != nil {
		return nil, err
	}
	out := map[string][2][]string{}
	for _, r := range rows {
		out[r["ocha_pcode"]] = [2][]string{splitList(r["aliases_ar"]), splitList(r["aliases_en"])}
	}
	return out, nil
}

func (im *importer) governorates() error {
	fc, err := readFC(im.path("syria_admin/syr_adm1_ocha2015_alahwa.geojson"))
	if err != nil {
		return err
	}
	aliases, err := im.openSyriaAliases()
	if err != nil {
		return err
	}
	im.adm1En = map[string]string{}
	for _, f := range fc.Features {
		pcode := f.Properties.MustString("PCODE", "")
		nameAr := f.Properties.MustString("NAME_ARA", "")
		nameEn := f.Properties.MustString("NAME_EN", "")
		p := &geo.Place{
			ID: pcode, NameAr: nameAr, NameEn: nameEn, Kind: geo.Governorate, Country: "SY",
			Adm1: pcode, Adm1En: nameEn, Shape: f.Geometry,
		}
		// OCHA calls the capital's governorate «مدينة دمشق»; the news says دمشق.
		if after, ok := strings.CutPrefix(nameAr, "مدينة "); ok {
			p.NameAr, p.AltAr = after, []string{nameAr}
		}
		p.Point = representative(f.Geometry)
		if a, ok := aliases[pcode]; ok {
			p.AltAr = append(p.AltAr, a[0]...)
			p.AltEn = append(p.AltEn, a[1]...)
		}
		im.adm1En[pcode] = nameEn
		im.add("governorates", p)
	}
	sortByID(im.layers["governorates"])
	if len(im.layers["governorates"]) != 14 {
		return fmt.Errorf("governorates: want 14, found %d", len(im.layers["governorates"]))
	}
	return nil
}

// adminUnits reads the 2020 OCHA district or subdistrict polygons.
func (im *importer) adminUnits(layer, file string, kind geo.Kind) error {
	fc, err := readFC(im.path(file))
	if err != nil {
		return err
	}
	aliases, err := im.openSyriaAliases()
	if err != nil {
		return err
	}
	for _, f := range fc.Features {
		pr := f.Properties
		pcode := pr.MustString("p", "")
		p := &geo.Place{
			ID: pcode, NameAr: pr.MustString("nAr", ""), NameEn: pr.MustString("nEn", ""),
			Kind: kind, Country: "SY", Shape: f.Geometry,
			Point: orb.Point{pr.MustFloat64("lon", 0), pr.MustFloat64("lat", 0)},
		}
		p.Adm1 = pr.MustString("adm1_pcode", "")
		p.Adm1En = im.adm1En[p.Adm1]
		if kind == geo.District {
			p.Adm2, p.Adm2En = pcode, p.NameEn
		} else {
			p.Adm2 = pr.MustString("adm2_pcode", "")
			if d := im.byID[p.Adm2]; d != nil {
				p.Adm2En = d.NameEn
			}
			p.Adm3, p.Adm3En = pcode, p.NameEn
		}
		// Central subdistricts are «مركز X» in OCHA's list; X is the town.
		if after, ok := strings.CutPrefix(p.NameAr, "مركز "); ok {
			p.NameAr, p.AltAr = after, append(p.AltAr, p.NameAr)
		}
		if a, ok := aliases[pcode]; ok {
			p.AltAr = append(p.AltAr, a[0]...)
			p.AltEn = append(p.AltEn, a[1]...)
		}
		if p.Adm1En == "" {
			return fmt.Errorf("%s: %s names unknown governorate %q", file, pcode, p.Adm1)
		}
		im.add(layer, p)
	}
	sortByID(im.layers[layer])
	return nil
}

func (im *importer) districts() error {
	return im.adminUnits("districts", "syria_admin/syr_adm2_ocha2020_simplified_via_salih17.geojson", geo.District)
}

func (im *importer) subdistricts() error {
	return im.adminUnits("subdistricts", "syria_admin/syr_adm3_ocha2020_simplified_via_salih17.geojson", geo.Subdistrict)
}

// places reads the OCHA communities (the primary town and village list)
// and takes admin-capital levels from the 2015 populated places.
func (im *importer) places() error {
	capitals := map[string]int{}
	old, err := readCSV(im.path("syria_places/syr_pplp_adm4_ocha2015_alahwa.csv"))
	if err != nil {
		return err
	}
	for _, r := range old {
		if lvl, err := strconv.Atoi(r["capital_level"]); err == nil && lvl > 0 {
			capitals[r["pcode"]] = lvl
		}
	}
	rows, err := readCSV(im.path("syria_places/syr_communities_ocha_via_salih17.csv"))
	if err != nil {
		return err
	}
	for i, r := range rows {
		if r["type"] != "C" { // type N rows carry only their parent city's name
			continue
		}
		lat, err1 := strconv.ParseFloat(r["lat"], 64)
		lon, err2 := strconv.ParseFloat(r["lon"], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("communities line %d: bad coordinates", i+2)
		}
		p := &geo.Place{
			ID: r["pcode"], Country: "SY", Point: orb.Point{lon, lat},
			Adm1: r["adm1_pcode"], Adm1En: im.adm1En[r["adm1_pcode"]],
			Adm2: r["adm2_pcode"], Adm2En: r["adm2_en"],
			Adm3: r["adm3_pcode"], Adm3En: r["adm3_en"],
			Capital: capitals[r["pcode"]],
		}
		// Composite names («الساعد_قولسروج») are one community known by
		// either name.
		ar := strings.Split(r["name_ar"], "_")
		en := strings.Split(r["name_en"], "_")
		p.NameAr, p.AltAr = strings.TrimSpace(ar[0]), trimAll(ar[1:])
		p.NameEn, p.AltEn = strings.TrimSpace(en[0]), trimAll(en[1:])
		// A community that bears its subdistrict's (or district's) name is
		// that unit's town even where the 2015 list gives no capital level.
		if p.Capital == 0 {
			if d := im.byID[p.Adm2]; d != nil && d.NameAr == p.NameAr {
				p.Capital = 2
			} else if sd := im.byID[p.Adm3]; sd != nil && sd.NameAr == p.NameAr {
				p.Capital = 3
			}
		}
		switch p.Capital {
		case 1, 2:
			p.Kind = geo.City
		case 3:
			p.Kind = geo.Town
		default:
			p.Kind = geo.Village
		}
		if p.Adm1En == "" {
			return fmt.Errorf("communities line %d: unknown governorate %q", i+2, r["adm1_pcode"])
		}
		im.add("places", p)
	}
	sortByID(im.layers["places"])
	return nil
}

func (im *importer) neighbourhoods() error {
	// Aleppo: OCHA polygons with Arabic and English names.
	fc, err := readFC(im.path("syria_neighbourhoods/aleppo_neighbourhoods_ocha_trrcms.geojson"))
	if err != nil {
		return err
	}
	city := im.byID["C1007"]
	if city == nil {
		return fmt.Errorf("neighbourhoods: Aleppo city C1007 missing from communities")
	}
	for _, f := range fc.Features {
		pr := f.Properties
		p := im.quarter(city, "aleppo:"+pr.MustString("pCode", ""), pr.MustString("nameArabic", ""), pr.MustString("nameEnglish", ""), f.Geometry)
		p.Point = orb.Point{pr.MustFloat64("centerLongitude", 0), pr.MustFloat64("centerLatitude", 0)}
		im.add("neighbourhoods", p)
	}
	// Damascus: OCHA polygons (English) with an unofficial Arabic list.
	fc, err = readFC(im.path("syria_neighbourhoods/damascus_neighbourhoods_ocha_admin5_alahwa.geojson"))
	if err != nil {
		return err
	}
	rows, err := readCSV(im.path("syria_neighbourhoods/damascus_neighbourhoods_names_ar_thirdparty.csv"))
	if err != nil {
		return err
	}
	arabic := map[string]string{}
	for _, r := range rows {
		arabic[r["hay_pcode"]] = strings.TrimSpace(r["name_ar_thirdparty"])
	}
	city = im.byID["C1001"]
	if city == nil {
		return fmt.Errorf("neighbourhoods: Damascus city C1001 missing from communities")
	}
	for _, f := range fc.Features {
		pcode := f.Properties.MustString("HAY_PCODE", "")
		ar := arabic[pcode]
		if ar == "" || ar == "غير معروف" { // "unknown": nothing to match
			continue
		}
		p := im.quarter(city, pcode, ar, f.Properties.MustString("HAY_EN", ""), f.Geometry)
		p.Point = representative(f.Geometry)
		im.add("neighbourhoods", p)
	}
	return nil
}

func (im *importer) quarter(city *geo.Place, id, ar, en string, shape orb.Geometry) *geo.Place {
	return &geo.Place{
		ID: id, NameAr: strings.TrimSpace(ar), NameEn: strings.TrimSpace(en), Kind: geo.Neighborhood,
		Country: "SY", Adm1: city.Adm1, Adm1En: city.Adm1En, Adm2: city.Adm2, Adm2En: city.Adm2En,
		Adm3: city.Adm3, Adm3En: city.Adm3En, Shape: shape,
	}
}

// neighbours are the countries whose smaller towns the news names.
var neighbours = map[string]bool{"IQ": true, "LB": true, "JO": true, "TR": true}

func (im *importer) world() error {
	// Countries: Arabic names from world-countries, i18n-iso-countries and CLDR.
	info, err := readTSV(im.path("world/geonames_countryInfo.tsv"))
	if err != nil {
		return err
	}
	geonameOf := map[string]string{}
	for _, r := range info {
		if len(r) > 16 {
			geonameOf[r[0]] = r[16]
		}
	}
	i18n, err := readI18nCountries(im.path("world/npm_i18n-iso-countries_7.14.0_ar.json"))
	if err != nil {
		return err
	}
	var cldr map[string]any
	if err := readJSON(im.path("world/npm_cldr-localenames-full_48.2.0_ar_territories.json"), &cldr); err != nil {
		return err
	}
	territories := digStrings(cldr, "main", "ar", "localeDisplayNames", "territories")
	countries, err := readCSV(im.path("world/npm_world-countries_5.1.0_countries_ar.csv"))
	if err != nil {
		return err
	}
	for _, r := range countries {
		code := r["cca2"]
		if r["name_ar_common"] == "" || geonameOf[code] == "" {
			continue
		}
		lat, _ := strconv.ParseFloat(r["lat"], 64)
		lon, _ := strconv.ParseFloat(r["lon"], 64)
		p := &geo.Place{
			ID: "geonames:" + geonameOf[code], NameAr: r["name_ar_common"], NameEn: r["name_common"],
			Kind: geo.Country, Country: code, Point: orb.Point{lon, lat},
			AltAr: append([]string{r["name_ar_official"]}, i18n[code]...),
			AltEn: []string{r["name_official"]},
		}
		if t := territories[code]; t != "" {
			p.AltAr = append(p.AltAr, t)
		}
		im.add("world", p)
	}
	// Cities: labelled Arabic names only (unlabelled alternates mix in
	// Persian and Urdu). Cities from 100,000 inhabitants (Geneva, Vienna's
	// peers where talks are held) and capitals everywhere; towns of
	// Syria's neighbours, where cross-border news happens.
	cldrCities, err := readCSV(im.path("world/npm_cldr-dates-full_48.2.0_ar_exemplar_cities.csv"))
	if err != nil {
		return err
	}
	exemplar := map[string]string{}
	for _, r := range cldrCities {
		exemplar[r["exemplar_city_en"]] = r["exemplar_city_ar"]
	}
	big, err := readCSV(im.path("world/geonames_cities15000_ar.csv"))
	if err != nil {
		return err
	}
	regional, err := readCSV(im.path("world/geonames_cities500_SY-IQ-LB-JO-PS-IL-TR_ar.csv"))
	if err != nil {
		return err
	}
	var cities []*geo.Place
	add := func(r map[string]string) {
		pop, _ := strconv.Atoi(r["population"])
		lat, _ := strconv.ParseFloat(r["lat"], 64)
		lon, _ := strconv.ParseFloat(r["lon"], 64)
		p := &geo.Place{
			ID: "geonames:" + r["geonameid"], NameAr: r["name_ar_pref"], NameEn: r["name"],
			Kind: geo.ForeignCity, Country: r["country_code"], Population: pop, Point: orb.Point{lon, lat},
		}
		if ex := exemplar[r["name"]]; ex != "" && pop >= 100_000 {
			p.AltAr = append(p.AltAr, ex)
		}
		if r["feature_code"] == "PPLC" {
			p.Capital = 1
		}
		cities = append(cities, p)
	}
	for _, r := range big {
		// Capitals come in even without a labelled Arabic name
		// (Washington has none); aliases.tsv gives them one.
		if r["country_code"] == "SY" || r["name_ar_pref"] == "" && r["feature_code"] != "PPLC" {
			continue
		}
		pop, _ := strconv.Atoi(r["population"])
		if pop >= 200_000 || r["feature_code"] == "PPLC" || neighbours[r["country_code"]] {
			add(r)
		}
	}
	for _, r := range regional {
		pop, _ := strconv.Atoi(r["population"])
		if neighbours[r["country_code"]] && r["name_ar_pref"] != "" && pop >= 10_000 {
			add(r)
		}
	}
	sortByID(cities)
	for _, p := range cities {
		im.add("world", p)
	}
	return nil
}

// aliases applies the project's hand-kept list of spellings the news uses
// that the sources lack: variant <TAB> place id <TAB> note.
func (im *importer) aliases() error {
	return im.eachRow("aliases.tsv", 2, func(at string, cols []string) error {
		if strings.HasPrefix(cols[1], "wof:") && im.byID[cols[1]] == nil {
			// A WOF locality of Syria the rules leave out: it comes in
			// under this name when the localities do (syrianLocalities).
			im.admit = append(im.admit, admission{id: cols[1], name: cols[0], at: at})
			return nil
		}
		p, err := im.lookup(at, cols[1])
		if err != nil {
			return err
		}
		if p.NameAr == "" {
			p.NameAr = cols[0] // a capital GeoNames names only in English
			return nil
		}
		p.AltAr = append(p.AltAr, cols[0])
		return nil
	})
}

// renames gives a place the name the news uses as its primary name and
// drops source names that would match ordinary words: OCHA's «الثورة»
// for Tabqa is «the revolution» in every other sentence.
func (im *importer) renames() error {
	return im.eachRow("renames.tsv", 3, func(at string, cols []string) error {
		p, err := im.lookup(at, cols[0])
		if err != nil {
			return err
		}
		drop := map[string]bool{}
		for _, n := range splitList(cols[2]) {
			drop[n] = true
		}
		names := append([]string{p.NameAr}, p.AltAr...)
		p.NameAr, p.AltAr = cols[1], nil
		for _, n := range names {
			if !drop[n] {
				p.AltAr = append(p.AltAr, n)
			}
		}
		return nil
	})
}

// withoutTriggers drops formal names that begin with a trigger word
// («محافظة حلب», «ناحية مركز الحسكة», «مدينة دمشق»): the extractor reads the trigger
// as a cue and the name after it as the mention.
func withoutTriggers(names []string) []string {
	out := names[:0]
	for _, n := range names {
		if !strings.HasPrefix(n, "محافظة ") && !strings.HasPrefix(n, "ناحية ") && !strings.HasPrefix(n, "مدينة ") {
			out = append(out, n)
		}
	}
	return out
}

// senses marks the default sense of names that rank would get wrong.
func (im *importer) senses() error {
	return im.eachRow("senses.tsv", 2, func(at string, cols []string) error {
		p, err := im.lookup(at, cols[1])
		if err != nil {
			return err
		}
		p.Prefer = append(p.Prefer, cols[0])
		return nil
	})
}

// quarters adds the city quarters of quarters.tsv. A quarter stands at
// its city's point (coord_from), unless WOF has it as a locality: one
// current WOF locality of the quarter's name within quarterKm of the
// city (GeoNames keeps some city sections, الخالدية and الوعر in Homs,
// as populated places). Two or more such localities leave the quarter at
// the city: the data cannot tell which is the quarter.
func (im *importer) quarters() error {
	err := im.eachRow("quarters.tsv", 3, func(at string, cols []string) error {
		city, err := im.lookup(at, cols[2])
		if err != nil {
			return err
		}
		p := im.quarter(city, ownID(cols[1]), cols[0], cols[1], nil)
		p.Point, p.CoordFrom = city.Point, city.ID
		p.AltAr = splitList(col(cols, 3))
		if sec := im.citySection(p, city); sec != nil {
			p.Point, p.CoordFrom = sec.Point, ""
		}
		im.add("neighbourhoods", p)
		return nil
	})
	sortByID(im.layers["neighbourhoods"])
	return err
}

// quarterKm: a city section lies this close to its city's point.
const quarterKm = 10

// citySection returns the one current WOF locality of Syria named like
// quarter that lies within quarterKm of its city, or nil.
func (im *importer) citySection(quarter, city *geo.Place) *wofRecord {
	names := map[string]bool{}
	for _, n := range append([]string{quarter.NameAr}, quarter.AltAr...) {
		names[arabic.Fold(n)] = true
	}
	var found []*wofRecord
	for _, rec := range im.wof["SY"] {
		if rec.Type != "locality" || !rec.Current || km(rec.Point, city.Point) > quarterKm {
			continue
		}
		for _, n := range rec.Ar {
			if names[arabic.Fold(n)] {
				found = append(found, rec)
				break
			}
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// landmarks adds airports, dams, crossings, prisons and camps. The
// anchor column names the place each stands at (coord_from: approximate),
// or an airfield of OurAirports (ourairports:IDENT), whose own point it
// takes, with the admin units that contain it.
func (im *importer) landmarks() error {
	airfields, err := im.airfields()
	if err != nil {
		return err
	}
	g := geo.New(im.all())
	err = im.eachRow("landmarks.tsv", 4, func(at string, cols []string) error {
		kind := geo.Kind(cols[2])
		if kind != geo.Landmark && kind != geo.Camp && kind != geo.Village {
			return fmt.Errorf("%s: kind %q: want landmark, camp or village", at, cols[2])
		}
		p := &geo.Place{
			ID: ownID(cols[1]), NameAr: cols[0], NameEn: cols[1], AltAr: splitList(col(cols, 4)),
			Kind: kind, Country: "SY",
		}
		if ident, ok := strings.CutPrefix(cols[3], "ourairports:"); ok {
			pt, found := airfields[ident]
			if !found {
				return fmt.Errorf("%s: no Syrian airfield %s in OurAirports", at, ident)
			}
			adm1, adm2, adm3 := g.Locate(pt)
			if adm1 == nil {
				return fmt.Errorf("%s: airfield %s lies outside Syria's outline", at, ident)
			}
			p.Point, p.Adm1, p.Adm1En = pt, adm1.ID, adm1.Adm1En
			if adm2 != nil {
				p.Adm2, p.Adm2En = adm2.ID, adm2.NameEn
			}
			if adm3 != nil {
				p.Adm3, p.Adm3En = adm3.ID, adm3.NameEn
			}
			im.add("landmarks", p)
			return nil
		}
		anchor, err := im.lookup(at, cols[3])
		if err != nil {
			return err
		}
		p.Adm1, p.Adm1En, p.Adm2, p.Adm2En, p.Adm3, p.Adm3En = anchor.Adm1, anchor.Adm1En, anchor.Adm2, anchor.Adm2En, anchor.Adm3, anchor.Adm3En
		p.Point, p.CoordFrom = anchor.Point, anchor.ID
		im.add("landmarks", p)
		return nil
	})
	sortByID(im.layers["landmarks"])
	return err
}

// airfields reads the points of Syria's airfields from OurAirports, by
// ICAO code or OurAirports id (OS66, OSDZ, SY-0035).
func (im *importer) airfields() (map[string]orb.Point, error) {
	file := im.path("more/airfields/ourairports_airfields_SY-IQ-LB-JO-TR-IL-PS-CY.csv")
	rows, err := readCSV(file)
	if err != nil {
		return nil, err
	}
	out := map[string]orb.Point{}
	for i, r := range rows {
		if r["country_code"] != "SY" {
			continue
		}
		lat, err1 := strconv.ParseFloat(r["latitude"], 64)
		lon, err2 := strconv.ParseFloat(r["longitude"], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s line %d: bad coordinates", file, i+2)
		}
		out[r["icao"]] = orb.Point{lon, lat}
	}
	return out, nil
}

// regions adds named regions defined as unions of admin units or quarters.
func (im *importer) regions() error {
	err := im.eachRow("regions.tsv", 3, func(at string, cols []string) error {
		p := &geo.Place{ID: ownID(cols[1]), NameAr: cols[0], NameEn: cols[1], Kind: geo.Region,
			Country: "SY", AltAr: splitList(col(cols, 3))}
		var shape orb.MultiPolygon
		adm1 := map[string]bool{}
		for _, id := range strings.Fields(cols[2]) {
			m, err := im.lookup(at, strings.TrimPrefix(id, "-"))
			if err != nil {
				return err
			}
			if strings.HasPrefix(id, "-") {
				continue // left out: noted for readers, no geometry to subtract
			}
			adm1[m.Adm1] = true
			if m.Kind == geo.Governorate {
				// «ريف X»: the governorate less its city, shown at its centre.
				p.Point, p.CoordFrom = m.Point, m.ID
				continue
			}
			switch s := m.Shape.(type) {
			case orb.Polygon:
				shape = append(shape, s)
			case orb.MultiPolygon:
				shape = append(shape, s...)
			default:
				return fmt.Errorf("%s: member %s has no outline", at, id)
			}
		}
		if len(shape) > 0 {
			p.Shape = shape
			p.Point = representative(shape)
		}
		if len(adm1) == 1 {
			for code := range adm1 {
				p.Adm1, p.Adm1En = code, im.adm1En[code]
			}
		}
		im.add("regions", p)
		return nil
	})
	sortByID(im.layers["regions"])
	return err
}

// lookup finds a place that a row of a project list names.
func (im *importer) lookup(at, id string) (*geo.Place, error) {
	if p := im.byID[id]; p != nil {
		return p, nil
	}
	return nil, fmt.Errorf("%s: no place with id %q", at, id)
}

// eachRow calls fn for each row of one of the project's TSV lists, with
// «file:line» for errors; rows need at least min columns.
func (im *importer) eachRow(name string, min int, fn func(at string, cols []string) error) error {
	file := filepath.Join(im.own, name)
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		at := fmt.Sprintf("%s:%d", file, n+1)
		if len(cols) < min {
			return fmt.Errorf("%s: want at least %d tab-separated columns", at, min)
		}
		if err := fn(at, cols); err != nil {
			return err
		}
	}
	return nil
}

func col(cols []string, i int) string {
	if i < len(cols) {
		return cols[i]
	}
	return ""
}

// ownID makes the id of a place the project defines: "atlas:" and the
// English name as a slug.
func ownID(nameEn string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(nameEn) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return "atlas:" + b.String()
}

// representative is a point for an area: the centroid of its largest part.
func representative(g orb.Geometry) orb.Point {
	switch s := g.(type) {
	case orb.Polygon:
		c, _ := planar.CentroidArea(s)
		return c
	case orb.MultiPolygon:
		best, area := orb.Polygon(nil), 0.0
		for _, p := range s {
			if a := planar.Area(p); a > area {
				best, area = p, a
			}
		}
		if best != nil {
			c, _ := planar.CentroidArea(best)
			return c
		}
	}
	return g.Bound().Center()
}

func kindCounts(places []*geo.Place) string {
	counts := map[geo.Kind]int{}
	for _, p := range places {
		counts[p.Kind]++
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	var b strings.Builder
	for i, k := range kinds {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", k, counts[geo.Kind(k)])
	}
	return b.String()
}

func sortByID(ps []*geo.Place) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].ID < ps[j].ID })
}

// uniqueSorted drops empty names, the primary name and repeats, sorted so
// that output does not depend on source order.
func uniqueSorted(names []string, primary string) []string {
	seen := map[string]bool{primary: true, "": true}
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func trimAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func splitList(s string) []string { return trimAll(strings.Split(s, "|")) }

func readFC(path string) (*geojson.FeatureCollection, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return fc, nil
}

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		m := make(map[string]string, len(r))
		for i, h := range rows[0] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func readTSV(path string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	return out, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readI18nCountries reads i18n-iso-countries' ar.json, whose values are a
// name or a list of variants.
func readI18nCountries(path string) (map[string][]string, error) {
	var doc struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(path, &doc); err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for code, raw := range doc.Countries {
		var one string
		if json.Unmarshal(raw, &one) == nil {
			out[code] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(raw, &many); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, code, err)
		}
		out[code] = many
	}
	return out, nil
}

func digStrings(m map[string]any, keys ...string) map[string]string {
	var cur any = m
	for _, k := range keys {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = mm[k]
	}
	out := map[string]string{}
	if mm, ok := cur.(map[string]any); ok {
		for k, v := range mm {
			if s, ok := v.(string); ok {
				out[k] = s
			}
		}
	}
	return out
}
