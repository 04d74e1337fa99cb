package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGazetteerErrorsNameTheFile: a bad feature in a site's own places is
// named by the file as the user knows it (the site's gazetteer/, the
// folder --gazetteer names, a file gazetteer.extra names), its line,
// index and id; coordinates off the globe are refused, not built (1e308
// came out in the downloads as -92233720368547.77).
func TestGazetteerErrorsNameTheFile(t *testing.T) {
	const head = `{"type":"FeatureCollection","features":[` + "\n"
	feature := func(id, coords string) string {
		return `{"type":"Feature","properties":{"id":"` + id + `","name_ar":"عين الأطلس","kind":"village","country":"SY","adm1":"SY05","adm1_en":"Hama"},` +
			`"geometry":{"type":"Point","coordinates":` + coords + `}}`
	}
	good := feature("site:good", "[36.61,35.21]")
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  string
	}{
		{"the site's gazetteer folder", map[string]string{"gazetteer/site.geojson": head + good + ",\n" + feature("site:far", "[1e308,35]") + "\n]}\n"},
			[]string{"build", "--cache-dir", "none"}, "gazetteer/site.geojson:3: feature 1 (site:far): coordinates: longitude 1e+308 is outside -180…180"},
		{"--gazetteer", map[string]string{"mine/places.geojson": head + feature("site:x", "[500,-200]") + "\n]}\n"},
			[]string{"build", "--cache-dir", "none", "--gazetteer", "mine"}, "mine/places.geojson:2: feature 0 (site:x): coordinates: longitude 500 is outside -180…180"},
		{"geocode --gazetteer", map[string]string{"mine/places.geojson": head + feature("site:x", "[36,-200]") + "\n]}\n"},
			[]string{"geocode", "--gazetteer", "mine", "حلب"}, "mine/places.geojson:2: feature 0 (site:x): coordinates: latitude -200 is outside -90…90"},
		{"gazetteer.extra", map[string]string{"atlas.toml": "[gazetteer]\nextra = [\"places/extra.json\"]\n",
			"places/extra.json": head + good + ",\n" + good + ",\n" + feature("", "[36,35]") + "\n]}\n"},
			[]string{"build", "--cache-dir", "none"}, "places/extra.json:4: feature 2: needs an id and a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			os.MkdirAll("content", 0o755)
			os.WriteFile("content/a.md", []byte("---\ntitle: نشرة\ndate: 2016-01-01\n---\nقصف على قرية عين الأطلس في ريف حماة.\n"), 0o644)
			for name, data := range tt.files {
				os.MkdirAll(filepath.Dir(name), 0o755)
				if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, _, err := run(t, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to say %q", err, tt.want)
			}
			if _, err := os.Stat("public"); err == nil {
				t.Error("a site was built over the bad gazetteer")
			}
		})
	}
}
