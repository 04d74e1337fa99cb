package importer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sources is where the public gazetteer sources live beside a clone.
const sources = "../../../shared/gazetteer-src"

// TestReimportIsIdentical re-runs the importer and compares every layer
// byte for byte with the committed data/: the import is deterministic and
// data/ is what the importer makes of the sources.
func TestReimportIsIdentical(t *testing.T) {
	needSources(t)
	for run := 0; run < 2; run++ {
		out := copyLists(t)
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

func needSources(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(sources); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("gazetteer sources missing at %s", sources)
		}
		t.Skipf("gazetteer sources not beside the clone (%s)", sources)
	}
}

// copyLists copies the project's own lists (data/*.tsv), which live
// beside the layers, into a fresh output folder.
func copyLists(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
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
	return out
}

// TestListErrorsNameFileAndLine: a bad row in a project list stops the
// import with the file and line.
func TestListErrorsNameFileAndLine(t *testing.T) {
	needSources(t)
	for _, tt := range []struct{ file, row string }{
		{"aliases.tsv", "حلب الكبرى\tC0000000\tno such place"},
		{"landmarks.tsv", "مطار\tSome airport\tairport\tC1007"},
		{"regions.tsv", "منطقة\tSomewhere"},
		{"abroad.tsv", "مكان\tNowhere\tgeonames:1"},
		{"landmarks.tsv", "مطار\tNo airfield\tlandmark\tourairports:OS00"},
		{"aliases.tsv", "حطلة\twof:1\tno such WOF locality"},
		{"false-friends.tsv", "اسم لا يحمله مكان\tno record bears it"},
	} {
		out := copyLists(t)
		path := filepath.Join(out, tt.file)
		b, _ := os.ReadFile(path)
		lines := strings.Count(string(b), "\n")
		os.WriteFile(path, append(b, []byte(tt.row+"\n")...), 0o644)
		err := Run(sources, out, io.Discard)
		want := fmt.Sprintf("%s:%d", tt.file, lines+1)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one naming %s", tt.file, err, want)
		}
	}
}
