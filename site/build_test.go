package site

import (
	"bytes"
	"context"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/briefing-atlas/atlas/assets"
	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/templates"
)

// shiftingFS serves a file whose front matter changes after its first
// read, as an editor saving it during a build would.
type shiftingFS struct {
	fstest.MapFS
	name  string
	later []byte

	mu    sync.Mutex
	opens int
}

func (s *shiftingFS) Open(name string) (fs.File, error) {
	if name == s.name {
		s.mu.Lock()
		s.opens++
		n := s.opens
		s.mu.Unlock()
		if n > 1 {
			return fstest.MapFS{name: {Data: s.later}}.Open(name)
		}
	}
	return s.MapFS.Open(name)
}

func testOptions(t testing.TB, src fs.FS, out string) Options {
	t.Helper()
	opt, err := newTestOptions(src, out)
	if err != nil {
		t.Fatal(err)
	}
	return opt
}

// newTestOptions builds from src into out with the bundled gazetteer,
// templates and assets.
func newTestOptions(src fs.FS, out string) (Options, error) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		return Options{}, err
	}
	words, err := extract.ReadWordList(data.CommonWords())
	if err != nil {
		return Options{}, err
	}
	return Options{Content: src, Out: out, Gazetteer: g, Extractor: extract.New(g, extract.WithCommonWords(words)),
		Events: events.New(), Templates: templates.FS(), Assets: assets.FS(), Title: "اختبار"}, nil
}

// A briefing that changes between the build's first read (its metadata)
// and its second (its text) is an error naming it; with KeepGoing the
// site is built without it, and its neighbours link past it.
func TestBriefingChangedDuringBuild(t *testing.T) {
	brief := func(title, date, text string) []byte {
		return []byte("---\ntitle: " + title + "\ndate: " + date + "\n---\n\n" + text + "\n")
	}
	src := func() *shiftingFS {
		return &shiftingFS{
			MapFS: fstest.MapFS{
				"a.md": {Data: brief("الأولى", "2024-03-01", "قصفت طائرات حربية مدينة حلب صباح اليوم.")},
				"b.md": {Data: brief("الثانية", "2024-03-02", "اشتباكات عنيفة في ريف حماة الشمالي.")},
				"c.md": {Data: brief("الثالثة", "2024-03-03", "انفجار سيارة مفخخة في مدينة إدلب.")},
			},
			name:  "b.md",
			later: brief("الثانية بعد التعديل", "2024-03-09", "اشتباكات عنيفة في ريف حماة الشمالي."),
		}
	}

	out := filepath.Join(t.TempDir(), "site")
	// A small archive is read once; this one is read twice, as a large
	// one would be.
	opt := testOptions(t, src(), out)
	opt.textBudget = -1
	_, err := Build(context.Background(), opt)
	if err == nil || !strings.Contains(err.Error(), "b.md") || !strings.Contains(err.Error(), "changed while atlas was building") {
		t.Fatalf("err = %v, want one naming b.md as changed", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build made %s (%v)", out, err)
	}

	opt = testOptions(t, src(), out)
	opt.textBudget = -1
	opt.KeepGoing = true
	rep, err := Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 2 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], "b.md") {
		t.Fatalf("built %d, skipped %q; want a and c built, b skipped", rep.Articles, rep.Skipped)
	}
	if _, err := os.Stat(filepath.Join(out, "articles", "b.html")); !os.IsNotExist(err) {
		t.Errorf("the skipped briefing has a page (%v)", err)
	}
	for _, name := range []string{"a.html", "c.html"} {
		page, err := os.ReadFile(filepath.Join(out, "articles", name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(page), "b.html") {
			t.Errorf("%s links to the skipped briefing", name)
		}
	}
	page, _ := os.ReadFile(filepath.Join(out, "articles", "a.html"))
	if !strings.Contains(string(page), "c.html") {
		t.Errorf("a.html does not link to c.html, its new neighbour")
	}

	// A small archive is read once: the build is of what it read first.
	out = filepath.Join(t.TempDir(), "site")
	if _, err := Build(context.Background(), testOptions(t, src(), out)); err != nil {
		t.Fatal(err)
	}
	page, err = os.ReadFile(filepath.Join(out, "articles", "b.html"))
	if err != nil || !strings.Contains(string(page), "الثانية") || strings.Contains(string(page), "بعد التعديل") {
		t.Errorf("b.html is not the briefing as first read (%v)", err)
	}
}

