package geo

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Gazetteer holds every place and answers look-ups. It is immutable once
// loaded and safe for concurrent use.
type Gazetteer struct {
	places       []*Place
	byID         map[string]*Place
	byName       map[string][]*Place // folded name → places, best Rank first
	governorates []*Place            // SY01…SY14 by p-code
}

// Load reads every *.geojson layer at the root of each file system, in
// order; a later feature with the same id replaces an earlier one, so a
// site's own folder can correct or add to the bundled data.
func Load(fsyss ...fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{byID: map[string]*Place{}}
	var order []string
	for _, fsys := range fsyss {
		files, err := fs.Glob(fsys, "*.geojson")
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, name := range files {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("gazetteer: %w", err)
			}
			places, err := ReadLayer(strings.TrimSuffix(path.Base(name), ".geojson"), data)
			if err != nil {
				return nil, fmt.Errorf("gazetteer: %w", err)
			}
			for _, p := range places {
				if _, seen := g.byID[p.ID]; !seen {
					order = append(order, p.ID)
				}
				g.byID[p.ID] = p
			}
		}
	}
	g.places = make([]*Place, 0, len(order))
	for _, id := range order {
		g.places = append(g.places, g.byID[id])
	}
	g.index()
	return g, nil
}

// New builds a gazetteer from places already in memory (tests, tools).
func New(places []*Place) *Gazetteer {
	g := &Gazetteer{byID: map[string]*Place{}}
	for _, p := range places {
		if _, seen := g.byID[p.ID]; !seen {
			g.places = append(g.places, p)
		}
		g.byID[p.ID] = p
	}
	g.index()
	return g
}

func (g *Gazetteer) index() {
	g.byName = map[string][]*Place{}
	for _, p := range g.places {
		for _, key := range nameKeys(p) {
			g.byName[key] = append(g.byName[key], p)
		}
		if p.Kind == Governorate && p.Country == "SY" {
			g.governorates = append(g.governorates, p)
		}
	}
	for key, ps := range g.byName {
		sort.SliceStable(ps, func(i, j int) bool { return better(ps[i], ps[j]) })
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

// Locate returns the governorate whose outline contains pt, or nil.
func (g *Gazetteer) Locate(pt orb.Point) *Place {
	for _, gov := range g.governorates {
		if gov.Shape == nil || !gov.Shape.Bound().Contains(pt) {
			continue
		}
		switch s := gov.Shape.(type) {
		case orb.Polygon:
			if planar.PolygonContains(s, pt) {
				return gov
			}
		case orb.MultiPolygon:
			if planar.MultiPolygonContains(s, pt) {
				return gov
			}
		}
	}
	return nil
}
