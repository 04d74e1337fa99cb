package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefing-atlas/atlas/site"
	"github.com/chromedp/chromedp"
	"github.com/paulmach/orb/geojson"
)

// buildSample builds the sample atlas once per test into a temp folder.
func buildSample(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--source", "../../examples/briefings", "--out", out); err != nil {
		t.Fatal(err)
	}
	return out
}

// pagesOf lists the site's HTML pages, slash-separated and sorted.
func pagesOf(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(pages)
	return pages
}

// TestLinksResolve parses every page of the sample and checks that every
// internal link, asset and #fragment resolves and that nothing points off
// the site (site.CheckLinks, which `atlas check` runs).
func TestLinksResolve(t *testing.T) {
	out := buildSample(t)
	rep, err := site.CheckLinks(out, "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages < 40 || rep.Links < 1000 {
		t.Fatalf("only %d pages and %d links", rep.Pages, rep.Links)
	}
	for _, b := range rep.Broken {
		t.Errorf("broken: %s", b)
	}
	t.Logf("%d pages, %d internal links and assets resolve", rep.Pages, rep.Links)
}

// visit opens a page in a fresh tab and reports its console errors and
// the requests it made; ready is polled until truthy.
func visit(t *testing.T, alloc context.Context, u, ready string) (context.Context, *pageReport, func()) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(alloc)
	rep := &pageReport{}
	if err := chromedp.Listen(ctx, rep.listen); err != nil {
		cancel()
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		cancel()
		t.Fatalf("%s: %v", u, err)
	}
	if ready != "" {
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](ready, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			cancel()
			t.Fatalf("%s: not ready (%s): %v; errors %v", u, ready, err, rep.errors)
		}
	}
	return ctx, rep, cancel
}

