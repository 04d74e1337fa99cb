package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// run executes the atlas command tree in-process.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	root := newRootCmd(&stdout, &stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return stdout.String(), stderr.String(), err
}

// briefings lists the sample briefings the way the build reads them.
func briefings(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if !e.IsDir() && (ext == ".md" || ext == ".txt") && !strings.EqualFold(e.Name(), "README.md") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestBuildSampleAtlas(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	stdout, _, err := run(t, "build", "--source", "../../examples/briefings", "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "built ") {
		t.Errorf("stdout %q", stdout)
	}
	for _, f := range []string{"index.html", ".nojekyll", "data/governorates.js", "assets/atlas.js", "assets/vendor/leaflet/leaflet.js"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	samples := briefings(t, "../../examples/briefings")
	if len(samples) < 12 {
		t.Errorf("%d sample briefings, want at least 12", len(samples))
	}
	pages, _ := filepath.Glob(filepath.Join(out, "articles", "*.html"))
	if len(pages) != len(samples) {
		t.Errorf("%d article pages for %d briefings", len(pages), len(samples))
	}
	govs, _ := filepath.Glob(filepath.Join(out, "governorates", "SY*.html"))
	if len(govs) != 14 {
		t.Errorf("%d governorate pages, want 14", len(govs))
	}
	// Every governorate is named somewhere in the samples.
	for _, g := range govs {
		page, _ := os.ReadFile(g)
		if bytes.Contains(page, []byte(`class="empty"`)) {
			t.Errorf("%s: no sample briefing mentions this governorate", filepath.Base(g))
		}
	}
	// Links are page-relative: no page refers to the site root by "/".
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, bad := range []string{`href="/`, `src="/`, "http://", "https://"} {
		if bytes.Contains(index, []byte(bad)) {
			t.Errorf("index.html contains %q", bad)
		}
	}
}

func TestBuildRefusesForeignOutput(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	_, _, err := run(t, "build", "--source", "testdata", "--out", out)
	if err == nil || !strings.Contains(err.Error(), "not written by atlas") {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "notes.txt")); string(data) != "mine" {
		t.Error("the user's file was touched")
	}
}

func TestBuildMissingSource(t *testing.T) {
	_, _, err := run(t, "build", "--source", "does-not-exist", "--out", t.TempDir()+"/x")
	if err == nil || !strings.Contains(err.Error(), "does-not-exist") {
		t.Fatalf("err = %v", err)
	}
}

// TestExtractJSONL checks the fixed contract of `atlas extract`.
func TestExtractJSONL(t *testing.T) {
	files := []string{"testdata/aleppo.md", "testdata/idlib.txt"}
	stdout, _, err := run(t, append([]string{"extract", "--format", "jsonl"}, files...)...)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"doc", "start", "end", "surface", "place_id", "place_ar", "place_en", "kind",
		"governorate", "country", "lat", "lon", "confidence", "geo_precision", "use"}
	texts := map[string][]rune{}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		texts[f] = []rune(string(data))
	}
	found := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(stdout))
	n := 0
	for sc.Scan() {
		n++
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d lacks %q", n, k)
			}
		}
		doc := m["doc"].(string)
		start, end := int(m["start"].(float64)), int(m["end"].(float64))
		if got := string(texts[doc][start:end]); got != m["surface"] {
			t.Errorf("line %d: text[%d:%d] = %q, surface %q", n, start, end, got, m["surface"])
		}
		gov, _ := m["governorate"].(string)
		found[m["surface"].(string)] = gov + "/" + m["country"].(string)
	}
	want := map[string]string{
		"مارع": "Aleppo/SY", "ريف حلب": "Aleppo/SY", "جوبر": "Damascus/SY", "دمشق": "Damascus/SY",
		"حماه": "Hama/SY", "السلمية": "Hama/SY", "موسكو": "/RU", "إدلب": "Idleb/SY", "سراقب": "Idleb/SY",
	}
	for surface, w := range want {
		if found[surface] != w {
			t.Errorf("%s: got %q, want %q", surface, found[surface], w)
		}
	}
}

func TestExtractTable(t *testing.T) {
	stdout, _, err := run(t, "extract", "--format", "table", "testdata/idlib.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "doc ") || !strings.Contains(stdout, "سراقب") {
		t.Errorf("table output:\n%s", stdout)
	}
	if _, _, err := run(t, "extract", "--format", "xml", "testdata/idlib.txt"); err == nil {
		t.Error("--format xml accepted")
	}
}

