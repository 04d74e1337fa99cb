package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-atlas/atlas/site/content"
	"gopkg.in/yaml.v3"
)

// newSite runs `atlas new site` into a fresh folder and moves there.
func newSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "my-atlas")
	if _, _, err := run(t, "new", "site", dir); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

// TestNewSiteBuilds: `atlas new site DIR && cd DIR && atlas build` makes a
// working site, and the Pages workflow is valid YAML with the steps a
// deploy needs.
func TestNewSiteBuilds(t *testing.T) {
	dir := newSite(t)
	for _, f := range []string{"atlas.toml", "content/first-briefing.md", "gazetteer/README.md", ".github/workflows/pages.yml", "README.md", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("the new site lacks %s", f)
		}
	}
	if _, _, err := run(t, "new", "site", dir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("a second new site over the first: %v", err)
	}
	if _, _, err := run(t, "build", "-q"); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public/articles/first-briefing.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `class="mention"`) || !strings.Contains(string(page), "سراقب") {
		t.Error("the example briefing's page has no mentions")
	}
	links, _, err := run(t, "check", "-q")
	if err != nil || !strings.Contains(links, ", 0 broken") {
		t.Errorf("check on the new site: %v\n%s", err, links)
	}

	var wf struct {
		On          map[string]any `yaml:"on"`
		Permissions map[string]string
		Jobs        map[string]struct {
			Needs any
			Steps []struct {
				Uses, Run string
				With      map[string]any
			}
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, ".github/workflows/pages.yml"))
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("pages.yml: %v", err)
	}
	if wf.On["push"] == nil || wf.Permissions["pages"] != "write" || wf.Permissions["id-token"] != "write" {
		t.Errorf("pages.yml triggers %v, permissions %v", wf.On, wf.Permissions)
	}
	var steps []string
	for _, s := range wf.Jobs["build"].Steps {
		steps = append(steps, s.Uses+s.Run)
	}
	all := strings.Join(steps, "\n")
	// It downloads a release and checks it; it does not build atlas.
	for _, want := range []string{"actions/checkout@", "SHA256SUMS", "sha256sum -c", "atlas\" build --base-url", "actions/configure-pages@", "actions/upload-pages-artifact@"} {
		if !strings.Contains(all, want) {
			t.Errorf("the build job lacks %q:\n%s", want, all)
		}
	}
	for _, unwanted := range []string{"actions/setup-go@", "actions/setup-node@", "make "} {
		if strings.Contains(all, unwanted) {
			t.Errorf("the build job still builds atlas (%q):\n%s", unwanted, all)
		}
	}
	deploy := wf.Jobs["deploy"]
	if deploy.Needs != "build" || len(deploy.Steps) != 1 || !strings.HasPrefix(deploy.Steps[0].Uses, "actions/deploy-pages@") {
		t.Errorf("the deploy job: %+v", deploy)
	}
}

func TestNewBriefing(t *testing.T) {
	dir := newSite(t)
	out, _, err := run(t, "new", "briefing", "--date", "2016-02-14", `اجتماع في "فيينا": بيان`)
	if err != nil {
		t.Fatal(err)
	}
	file := strings.TrimSpace(out)
	if file != "content/2016-02-14-اجتماع-في-فيينا-بيان.md" {
		t.Errorf("wrote %q", file)
	}
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	a, err := content.Parse(file, data)
	if err != nil || a.Title != `اجتماع في "فيينا": بيان` || a.Date.Format("2006-01-02") != "2016-02-14" {
		t.Errorf("the new briefing reads as %+v, %v", a, err)
	}
	if _, _, err := run(t, "new", "briefing", "--date", "2016-02-14", `اجتماع في "فيينا": بيان`); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("a second briefing with the same name: %v", err)
	}
	if _, _, err := run(t, "build", "-q"); err != nil {
		t.Errorf("the site with a new, empty briefing does not build: %v", err)
	}
}

