package geo

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/quadtree"
)

// Gazetteer holds every place and answers look-ups. It is immutable once
// loaded and safe for concurrent use.
type Gazetteer struct {
	places       []*Place
	byID         map[string]*Place
	byName       map[string][]*Place // folded name → places, best Rank first
	governorates []*Place            // SY01…SY14 by p-code
	districts    map[string][]*Place // by governorate p-code
	subdistricts map[string][]*Place // by district p-code
	points       *quadtree.Quadtree  // Syrian places with a point of their own
	version      string
}

// Version fingerprints the layers the gazetteer was loaded from, so that
// whatever was derived from it (a build cache) can tell when it changed;
// "" for a gazetteer made with New.
func (g *Gazetteer) Version() string { return g.version }

// Load reads every *.geojson layer at the root of each file system, in
// order; a later feature with the same id replaces an earlier one, so a
// site's own folder can correct or add to the bundled data. A problem
// with a file is a *LayerError naming it.
func Load(fsyss ...fs.FS) (*Gazetteer, error) {
	type layer struct {
		fsys   fs.FS
		source int // fsys's index in fsyss
		name   string
		sum    [sha256.Size]byte
		places []*Place
		err    error
	}
	var layers []*layer
	for i, fsys := range fsyss {
		files, err := fs.Glob(fsys, "*.geojson")
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		sort.Strings(files)
		for _, name := range files {
			layers = append(layers, &layer{fsys: fsys, source: i, name: name})
		}
	}
	// Layers decode in parallel; they merge in order below.
	var wg sync.WaitGroup
	for _, l := range layers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := fs.ReadFile(l.fsys, l.name)
			if err == nil {
				l.sum = sha256.Sum256(data)
				l.places, err = ReadLayer(strings.TrimSuffix(path.Base(l.name), ".geojson"), data)
			}
			if err != nil {
				// Named by its file, whichever step failed.
				var le *LayerError
				if !errors.As(err, &le) {
					var pe *fs.PathError
					if errors.As(err, &pe) {
						err = pe.Err // it would name the file twice
					}
					le = &LayerError{Feature: -1, Err: err}
				}
				le.File, le.Source = l.name, l.source
				l.err = le
			}
		}()
	}
	wg.Wait()
	var all []*Place
	h := sha256.New()
	for _, l := range layers {
		if l.err != nil {
			return nil, l.err
		}
		all = append(all, l.places...)
		versionLine(h, l.name, l.sum)
	}
	g := New(all)
	g.version = fmt.Sprintf("%x", h.Sum(nil)[:12])
	return g, nil
}

// versionLine adds one layer to a gazetteer version.
func versionLine(h io.Writer, name string, sum [sha256.Size]byte) {
	fmt.Fprintf(h, "%s\x00%x\n", name, sum)
}

// VersionOf is the Version that Load would give these layers, without
// decoding them: for `atlas version`.
func VersionOf(fsyss ...fs.FS) (string, error) {
	h := sha256.New()
	for _, fsys := range fsyss {
		files, err := fs.Glob(fsys, "*.geojson")
		if err != nil {
			return "", err
		}
		sort.Strings(files)
		for _, name := range files {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return "", err
			}
			versionLine(h, name, sha256.Sum256(data))
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:12]), nil
}

// New builds a gazetteer from places; a later place with the same id
// replaces an earlier one, keeping the earlier one's position.
func New(places []*Place) *Gazetteer {
	g := &Gazetteer{byID: map[string]*Place{}}
	var order []string
	for _, p := range places {
		if _, seen := g.byID[p.ID]; !seen {
			order = append(order, p.ID)
		}
		g.byID[p.ID] = p
	}
	g.places = make([]*Place, 0, len(order))
	for _, id := range order {
		g.places = append(g.places, g.byID[id])
	}
	g.index()
	return g
}

