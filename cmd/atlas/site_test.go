package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/site"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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

// fileURL is the file:// address of a path on disk.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// mapDrawn is true once a page's map shows the governorate outlines.
const mapDrawn = `!!window.atlasMap && document.querySelectorAll('.leaflet-overlay-pane path:not(.atlas-marker)').length >= 14`

// hasMap tells whether a page of the sample has a map.
func hasMap(page string) bool {
	return page != "events.html" && page != "search.html" && page != "404.html" && !strings.HasPrefix(page, "archive/")
}

// TestBrowserOfflineAtlas opens the built sample atlas from file:// in
// headless Chromium: the Leaflet map must start, show markers, log no
// error, and ask for nothing but local files.
func TestBrowserOfflineAtlas(t *testing.T) {
	browser(t)
	out := buildSample(t)
	articles, _ := filepath.Glob(filepath.Join(out, "articles", "*.html"))
	if len(articles) == 0 {
		t.Fatal("no article pages built")
	}
	for _, p := range []string{filepath.Join(out, "index.html"), articles[0], filepath.Join(out, "governorates", "SY02.html")} {
		t.Run(filepath.Base(p), func(t *testing.T) {
			t.Parallel()
			tb := openTab(t, fileURL(p), mapDrawn)
			tb.settle("file://", "data:")
			n := evalIn[int](tb, `document.querySelectorAll('.leaflet-overlay-pane path.atlas-marker, .leaflet-marker-pane .marker-cluster').length`)
			if n < 1 {
				t.Errorf("%d markers on the map", n)
			}
			outlines := evalIn[int](tb, `document.querySelectorAll('.leaflet-overlay-pane path:not(.atlas-marker)').length`)
			t.Logf("%d markers, %d outlines, %d local requests", n, outlines, len(tb.rep.requestsOutside()))
		})
	}
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
// console errors, no request outside the site, and maps that draw. Each
// page is a parallel subtest in a tab of its own.
func TestBrowserCrawl(t *testing.T) {
	browser(t)
	out := buildSample(t)
	pages := pagesToOpen(pagesOf(t, out))
	const sub = "/some/sub/path/"
	mux := http.NewServeMux()
	mux.Handle(sub, http.StripPrefix(sub, http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	for _, b := range []struct{ name, base string }{{"file", fileURL(out + "/")}, {"http", srv.URL + sub}} {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			for _, p := range pages {
				t.Run(p, func(t *testing.T) {
					t.Parallel()
					ready := settled
					if hasMap(p) {
						ready = mapDrawn
					}
					openTab(t, b.base+p, ready).settle(b.base, "data:")
				})
			}
		})
	}
	t.Logf("%d pages opened from file:// and over http", len(pages))
}

// TestBrowserServiceWorker: a hosted site caches itself through sw.js,
// and pages still open once the worker answers for them, also from a
// host that redirects index.html to its folder (as Go's file server and
// some static hosts do), which leaves a redirected response in the cache.
func TestBrowserServiceWorker(t *testing.T) {
	browser(t)
	out := buildSample(t)
	const sub = "/atlas/"
	mux := http.NewServeMux()
	mux.Handle(sub, http.StripPrefix(sub, http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base := srv.URL + sub
	tb := openTab(t, base+"events.html", settled)
	if !evalIn[bool](tb, `navigator.serviceWorker.ready.then(function () { return true; })`, chromedp.EvalAwaitPromise) {
		t.Fatal("no service worker")
	}
	tb.url = base + "index.html"
	tb.do("loading", chromedp.Navigate(tb.url))
	tb.waitFor(mapDrawn)
	tb.settle(base, "data:")
	if !evalIn[bool](tb, `navigator.serviceWorker.controller !== null`) {
		t.Error("the worker does not answer for index.html")
	}
}

// TestBrowserInteractions: filters, mention clicks and search behave.
func TestBrowserInteractions(t *testing.T) {
	browser(t)
	out := buildSample(t)
	base := fileURL(out + "/")

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
		t.Parallel()
		tb := openTab(t, base+"index.html#type="+url.PathEscape("Explosions/Remote violence"), settled)
		if shown := evalIn[int](tb, "window.atlasShown"); shown != want {
			t.Errorf("markers shown with the filter: %d, want %d", shown, want)
		}
		wantText, _ := site.Page{Lang: site.Arabic}.Count(want, "event")
		if text := evalIn[string](tb, "document.getElementById('shown-count').textContent"); text != wantText {
			t.Errorf("shown count reads %q, want %q", text, wantText)
		}
		// Changing the form rewrites the hash: a permalink.
		evalIn[bool](tb, `(function(){var f=document.getElementById('filters');f.gov.value='SY02';f.dispatchEvent(new Event('change'));return true})()`)
		tb.waitFor(settled)
		hash := evalIn[string](tb, "location.hash")
		if !strings.Contains(hash, "gov=SY02") || !strings.Contains(hash, "type=") {
			t.Errorf("hash after filtering: %q", hash)
		}
	})
	t.Run("mention opens its popup", func(t *testing.T) {
		t.Parallel()
		tb := openTab(t, base+"articles/daily-report-2016-02-28.html", settled)
		name := evalIn[string](tb, `(function(){
			var a = document.querySelector('a.mention[data-m]');
			for (var i = 0, all = document.querySelectorAll('a.mention'); i < all.length; i++) {
				if (all[i].textContent === 'الطامنة' || all[i].textContent === 'اللطامنة') { a = all[i]; break; }
			}
			a.click(); return a.textContent; })()`)
		popup, err := pollTab[string](tb, `document.querySelector('.leaflet-popup-content') && document.querySelector('.leaflet-popup-content').textContent`, stepBudget)
		if err != nil {
			tb.fail("waiting for the popup of "+name, err)
		}
		if !strings.Contains(popup, strings.TrimPrefix(name, "ال")) {
			t.Errorf("clicked %q, popup reads %q", name, popup)
		}
	})
	// Queries fold and lose their proclitics as the extractor's words do
	// (geo/arabic's tables, generated into atlas.js): presentation forms
	// (ﺣﻠﺐ), diacritics and two proclitics (وَبِحَلَب).
	for q, wantHref := range map[string]string{"حلب": "places/C1007.html", "بدير الزور": "places/C5086.html",
		"ﺣﻠﺐ": "places/C1007.html", "وَبِحَلَب": "places/C1007.html"} {
		t.Run("search "+q, func(t *testing.T) {
			t.Parallel()
			tb := openTab(t, base+"search.html?q="+url.QueryEscape(q), settled)
			hrefs := evalIn[[]string](tb, `Array.prototype.map.call(document.querySelectorAll('#results a'), function(a){return a.getAttribute('href')})`)
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

// TestBrowserScreenshotsAndAccessibility takes screenshots of every page
// type at desktop and phone sizes in both languages, and runs axe-core on
// every page type in both languages: no serious or critical violations.
// The screenshots go to test-output/screenshots, or to
// $ATLAS_SCREENSHOTS: `make screenshots` writes them beside the sample
// (examples/screenshots), where README shows them.
func TestBrowserScreenshotsAndAccessibility(t *testing.T) {
	browser(t)
	arabic := buildSample(t)
	english := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--language", "en", "--source", "../../examples/briefings", "--out", english); err != nil {
		t.Fatal(err)
	}
	shots := os.Getenv("ATLAS_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join("..", "..", "test-output", "screenshots")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	axe, err := os.ReadFile("../../node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core from npm: %v (make assets installs it)", err)
	}
	// Every page type; those with a name are photographed.
	pages := []struct{ name, path string }{
		{"index", "index.html"}, {"article", "articles/daily-report-2016-02-28.html"},
		{"governorate", "governorates/SY05.html"}, {"place", "places/C1007.html"}, {"events", "events.html"},
		{"search", "search.html?q=" + url.QueryEscape("حلب")}, {"", "archive/index.html"}, {"", "archive/2016-02.html"}, {"", "404.html"},
	}
	for _, lang := range []struct{ code, out string }{{"ar", arabic}, {"en", english}} {
		for _, p := range pages {
			for _, size := range [][2]int64{{1280, 800}, {390, 844}} {
				if p.name == "" && size[0] != 1280 {
					continue
				}
				t.Run(fmt.Sprintf("%s/%s-%dx%d", lang.code, p.path, size[0], size[1]), func(t *testing.T) {
					t.Parallel()
					tb := openTab(t, fileURL(lang.out+"/")+p.path, settled, chromedp.EmulateViewport(size[0], size[1]))
					if p.name != "" {
						ctx, cancel := context.WithTimeout(tb.ctx, stepBudget)
						defer cancel()
						buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
						if err != nil {
							tb.fail("taking a screenshot", err)
						}
						file := filepath.Join(shots, fmt.Sprintf("%s-%s-%dx%d.png", p.name, lang.code, size[0], size[1]))
						if err := os.WriteFile(file, buf, 0o644); err != nil {
							t.Fatal(err)
						}
					}
					if size[0] != 1280 {
						return
					}
					evalIn[bool](tb, string(axe)+";true")
					res := evalIn[[]string](tb, `axe.run(document, {resultTypes: ['violations']}).then(function (r) {
						return r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
							.map(function (v) { return v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '); });
					})`, chromedp.EvalAwaitPromise)
					for _, v := range res {
						t.Errorf("%s %s: axe: %s", lang.code, p.path, v)
					}
				})
			}
		}
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
	tb := openTab(t, fileURL(out+"/index.html"), settled)
	tb.settle("file://", "data:")
}

// TestBrowserPlaceNames: the offline base map names places. From
// file://, the home map shows the 14 governorates' names as text at
// load; zoomed to 10 on Aleppo it names towns, and no two names it shows
// (governorates aside, which always show) overlap.
func TestBrowserPlaceNames(t *testing.T) {
	browser(t)
	checkPlaceNames(t, buildSample(t))
}

func checkPlaceNames(t *testing.T, out string) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, gov := range g.Governorates() {
		want[gov.NameAr] = true
	}
	tb := openTab(t, fileURL(out+"/index.html"), settled)
	names := evalIn[[]string](tb, `Array.prototype.map.call(document.querySelectorAll('#map .place-label.k-g span'), function (s) { return s.textContent; })`)
	got := map[string]bool{}
	for _, n := range names {
		got[n] = true
	}
	for n := range want {
		if !got[n] {
			t.Errorf("governorate %s not named on the home map (names: %v)", n, names)
		}
	}
	if len(names) != len(want) {
		t.Errorf("%d governorate names on the map, want %d", len(names), len(want))
	}
	evalIn[bool](tb, `atlasMap.setView([36.2, 37.15], 10, {animate: false}); true`)
	towns, err := pollTab[[]string](tb, `(function () {
		var s = document.querySelectorAll('#map .place-label.k-t span, #map .place-label.k-v span');
		return s.length >= 4 ? Array.prototype.map.call(s, function (e) { return e.textContent; }) : null;
	})()`, stepBudget)
	if err != nil {
		tb.fail("waiting for town names at zoom 10", err)
	}
	if !slices.Contains(towns, "حلب") {
		t.Errorf("zoomed to Aleppo at 10, the names shown are %v, without حلب", towns)
	}
	overlaps := evalIn[[]string](tb, `(function () {
		var boxes = Array.prototype.map.call(document.querySelectorAll('#map .place-label:not(.k-g) span'), function (s) {
			var r = s.getBoundingClientRect(); return {n: s.textContent, r: r};
		});
		var out = [];
		for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
			var a = boxes[i].r, b = boxes[j].r;
			if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(boxes[i].n + ' / ' + boxes[j].n);
		}
		return out;
	})()`)
	if len(overlaps) > 0 {
		t.Errorf("names overlap at zoom 10: %v", overlaps)
	}
	t.Logf("%d names at zoom 10: %v", len(towns), towns)
}

// TestBrowserCountsAgree: atlas.js counts as the build does (site.Page's
// Count), in both languages, for every number up to 250 and every noun.
func TestBrowserCountsAgree(t *testing.T) {
	browser(t)
	arabic := buildSample(t)
	english := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--language", "en", "--source", "../../examples/briefings", "--out", english); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		out  string
		lang site.Language
	}{{arabic, site.Arabic}, {english, site.English}} {
		t.Run(string(c.lang), func(t *testing.T) {
			t.Parallel()
			tb := openTab(t, fileURL(c.out+"/search.html"), settled)
			got := evalIn[map[string][]string](tb, `(function () {
				var out = {};
				Object.keys(window.ATLAS_COUNTS).forEach(function (k) {
					out[k] = [];
					for (var n = 0; n <= 250; n++) { out[k].push(atlasCount(n, k)); }
				});
				return out;
			})()`)
			if c.lang == site.Arabic {
				// As issue 20 asks, in so many words.
				for n, want := range map[int]string{1: "حدث واحد", 2: "حدثان", 3: "3 أحداث", 11: "11 حدثًا"} {
					if got["event"][n] != want {
						t.Errorf("atlas.js counts %d events as %q, want %q", n, got["event"][n], want)
					}
				}
			}
			page := site.Page{Lang: c.lang}
			if len(got) != len(page.Counts()) {
				t.Errorf("atlas.js has forms of %d nouns, the build %d", len(got), len(page.Counts()))
			}
			for noun, phrases := range got {
				for n, js := range phrases {
					if goes, err := page.Count(n, noun); err != nil || js != goes {
						t.Errorf("%s %d: atlas.js says %q, the build %q (%v)", noun, n, js, goes, err)
					}
				}
			}
		})
	}
}

// TestBrowserPhoneWidth: at 390 px no page scrolls sideways, in either
// language, and no element but the map's own panes sticks out of it.
func TestBrowserPhoneWidth(t *testing.T) {
	browser(t)
	arabic := buildSample(t)
	english := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--language", "en", "--source", "../../examples/briefings", "--out", english); err != nil {
		t.Fatal(err)
	}
	checkPhoneWidth(t, arabic, english, []string{"index.html", "events.html", "search.html?q=" + url.QueryEscape("حلب"),
		"articles/daily-report-2016-02-28.html", "archive/index.html", "archive/2016-02.html",
		"governorates/SY02.html", "places/C1007.html", "404.html"})
}

// checkPhoneWidth opens pages of the Arabic and English builds at 390 px.
func checkPhoneWidth(t *testing.T, arabic, english string, pages []string) {
	for _, c := range []struct{ lang, out string }{{"ar", arabic}, {"en", english}} {
		for _, p := range pages {
			t.Run(c.lang+"/"+p, func(t *testing.T) {
				t.Parallel()
				tb := openTab(t, fileURL(c.out+"/")+p, settled, chromedp.EmulateViewport(390, 844))
				wide := evalIn[[]string](tb, `(function () {
					var w = document.documentElement.clientWidth, out = [];
					if (document.documentElement.scrollWidth > w) { out.push('the page is ' + document.documentElement.scrollWidth + ' px wide'); }
					Array.prototype.forEach.call(document.body.querySelectorAll('*'), function (e) {
						if (e.closest('.leaflet-container') && e !== document.getElementById('map')) { return; }
						var r = e.getBoundingClientRect();
						if (r.width > 0 && (r.right > w + 1 || r.left < -1)) {
							out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
						}
					});
					return out.slice(0, 8);
				})()`)
				for _, w := range wide {
					t.Errorf("at 390 px: %s", w)
				}
			})
		}
	}
}

// TestBrowserEventsTableSorts: the table opens with the latest events
// first, and every sort keeps unknown values (no date, deaths not told)
// last, saying how it sorts with aria-sort.
func TestBrowserEventsTableSorts(t *testing.T) {
	browser(t)
	out := buildSample(t)
	tb := openTab(t, fileURL(out+"/events.html"), settled)
	// column returns the aria-sort of the column and its values, in the
	// order the rows are shown.
	column := func(k string) (string, []string) {
		r := evalIn[[]string](tb, `(function () {
			var b = document.querySelector('#events-table th button[data-sort="`+k+`"]');
			var out = [b.parentNode.getAttribute('aria-sort') || ''];
			Array.prototype.forEach.call(document.querySelectorAll('#events-table tbody tr'), function (r) { out.push(r.getAttribute('data-`+k+`')); });
			return out;
		})()`)
		return r[0], r[1:]
	}
	check := func(k, wantSort string, less func(a, b string) bool) {
		t.Helper()
		sort, vals := column(k)
		if sort != wantSort {
			t.Errorf("%s: aria-sort %q, want %q", k, sort, wantSort)
		}
		known := 0
		for i, v := range vals {
			if v == "" {
				continue
			}
			if known != i {
				t.Errorf("%s: a known value (%q) after an unknown one", k, v)
				return
			}
			if i > 0 && less(vals[i-1], v) == (wantSort == "descending") && vals[i-1] != v {
				t.Errorf("%s %s: %q before %q", k, wantSort, vals[i-1], v)
				return
			}
			known++
		}
		// The sample tells deaths of some events and not of others.
		if k == "dead" && (known == 0 || known == len(vals)) {
			t.Errorf("%s: %d of %d rows known", k, known, len(vals))
		}
	}
	// The small map shows the rows the filters show.
	shownRows := `document.querySelectorAll('#events-table tbody tr:not([hidden])').length`
	if m, r := evalIn[int](tb, "window.atlasTableMarkers"), evalIn[int](tb, shownRows); m != r || r == 0 {
		t.Errorf("the table's map shows %d events, the table %d", m, r)
	}
	evalIn[bool](tb, `(function(){var f=document.getElementById('filters');f.gov.value='SY02';f.dispatchEvent(new Event('change'));return true})()`)
	if m, r := evalIn[int](tb, "window.atlasTableMarkers"), evalIn[int](tb, shownRows); m != r || r == 0 || r >= len(evalIn[[]string](tb, `Array.prototype.map.call(document.querySelectorAll('#events-table tbody tr'), function (r) { return ''; })`)) {
		t.Errorf("filtered to SY02, the table's map shows %d events, the table %d", m, r)
	}
	evalIn[bool](tb, `(function(){var f=document.getElementById('filters');f.gov.value='';f.dispatchEvent(new Event('change'));return true})()`)
	byString := func(a, b string) bool { return a < b }
	byNumber := func(a, b string) bool { x, _ := strconv.Atoi(a); y, _ := strconv.Atoi(b); return x < y }
	check("date", "descending", byString)
	click := func(k string) {
		evalIn[bool](tb, `document.querySelector('#events-table th button[data-sort="`+k+`"]').click(); true`)
	}
	click("dead")
	check("dead", "descending", byNumber)
	if s, _ := column("date"); s != "" {
		t.Errorf("date still says aria-sort=%q after sorting by deaths", s)
	}
	click("dead")
	check("dead", "ascending", byNumber)
	click("date")
	click("date")
	check("date", "ascending", byString)
}

// TestBrowserArticleMapAbroad: an article naming Geneva keeps its map on
// its Syrian places and lists Geneva beside them; clicking a name far
// down the article moves the map, not the reader.
func TestBrowserArticleMapAbroad(t *testing.T) {
	browser(t)
	out := buildSample(t)
	tb := openTab(t, fileURL(out+"/articles/aleppo-barrel-bombs.html"), settled, chromedp.EmulateViewport(390, 844))
	centre := evalIn[[]float64](tb, `(function () { var c = atlasMap.getCenter(); return [c.lat, c.lng, atlasMap.getZoom()]; })()`)
	if centre[0] < 32 || centre[0] > 37.5 || centre[1] < 35.5 || centre[1] > 42.5 || centre[2] < 6 {
		t.Errorf("the map is at %v: not on Syria", centre)
	}
	abroad := evalIn[[]string](tb, `Array.prototype.map.call(document.querySelectorAll('.abroad button'), function (b) { return b.textContent; })`)
	if !slices.Contains(abroad, "جنيف") {
		t.Errorf("places listed abroad: %v, want جنيف", abroad)
	}
	moved := evalIn[[]float64](tb, `(function () {
		var all = document.querySelectorAll('a.mention[data-m]'), a = all[all.length - 1];
		a.scrollIntoView({block: 'center'});
		var before = window.scrollY;
		a.click();
		return [before, window.scrollY];
	})()`)
	if moved[0] != moved[1] {
		t.Errorf("clicking a name scrolled the page from %v to %v", moved[0], moved[1])
	}
	offer, err := pollTab[string](tb, `(function () { var o = document.querySelector('.map-offer'); return o && !o.hidden ? o.textContent : null; })()`, stepBudget)
	if err != nil {
		tb.fail("waiting for the note leading to the map", err)
	}
	t.Logf("map at %v; abroad %v; note %q", centre, abroad, offer)
}

// TestBrowserTimeBar: dragging over the histogram chooses a period that
// the shown count, the shading and the permalink follow; the sliders
// work from the keyboard and say their dates.
func TestBrowserTimeBar(t *testing.T) {
	browser(t)
	checkTimeBar(t, buildSample(t))
}

func checkTimeBar(t *testing.T, out string) {
	tb := openTab(t, fileURL(out+"/index.html"), settled)
	type state struct {
		Shown   int            `json:"shown"`
		Shading map[string]int `json:"shading"`
		Hash    string         `json:"hash"`
		Want    int            `json:"want"` // events dated in the hash's period
	}
	read := func() state {
		return evalIn[state](tb, `(function () {
			var h = location.hash, from = (/from=([^&]*)/.exec(h) || [])[1] || '', to = (/to=([^&]*)/.exec(h) || [])[1] || '';
			var want = ATLAS_EVENTS.events.filter(function (e) { return (!from && !to) || (e.d && (!from || e.d >= from) && (!to || e.d <= to)); }).length;
			return {shown: window.atlasShown, shading: window.atlasShading, hash: h, want: want};
		})()`)
	}
	before := read()
	if before.Shown == 0 || before.Shown != before.Want {
		t.Fatalf("at load: %+v", before)
	}
	// Drag over the first half of the histogram.
	evalIn[bool](tb, `(function () {
		var svg = document.querySelector('.timebar .histogram'), r = svg.getBoundingClientRect();
		function at(type, x) { svg.dispatchEvent(new PointerEvent(type, {clientX: r.left + x * r.width, clientY: r.top + r.height / 2, bubbles: true})); }
		at('pointerdown', 0.01); at('pointermove', 0.3); at('pointerup', 0.55);
		return true;
	})()`)
	tb.waitFor(settled)
	after := read()
	if !strings.Contains(after.Hash, "from=") || !strings.Contains(after.Hash, "to=") {
		t.Errorf("after brushing, the permalink is %q", after.Hash)
	}
	if after.Shown == before.Shown || after.Shown != after.Want {
		t.Errorf("after brushing %q: %d shown, %d dated in the period, %d before", after.Hash, after.Shown, after.Want, before.Shown)
	}
	// The link to the events table carries the period.
	if link := evalIn[string](tb, `(document.querySelector('a[data-keeps-filters]') || {getAttribute: function () { return ''; }}).getAttribute('href')`); !strings.HasSuffix(link, after.Hash) {
		t.Errorf("the link to the events table is %q, without the period %q", link, after.Hash)
	}
	if fmt.Sprint(after.Shading) == fmt.Sprint(before.Shading) {
		t.Errorf("the shading did not follow the period: %v", after.Shading)
	}
	shownText := evalIn[string](tb, "document.getElementById('shown-count').textContent")
	if want, _ := (site.Page{Lang: site.Arabic}).Count(after.Shown, "event"); shownText != want {
		t.Errorf("the count reads %q, want %q", shownText, want)
	}
	// The end slider, from the keyboard: one step back.
	text := evalIn[string](tb, `document.querySelectorAll('.timebar input[type=range]')[1].getAttribute('aria-valuetext')`)
	evalIn[bool](tb, `document.querySelectorAll('.timebar input[type=range]')[1].focus(); true`)
	ctx, cancel := context.WithTimeout(tb.ctx, stepBudget)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.KeyEvent(kb.ArrowLeft)); err != nil {
		tb.fail("pressing ArrowLeft on the slider", err)
	}
	tb.waitFor(settled)
	moved := evalIn[string](tb, `document.querySelectorAll('.timebar input[type=range]')[1].getAttribute('aria-valuetext')`)
	if moved == text || !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(moved) {
		t.Errorf("the end slider said %q, then %q after ArrowLeft", text, moved)
	}
	if last := read(); !strings.Contains(last.Hash, "to="+moved) || last.Shown != last.Want {
		t.Errorf("after the key: %+v, slider at %s", last, moved)
	}
}

// TestBrowserGovernorateClick: clicking a governorate on the home map
// filters to it and zooms to it; clicking it again shows all.
func TestBrowserGovernorateClick(t *testing.T) {
	browser(t)
	out := buildSample(t)
	tb := openTab(t, fileURL(out+"/index.html"), settled)
	click := `atlasMap.eachLayer(function (l) { if (l.feature && l.feature.properties.id === 'SY02' && l.feature.properties.name_ar) { l.fire('click'); } }); true`
	zoom0 := evalIn[float64](tb, "atlasMap.getZoom()")
	all := evalIn[int](tb, "window.atlasShown")
	evalIn[bool](tb, click)
	tb.waitFor(settled)
	hash, zoom := evalIn[string](tb, "location.hash"), evalIn[float64](tb, "atlasMap.getZoom()")
	shown := evalIn[int](tb, "window.atlasShown")
	want := evalIn[int](tb, `ATLAS_EVENTS.events.filter(function (e) { return e.g === 'SY02'; }).length`)
	if !strings.Contains(hash, "gov=SY02") || zoom <= zoom0 || shown != want || evalIn[string](tb, "document.getElementById('filters').gov.value") != "SY02" {
		t.Errorf("after clicking Aleppo: hash %q, zoom %v (was %v), %d shown (want %d)", hash, zoom, zoom0, shown, want)
	}
	evalIn[bool](tb, click)
	tb.waitFor(settled)
	if shown, zoom := evalIn[int](tb, "window.atlasShown"), evalIn[float64](tb, "atlasMap.getZoom()"); shown != all || zoom != zoom0 {
		t.Errorf("after clicking Aleppo again: %d shown (want %d), zoom %v (want %v)", shown, all, zoom, zoom0)
	}
}

// TestBrowserGovernorateLoadsItsOwn: a governorate page loads its own
// events file, not the atlas's, and shows every event in it.
func TestBrowserGovernorateLoadsItsOwn(t *testing.T) {
	browser(t)
	checkGovernorateLoadsItsOwn(t, buildSample(t))
}

func checkGovernorateLoadsItsOwn(t *testing.T, out string) {
	tb := openTab(t, fileURL(out+"/governorates/SY05.html"), settled)
	tb.settle("file://", "data:")
	var events []string
	for _, u := range tb.rep.requestsOutside() {
		if strings.Contains(u, "/data/events") {
			events = append(events, strings.TrimPrefix(u, fileURL(out)))
		}
	}
	if len(events) != 1 || events[0] != "/data/events/SY05.js" {
		t.Errorf("the page of SY05 asked for %v, want /data/events/SY05.js alone", events)
	}
	all := evalIn[int](tb, `ATLAS_EVENTS.events.length`)
	own := evalIn[int](tb, `ATLAS_EVENTS.events.filter(function (e) { return e.g === 'SY05'; }).length`)
	if all == 0 || own != all || evalIn[int](tb, "window.atlasShown") != all {
		t.Errorf("SY05's file holds %d events, %d of them in SY05; %d shown", all, own, evalIn[int](tb, "window.atlasShown"))
	}
}

// TestBrowserSearchResults: results say how many they are, place hits
// come first, then briefings, the latest first within those whose title
// matches and those whose text does; each briefing shows its words
// around the match, marked; the query is in the address as it is typed.
func TestBrowserSearchResults(t *testing.T) {
	browser(t)
	out := buildSample(t)
	tb := openTab(t, fileURL(out+"/search.html"), settled)
	type result struct {
		Kind  string `json:"kind"`
		Date  string `json:"date"`
		Title bool   `json:"title"` // its title holds the query
		Mark  string `json:"mark"`
	}
	type page struct {
		Results []result `json:"results"`
		Total   string   `json:"total"`
		Search  string   `json:"search"`
	}
	got := evalIn[page](tb, `(function () {
		var q = document.getElementById('q');
		q.value = 'حلب'; q.dispatchEvent(new Event('input'));
		return {
			results: Array.prototype.map.call(document.querySelectorAll('#results li'), function (li) {
				var t = li.querySelector('time'), m = li.querySelector('mark'), a = li.querySelector('a');
				return {kind: li.className, date: t ? t.getAttribute('datetime') : '', title: !!a && a.textContent.indexOf('حلب') >= 0, mark: m ? m.textContent : ''};
			}),
			total: document.getElementById('results-total').textContent,
			search: decodeURIComponent(location.search)
		};
	})()`)
	if got.Search != "?q=حلب" {
		t.Errorf("the address after typing: %q", got.Search)
	}
	if want, _ := (site.Page{Lang: site.Arabic}).Count(len(got.Results), "result"); got.Total != want {
		t.Errorf("the total reads %q, want %q for %d results", got.Total, want, len(got.Results))
	}
	seenDoc, seenText, lastDate := false, false, "9999"
	docs := 0
	for i, r := range got.Results {
		switch r.Kind {
		case "place":
			if seenDoc {
				t.Errorf("result %d: a place after a briefing", i)
			}
		case "doc":
			docs++
			seenDoc = true
			if !r.Title && !seenText {
				seenText, lastDate = true, "9999"
			}
			if r.Title && seenText {
				t.Errorf("result %d: a title hit after a text hit", i)
			}
			if r.Date != "" && r.Date > lastDate {
				t.Errorf("result %d: %s after %s: not the latest first", i, r.Date, lastDate)
			}
			if r.Date != "" {
				lastDate = r.Date
			}
			if r.Mark != "حلب" {
				t.Errorf("result %d: marked %q", i, r.Mark)
			}
		}
	}
	if docs < 3 {
		t.Errorf("%d briefings found for حلب", docs)
	}
}

// TestBrowserLargeAtlas runs the reader's checks on 2,000 synthetic
// briefings (cmd/gen-corpus), in both languages: names on the map at load
// and at zoom 10, the time bar, a governorate page loading its own events,
// and no sideways scrolling on a phone.
func TestBrowserLargeAtlas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 2,000 briefings")
	}
	browser(t)
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	gen := exec.Command("go", "run", "../gen-corpus", "--n", "2000", "--out", src)
	if msg, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("gen-corpus: %v\n%s", err, msg)
	}
	arabic, english := filepath.Join(tmp, "ar"), filepath.Join(tmp, "en")
	for _, b := range [][]string{{"--out", arabic}, {"--out", english, "--language", "en"}} {
		if _, _, err := run(t, append([]string{"build", "--quiet", "--cache-dir", "none", "--source", src}, b...)...); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("place names", func(t *testing.T) { checkPlaceNames(t, arabic) })
	t.Run("time bar", func(t *testing.T) { checkTimeBar(t, arabic) })
	t.Run("governorate data", func(t *testing.T) { checkGovernorateLoadsItsOwn(t, arabic) })
	t.Run("counts", func(t *testing.T) {
		tb := openTab(t, fileURL(arabic+"/index.html"), settled)
		got := evalIn[[]string](tb, `[1, 2, 3, 11].map(function (n) { return atlasCount(n, 'event'); })`)
		if strings.Join(got, " / ") != "حدث واحد / حدثان / 3 أحداث / 11 حدثًا" {
			t.Errorf("counts read %q", got)
		}
		shown := evalIn[int](tb, "window.atlasShown")
		want, _ := (site.Page{Lang: site.Arabic}).Count(shown, "event")
		if text := evalIn[string](tb, "document.getElementById('shown-count').textContent"); text != want {
			t.Errorf("%d events shown read %q", shown, text)
		}
	})
	t.Run("phone width", func(t *testing.T) {
		checkPhoneWidth(t, arabic, english, []string{"index.html", "events.html", "governorates/SY02.html", "archive/index.html"})
	})
}
