package geo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

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
		line, err := Feature(p)
		if err != nil {
			return err
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

// Feature is p as one GeoJSON feature on one line, in the schema of the
// gazetteer's layers: what WriteLayer writes for it, and what a site's
// gazetteer/ folder takes.
func Feature(p *Place) ([]byte, error) {
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
		return nil, fmt.Errorf("place %s: %w", p.ID, err)
	}
	line, err := json.Marshal(feature{Type: "Feature", Properties: pr, Geometry: g})
	if err != nil {
		return nil, fmt.Errorf("place %s: %w", p.ID, err)
	}
	return line, nil
}

// LayerError is a problem with one gazetteer file: with the file as a
// whole (Feature < 0) or with one of its features.
type LayerError struct {
	// File names the file: ReadLayer's layer name, which Load replaces
	// with the file's path in its file system. A caller that knows where
	// that file system is may set it to the path its user knows.
	File string
	// Source is the position among Load's file systems of the one that
	// holds File.
	Source  int
	Line    int    // where the feature starts, from 1; 0 when unknown
	Feature int    // the feature's index in "features", or -1
	ID      string // the feature's id, if it has one
	Err     error
}

func (e *LayerError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Feature >= 0 {
		fmt.Fprintf(&b, ": feature %d", e.Feature)
		if e.ID != "" {
			fmt.Fprintf(&b, " (%s)", e.ID)
		}
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *LayerError) Unwrap() error { return e.Err }

// ReadLayer reads a GeoJSON FeatureCollection in the gazetteer schema.
// layer names it in Place.Layer and, until Load names the file, in
// errors, which are *LayerError.
func ReadLayer(layer string, data []byte) ([]*Place, error) {
	features, starts, lerr := decodeLayer(data)
	if lerr != nil {
		lerr.File = layer
		return nil, lerr
	}
	places := make([]*Place, 0, len(features))
	for i, f := range features {
		pr := f.Properties
		fail := func(err error) error {
			return &LayerError{File: layer, Line: lineAt(data, starts[i]), Feature: i, ID: pr.ID, Err: err}
		}
		if pr.ID == "" || pr.NameAr == "" && pr.NameEn == "" {
			return nil, fail(errors.New("needs an id and a name"))
		}
		g, err := geojson.UnmarshalGeometry(f.Geometry)
		if err != nil {
			return nil, fail(err)
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
			if err := onGlobe(geom); err != nil {
				return nil, fail(fmt.Errorf("coordinates: %w", err))
			}
			p.Point = geom
		case orb.Polygon, orb.MultiPolygon:
			b := geom.Bound()
			err := onGlobe(b.Min)
			if err == nil {
				err = onGlobe(b.Max)
			}
			if err != nil {
				return nil, fail(fmt.Errorf("outline: %w", err))
			}
			p.Shape = geom
			p.Point = orb.Point{pr.Lon, pr.Lat}
			if pr.Lon == 0 && pr.Lat == 0 {
				p.Point = b.Center()
			} else if err := onGlobe(p.Point); err != nil {
				return nil, fail(fmt.Errorf("lon, lat: %w", err))
			}
		default:
			return nil, fail(fmt.Errorf("geometry %s is not a point or polygon", geom.GeoJSONType()))
		}
		p.rank = int16(p.rankOf() + 1)
		places = append(places, p)
	}
	return places, nil
}

// onGlobe checks a [longitude, latitude] position: one off the globe
// (a typo, 1e308, the two swapped) is drawn nowhere, and its rounding in
// the downloads overflows.
func onGlobe(pt orb.Point) error {
	// Written so that NaN fails too.
	if !(pt.Lon() >= -180 && pt.Lon() <= 180) {
		return fmt.Errorf("longitude %g is outside -180…180", pt.Lon())
	}
	if !(pt.Lat() >= -90 && pt.Lat() <= 90) {
		return fmt.Errorf("latitude %g is outside -90…90", pt.Lat())
	}
	return nil
}

// decodeLayer decodes a FeatureCollection's features, one at a time so
// that each one's offset in data is known for errors. Its error is
// placed as well as it can be; the caller names the file.
func decodeLayer(data []byte) (features []feature, starts []int64, _ *LayerError) {
	dec := json.NewDecoder(bytes.NewReader(data))
	whole := func(err error) *LayerError {
		le := &LayerError{Feature: -1, Err: jsonError(err)}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			le.Line = lineAt(data, se.Offset)
		}
		return le
	}
	notFC := errors.New("not a GeoJSON FeatureCollection")
	if tok, err := dec.Token(); err == io.EOF {
		return nil, nil, whole(errors.New("empty: not a GeoJSON FeatureCollection"))
	} else if err != nil {
		return nil, nil, whole(err)
	} else if tok != json.Delim('{') {
		return nil, nil, whole(notFC)
	}
	var typ string
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, nil, whole(err)
		}
		switch key {
		case "type":
			var te *json.UnmarshalTypeError
			if err = dec.Decode(&typ); errors.As(err, &te) {
				err = notFC
			}
		case "features":
			if tok, err := dec.Token(); err != nil {
				return nil, nil, whole(err)
			} else if tok != json.Delim('[') {
				return nil, nil, whole(errors.New(`"features" is not a list`))
			}
			for dec.More() {
				i := len(features)
				starts = append(starts, nextValue(data, dec.InputOffset()))
				features = append(features, feature{})
				if err := dec.Decode(&features[i]); err != nil {
					// The decoder's offsets within a value are not the
					// file's: the feature's start is.
					return nil, nil, &LayerError{Line: lineAt(data, starts[i]), Feature: i, Err: jsonError(err)}
				}
			}
			_, err = dec.Token() // ]
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return nil, nil, whole(err)
		}
	}
	if typ != "FeatureCollection" {
		return nil, nil, whole(notFC)
	}
	return features, starts, nil
}

// jsonError says what encoding/json found wrong in the gazetteer's
// terms, not Go's.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te) && te.Field != "":
		want := "text"
		switch te.Type.Kind() {
		case reflect.Slice:
			want = "a list"
		case reflect.Int:
			want = "a whole number"
		case reflect.Float64:
			want = "a number"
		case reflect.Struct:
			want = "an object"
		}
		return fmt.Errorf("%s: expected %s, found %s", te.Field, want, te.Value)
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return errors.New("the file ends inside its JSON")
	}
	return err
}

// nextValue skips from off, where a decoder ended what came before, to
// the start of the next value.
func nextValue(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
		off++
	}
	return off
}

// lineAt is the line, from 1, of offset off of data; 0 when off is
// unknown.
func lineAt(data []byte, off int64) int {
	if off < 0 || off > int64(len(data)) {
		return 0
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