func (g *Gazetteer) index() {
	g.byName = map[string][]*Place{}
	g.districts = map[string][]*Place{}
	g.subdistricts = map[string][]*Place{}
	g.points = quadtree.New(orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}})
	generated := map[string]map[*Place]bool{} // keys a place has only as a generated variant
	for _, p := range g.places {
		keys := nameKeys(p)
		for _, key := range keys {
			g.byName[key] = append(g.byName[key], p)
		}
		for _, key := range articleVariants(p, keys) {
			g.byName[key] = append(g.byName[key], p)
			if generated[key] == nil {
				generated[key] = map[*Place]bool{}
			}
			generated[key][p] = true
		}
		if p.Country != "SY" {
			continue
		}
		switch {
		case p.Kind == Governorate && p.Shape != nil:
			g.governorates = append(g.governorates, p)
		case p.Kind == District && p.Shape != nil:
			g.districts[p.Adm1] = append(g.districts[p.Adm1], p)
		case p.Kind == Subdistrict && p.Shape != nil:
			g.subdistricts[p.Adm2] = append(g.subdistricts[p.Adm2], p)
		case p.Shape == nil && p.CoordFrom == "" && p.Kind != Country:
			g.points.Add(pointer{p})
		}
	}
	for key, ps := range g.byName {
		gen := generated[key]
		sort.SliceStable(ps, func(i, j int) bool {
			if pi, pj := prefers(ps[i], key), prefers(ps[j], key); pi != pj {
				return pi
			}
			// A place named so outright comes before one whose name
			// only gives it with or without the article.
			if gi, gj := gen[ps[i]], gen[ps[j]]; gi != gj {
				return gj
			}
			return better(ps[i], ps[j])
		})
		g.byName[key] = ps
	}
	sort.Slice(g.governorates, func(i, j int) bool { return g.governorates[i].ID < g.governorates[j].ID })
}

// better orders two candidates of one name: by rank, then by id so that
// the order never depends on load order.
func better(a, b *Place) bool {
	if ra, rb := a.Rank(), b.Rank(); ra != rb {
		return ra > rb
	}
	return a.ID < b.ID
}

// prefers reports whether p is the default sense of the folded name key.
func prefers(p *Place, key string) bool {
	for _, n := range p.Prefer {
		if arabic.Fold(n) == key {
			return true
		}
	}
	return false
}

// IsDefaultFor reports whether p is listed as the default sense of name
// (data/senses.tsv), ahead of places that rank higher.
func (p *Place) IsDefaultFor(name string) bool {
	return len(p.Prefer) > 0 && prefers(p, arabic.Fold(name))
}