func TestVersionAndHelp(t *testing.T) {
	stdout, _, err := run(t, "version")
	if err != nil || !strings.HasPrefix(stdout, "atlas ") {
		t.Errorf("version: %q, %v", stdout, err)
	}
	stdout, _, err = run(t, "build", "--help")
	if err != nil || !strings.Contains(stdout, "--source") || !strings.Contains(stdout, "front matter") {
		t.Errorf("build --help: %q, %v", stdout, err)
	}
}

// TestSiteGazetteer: a village the bundled gazetteer lacks, added in the
// site's gazetteer folder, is found and mapped.
func TestSiteGazetteer(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_, _, err := run(t, "build", "--quiet", "--source", "testdata/site/content", "--gazetteer", "testdata/site/gazetteer", "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "articles", "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`data-m="0">تل النموذج</a>`)) || !bytes.Contains(page, []byte(`"en":"Tell Example"`)) {
		t.Error("the site's own village is not linked and mapped on the article page")
	}
	stdout, _, err := run(t, "geocode", "--gazetteer", "testdata/site/gazetteer", "تل النموذج")
	if err != nil || !strings.Contains(stdout, "atlas:tell-example") {
		t.Errorf("geocode: %q, %v", stdout, err)
	}
	if _, _, err := run(t, "geocode", "--gazetteer", "does-not-exist", "حلب"); err == nil {
		t.Error("a missing --gazetteer folder given by hand was accepted")
	}
}

func TestGeocode(t *testing.T) {
	stdout, _, err := run(t, "geocode", "عمان")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) < 3 || !strings.Contains(lines[1], "Amman") || !strings.Contains(lines[1], "default sense") {
		t.Errorf("geocode عمان:\n%s", stdout)
	}
	if _, _, err := run(t, "geocode", "لامكان"); err == nil {
		t.Error("an unknown name gave no error")
	}
}

// TestEval scores the extractor on a small gold file we wrote for our
// own test briefing.
func TestEval(t *testing.T) {
	stdout, _, err := run(t, "eval", "--gold", "testdata/gold", "--docs", "testdata", "--show")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if !strings.HasPrefix(lines[0], "gold mentions 6  predicted 7  matched 6  false alarms 0  missed 0") {
		t.Errorf("first line %q", lines[0])
	}
	if last := lines[len(lines)-1]; last != "f1=1.000 gov_acc=1.000 country_acc=1.000" {
		t.Errorf("last line %q\n%s", last, stdout)
	}
	if _, _, err := run(t, "eval", "--gold", "testdata/site", "--docs", "testdata"); err == nil {
		t.Error("a folder without gold files was accepted")
	}
}