// TestConfigDrivesBuild: atlas.toml sets the build, flags win over it,
// and gazetteer.extra adds a village that is then found and mapped.
func TestConfigDrivesBuild(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("briefings", 0o755)
	os.MkdirAll("places", 0o755)
	os.WriteFile("briefings/a.md", []byte("---\ntitle: نشرة\ndate: 2016-01-01\n---\nقصف مدفعي على قرية عين الأطلس الصغرى في ريف حماة.\n"), 0o644)
	os.WriteFile("places/mine.geojson", []byte(`{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"site:ain-al-atlas","name_ar":"عين الأطلس الصغرى","name_en":"Ain al-Atlas as-Sughra","kind":"village","country":"SY","adm1":"SY05","adm1_en":"Hama"},"geometry":{"type":"Point","coordinates":[36.61,35.21]}}]}`), 0o644)
	os.WriteFile("atlas.toml", []byte(`title = "Atlas of tests"
language = "en"
source = "briefings"
out = "site"
[colors]
battles = "#123456"
[gazetteer]
extra = ["places/mine.geojson"]
`), 0o644)
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none"); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile("site/index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>Atlas of tests</title>", `lang="en"`, "--battles:#123456;"} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	page, _ := os.ReadFile("site/articles/a.html")
	if !strings.Contains(string(page), `data-m="0">عين الأطلس الصغرى</a>`) || !strings.Contains(string(page), `"en":"Ain al-Atlas as-Sughra"`) {
		t.Error("the village from gazetteer.extra is not linked and mapped")
	}
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "--title", "Flag title", "--out", "other"); err != nil {
		t.Fatal(err)
	}
	if index, _ := os.ReadFile("other/index.html"); !strings.Contains(string(index), "<title>Flag title</title>") {
		t.Error("--title did not win over atlas.toml")
	}
	os.WriteFile("atlas.toml", []byte("[colors]\nbattles = \"red;}\"\n"), 0o644)
	if _, _, err := run(t, "build", "-q"); err == nil || !strings.Contains(err.Error(), "atlas.toml: colors.battles") {
		t.Errorf("a bad colour: %v", err)
	}
}

func TestTemplatesList(t *testing.T) {
	newSite(t)
	os.MkdirAll("templates", 0o755)
	os.WriteFile("templates/article.html", []byte(`{{define "main"}}{{end}}`), 0o644)
	out, _, err := run(t, "templates", "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"templates/base.html\n", "templates/article.html", "overridden by templates/article.html", "assets/atlas.css\n", "assets/atlas.js\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("templates list lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, ".EventList") {
		t.Errorf("templates list shows the data without --data:\n%s", out)
	}
	// With --data: each page template's data, and the functions.
	out, _, err = run(t, "templates", "list", "--data")
	if err != nil {
		t.Fatal(err)
	}
	article := out[strings.Index(out, "templates/article.html"):]
	article = article[:strings.Index(article, "templates/base.html")]
	for _, want := range []string{"    .EventList HTML\n", "    .Root string\n", "    .Prev *Article\n"} {
		if !strings.Contains(article, want) {
			t.Errorf("article.html's data lacks %q:\n%s", want, article)
		}
	}
	for _, want := range []string{"    govHref (*Place) string\n", "    articleHref (*Article) string\n", "    t (string) string\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("templates list --data lacks the function %q:\n%s", want, out)
		}
	}
}