// nameKeys are the folded Arabic names of p, each once.
func nameKeys(p *Place) []string {
	seen := map[string]bool{}
	var keys []string
	for _, n := range append([]string{p.NameAr}, p.AltAr...) {
		k := arabic.Fold(n)
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

// articleVariants are a place's names spelled as the news also spells
// them. With the article «ال» added or taken off (القامشلي/قامشلي,
// الدويلعة/دويلعة): for admin units, towns and quarters, and only when
// the bare name keeps four letters («باب» or «رقه» alone are common
// words). With compound names joined or split (كفر بطنا/كفربطنا،
// بصرالحرير/بصر الحرير): for every place.
func articleVariants(p *Place, keys []string) []string {
	have := map[string]bool{}
	for _, k := range keys {
		have[k] = true
	}
	var out []string
	add := func(v string) {
		if !have[v] {
			have[v] = true
			out = append(out, v)
		}
	}
	article := false
	switch p.Kind {
	case Governorate, District, Subdistrict, City, Town, Neighborhood:
		article = true
	}
	for _, k := range keys {
		first, rest, two := strings.Cut(k, " ")
		if two && compoundHeads[first] && !strings.Contains(rest, " ") {
			add(first + rest)
		}
		if !two {
			for head := range compoundHeads {
				if tail, ok := strings.CutPrefix(k, head); ok && len([]rune(tail)) >= 3 {
					add(head + " " + tail)
				}
			}
		}
		if !article {
			continue
		}
		if two {
			// «شيخ سعيد» / «الشيخ سعيد»: the article on the first word.
			if bare, ok := strings.CutPrefix(first, "ال"); ok && len([]rune(bare)) >= 3 {
				add(bare + " " + rest)
			} else if !ok && !compoundHeads[first] && len([]rune(first)) >= 3 {
				add("ال" + first + " " + rest)
			}
			continue
		}
		v := "ال" + k
		if bare, ok := strings.CutPrefix(k, "ال"); ok {
			v = bare
		}
		if len([]rune(strings.TrimPrefix(v, "ال"))) >= 4 {
			add(v)
		}
	}
	sort.Strings(out)
	return out
}

// compoundHeads begin place names that are written both joined and
// apart (folded forms).
var compoundHeads = map[string]bool{
	"كفر": true, "دير": true, "بيت": true, "عين": true, "تل": true, "ابو": true, "بني": true,
	"خان": true, "بصر": true, "راس": true, "بير": true, "جب": true, "عرب": true, "قصر": true,
}

// Lookup returns the places named name (folded before look-up), best
// first by importance. The slice is shared: do not modify it.
func (g *Gazetteer) Lookup(name string) []*Place {
	return g.byName[arabic.Fold(name)]
}

// Names calls fn for every folded name in the gazetteer with the places
// that carry it, best first, in no particular order of names.
func (g *Gazetteer) Names(fn func(name string, places []*Place)) {
	for k, ps := range g.byName {
		fn(k, ps)
	}
}

// Place returns the place with the given id, or nil.
func (g *Gazetteer) Place(id string) *Place { return g.byID[id] }

// Places returns every place in load order.
func (g *Gazetteer) Places() []*Place { return g.places }

// Governorates returns Syria's governorates ordered by p-code.
func (g *Gazetteer) Governorates() []*Place { return g.governorates }

// Districts returns Syria's districts ordered by p-code.
func (g *Gazetteer) Districts() []*Place {
	var out []*Place
	for _, gov := range g.governorates {
		out = append(out, g.districts[gov.ID]...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Locate returns the governorate, district and subdistrict whose outlines
// contain pt; each is nil where none does (outside Syria, or in a gap
// between the simplified district outlines).
func (g *Gazetteer) Locate(pt orb.Point) (adm1, adm2, adm3 *Place) {
	adm1 = containing(g.governorates, pt)
	if adm1 == nil {
		return nil, nil, nil
	}
	adm2 = containing(g.districts[adm1.ID], pt)
	if adm2 != nil {
		adm3 = containing(g.subdistricts[adm2.ID], pt)
	}
	return adm1, adm2, adm3
}

// containing returns the first area whose outline contains pt; bounds
// rule most areas out before the polygon test.
func containing(areas []*Place, pt orb.Point) *Place {
	for _, a := range areas {
		if !a.Shape.Bound().Contains(pt) {
			continue
		}
		switch s := a.Shape.(type) {
		case orb.Polygon:
			if planar.PolygonContains(s, pt) {
				return a
			}
		case orb.MultiPolygon:
			if planar.MultiPolygonContains(s, pt) {
				return a
			}
		}
	}
	return nil
}

// pointer lets the quadtree hold places.
type pointer struct{ *Place }

func (p pointer) Point() orb.Point { return p.Place.Point }

// Near returns the Syrian places with coordinates of their own (towns,
// villages, quarters; not areas, not places placed at another's point)
// within km kilometres of pt, nearest first.
func (g *Gazetteer) Near(pt orb.Point, km float64) []*Place {
	dLat := km / 111.0
	dLon := km / (111.0 * math.Max(0.1, math.Cos(pt.Lat()*math.Pi/180)))
	b := orb.Bound{Min: orb.Point{pt.Lon() - dLon, pt.Lat() - dLat}, Max: orb.Point{pt.Lon() + dLon, pt.Lat() + dLat}}
	type hit struct {
		p *Place
		d float64
	}
	var hits []hit
	for _, x := range g.points.InBound(nil, b) {
		p := x.(pointer).Place
		if d := orbgeo.Distance(pt, p.Point) / 1000; d <= km {
			hits = append(hits, hit{p, d})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].d != hits[j].d {
			return hits[i].d < hits[j].d
		}
		return hits[i].p.ID < hits[j].p.ID
	})
	out := make([]*Place, len(hits))
	for i, h := range hits {
		out[i] = h.p
	}
	return out
}