// pagesToOpen: the home, events, search and 404 pages, every article
// and governorate, and every tenth place page.
func pagesToOpen(all []string) []string {
	var out []string
	places := 0
	for _, p := range all {
		if strings.HasPrefix(p, "places/") {
			if places++; places%10 != 1 {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// TestBrowserCrawl opens the pages from file:// and from an HTTP server
// that serves the site under a sub-path, as GitHub Pages does: no
// console errors, no request outside the site, and maps that draw.
func TestBrowserCrawl(t *testing.T) {
	alloc := browser(t)
	out := buildSample(t)
	pages := pagesToOpen(pagesOf(t, out))
	const sub = "/some/sub/path/"
	mux := http.NewServeMux()
	mux.Handle(sub, http.StripPrefix(sub, http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	bases := map[string]string{
		"file": (&url.URL{Scheme: "file", Path: out + "/"}).String(),
		"http": srv.URL + sub,
	}
	for name, base := range bases {
		t.Run(name, func(t *testing.T) {
			for _, p := range pages {
				ready := "document.readyState === 'complete'"
				if p != "events.html" && p != "search.html" && p != "404.html" {
					ready = "!!(window.atlasMap && document.querySelectorAll('.leaflet-overlay-pane path').length >= 14)"
				}
				ctx, rep, cancel := visit(t, alloc, base+p, ready)
				chromedp.Do(ctx, chromedp.Sleep(150*time.Millisecond))
				rep.mu.Lock()
				if len(rep.errors) > 0 {
					t.Errorf("%s: console errors %v", p, rep.errors)
				}
				for _, r := range rep.requests {
					if !strings.HasPrefix(r, base) && !strings.HasPrefix(r, "data:") {
						t.Errorf("%s: request outside the site: %s", p, r)
					}
				}
				rep.mu.Unlock()
				cancel()
			}
			t.Logf("%d pages opened from %s", len(pages), name)
		})
	}
}

// TestBrowserInteractions: filters, mention clicks and search behave.
func TestBrowserInteractions(t *testing.T) {
	alloc := browser(t)
	out := buildSample(t)
	base := (&url.URL{Scheme: "file", Path: out + "/"}).String()

	// The expected count of one type, from the published data.
	data, err := os.ReadFile(filepath.Join(out, "events.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, f := range fc.Features {
		if f.Properties.MustString("type", "") == "Explosions/Remote violence" {
			want++
		}
	}
	if want == 0 || want == len(fc.Features) {
		t.Fatalf("the sample has %d explosion events of %d", want, len(fc.Features))
	}
	t.Run("filter", func(t *testing.T) {
		ctx, _, cancel := visit(t, alloc, base+"index.html#type="+url.PathEscape("Explosions/Remote violence"), "window.atlasShown !== undefined")
		defer cancel()
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[int]("window.atlasShown"))
		if err != nil || shown != want {
			t.Errorf("markers shown with the filter: %d (%v), want %d", shown, err, want)
		}
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.getElementById('shown-count').textContent"))
		if text != fmt.Sprint(want) {
			t.Errorf("shown count reads %q, want %d", text, want)
		}
		// Changing the form rewrites the hash: a permalink.
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){var f=document.getElementById('filters');f.gov.value='SY02';f.dispatchEvent(new Event('change'));return true})()`))
		if err != nil {
			t.Fatal(err)
		}
		hash, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("location.hash"))
		if !strings.Contains(hash, "gov=SY02") || !strings.Contains(hash, "type=") {
			t.Errorf("hash after filtering: %q", hash)
		}
	})
	t.Run("mention opens its popup", func(t *testing.T) {
		ctx, _, cancel := visit(t, alloc, base+"articles/daily-report-2016-02-28.html", "!!window.atlasMap")
		defer cancel()
		name, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){
			var a = document.querySelector('a.mention[data-m]');
			for (var i = 0, all = document.querySelectorAll('a.mention'); i < all.length; i++) {
				if (all[i].textContent === 'الطامنة' || all[i].textContent === 'اللطامنة') { a = all[i]; break; }
			}
			a.click(); return a.textContent; })()`))
		if err != nil {
			t.Fatal(err)
		}
		popup, err := chromedp.Run(ctx, chromedp.Poll[string](
			`document.querySelector('.leaflet-popup-content') && document.querySelector('.leaflet-popup-content').textContent`,
			chromedp.WithPollingTimeout(5*time.Second)))
		if err != nil || !strings.Contains(popup, strings.TrimPrefix(name, "ال")) {
			t.Errorf("clicked %q, popup reads %q (%v)", name, popup, err)
		}
	})
	for q, wantHref := range map[string]string{"حلب": "places/C1007.html", "بدير الزور": "places/C5086.html"} {
		t.Run("search "+q, func(t *testing.T) {
			ctx, _, cancel := visit(t, alloc, base+"search.html?q="+url.QueryEscape(q), "document.querySelectorAll('#results li').length > 0")
			defer cancel()
			hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.prototype.map.call(document.querySelectorAll('#results a'), function(a){return a.getAttribute('href')})`))
			if err != nil {
				t.Fatal(err)
			}
			found, docs := false, 0
			for _, h := range hrefs {
				found = found || h == wantHref
				if strings.HasPrefix(h, "articles/") {
					docs++
				}
			}
			if !found || docs == 0 {
				t.Errorf("search %q: %v, want %s and some articles", q, hrefs, wantHref)
			}
		})
	}
}

// TestBrowserScreenshotsAndAccessibility writes screenshots of the home,
// an article and a governorate at desktop and phone sizes (test-output/,
// not committed), and runs axe-core on the main page types: no serious or
// critical violations.
func TestBrowserScreenshotsAndAccessibility(t *testing.T) {
	alloc := browser(t)
	out := buildSample(t)
	base := (&url.URL{Scheme: "file", Path: out + "/"}).String()
	shots := filepath.Join("..", "..", "test-output", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	axe, err := os.ReadFile("../../node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core from npm: %v (make assets installs it)", err)
	}
	pages := map[string]string{
		"home": "index.html", "article": "articles/daily-report-2016-02-28.html",
		"governorate": "governorates/SY05.html", "events": "events.html",
	}
	for name, p := range pages {
		t.Run(name, func(t *testing.T) {
			ready := "document.readyState === 'complete'"
			if name != "events" {
				ready = "!!window.atlasMap"
			}
			for _, size := range [][2]int64{{1280, 800}, {390, 844}} {
				ctx, _, cancel := visit(t, alloc, base+p, ready)
				if name != "events" {
					if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]), chromedp.Sleep(300*time.Millisecond)); err != nil {
						t.Fatal(err)
					}
					buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatal(err)
					}
					file := filepath.Join(shots, fmt.Sprintf("%s-%dx%d.png", name, size[0], size[1]))
					if err := os.WriteFile(file, buf, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if size[0] == 1280 {
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
						t.Fatal(err)
					}
					res, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {resultTypes: ['violations']}).then(function (r) {
						return r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
							.map(function (v) { return v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '); });
					})`, chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatal(err)
					}
					for _, v := range res {
						t.Errorf("%s: axe: %s", p, v)
					}
				}
				cancel()
			}
		})
	}
}

// TestEnglishAndTiles: --language en gives an English interface; --tiles
// osm adds an online base map that a page read from disk never requests.
func TestEnglishAndTiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--language", "en", "--tiles", "osm", "--source", "../../examples/briefings", "--out", out); err != nil {
		t.Fatal(err)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, want := range []string{`<html lang="en" dir="ltr">`, `<h2>Latest briefings</h2>`, `"tiles":"osm"`, `checked> Battles</label>`} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if _, _, err := run(t, "build", "--language", "fr", "--source", "../../examples/briefings", "--out", filepath.Join(t.TempDir(), "x")); err == nil {
		t.Error("--language fr accepted")
	}
	alloc := browser(t)
	ctx, rep, cancel := visit(t, alloc, (&url.URL{Scheme: "file", Path: out + "/index.html"}).String(), "window.atlasShown !== undefined")
	defer cancel()
	chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond))
	rep.mu.Lock()
	defer rep.mu.Unlock()
	for _, r := range rep.requests {
		if !strings.HasPrefix(r, "file://") && !strings.HasPrefix(r, "data:") {
			t.Errorf("request from disk: %s", r)
		}
	}
	if len(rep.errors) > 0 {
		t.Errorf("console errors: %v", rep.errors)
	}
}
