package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// plainNumber is a cell a spreadsheet reads as a number, which may start
// with a sign (a longitude west of Greenwich).
var plainNumber = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?$`)

// TestNoFormulaInCSV builds briefings and a site gazetteer that carry
// spreadsheet formulas wherever text can reach a CSV the build writes (a
// file name, a title, a source, a place's id and names, a list item that
// becomes an event's notes, a sentence with an unresolved name), then
// reads every CSV: no cell may start with = + - @ TAB or CR unless it
// is a plain number. The second build copies the unchanged briefings'
// rows from the first one's files, which must be as safe.
func TestNoFormulaInCSV(t *testing.T) {
	tmp := t.TempDir()
	src, gaz, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "gazetteer"), filepath.Join(tmp, "out")
	os.MkdirAll(src, 0o755)
	os.MkdirAll(gaz, 0o755)
	files := map[string]string{
		"=1+1.md": "---\ntitle: \"=1+1 عنوان\"\nsource: \"@SUM(1+1)\"\ndate: 2016-02-02\n---\n" +
			"+ قتل ثلاثة مدنيين في قصف على قرية عين الأطلس صباح اليوم.\n" +
			"+ اشتباكات عنيفة في بلدة زعترونة الغربية.\n",
		"-2+3.txt":   "=HYPERLINK(\"http://evil.example/\",\"عنوان\")\n\n- قصف مدفعي على مدينة حماة واشتباكات في بلدة زعترونة الغربية.\n",
		"\t@tab.md":  "---\ndate: 2016-02-03\n---\nغارات جوية على مدينة إدلب.\n",
		"plain.md":   "---\ntitle: عادي\ndate: 2016-02-04\n---\nقصف على مدينة حلب.\n",
		"\r=cr.md":   "---\ndate: 2016-02-05\n---\nقصف على مدينة حمص.\n",
		"@other.txt": "عنوان\n\nاشتباكات في قرية عين الأطلس.\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	place := `{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":{"type":"Point","coordinates":[36.61,35.21]},
 "properties":{"id":"@site","name_ar":"عين الأطلس","name_en":"=HYPERLINK(\"http://evil.example/\",\"x\")",
  "kind":"village","country":"SY","adm1":"SY05","adm1_en":"-2+3+cmd|' /C calc'!A0"}}]}`
	if err := os.WriteFile(filepath.Join(gaz, "site.geojson"), []byte(place), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(tmp, "cache")
	build := func() string {
		t.Helper()
		_, stderr, err := run(t, "build", "--cache-dir", cache, "-s", src, "-o", out, "--gazetteer", gaz)
		if err != nil {
			t.Fatal(err)
		}
		return stderr
	}
	check := func(when string) {
		t.Helper()
		// Cells that must be there, escaped: else the payloads did not
		// reach the files and the test would prove nothing.
		want := map[string]bool{"'=1+1.md": false, "'@SUM(1+1)": false, "'@site": false,
			`'=HYPERLINK("http://evil.example/","x")`: false, "'-2+3+cmd|' /C calc'!A0": false, "'\t@tab.md": false, "'-2+3.txt": false}
		for _, name := range []string{"events.csv", "mentions.csv", "unresolved.csv"} {
			f, err := os.Open(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(f).ReadAll()
			f.Close()
			if err != nil {
				t.Fatalf("%s: %s: %v", when, name, err)
			}
			notes := false
			for i, row := range rows {
				for j, cell := range row {
					if _, ok := want[cell]; ok {
						want[cell] = true
					}
					if name == "events.csv" && j == 12 && strings.HasPrefix(cell, "'+ ") {
						notes = true
					}
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumber.MatchString(cell) {
						t.Errorf("%s: %s row %d column %s: %q would be a formula in a spreadsheet", when, name, i, rows[0][j], cell)
					}
				}
			}
			if name == "events.csv" && !notes {
				t.Errorf("%s: no event's notes start with the list item's «+ », escaped", when)
			}
		}
		for cell, seen := range want {
			if !seen {
				t.Errorf("%s: no cell %q in the CSV files", when, cell)
			}
		}
	}
	build()
	check("first build")
	// One briefing changes; the others' rows are copied.
	os.WriteFile(filepath.Join(src, "plain.md"), []byte("---\ntitle: عادي\ndate: 2016-02-04\n---\nقصف على مدينة حلب وحماة.\n"), 0o644)
	if log := build(); !strings.Contains(log, "download rows of 5 briefings copied") {
		t.Errorf("the rebuild copied no rows, or not 5:\n%s", log)
	}
	check("rebuild")
}
