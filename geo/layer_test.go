package geo_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/briefing-atlas/atlas/geo"
)

// TestLayerErrors: a bad feature in a site's layer is named by its file,
// line, index and id, and coordinates off the globe are refused (1e308
// overflowed the downloads' rounding; 500/-200 were drawn nowhere).
func TestLayerErrors(t *testing.T) {
	const head = `{"type":"FeatureCollection","features":[` + "\n"
	const good = `{"type":"Feature","properties":{"id":"site:ok","name_ar":"أ"},"geometry":{"type":"Point","coordinates":[36.6,35.2]}}`
	point := func(id, coords string) string {
		return `{"type":"Feature","properties":{"id":"` + id + `","name_ar":"ب"},"geometry":{"type":"Point","coordinates":` + coords + `}}`
	}
	square := func(lonLat, ring string) string {
		return `{"type":"Feature","properties":{"id":"site:area","name_ar":"ج"` + lonLat + `},"geometry":{"type":"Polygon","coordinates":[` + ring + `]}}`
	}
	const ring = `[[36,35],[37,35],[37,36],[36,36],[36,35]]`
	tests := []struct {
		name, file, want string
	}{
		{"huge longitude", head + good + ",\n" + point("site:far", "[1e308,35.2]") + "\n]}\n",
			"site.geojson:3: feature 1 (site:far): coordinates: longitude 1e+308 is outside -180…180"},
		{"both out", head + point("site:x", "[500,-200]") + "\n]}\n",
			"site.geojson:2: feature 0 (site:x): coordinates: longitude 500 is outside -180…180"},
		{"latitude", head + good + ",\n" + good + ",\n" + point("site:y", "[36,-90.5]") + "\n]}\n",
			"site.geojson:4: feature 2 (site:y): coordinates: latitude -90.5 is outside -90…90"},
		{"outline", head + square("", `[[36,35],[200,35],[37,36],[36,35]]`) + "\n]}\n",
			"site.geojson:2: feature 0 (site:area): outline: longitude 200 is outside -180…180"},
		{"area point", head + square(`,"lon":36.5,"lat":95`, ring) + "\n]}\n",
			"site.geojson:2: feature 0 (site:area): lon, lat: latitude 95 is outside -90…90"},
		{"no id", head + good + ",\n" + point("", "[36,35]") + "\n]}\n",
			"site.geojson:3: feature 1: needs an id and a name"},
		{"pretty-printed", head + "  " + good + ",\n  {\n    \"type\": \"Feature\",\n    \"properties\": {\"id\": \"site:z\", \"name_ar\": \"د\"},\n" +
			"    \"geometry\": {\"type\": \"Point\", \"coordinates\": [36, 135]}\n  }\n]}\n",
			"site.geojson:3: feature 1 (site:z): coordinates: latitude 135 is outside -90…90"},
		{"not geojson", `{"type":"Feature"}`, "site.geojson: not a GeoJSON FeatureCollection"},
		{"wrong type", head + good + ",\n{\"type\":\"Feature\",\n \"properties\":{\"id\":\"b\",\n  \"name_ar\":3}}\n]}\n",
			"site.geojson:3: feature 1: properties.name_ar: expected text, found number"},
		{"syntax", head + good + ",\n" + good + ",\n" + `{"type":"Feature" "properties":{}}` + "\n]}\n",
			"site.geojson:4: feature 2: invalid character '\"' after object key:value pair"},
		{"trailing comma", head + good + ",\n]}\n", "site.geojson:3: feature 1: invalid character ']' looking for beginning of value"},
		{"truncated", head + good + ",\n", "site.geojson:3: feature 1: the file ends inside its JSON"},
		{"cut", head + good, "site.geojson: the file ends inside its JSON"},
		{"empty", "", "site.geojson: empty: not a GeoJSON FeatureCollection"},
	}
	for _, tt := range tests {
		bad := fstest.MapFS{"site.geojson": {Data: []byte(tt.file)}}
		_, err := geo.Load(fstest.MapFS{}, bad)
		var le *geo.LayerError
		if err == nil || err.Error() != tt.want || !errors.As(err, &le) || le.Source != 1 || le.File != "site.geojson" {
			t.Errorf("%s: error %v (%+v), want %q from source 1", tt.name, err, le, tt.want)
		}
	}
	// The globe's edges are on it.
	edges := fstest.MapFS{"site.geojson": {Data: []byte(head + point("site:a", "[-180,-90]") + ",\n" + point("site:b", "[180,90]") + ",\n" + square(`,"lon":36.5,"lat":35.5`, ring) + "\n]}\n")}}
	if g, err := geo.Load(edges); err != nil || g.Place("site:b") == nil {
		t.Errorf("edges of the globe: %v", err)
	}
}
