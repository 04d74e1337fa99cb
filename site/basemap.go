package site

import (
	"encoding/json"
	"sort"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/briefing-atlas/atlas/site/export"
	"github.com/briefing-atlas/atlas/site/publish"
	"github.com/paulmach/orb"
)

// The offline base map is names: with no tiles from disk, a map of
// outlines alone left readers in a grey void. data/basemap.js lists the
// names the maps may draw, most important first, each with the zoom from
// which it may show; atlas.js draws, at each zoom, those that fit without
// overlapping the ones before them.

// mapLabel is one name on the base map.
type mapLabel struct {
	kind string // g governorate, c country, d district, t town or city, v village
	at   orb.Point
	zoom int // the least zoom at which it shows
	name string
	rank int     // order of importance; lower first
	more float64 // within a rank: larger first (population, mentions)
	id   string
	code string // a country's ISO 3166 code
}

// Ranks, in the order labels claim room on the map.
const (
	rankGovernorate = iota
	rankCountry
	rankGovernorateCapital
	rankForeignCapital
	rankForeignCity
	rankDistrict
	rankDistrictCapital
	rankTown
	rankVillage
)

// neighbourCountries are the countries named around Syria.
var neighbourCountries = map[string]bool{"TR": true, "IQ": true, "JO": true, "LB": true, "IL": true, "PS": true}

// maxVillageLabels bounds the villages named: those the archive mentions,
// the most mentioned first.
const maxVillageLabels = 4000

// basemapLabels chooses the names for the base map: Syria's governorates
// and districts, its neighbours, its cities and towns by their rank as
// capitals, the large cities near it, and the villages the archive
// mentions (villages are thousands; those the news names are the ones a
// reader looks for).
func basemapLabels(g *geo.Gazetteer, mentioned []*PlaceSummary, lang Language) []mapLabel {
	name := Page{Lang: lang}.PlaceName
	syria := orb.Bound{Min: orb.Point{180, 90}, Max: orb.Point{-180, -90}}
	var labels []mapLabel
	for _, gov := range g.Governorates() {
		if gov.Shape != nil {
			syria = syria.Union(gov.Shape.Bound())
		}
		labels = append(labels, mapLabel{kind: "g", at: gov.Point, name: name(gov), rank: rankGovernorate, id: gov.ID})
	}
	// Cities beyond this box are off every atlas map.
	near := syria.Pad(1.2)
	govName := map[string]string{}
	for _, gov := range g.Governorates() {
		govName[gov.ID] = arabic.Fold(gov.NameAr)
	}
	capitalName := map[string]string{} // district id → its capital's name
	for _, p := range g.Places() {
		if p.Country == "SY" && p.Capital == 2 {
			capitalName[p.Adm2] = arabic.Fold(p.NameAr)
		}
	}
	for _, d := range g.Districts() {
		// A district named after its capital is named by the capital.
		if capitalName[d.ID] == arabic.Fold(d.NameAr) {
			continue
		}
		labels = append(labels, mapLabel{kind: "d", at: d.Point, zoom: 8, name: name(d), rank: rankDistrict, id: d.ID})
	}
	for _, p := range g.Places() {
		switch {
		case p.Kind == geo.Country && neighbourCountries[p.Country]:
			// The browser moves it to the part of the country beside
			// Syria, which it has the outline of (Turkey's centre is far
			// off a map of Syria).
			labels = append(labels, mapLabel{kind: "c", at: p.Point, name: name(p), rank: rankCountry, id: p.ID, code: p.Country})
		case p.Country == "SY" && p.Capital > 0 && p.CoordFrom == "" && (p.Kind == geo.City || p.Kind == geo.Town || p.Kind == geo.Village):
			l := mapLabel{kind: "t", at: p.Point, name: name(p), id: p.ID}
			switch p.Capital {
			case 1:
				l.zoom, l.rank = 6, rankGovernorateCapital
				// Named like its governorate, whose name shows already.
				if govName[p.Adm1] == arabic.Fold(p.NameAr) {
					l.zoom = 8
				}
			case 2:
				l.zoom, l.rank = 8, rankDistrictCapital
			default:
				l.zoom, l.rank = 9, rankTown
			}
			labels = append(labels, l)
		case p.Kind == geo.ForeignCity && near.Contains(p.Point) && (p.Capital == 1 || p.Population >= 50000):
			l := mapLabel{kind: "t", at: p.Point, name: name(p), rank: rankForeignCity, more: float64(p.Population), id: p.ID}
			switch {
			case p.Capital == 1:
				l.zoom, l.rank = 6, rankForeignCapital
			case p.Population >= 1000000:
				l.zoom = 7
			case p.Population >= 200000:
				l.zoom = 8
			default:
				l.zoom = 9
			}
			labels = append(labels, l)
		}
	}
	var villages []mapLabel
	for _, s := range mentioned {
		p := s.Place
		if p.Country == "SY" && p.Capital == 0 && p.CoordFrom == "" && (p.Kind == geo.Village || p.Kind == geo.Town || p.Kind == geo.City) {
			villages = append(villages, mapLabel{kind: "v", at: p.Point, zoom: 10, name: name(p), rank: rankVillage, more: float64(s.Mentions), id: p.ID})
		}
	}
	sort.Slice(villages, func(i, j int) bool {
		if villages[i].more != villages[j].more {
			return villages[i].more > villages[j].more
		}
		return villages[i].id < villages[j].id
	})
	if len(villages) > maxVillageLabels {
		villages = villages[:maxVillageLabels]
	}
	labels = append(labels, villages...)
	sort.SliceStable(labels, func(i, j int) bool {
		a, b := labels[i], labels[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.more != b.more {
			return a.more > b.more
		}
		return a.id < b.id
	})
	return labels
}

// writeBasemap writes data/basemap.js: {"labels": [[kind, lat, lon,
// zoom, name], …]}, most important first; a country's row ends with its
// ISO code.
func (r *pageRenderer) writeBasemap(w *publish.Stage) error {
	labels := basemapLabels(r.opt.Gazetteer, r.places, r.opt.Language)
	rows := make([][]any, len(labels))
	for i, l := range labels {
		rows[i] = []any{l.kind, export.Round(l.at[1]), export.Round(l.at[0]), l.zoom, l.name}
		if l.code != "" {
			rows[i] = append(rows[i], l.code)
		}
	}
	data, err := json.Marshal(map[string]any{"labels": rows})
	if err != nil {
		return err
	}
	return w.Write("data/basemap.js", jsAssign("ATLAS_BASEMAP", data))
}