// TestBuildWritesUnresolved: names a trigger announces and the gazetteer
// lacks are listed for the editor, with a count and an example.
func TestBuildWritesUnresolved(t *testing.T) {
	src := t.TempDir()
	os.WriteFile(filepath.Join(src, "r.txt"), []byte("تقرير\n\nحماة::\nقصف على بلدة زعترونة الغربية صباحا، ثم على بلدة زعترونة الغربية مساء.\n"), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	stdout, stderr, err := run(t, "build", "--source", src, "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "1 unresolved names") || !strings.Contains(stderr, "unresolved.csv") {
		t.Errorf("stdout %q stderr %q", stdout, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "unresolved.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != "name,count,example,file,feature" ||
		rows[1][0] != "زعترونة الغربية" || rows[1][1] != "2" || rows[1][3] != "r.txt" {
		t.Fatalf("unresolved.csv:\n%s", data)
	}
	// The feature is ready to paste into a site's gazetteer: it loads,
	// placed approximately where the text was about (Hama), of the kind
	// its trigger says (بلدة: a town).
	places, err := geo.ReadLayer("pasted", []byte(`{"type":"FeatureCollection","features":[`+rows[1][4]+`]}`))
	if err != nil {
		t.Fatalf("the feature does not load: %v\n%s", err, rows[1][4])
	}
	if p := places[0]; p.NameAr != "زعترونة الغربية" || p.Adm1En != "Hama" || p.CoordFrom == "" || p.Kind != geo.Town || !strings.HasPrefix(p.ID, "site:") {
		t.Errorf("pasted place %+v", p)
	}
}

// TestBuildDownloads validates the analysts' downloads of the sample
// atlas: events.geojson parses with orb as points with the event
// properties, and both CSV files carry their documented headers.
func TestBuildDownloads(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--source", "../../examples/briefings", "--out", out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "events.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		t.Fatalf("events.geojson: %v", err)
	}
	if len(fc.Features) < 20 {
		t.Errorf("only %d events in the sample atlas", len(fc.Features))
	}
	types := map[string]bool{}
	for i, f := range fc.Features {
		pt, ok := f.Geometry.(orb.Point)
		if !ok || pt.Lon() < -180 || pt.Lon() > 180 || pt.Lat() < -90 || pt.Lat() > 90 {
			t.Fatalf("feature %d: geometry %v", i, f.Geometry)
		}
		for _, k := range []string{"id", "type", "sub_type", "places", "evidence", "article", "governorate", "fatalities", "date"} {
			if _, ok := f.Properties[k]; !ok {
				t.Fatalf("feature %d lacks %q", i, k)
			}
		}
		// The governorate is null outside Syria.
		if gov, _ := f.Properties["governorate"].(string); gov != "" && (pt.Lon() < 35.5 || pt.Lon() > 42.5 || pt.Lat() < 32.2 || pt.Lat() > 37.4) {
			t.Errorf("feature %d in %v is not in Syria: %v", i, f.Properties["governorate"], pt)
		}
		types[f.Properties.MustString("type", "")] = true
	}
	if len(types) < 3 {
		t.Errorf("event types in the sample: %v", types)
	}
	for file, header := range map[string]string{
		"events.csv":   "event_id,event_date,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,geo_precision,fatalities,notes,source,time_precision,confidence,country,injured",
		"mentions.csv": "article,start,end,surface,place_id,place_ar,place_en,kind,governorate,country,latitude,longitude,confidence,geo_precision,use",
	} {
		f, err := os.Open(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if strings.Join(rows[0], ",") != header {
			t.Errorf("%s header: %v", file, rows[0])
		}
		if len(rows) < 10 {
			t.Errorf("%s: %d rows", file, len(rows))
		}
	}
}

// TestExtractEvents checks the fixed contract of `atlas extract --events`.
func TestExtractEvents(t *testing.T) {
	stdout, _, err := run(t, "extract", "--events", "testdata/aleppo.md")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("testdata/aleppo.md")
	text := []rune(string(data))
	keys := []string{"id", "doc", "start", "end", "evidence", "type", "sub_type", "places", "governorate",
		"country", "fatalities", "injured", "actors", "date", "lat", "lon", "geo_precision", "confidence"}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var e map[string]any
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		for _, k := range keys {
			if _, ok := e[k]; !ok {
				t.Errorf("event lacks %q", k)
			}
		}
		start, end := int(e["start"].(float64)), int(e["end"].(float64))
		if string(text[start:end]) != e["evidence"] {
			t.Errorf("text[%d:%d] = %q, evidence %q", start, end, string(text[start:end]), e["evidence"])
		}
		if e["date"] != "2015-11-03" {
			t.Errorf("date %v, want the article's", e["date"])
		}
		n++
	}
	if n < 2 {
		t.Errorf("%d events in the test briefing:\n%s", n, stdout)
	}
}

// TestPageWeightAndHosting: an article of 1,500 words weighs at most
// 60 KB of its own (HTML with its inline map data); sitemap.xml and the
// Atom feed exist only with --base-url, and use it.
func TestPageWeightAndHosting(t *testing.T) {
	var words []string
	for _, f := range briefings(t, "../../examples/briefings") {
		data, _ := os.ReadFile(filepath.Join("../../examples/briefings", f))
		body := string(data)
		if i := strings.Index(body, "\n---\n"); strings.HasPrefix(body, "---") && i > 0 {
			body = body[i+5:]
		}
		words = append(words, strings.Fields(body)...)
		if len(words) >= 1500 {
			break
		}
	}
	words = words[:1500]
	src := t.TempDir()
	text := "---\ntitle: \"نشرة طويلة\"\ndate: 2016-03-01\n---\n"
	for i := 0; i < len(words); i += 60 {
		text += strings.Join(words[i:min(i+60, len(words))], " ") + "\n\n"
	}
	os.WriteFile(filepath.Join(src, "long.md"), []byte(text), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--source", src, "--out", out); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(out, "articles", "long.html"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a 1,500-word article page weighs %.1f KB", float64(st.Size())/1024)
	if st.Size() > 60*1024 {
		t.Errorf("the article page weighs %d bytes, over 60 KB", st.Size())
	}
	for _, f := range []string{"sitemap.xml", "feed.xml"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s written without --base-url", f)
		}
	}
	out2 := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--source", src, "--out", out2, "--base-url", "https://org.github.io/repo/"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"sitemap.xml", "feed.xml"} {
		data, err := os.ReadFile(filepath.Join(out2, f))
		if err != nil || !bytes.Contains(data, []byte("https://org.github.io/repo/articles/long.html")) {
			t.Errorf("%s: %v\n%s", f, err, data)
		}
	}
}
