package importer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Distances and sizes for places abroad (see foreignRules).
const (
	// borderKm: the border towns of cross-border news (عرسال، القاع،
	// القائم) lie this close to Syria.
	borderKm = 15
	// countyKm: districts abroad (Lebanese and Iraqi qadas, Turkish
	// ilçes) come in when their label point is this close to Syria.
	countyKm = 50
	// nearKm bounds the rest: provinces (Turkey's 81 include far ones
	// whose names are words: وان، موش) and towns.
	nearKm = 150
	// foreignTownPopulation: the size from which GeoNames' towns of
	// Syria's neighbours come in too (see world).
	foreignTownPopulation = 10_000
)

// foreignRule says which WOF places of a neighbour come in, besides its
// districts within countyKm.
type foreignRule struct {
	provinces bool // its first-level units (Turkey's only within nearKm)
	border    bool // every locality within borderKm
	towns     bool // localities of foreignTownPopulation or more within nearKm
}

// foreignRules, by country. Jordan's border villages share their names
// with Dar'a's quarters and hamlets (المنشية), and the Arabic names WOF
// has for Jordan's and Turkey's smaller towns are often noise («هاني»,
// «أُورانج المملكة المتحدة»); their towns the news names are in GeoNames
// (الرمثا، الركبان، كلس، أقجة قلعة). Israel's districts are named for
// directions (الشمال، الجنوب، المركز) or for its cities.
var foreignRules = map[string]foreignRule{
	"IQ": {provinces: true, border: true, towns: true},
	"LB": {provinces: true, border: true, towns: true},
	"JO": {provinces: true},
	"TR": {provinces: true},
	"IL": {towns: true},
}

// adminPrefixes begin formal names of admin units and their seats.
var adminPrefixes = []string{"محافظة ", "قضاء ", "مركز قضاء ", "ناحية ", "مركز ", "لواء ", "منطقة ", "مدينة "}

func cutAdminPrefix(n string) (string, bool) {
	for _, pre := range adminPrefixes {
		if rest, ok := strings.CutPrefix(n, pre); ok {
			return rest, true
		}
	}
	return n, false
}

// adminNames are the names a region or county abroad is imported with:
// its preferred name and the formal names («محافظة عينتاب»), without the
// admin word. WOF's other alternates for such units are mostly their
// capital's name (الرمادي for Anbar, الموصل for Nineveh) or noise.
func adminNames(rec *wofRecord) []string {
	var out []string
	for i, n := range rec.Ar {
		n = strings.ReplaceAll(n, " - ", " ") // «بعلبك - الهرمل»
		bare, formal := cutAdminPrefix(n)
		if (i == 0 || formal) && letters(bare) >= 3 && !contains(out, bare) {
			out = append(out, bare)
		}
	}
	return out
}

// foreignLocalityNames are a locality's Arabic names without the formal
// ones («مركز قضاء القائم»), men's names (see manLike) and names of fewer
// than three letters.
func foreignLocalityNames(rec *wofRecord) []string {
	var out []string
	for _, n := range rec.Ar {
		if _, formal := cutAdminPrefix(n); !formal && letters(n) >= 3 && !manLike(n) {
			out = append(out, n)
		}
	}
	return out
}

