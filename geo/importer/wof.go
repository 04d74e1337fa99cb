package importer

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

// wofFiles are the Who's On First admin extracts (more/wof/), by the
// country whose places they hold.
var wofFiles = map[string]string{
	"SY": "more/wof/wof_admin_sy.csv",
	"IQ": "more/wof/wof_admin_iq.csv",
	"LB": "more/wof/wof_admin_lb.csv",
	"JO": "more/wof/wof_admin_jo.csv",
	"IL": "more/wof/wof_admin_il.csv",
	"TR": "more/wof/wof_admin_tr_south.csv",
}

// wofRecord is one Who's On First record.
type wofRecord struct {
	ID      string // "wof:N"
	Type    string // WOF placetype: locality, county, region, campus, …
	NameEn  string
	Ar      []string // Arabic-script names, the preferred ones first
	En      []string
	Point   orb.Point // the label point of an area where WOF gives one, else the centroid
	Country string
	// Population is WOF's (mostly GeoNames'); 0 where unknown.
	Population int
	// Current: neither deprecated, superseded nor marked not current.
	Current bool
	ICAO    string // an airport's ICAO code
}

// readWOF reads one of the WOF extracts, ordered by WOF id.
func readWOF(path string) ([]*wofRecord, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	out := make([]*wofRecord, 0, len(rows))
	for i, r := range rows {
		lat, err1 := strconv.ParseFloat(r["lat"], 64)
		lon, err2 := strconv.ParseFloat(r["lon"], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s line %d: bad coordinates", path, i+2)
		}
		pt := orb.Point{lon, lat}
		if la, err := strconv.ParseFloat(r["lbl_lat"], 64); err == nil {
			if lo, err := strconv.ParseFloat(r["lbl_lon"], 64); err == nil {
				pt = orb.Point{lo, la}
			}
		}
		pop, _ := strconv.Atoi(r["population"])
		rec := &wofRecord{
			ID: "wof:" + r["wof_id"], Type: r["placetype"], NameEn: cleanName(r["name"]),
			Point: pt, Country: r["country"], Population: pop,
			Current: r["is_current"] != "0" && r["deprecated"] == "" && r["superseded_by"] == "",
			ICAO:    r["icao"],
		}
		// The preferred name is sometimes a list of its own.
		for _, n := range append(strings.Split(r["name_ar_preferred"], "|"), strings.Split(r["name_ar_all"], "|")...) {
			if n = cleanName(n); isArabicScript(n) && !contains(rec.Ar, n) {
				rec.Ar = append(rec.Ar, n)
			}
		}
		for _, n := range strings.Split(r["name_en_all"], "|") {
			if n = cleanName(n); n != "" && !isArabicScript(n) && !contains(rec.En, n) {
				rec.En = append(rec.En, n)
			}
		}
		out = append(out, rec)
	}
	sortByWOFID(out)
	return out, nil
}

// sortByWOFID orders records by WOF id as a number.
func sortByWOFID(recs []*wofRecord) {
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i].ID, recs[j].ID
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return a < b
	})
}

