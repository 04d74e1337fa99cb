package importer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// sources is where the public gazetteer sources live beside a clone.
const sources = "../../../shared/gazetteer-src"

// TestReimportIsIdentical re-runs the importer and compares every layer
// byte for byte with the committed data/: the import is deterministic and
// data/ is what the importer makes of the sources.
func TestReimportIsIdentical(t *testing.T) {
	if _, err := os.Stat(sources); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("gazetteer sources missing at %s", sources)
		}
		t.Skipf("gazetteer sources not beside the clone (%s)", sources)
	}
	for run := 0; run < 2; run++ {
		out := t.TempDir()
		// The project's own lists live beside the layers.
		lists, _ := filepath.Glob("../../data/*.tsv")
		for _, f := range lists {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, filepath.Base(f)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := Run(sources, out, io.Discard); err != nil {
			t.Fatal(err)
		}
		for _, name := range layerNames {
			got, err := os.ReadFile(filepath.Join(out, name+".geojson"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("../../data", name+".geojson"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("run %d: %s.geojson differs from data/ (re-run `make gazetteer` and commit)", run, name)
			}
		}
	}
}