// foreign adds the places of Syria's neighbours that the news names and
// world() lacks, from WOF, to the world layer, as foreignRules say:
// provinces (الأنبار، البقاع، هاتاي) and districts (الهرمل، سروج) as
// foreign_region, localities (عرسال، القاع، القائم، راوة) as
// foreign_city.
//
// A unit or a town is left out when one of its names, with or without
// the article, already belongs to a place abroad (GeoNames' الرمادي; the
// city a province is named after) or to a Syrian city, town, admin unit,
// region, quarter or landmark: the news means those (سنجار in Idleb,
// صلاح الدين in Aleppo). A Syrian village gives way to a province,
// district or town abroad of foreignTownPopulation or more (الأنبار،
// الهرمل، سروج, as GeoNames' towns already do: الريحانية), which ranks
// above it while context can still choose the village; unless three or
// more Syrian villages bear the name, which makes it a generic one
// (الطيبة، الحمراء), or the place abroad is smaller.
func (im *importer) foreign(log func(string, ...any)) error {
	g := geo.New(im.all())
	border := newOutline(im.layers["districts"])
	added := map[string][]*geo.Place{} // folded name → places added here
	// clash says why names cannot come in, "" if they can.
	clash := func(names []string, pop int) string {
		for _, n := range names {
			villages := 0
			for _, p := range append(namesakes(g, n), added[arabic.Fold(n)]...) {
				if p.Country != "SY" || p.Kind != geo.Village {
					return "namesake " + string(p.Kind)
				}
				villages++
			}
			switch {
			case villages > 0 && pop < foreignTownPopulation:
				return "namesake village, smaller"
			case villages >= 3:
				return "namesake of 3+ villages"
			}
		}
		return ""
	}
	counts := map[string]int{}
	var out []*geo.Place
	for _, code := range []string{"IQ", "JO", "LB", "TR", "IL"} {
		for _, rec := range im.wof[code] {
			if !rec.Current || len(rec.Ar) == 0 {
				continue
			}
			var names []string
			var kind geo.Kind
			rule := foreignRules[code]
			switch rec.Type {
			case "region":
				if !rule.provinces || code == "TR" && border.km(rec.Point) > nearKm {
					continue
				}
				names, kind = adminNames(rec), geo.ForeignRegion
			case "county":
				if border.km(rec.Point) > countyKm {
					continue
				}
				names, kind = adminNames(rec), geo.ForeignRegion
			case "locality":
				d := border.km(rec.Point)
				town := rule.towns && d <= nearKm && rec.Population >= foreignTownPopulation
				if !town && !(rule.border && d <= borderKm) {
					continue
				}
				names, kind = foreignLocalityNames(rec), geo.ForeignCity
			default:
				continue
			}
			if len(names) == 0 {
				continue
			}
			what := code + " " + rec.Type
			if c := clash(names, rec.Population); c != "" {
				counts[what+" left out: "+c]++
				continue
			}
			p := &geo.Place{
				ID: rec.ID, NameAr: names[0], AltAr: names[1:], NameEn: rec.NameEn, AltEn: rec.En,
				Kind: kind, Country: code, Population: rec.Population, Point: rec.Point,
			}
			for _, n := range names {
				k := arabic.Fold(n)
				added[k] = append(added[k], p)
			}
			counts[what+" added"]++
			out = append(out, p)
		}
	}
	sortByID(out)
	for _, p := range out {
		im.add("world", p)
	}
	log("WOF abroad: %s", countList(counts))
	return nil
}

// outline measures distances to Syria: its districts' outlines in a
// plane where a unit is a kilometre at Syria's latitudes.
type outline struct {
	polys  []orb.Polygon
	bounds []orb.Bound
	inner  []orb.Geometry // the outlines as they are, to test containment
}

// kmPerDegree is a degree of latitude; longitude is scaled by the cosine
// of 35°N, the middle of Syria.
const kmPerDegree = 111.2

var lonScale = math.Cos(35 * math.Pi / 180)

func project(pt orb.Point) orb.Point {
	return orb.Point{pt[0] * kmPerDegree * lonScale, pt[1] * kmPerDegree}
}

func newOutline(areas []*geo.Place) *outline {
	o := &outline{}
	for _, a := range areas {
		var polys []orb.Polygon
		switch s := a.Shape.(type) {
		case orb.Polygon:
			polys = []orb.Polygon{s}
		case orb.MultiPolygon:
			polys = s
		}
		for _, poly := range polys {
			pp := make(orb.Polygon, len(poly))
			for i, ring := range poly {
				pr := make(orb.Ring, len(ring))
				for j, pt := range ring {
					pr[j] = project(pt)
				}
				pp[i] = pr
			}
			o.polys = append(o.polys, pp)
			o.bounds = append(o.bounds, pp.Bound())
			o.inner = append(o.inner, poly)
		}
	}
	return o
}

// km is how far pt lies from Syria's outline (0 inside it).
func (o *outline) km(pt orb.Point) float64 {
	p := project(pt)
	best := math.Inf(1)
	for i, poly := range o.polys {
		b := o.bounds[i]
		if d := boundDistance(b, p); d >= best {
			continue
		}
		if b.Contains(p) && planar.PolygonContains(poly, p) {
			return 0
		}
		if d := planar.DistanceFrom(poly, p); d < best {
			best = d
		}
	}
	return best
}