// cleanName drops invisible format marks (the LRM some WOF names end
// with), turns tabs into spaces and trims.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Cf, r):
			return -1
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isArabicScript: a name whose letters are all Arabic script (WOF's
// name_ar lists mix in transliterations such as «Al Kursī»).
func isArabicScript(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Arabic, r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// letters counts the letters of a folded name, spaces left out.
func letters(s string) int {
	n := 0
	for _, r := range arabic.Fold(s) {
		if r != ' ' {
			n++
		}
	}
	return n
}

// readAllWOF reads every WOF extract the importer uses.
func (im *importer) readAllWOF() error {
	im.wof = map[string][]*wofRecord{}
	codes := make([]string, 0, len(wofFiles))
	for code := range wofFiles {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		recs, err := readWOF(im.path(filepath.FromSlash(wofFiles[code])))
		if err != nil {
			return err
		}
		im.wof[code] = recs
	}
	return im.dropFalseFriends()
}

// dropFalseFriends takes the names of false-friends.tsv off every WOF
// record, with or without an admin word before them («قضاء الكورة»): ordinary words, given names and famous places' names that WOF
// gives to hamlets (هام «important», السهل «the plain», الوليد, الفاو
// for a border village). A record whose preferred name is listed stays
// out with all its names (Muthanna's other name is its capital's); an
// alternate name listed is dropped from its record.
// A listed name that no record bears is an error: the list only holds
// names the sources have.
func (im *importer) dropFalseFriends() error {
	type entry struct {
		at   string
		used bool
	}
	drop := map[string]*entry{}
	var order []string
	err := im.eachRow("false-friends.tsv", 2, func(at string, cols []string) error {
		k := arabic.Fold(cols[0])
		if drop[k] != nil {
			return fmt.Errorf("%s: %s is listed twice", at, cols[0])
		}
		drop[k] = &entry{at: at}
		order = append(order, k)
		return nil
	})
	if err != nil {
		return err
	}
	for _, recs := range im.wof {
		for _, rec := range recs {
			kept := rec.Ar[:0]
			for i, n := range rec.Ar {
				bare, _ := cutAdminPrefix(n) // «قضاء الكورة» is الكورة
				if e := drop[arabic.Fold(bare)]; e != nil {
					e.used = true
					if i == 0 { // the preferred name: the record is the false friend
						kept = kept[:0]
						break
					}
					continue
				}
				kept = append(kept, n)
			}
			rec.Ar = kept
		}
	}
	for _, k := range order {
		if !drop[k].used {
			return fmt.Errorf("%s: no Who's On First record is named %s", drop[k].at, k)
		}
	}
	return nil
}

// all returns every place imported so far, layer by layer.
func (im *importer) all() []*geo.Place {
	var out []*geo.Place
	for _, name := range layerNames {
		out = append(out, im.layers[name]...)
	}
	return out
}

// namesakes are the places of g named name, or name with the article
// «ال» added to or taken off one of its words (عين عرب، عين العرب): a WOF
// place spelled either way would compete with them.
func namesakes(g *geo.Gazetteer, name string) []*geo.Place {
	k := arabic.Fold(name)
	out := append([]*geo.Place(nil), g.Lookup(k)...)
	words := strings.Split(k, " ")
	for i, w := range words {
		v := append([]string(nil), words...)
		if bare, ok := strings.CutPrefix(w, "ال"); ok {
			v[i] = bare
		} else {
			v[i] = "ال" + w
		}
		out = append(out, g.Lookup(strings.Join(v, " "))...)
	}
	return out
}

// localityNames are the Arabic names a Syrian WOF locality is imported
// with: names of two words or more, without a leading trigger word
// («مدينة …»), and not a man's name (see manLike). One-word names of
// GeoNames hamlets are given names (بشار، سلمان), adjectives (الروسية،
// الشرقية) and nouns (النفق، الجبل) in far more sentences than name the
// hamlet, and the common-word list catches only the nouns.
func localityNames(rec *wofRecord) []string {
	var out []string
	for _, n := range withoutTriggers(append([]string(nil), rec.Ar...)) {
		if strings.Contains(arabic.Fold(n), " ") && letters(n) >= 5 && !manLike(n) {
			out = append(out, n)
		}
	}
	return out
}

// givenNames are the commonest men's names (folded) of the region.
var givenNames = map[string]bool{
	"محمد": true, "احمد": true, "محمود": true, "علي": true, "عمر": true, "حسن": true, "حسين": true,
	"خالد": true, "ابراهيم": true, "خلف": true, "صالح": true, "فيصل": true, "حمود": true, "عواد": true,
	"عبد": true, "جاسم": true, "رمضان": true, "غانم": true, "سليم": true, "خليل": true, "داوود": true,
	"داود": true, "سليمان": true, "يوسف": true, "مصطفي": true, "عيسي": true, "موسي": true, "اسماعيل": true,
	"عباس": true, "سعيد": true, "حاج": true, "حاجي": true, "حجي": true, "مضحي": true, "علاوي": true,
}

// manLike: a name shaped like a man's, a kunya («أبو حسين») or a given
// name and a family name («علي الجاسم», «عمر خالد»). GeoNames names many
// hamlets and farms after their owners so, and the news prints such
// names in every list of the dead and of commanders.
func manLike(name string) bool {
	words := strings.Fields(arabic.Fold(name))
	if len(words) < 2 {
		return false
	}
	return words[0] == "ابو" && len(words) == 2 || givenNames[words[0]]
}

// km is the distance between two points in kilometres.
func km(a, b orb.Point) float64 { return orbgeo.Distance(a, b) / 1000 }

// wofDuplicateKm: two WOF localities of one name closer than this are
// one place recorded twice (GeoNames has such pairs).
const wofDuplicateKm = 2

// syrianLocalities adds the WOF localities of Syria that the gazetteer
// lacks, as villages of the localities layer: current records, inside
// Syria's outline, with names as localityNames keeps them, none of which
// (with or without the article on any word) is already the name of a
// place. A namesake is an OCHA community recorded again, or a different
// place of the same name (a hamlet called عين عرب or سنجار) that would
// compete with the one the news means. Runs last, so that no name of the
// project's lists or of the places abroad goes to a hamlet.
func (im *importer) syrianLocalities(log func(string, ...any)) error {
	g := geo.New(im.all())
	var kept []*geo.Place
	byKey := map[string][]*geo.Place{}
	given := map[string]bool{} // folded names given to communities here
	counts := map[string]int{}
	named := 0 // localities aliases.tsv brings in
	admit := map[string][]admission{}
	for _, a := range im.admit {
		admit[a.id] = append(admit[a.id], a)
	}
	for _, rec := range im.wof["SY"] {
		if rec.Type != "locality" {
			continue
		}
		if rows := admit[rec.ID]; len(rows) > 0 {
			p, err := admitted(g, rec, rows)
			if err != nil {
				return err
			}
			delete(admit, rec.ID)
			named++
			kept = append(kept, p)
			continue
		}
		if !rec.Current {
			counts["not current"]++
			continue
		}
		names := localityNames(rec)
		if len(names) == 0 {
			counts["no Arabic name of two words"]++
			continue
		}
		adm1, adm2, adm3 := g.Locate(rec.Point)
		if adm1 == nil {
			counts["outside Syria's outline"]++
			continue
		}
		// Every name of the record counts here, the one-word ones too: a
		// record that shares any name with a place is that place again
		// (GeoNames' «البو كمال|البوكمال» for Abu Kamal) or its namesake.
		all := withoutTriggers(append([]string(nil), rec.Ar...))
		if c := sameCommunity(g, rec, all); c != nil {
			// The community recorded again: the names it lacks become
			// its alternates (بيت تيما for OCHA's بيتيما).
			n := 0
			for _, name := range names {
				if k := arabic.Fold(name); len(namesakes(g, name)) == 0 && !given[k] {
					given[k] = true
					c.AltAr = append(c.AltAr, name)
					n++
				}
			}
			if n > 0 {
				counts["a community's, names given to it"]++
			} else {
				counts["a community's"]++
			}
			continue
		}
		if friend := falseFriend(g, all); friend != "" {
			counts["namesake: "+friend]++
			continue
		}
		if given[arabic.Fold(names[0])] {
			counts["namesake: a community's new name"]++
			continue
		}
		key := arabic.Fold(names[0])
		dup := false
		for _, q := range byKey[key] {
			if km(q.Point, rec.Point) < wofDuplicateKm {
				dup = true
			}
		}
		if dup {
			counts["recorded twice"]++
			continue
		}
		p := localityPlace(rec, names, adm1, adm2, adm3)
		byKey[key] = append(byKey[key], p)
		kept = append(kept, p)
	}
	for _, a := range im.admit {
		if admit[a.id] != nil {
			return fmt.Errorf("%s: %s is no Who's On First locality of Syria", a.at, a.id)
		}
	}
	for _, p := range kept {
		im.add("localities", p)
	}
	sortByID(im.layers["localities"])
	log("WOF Syria: %d localities added (%d named in aliases.tsv); left out: %s", len(kept), named, countList(counts))
	return nil
}

// localityPlace is the village a WOF locality of Syria comes in as.
func localityPlace(rec *wofRecord, names []string, adm1, adm2, adm3 *geo.Place) *geo.Place {
	p := &geo.Place{
		ID: rec.ID, NameAr: names[0], AltAr: names[1:], NameEn: rec.NameEn, AltEn: rec.En,
		Kind: geo.Village, Country: "SY", Point: rec.Point,
		Adm1: adm1.ID, Adm1En: adm1.Adm1En,
	}
	if adm2 != nil {
		p.Adm2, p.Adm2En = adm2.ID, adm2.NameEn
	}
	if adm3 != nil {
		p.Adm3, p.Adm3En = adm3.ID, adm3.NameEn
	}
	return p
}

// admitted is a WOF locality of Syria that rows of aliases.tsv name, under
// their names and the ones localityNames keeps: the project vouches for
// names the rules leave out (one word: حطلة). It must be current and lie
// inside Syria; a name that is not one of the record's own is an error,
// as aliases of a WOF locality only pick among the names WOF gives it.
func admitted(g *geo.Gazetteer, rec *wofRecord, rows []admission) (*geo.Place, error) {
	if !rec.Current {
		return nil, fmt.Errorf("%s: %s is not current in Who's On First", rows[0].at, rec.ID)
	}
	adm1, adm2, adm3 := g.Locate(rec.Point)
	if adm1 == nil {
		return nil, fmt.Errorf("%s: %s lies outside Syria's outline", rows[0].at, rec.ID)
	}
	own := map[string]bool{}
	for _, n := range rec.Ar {
		own[arabic.Fold(n)] = true
	}
	var names []string
	for _, a := range rows {
		k := arabic.Fold(a.name)
		bare, _ := strings.CutPrefix(k, "ال")
		if !own[k] && !own[bare] && !own["ال"+k] {
			return nil, fmt.Errorf("%s: %s is not a name of %s (%s)", a.at, a.name, rec.ID, strings.Join(rec.Ar, "، "))
		}
		names = append(names, a.name)
	}
	for _, n := range localityNames(rec) {
		if !contains(names, n) {
			names = append(names, n)
		}
	}
	return localityPlace(rec, names, adm1, adm2, adm3), nil
}

// sameCommunity is the Syrian city, town or village of the sources
// that rec records again: one that bears one of its names and lies
// within wofDuplicateKm of it. Nil if none.
func sameCommunity(g *geo.Gazetteer, rec *wofRecord, names []string) *geo.Place {
	for _, n := range names {
		for _, p := range g.Lookup(arabic.Fold(n)) {
			switch p.Kind {
			case geo.City, geo.Town, geo.Village:
			default:
				continue
			}
			if p.Country == "SY" && km(p.Point, rec.Point) <= wofDuplicateKm {
				return p
			}
		}
	}
	return nil
}

// falseFriend names the kind of place one of names already belongs to,
// or "".
func falseFriend(g *geo.Gazetteer, names []string) string {
	for _, n := range names {
		if ps := namesakes(g, n); len(ps) > 0 {
			if ps[0].Country != "SY" {
				return "abroad"
			}
			return string(ps[0].Kind)
		}
	}
	return ""
}

func countList(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", k, counts[k])
	}
	return b.String()
}