// TestLongFirstLineKeepsItsMentions: a plain-text briefing whose first
// line is too long to be its title (scraped text often has no line
// breaks) keeps that line in the body, so that the place pages' links to
// its mentions resolve.
func TestLongFirstLineKeepsItsMentions(t *testing.T) {
	first := "قصفت طائرات حربية مدينة حلب صباح اليوم" + strings.Repeat("، واستمر القصف ساعات طويلة على الأحياء الشرقية", 6) + "، ثم امتد إلى ريف حماة."
	src := fstest.MapFS{"long.txt": {Data: []byte(first + "\nوفي إدلب اشتباكات.\n")}}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(context.Background(), testOptions(t, src, out)); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "articles", "long.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="m-0"`, `ريف حماة</a>.`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	rep, err := CheckLinks(out, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range rep.Broken {
		t.Errorf("broken: %s", b)
	}
}

// TestDatePrecisionInDownloads: an event dated to a month by its text
// carries that precision into events.geojson, events.csv (ACLED's
// time_precision) and the events page.
func TestDatePrecisionInDownloads(t *testing.T) {
	src := fstest.MapFS{"a.md": {Data: []byte("---\ntitle: نشرة\ndate: 2018-01-10\n---\n\nفي شباط الماضي قصفت الطائرات الحربية مدينة سراقب.\n")}}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(context.Background(), testOptions(t, src, out)); err != nil {
		t.Fatal(err)
	}
	geo, err := os.ReadFile(filepath.Join(out, "events.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(geo), `"date":"2017-02-01","date_precision":"month"`) {
		t.Errorf("events.geojson:\n%s", geo)
	}
	rows, err := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(out, "events.csv")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if len(rows) != 2 || rows[1][col["time_precision"]] != "3" || rows[1][col["event_date"]] != "2017-02-01" || rows[1][col["confidence"]] == "" {
		t.Errorf("events.csv: %q", rows)
	}
	if page := string(mustRead(t, filepath.Join(out, "events.html"))); !strings.Contains(page, `<time datetime="2017-02">2017-02</time>`) {
		t.Errorf("the events page does not show the month alone")
	}
}

// TestRestatementsShown: an event told again in a later sentence cites it
// in events.geojson and on the article's page.
func TestRestatementsShown(t *testing.T) {
	src := fstest.MapFS{"a.md": {Data: []byte("---\ntitle: نشرة\ndate: 2018-01-10\n---\n\nقصفت الطائرات الحربية مدينة سراقب صباح اليوم. وأفاد ناشطون بأن غارات جوية استهدفت مدينة سراقب.\n")}}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(context.Background(), testOptions(t, src, out)); err != nil {
		t.Fatal(err)
	}
	if geo := string(mustRead(t, filepath.Join(out, "events.geojson"))); !strings.Contains(geo, `"also":["وأفاد ناشطون بأن غارات جوية استهدفت مدينة سراقب"]`) {
		t.Errorf("events.geojson:\n%s", geo)
	}
	if page := string(mustRead(t, filepath.Join(out, "articles", "a.html"))); !strings.Contains(page, `<blockquote class="evidence also" dir="auto">وأفاد ناشطون`) {
		t.Errorf("the article page does not cite the restatement")
	}
	// events.csv's notes: every sentence that tells the event.
	if rows, err := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(out, "events.csv")))).ReadAll(); err != nil || len(rows) != 2 ||
		!strings.Contains(rows[1][12], " … وأفاد ناشطون") {
		t.Errorf("events.csv: %q (%v)", rows, err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