// boundDistance is how far p lies from box b (0 inside).
func boundDistance(b orb.Bound, p orb.Point) float64 {
	dx := math.Max(0, math.Max(b.Min[0]-p[0], p[0]-b.Max[0]))
	dy := math.Max(0, math.Max(b.Min[1]-p[1], p[1]-b.Max[1]))
	return math.Hypot(dx, dy)
}

// abroadList adds the places abroad of abroad.tsv that the sources hold
// without an Arabic name the news uses (Sochi has none in GeoNames), or
// hold only as a name (libgeonames' فلوريدا). Columns: name_ar, name_en,
// source id, alt_ar (|-separated), note. The source id is one of
//
//   - geonames:N, a row of GeoNames' cities (cities15000, or cities500
//     for Syria's neighbours), which gives the point, country and
//     population: a foreign_city;
//   - admin1:CC.X, a first-level unit in libgeonames' Arabic names, whose
//     name becomes an alternate: a foreign_region at the point of its
//     capital (the unit's PPLA in cities15000), marked approximate.
func (im *importer) abroadList() error {
	cities := map[string]map[string]string{}
	capitals := map[string]map[string]string{} // "CC.X" → its PPLA
	for _, file := range []string{"world/geonames_cities15000_ar.csv", "world/geonames_cities500_SY-IQ-LB-JO-PS-IL-TR_ar.csv"} {
		rows, err := readCSV(im.path(file))
		if err != nil {
			return err
		}
		for _, r := range rows {
			if cities[r["geonameid"]] == nil {
				cities[r["geonameid"]] = r
			}
			if key := r["country_code"] + "." + r["admin1_code"]; r["feature_code"] == "PPLA" && capitals[key] == nil {
				capitals[key] = r
			}
		}
	}
	names, err := readCSV(im.path("world/libgeonames-common_0.3.0-1_ar_names.csv"))
	if err != nil {
		return err
	}
	admin1 := map[string]string{}
	for _, r := range names {
		if r["key_type"] == "admin1" {
			admin1[r["key"]] = r["name_ar"]
		}
	}
	point := func(r map[string]string) orb.Point {
		lat, _ := strconv.ParseFloat(r["lat"], 64)
		lon, _ := strconv.ParseFloat(r["lon"], 64)
		return orb.Point{lon, lat}
	}
	var out []*geo.Place
	seen := map[string]bool{}
	err = im.eachRow("abroad.tsv", 3, func(at string, cols []string) error {
		id := cols[2]
		if im.byID[id] != nil || seen[id] {
			return fmt.Errorf("%s: %s is in the gazetteer already (give it a name in aliases.tsv)", at, id)
		}
		p := &geo.Place{ID: id, NameAr: cols[0], NameEn: cols[1], AltAr: splitList(col(cols, 3))}
		switch {
		case strings.HasPrefix(id, "geonames:"):
			r := cities[strings.TrimPrefix(id, "geonames:")]
			if r == nil {
				return fmt.Errorf("%s: no GeoNames city %s in the sources", at, id)
			}
			if r["country_code"] == "SY" {
				return fmt.Errorf("%s: %s is in Syria", at, id)
			}
			p.Kind, p.Country, p.Point = geo.ForeignCity, r["country_code"], point(r)
			p.Population, _ = strconv.Atoi(r["population"])
			p.AltEn = []string{r["name"]}
			if r["feature_code"] == "PPLC" {
				p.Capital = 1
			}
		case strings.HasPrefix(id, "admin1:"):
			key := strings.TrimPrefix(id, "admin1:")
			name, capital := admin1[key], capitals[key]
			if name == "" {
				return fmt.Errorf("%s: libgeonames has no first-level unit %s", at, key)
			}
			if capital == nil {
				return fmt.Errorf("%s: no capital (PPLA) of %s in GeoNames cities15000", at, key)
			}
			bare, _ := cutAdminPrefix(name) // «محافظة شمال سيناء»
			p.Kind, p.Country, p.AltAr = geo.ForeignRegion, capital["country_code"], append(p.AltAr, bare)
			p.Point, p.CoordFrom = point(capital), "geonames:"+capital["geonameid"]
		default:
			return fmt.Errorf("%s: source id %q: want geonames:N or admin1:CC.X", at, id)
		}
		seen[id] = true
		out = append(out, p)
		return nil
	})
	if err != nil {
		return err
	}
	sortByID(out)
	for _, p := range out {
		im.add("world", p)
	}
	return nil
}