// TestCheckFindsBrokenLinks: a site template with a dead link fails check.
func TestCheckFindsBrokenLinks(t *testing.T) {
	newSite(t)
	os.MkdirAll("templates", 0o755)
	page, err := os.ReadFile(filepath.Join(rootDir, "templates/404.html"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("templates/404.html", []byte(strings.Replace(string(page), "<h1>", `<a href="{{.Root}}missing.html">x</a><a href="{{.Root}}index.html#nowhere">y</a><h1>`, 1)), 0o644)
	out, _, err := run(t, "check", "-q")
	if err == nil || !strings.Contains(err.Error(), "2 broken links") {
		t.Fatalf("check: %v\n%s", err, out)
	}
	for _, want := range []string{"404.html: missing.html (no such file missing.html)", "404.html: index.html#nowhere (no id nowhere on index.html)", "unplaced: 0 briefings"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
}

// startServe runs `atlas serve` on a free port in the current folder until
// the test ends, and returns the site's URL.
func startServe(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	root := newRootCmd(pw, io.Discard)
	root.SetArgs([]string{"serve", "--port", "0"})
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx); pw.Close() }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	return strings.Fields(strings.TrimPrefix(line, "serving at "))[0]
}

// TestServeReloadsOpenPages opens a served page in headless Chromium and
// changes its briefing: the open page reloads by itself and shows the
// change, and a failed build shows its error over it.
func TestServeReloadsOpenPages(t *testing.T) {
	browser(t)
	dir := newSite(t)
	base := startServe(t)
	tb := openTab(t, base+"articles/first-briefing.html", settled)
	file := filepath.Join(dir, "content/first-briefing.md")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(data), "نشرة تجريبية", "نشرة أعيد تحميلها", 1)), 0o644)
	tb.waitFor(`document.querySelector('h1').textContent.includes('نشرة أعيد تحميلها')`)
	os.WriteFile(filepath.Join(dir, "content/bad.md"), []byte("---\ntitle: [\n---\n"), 0o644)
	tb.waitFor(`document.getElementById('atlas-build-error') !== null`)
	if errs := tb.rep.problems(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// buildWatcher follows `atlas serve`'s build count (its server-sent
// events, as open pages do): each finished build is one value on builds.
type buildWatcher struct {
	builds chan string
}

func watchBuilds(t *testing.T, base string) *buildWatcher {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"__atlas/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	w := &buildWatcher{builds: make(chan string, 64)}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				select {
				case w.builds <- v:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return w
}

// next waits for the next build to finish, within one step's budget.
func (w *buildWatcher) next() bool {
	select {
	case <-w.builds:
		return true
	case <-time.After(stepBudget):
		return false
	}
}

// TestServeRebuilds drives `atlas serve` over HTTP: the site is served
// under base_url's path, a changed briefing shows once the server says a
// build finished, a broken one shows its error over the page, and a fix
// clears it.
func TestServeRebuilds(t *testing.T) {
	dir := newSite(t)
	cfg, _ := os.ReadFile("atlas.toml")
	os.WriteFile("atlas.toml", []byte(strings.Replace(string(cfg), `# base_url = "https://ORG.github.io/REPO/"`, `base_url = "https://org.github.io/my-atlas/"`, 1)), 0o644)

	base := startServe(t)
	if !strings.HasSuffix(base, "/my-atlas/") {
		t.Fatalf("served at %q, want the path of base_url", base)
	}
	client := &http.Client{Timeout: stepBudget}
	get := func(p string) (int, string) {
		resp, err := client.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	code, page := get("articles/first-briefing.html")
	if code != 200 || !strings.Contains(page, "نشرة تجريبية") || !strings.Contains(page, "__atlas/live.js") {
		t.Fatalf("first page: %d, live script %v", code, strings.Contains(page, "__atlas/live.js"))
	}
	if _, js := get("__atlas/live.js"); !strings.Contains(js, "EventSource") {
		t.Error("no live-reload script")
	}
	builds := watchBuilds(t, base)
	// waitFor looks at page p after each build until it does (or, with
	// absent, does not) contain want.
	waitFor := func(what, p, want string, absent bool) {
		t.Helper()
		for {
			if _, body := get(p); strings.Contains(body, want) != absent {
				return
			}
			if !builds.next() {
				t.Fatalf("%s: no build finished within %s", what, stepBudget)
			}
		}
	}
	file := filepath.Join(dir, "content/first-briefing.md")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(data), "نشرة تجريبية", "نشرة معدلة", 1)), 0o644)
	waitFor("the changed title", "articles/first-briefing.html", "نشرة معدلة", false)

	os.WriteFile(filepath.Join(dir, "content/bad.md"), []byte("---\ndate: أمس\n---\n"), 0o644)
	// The overlay names the file apart from the text and links its line.
	waitFor("the build error", "index.html", `>bad.md:2:7</bdi></a> <bdi dir="auto">date &#34;أمس&#34; is not a date`, false)
	if code, src := get("__atlas/source?file=bad.md&line=2"); code != 200 || !strings.Contains(src, `<li id="L2" style="background:#ffe9a8"><bdi dir="auto">date: أمس</bdi></li>`) {
		t.Errorf("the overlay's link to bad.md:2: %d %.300q", code, src)
	}
	os.Remove(filepath.Join(dir, "content/bad.md"))
	waitFor("the error cleared", "index.html", "atlas-build-error", true)

	if code, _ := get("no-such-page.html"); code != 404 {
		t.Errorf("a missing page: %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote the site's public/ folder")
	}
}

func TestCompletionAndVersion(t *testing.T) {
	out, _, err := run(t, "completion", "bash")
	if err != nil || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: %v", err)
	}
	for _, args := range [][]string{{"--version"}, {"version"}} {
		out, _, err := run(t, args...)
		if err != nil || !strings.HasPrefix(out, "atlas ") || !strings.Contains(out, ", gazetteer ") {
			t.Errorf("%v: %q, %v", args, out, err)
		}
	}
}
