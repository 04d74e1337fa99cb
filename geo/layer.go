package geo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// properties is the one schema every gazetteer feature has, whatever its
// layer. The importer writes it, Load reads it, and sites may add features
// of their own in the same form.
type properties struct {
	ID         string   `json:"id"`
	NameAr     string   `json:"name_ar"`
	NameEn     string   `json:"name_en"`
	AltAr      []string `json:"alt_ar,omitempty"`
	AltEn      []string `json:"alt_en,omitempty"`
	Kind       Kind     `json:"kind"`
	Country    string   `json:"country"`
	Adm1       string   `json:"adm1,omitempty"`
	Adm1En     string   `json:"adm1_en,omitempty"`
	Adm2       string   `json:"adm2,omitempty"`
	Adm2En     string   `json:"adm2_en,omitempty"`
	Adm3       string   `json:"adm3,omitempty"`
	Adm3En     string   `json:"adm3_en,omitempty"`
	Capital    int      `json:"capital,omitempty"`
	Population int      `json:"population,omitempty"`
	CoordFrom  string   `json:"coord_from,omitempty"`
	Prefer     []string `json:"prefer_ar,omitempty"`
	// Lat and Lon give the representative point of an area feature.
	Lat float64 `json:"lat,omitempty"`
	Lon float64 `json:"lon,omitempty"`
}

type feature struct {
	Type       string          `json:"type"`
	Properties properties      `json:"properties"`
	Geometry   json.RawMessage `json:"geometry"`
}

// WriteLayer writes places as a GeoJSON FeatureCollection, one feature a
// line so that a re-import shows as a readable diff. Coordinates are
// rounded to 6 decimals (about 10 cm). The output depends only on places.
func WriteLayer(w io.Writer, places []*Place) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("{\"type\":\"FeatureCollection\",\"features\":[\n")
	for i, p := range places {
		var geom orb.Geometry = p.Point
		pr := properties{
			ID: p.ID, NameAr: p.NameAr, NameEn: p.NameEn, AltAr: p.AltAr, AltEn: p.AltEn,
			Kind: p.Kind, Country: p.Country, Adm1: p.Adm1, Adm1En: p.Adm1En,
			Adm2: p.Adm2, Adm2En: p.Adm2En, Adm3: p.Adm3, Adm3En: p.Adm3En,
			Capital: p.Capital, Population: p.Population, CoordFrom: p.CoordFrom, Prefer: p.Prefer,
		}
		if p.Shape != nil {
			geom = p.Shape
			pt := orb.Round(p.Point, 1e6).(orb.Point)
			pr.Lon, pr.Lat = pt[0], pt[1]
		}
		g, err := json.Marshal(geojson.NewGeometry(orb.Round(orb.Clone(geom), 1e6)))
		if err != nil {
			return fmt.Errorf("place %s: %w", p.ID, err)
		}
		line, err := json.Marshal(feature{Type: "Feature", Properties: pr, Geometry: g})
		if err != nil {
			return fmt.Errorf("place %s: %w", p.ID, err)
		}
		bw.Write(line)
		if i < len(places)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// ReadLayer reads a GeoJSON FeatureCollection in the gazetteer schema.
// layer names it in errors and in Place.Layer.
func ReadLayer(layer string, data []byte) ([]*Place, error) {
	var fc struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&fc); err != nil {
		return nil, fmt.Errorf("%s: %w", layer, err)
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("%s: not a GeoJSON FeatureCollection", layer)
	}
	places := make([]*Place, 0, len(fc.Features))
	for i, f := range fc.Features {
		pr := f.Properties
		if pr.ID == "" || pr.NameAr == "" && pr.NameEn == "" {
			return nil, fmt.Errorf("%s: feature %d: needs an id and a name", layer, i)
		}
		g, err := geojson.UnmarshalGeometry(f.Geometry)
		if err != nil {
			return nil, fmt.Errorf("%s: feature %d (%s): %w", layer, i, pr.ID, err)
		}
		p := &Place{
			ID: pr.ID, NameAr: pr.NameAr, NameEn: pr.NameEn, AltAr: pr.AltAr, AltEn: pr.AltEn,
			Kind: pr.Kind, Country: pr.Country, Adm1: pr.Adm1, Adm1En: pr.Adm1En,
			Adm2: pr.Adm2, Adm2En: pr.Adm2En, Adm3: pr.Adm3, Adm3En: pr.Adm3En,
			Capital: pr.Capital, Population: pr.Population, CoordFrom: pr.CoordFrom, Prefer: pr.Prefer,
			Layer: layer,
		}
		switch geom := g.Geometry().(type) {
		case orb.Point:
			p.Point = geom
		case orb.Polygon, orb.MultiPolygon:
			p.Shape = geom
			p.Point = orb.Point{pr.Lon, pr.Lat}
			if pr.Lon == 0 && pr.Lat == 0 {
				p.Point = geom.Bound().Center()
			}
		default:
			return nil, fmt.Errorf("%s: feature %d (%s): geometry %s is not a point or polygon", layer, i, pr.ID, geom.GeoJSONType())
		}
		places = append(places, p)
	}
	return places, nil
}
