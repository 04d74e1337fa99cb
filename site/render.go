package site

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/briefing-atlas/atlas/site/publish"
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/simplify"
	"github.com/yuin/goldmark"
)

// outlineTolerance is the Douglas-Peucker tolerance, in degrees (about
// 200 m), for the governorate and district outlines sent to pages; the
// full-resolution shapes stay in the gazetteer for point-in-polygon.
// Measured (TestOutlineBudget): 0.005° gives 29 + 73 KB, 0.002° 52 + 122
// KB, 0.001° 73 + 168 KB. 0.002° keeps borders clean at district zoom
// well inside the 400 KB budget.
const outlineTolerance = 0.002

type pageRenderer struct {
	opt      Options
	articles []*Article // every briefing's metadata, in the site's order
	pages    map[string]*template.Template
	govs     []*GovernorateSummary
	places   []*PlaceSummary // every place with a mention, by id
	events   []EventRef      // the latest maxMapped events, oldest first
	count    int             // every event
	totals   map[string]int  // events by type
	cache    *buildCache     // nil when not caching
	ctx      context.Context
	markdown sync.Pool // of goldmark.Markdown, one per page being rendered
	buffers  sync.Pool // of *bytes.Buffer, for the pages being rendered
}

func newRenderer(ctx context.Context, opt Options, cache *buildCache) (*pageRenderer, error) {
	r := &pageRenderer{opt: opt, pages: map[string]*template.Template{}, cache: cache, ctx: ctx}
	r.markdown.New = func() any { return newMarkdown(opt.UnsafeHTML) }
	for _, page := range []string{"index.html", "article.html", "governorate.html", "place.html", "events.html", "search.html", "404.html", "archive.html"} {
		t, err := parseTemplates(template.New(page).Funcs(funcs).Funcs(r.languageFuncs()), opt.Templates, "base.html", page)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		r.pages[page] = t
	}
	return r, nil
}

// parseTemplates parses the files of fsys into t, as ParseFS would, but
// reads each by name: ParseFS's pattern matching takes a file it cannot
// read (a link out of the site's templates/) for one that is not there.
func parseTemplates(t *template.Template, fsys fs.FS, names ...string) (*template.Template, error) {
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		tt := t
		if name != t.Name() {
			tt = t.New(name)
		}
		if _, err := tt.Parse(string(data)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// languageFuncs are the page's phrases in the site's language as
// template functions: {{t "…"}} is {{$.T "…"}} without looking a method
// up by name on every call, a tenth of rendering an archive's pages.
func (r *pageRenderer) languageFuncs() template.FuncMap {
	p := Page{Lang: r.lang()}
	return template.FuncMap{"t": p.T, "count": p.Count}
}

// summarize takes the site-wide lists from the index, once every
// briefing is in it.
func (r *pageRenderer) summarize(x *siteIndex, articles []*Article) {
	r.articles = articles
	r.govs = x.governorates()
	r.places = x.places()
	r.events = x.latestEvents()
	r.count, r.totals = x.count, x.totals
}

// latest keeps the last maxListed items it is given.
type latest[T any] struct {
	items []T
	next  int // where the next item goes, once items is full
}

func (l *latest[T]) add(v T) {
	if len(l.items) < maxListed {
		l.items = append(l.items, v)
		return
	}
	l.items[l.next] = v
	l.next = (l.next + 1) % maxListed
}

// newest is the items, the newest first.
func (l *latest[T]) newest() []T {
	n := len(l.items)
	out := make([]T, 0, n)
	for i := range n {
		out = append(out, l.items[(l.next+n-1-i)%n])
	}
	return out
}

func (r *pageRenderer) render(w *publish.Stage) error {
	// One pool for every site-wide page and the place pages, the largest
	// first: rendered one after another they left a core idle at the end
	// of each build. Article pages are rendered as their briefings are
	// analysed (see Build).
	type task struct {
		name string
		run  func() error
	}
	tasks := []task{{"the home page", func() error { return r.renderIndex(w) }}}
	for _, g := range r.govs {
		tasks = append(tasks, task{"the page of " + g.Place.ID, func() error { return r.renderGovernorate(w, g) }})
	}
	tasks = append(tasks,
		task{"the events page", func() error { return r.renderEvents(w) }},
		task{"the search page", func() error { return r.renderSearch(w) }},
		task{"the archive", func() error { return r.renderArchive(w) }},
		task{"the 404 page", func() error {
			notFound := r.base(r.rootFor404(), "", "404")
			notFound.Title = notFound.T("الصفحة غير موجودة")
			return r.exec(w, "404.html", "404.html", notFound)
		}},
		task{"the outlines", func() error { return r.writeOutlines(w) }},
		task{"the base map", func() error { return r.writeBasemap(w) }},
		task{"the events data", func() error { return r.writeEventsData(w) }},
		task{"the hosting files", func() error { return r.writeHosting(w) }},
		task{".nojekyll", func() error { return w.Write(".nojekyll", nil) }},
	)
	site := len(tasks)
	return parallel(r.ctx, site+len(r.places), func(i int) error {
		if i < site {
			return safely(tasks[i].name, tasks[i].run)
		}
		p := r.places[i-site]
		return safely("the page of "+p.Place.ID, func() error { return r.renderPlace(w, p) })
	})
}

// rootFor404: GitHub Pages serves 404.html at any depth, so its links
// must be absolute; with no base URL they are relative to the top.
func (r *pageRenderer) rootFor404() string {
	if r.opt.BaseURL != "" {
		return strings.TrimSuffix(r.opt.BaseURL, "/") + "/"
	}
	return ""
}

func (r *pageRenderer) exec(w *publish.Stage, name, out string, data any) error {
	_, _, err := r.execSum(w, name, out, data)
	return err
}

// execSum renders template name into out and returns the hash it was
// written with. Pages are rendered into pooled buffers: grown from empty
// for each of an archive's pages, buffers cost a second of a 10k build.
func (r *pageRenderer) execSum(w *publish.Stage, name, out string, data any) (string, int64, error) {
	switch p := data.(type) {
	case interface{ mapOf() *MapData }:
		if m := p.mapOf(); m != nil {
			m.Tiles = r.opt.Tiles
		}
	}
	buf, _ := r.buffers.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		buf.Reset()
		r.buffers.Put(buf)
	}()
	if err := r.pages[name].ExecuteTemplate(buf, "base", data); err != nil {
		return "", 0, fmt.Errorf("%s: %w", out, err)
	}
	sum, err := w.WriteSum(out, buf.Bytes())
	return sum, int64(buf.Len()), err
}

func (p Page) mapOf() *MapData { return p.Map }

// cssColour is a colour safe to write into a style sheet as it is.
var cssColour = regexp.MustCompile(`^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$`)

// colorCSS declares the site's event colours (event type → colour, keys
// as in config.EventTypes) as the CSS variables atlas.css and atlas.js
// read. Anything that is not plainly a colour is left out.
func colorCSS(colors map[string]string) template.CSS {
	var keys []string
	for k, v := range colors {
		if cssColour.MatchString(k) && cssColour.MatchString(v) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "--%s:%s;", strings.ToLower(k), colors[k])
	}
	return template.CSS(b.String())
}

func (r *pageRenderer) base(root, title, kind string) Page {
	return Page{Lang: r.lang(), Root: root, SiteTitle: r.opt.Title, Title: title, Kind: kind, Govs: r.govs, Colors: colorCSS(r.opt.Colors)}
}

func (r *pageRenderer) lang() Language {
	if r.opt.Language == English {
		return English
	}
	return Arabic
}

func typeCounts(counts map[string]int) []TypeCount {
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	var out []TypeCount
	for _, t := range typeOrder {
		if n := counts[t]; n > 0 {
			out = append(out, TypeCount{Type: t, Count: n, Width: 100 * n / most})
		}
	}
	return out
}

// monthCounts lays counts by month ("2006-01") out as a chart: every
// month from the first to the last, so that the distance between bars is
// time, with the most in one month.
func monthCounts(counts map[string]int) ([]MonthCount, int) {
	most := 0
	first, last := "", ""
	for m, n := range counts {
		most = max(most, n)
		if first == "" || m < first {
			first = m
		}
		if m > last {
			last = m
		}
	}
	start, err1 := time.Parse("2006-01", first)
	end, err2 := time.Parse("2006-01", last)
	if most == 0 || err1 != nil || err2 != nil {
		return nil, 0
	}
	var out []MonthCount
	for t := start; !t.After(end); t = t.AddDate(0, 1, 0) {
		m := t.Format("2006-01")
		c := MonthCount{Month: m, Count: counts[m]}
		if c.Count > 0 {
			c.Height = max(2, 60*c.Count/most)
		}
		if t.Equal(start) || t.Month() == time.January {
			c.Year = t.Format("2006")
		}
		out = append(out, c)
	}
	for i := range out {
		out[i].Left = float64(int(1000*float64(i)/float64(len(out)))) / 10
	}
	return out, most
}

func sortCounts(counts map[*geo.Place]int) []PlaceCount {
	out := make([]PlaceCount, 0, len(counts))
	for p, n := range counts {
		out = append(out, PlaceCount{p, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Place.ID < out[j].Place.ID
	})
	return out
}

func newMarker(p *geo.Place, root string) Marker {
	return Marker{
		Lat: p.Point.Lat(), Lon: p.Point.Lon(), Name: p.NameAr, NameEn: p.NameEn, Kind: p.Kind, Gov: p.Governorate(),
		Approx: p.CoordFrom != "" || p.Shape != nil, Href: root + placeHref(p), Abroad: p.Country != "SY",
	}
}

// The addresses of pages, from the site's root: one function per kind
// of page, used by Go and templates alike (a template writes
// {{.Root}}{{articleHref .}}), never put together by hand.

// articleHref is an article's page.
func articleHref(a *Article) string { return "articles/" + a.Slug + ".html" }

// govHref is a governorate's page.
func govHref(g *geo.Place) string { return "governorates/" + g.ID + ".html" }

// placeHref is a place's page. Ids may hold colons (aleppo:N0156,
// geonames:N), which file names should not.
func placeHref(p *geo.Place) string {
	return "places/" + strings.Map(func(r rune) rune {
		if r == ':' || r == '/' {
			return '-'
		}
		return r
	}, p.ID) + ".html"
}

func (r *pageRenderer) renderIndex(w *publish.Stage) error {
	latest := make([]*Article, len(r.articles))
	for i, a := range r.articles {
		latest[len(r.articles)-1-i] = a
	}
	if len(latest) > 30 {
		latest = latest[:30]
	}
	p := IndexPage{Page: r.base("", r.opt.Title, "index"), Articles: latest, Totals: typeCounts(r.totals), Events: r.count}
	p.Map = &MapData{Mode: "events", Markers: []Marker{}}
	p.Scripts = []string{"data/events.js"}
	return r.exec(w, "index.html", "index.html", p)
}

// renderArticle writes a's page; prev and next are its neighbours in the
// site's order, nil at either end.
func (r *pageRenderer) renderArticle(w *publish.Stage, a, prev, next *Article) error {
	rel := articleHref(a)
	var key string
	if r.cache != nil && a.key != "" {
		key = r.cache.pageKey(a, prev, next)
		if r.keep(w, rel, key) {
			return nil
		}
	}
	md := r.markdown.Get().(goldmark.Markdown)
	heading, body, err := renderBody(md, a)
	r.markdown.Put(md)
	if err != nil {
		return err
	}
	p := ArticlePage{
		Page:    r.base("../", a.Title, "article"),
		Article: a,
		// The body and heading are HTML that goldmark or renderText
		// escaped.
		Body:    template.HTML(body),
		Heading: template.HTML(heading),
	}
	// An article page depends only on its article and its neighbours,
	// which is what lets the cache keep it: no site-wide lists.
	p.Govs = nil
	p.Map = &MapData{Mode: "mentions", Markers: []Marker{}}
	p.Prev, p.Next = prev, next
	for k := range a.Events {
		p.Events = append(p.Events, EventRef{Event: &a.Events[k], Article: a, N: k})
	}
	byID := map[string]int{}
	counts := map[*geo.Place]int{}
	govs := map[string]bool{}
	for n, m := range a.Mentions {
		pl := m.Place
		if pl == nil {
			continue
		}
		if m.Name == pl.NameAr {
			counts[pl]++
		}
		if gov := governorateOf(r.opt.Gazetteer, pl); gov != nil && !govs[gov.ID] {
			govs[gov.ID] = true
			p.Governorates = append(p.Governorates, gov)
		}
		if pl.Kind == geo.Country {
			continue
		}
		k, ok := byID[pl.ID]
		if !ok {
			k = len(p.Map.Markers)
			byID[pl.ID] = k
			p.Map.Markers = append(p.Map.Markers, newMarker(pl, "../"))
		}
		p.Map.Markers[k].Count++
		p.Map.Markers[k].Mentions = append(p.Map.Markers[k].Mentions, n)
	}
	sort.Slice(p.Governorates, func(i, j int) bool { return p.Governorates[i].ID < p.Governorates[j].ID })
	p.Places = sortCounts(counts)
	return r.execCached(w, "article.html", rel, key, p)
}

// keep leaves in place the page at rel that the previous build made
// from the same inputs (key), when it is still there unchanged.
func (r *pageRenderer) keep(w *publish.Stage, rel, key string) bool {
	f, ok := r.cache.page(rel, key)
	if ok && w.Keep(rel, f.Sum, f.Size) {
		r.cache.putPage(rel, f, true)
		return true
	}
	return false
}

// execCached renders a page and notes it in the cache under key ("" for
// a page not cached).
func (r *pageRenderer) execCached(w *publish.Stage, name, rel, key string, data any) error {
	if key == "" {
		return r.exec(w, name, rel, data)
	}
	sum, size, err := r.execSum(w, name, rel, data)
	if err != nil {
		return err
	}
	r.cache.putPage(rel, cachedPage{Key: key, Sum: sum, Size: size}, false)
	return nil
}

func governorateOf(g *geo.Gazetteer, p *geo.Place) *geo.Place {
	if p.Country != "SY" || p.Adm1 == "" {
		return nil
	}
	return g.Place(p.Adm1)
}

// maxGovArticles bounds a governorate page's list of briefings, a year of
// daily ones: listed whole, an archive of 100k made pages of megabytes.
const maxGovArticles = 365

func (r *pageRenderer) renderGovernorate(w *publish.Stage, g *GovernorateSummary) error {
	p := GovernoratePage{Page: r.base("../", g.Place.NameAr, "governorate"), Gov: g, Articles: g.Articles}
	if n := len(g.Articles); n > maxGovArticles {
		p.Articles, p.More = g.Articles[n-maxGovArticles:], n-maxGovArticles
	}
	rel := govHref(g.Place)
	var key string
	if r.cache != nil {
		key = r.cache.governorateKey(g)
		if key != "" && r.keep(w, rel, key) {
			return nil
		}
	}
	// Like article and place pages, a governorate page lists no site-wide
	// data, so the cache can keep it while its own briefings stay the same.
	p.Govs = nil
	p.Map = &MapData{Mode: "events", Focus: g.Place.ID, Markers: []Marker{}}
	p.Scripts = []string{govEventsData(g.Place.ID), "data/districts.js"}
	return r.execCached(w, "governorate.html", rel, key, p)
}

// maxListed bounds the lists of a place page: a city named ten thousand
// times gets its latest mentions, not a page of megabytes.
const maxListed = 50

func (r *pageRenderer) renderPlace(w *publish.Stage, s *PlaceSummary) error {
	p := PlacePage{Page: r.base("../", s.Place.NameAr, "place"), Place: s, Gov: governorateOf(r.opt.Gazetteer, s.Place),
		Mentions: s.mentions.newest(), Events: s.events.newest()}
	p.More = s.Mentions - len(p.Mentions)
	rel := placeHref(s.Place)
	var key string
	if r.cache != nil {
		key = r.cache.placeKey(s.Place.ID, s.Mentions, s.Events, p.Mentions, p.Events)
		if key != "" && r.keep(w, rel, key) {
			return nil
		}
	}
	// Like an article page, a place page lists no site-wide data, so the
	// cache can keep it while its own mentions stay the same.
	p.Govs = nil
	m := newMarker(s.Place, "../")
	m.Count = s.Mentions
	p.Map = &MapData{Mode: "mentions", Place: s.Place.ID, Markers: []Marker{m}}
	return r.execCached(w, "place.html", rel, key, p)
}

// escapeTo writes s to b as html.EscapeString would, without making a
// string of it: place pages list thousands of sentences.
func escapeTo(b *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, `<>&'"`)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '"':
			b.WriteString("&#34;")
		}
		s = s[i+1:]
	}
}

// maxTable and maxMapped bound the events table and the events the maps
// load, so that pages stay usable for an archive of years; the downloads
// (events.geojson, events.csv) hold every event.
const (
	maxTable  = 2000
	maxMapped = 20000
)

func (r *pageRenderer) renderEvents(w *publish.Stage) error {
	// The table lists the latest events; the downloads hold them all.
	evs := r.events
	if len(evs) > maxTable {
		evs = evs[len(evs)-maxTable:]
	}
	// The latest first and the undated last, as atlas.js would sort them
	// on load: re-ordering 2,000 rows in the browser cost a third of a
	// second.
	evs = slices.Clone(evs)
	slices.SortStableFunc(evs, func(a, b EventRef) int {
		switch {
		case a.Date == nil && b.Date == nil:
			return 0
		case a.Date == nil: // the undated last
			return 1
		case b.Date == nil:
			return -1
		}
		return b.Date.Compare(*a.Date)
	})
	p := EventsPage{Page: r.base("", "", "events"), Events: evs, All: r.count}
	p.Title = p.T("الأحداث")
	// A small map of the rows the filters show, drawn from the rows.
	p.Map = &MapData{Mode: "table", Markers: []Marker{}}
	return r.exec(w, "events.html", "events.html", p)
}

func (r *pageRenderer) renderSearch(w *publish.Stage) error {
	p := r.base("", "", "search")
	p.Title = p.T("البحث")
	p.Scripts = []string{"data/search.js"}
	// data/search.js is written with the downloads.
	return r.exec(w, "search.html", "search.html", p)
}

// writeOutlines writes the simplified governorate and district outlines
// as scripts that assign globals: pages load them with <script src>,
// which works from file:// where fetch does not.
func (r *pageRenderer) writeOutlines(w *publish.Stage) error {
	gov, err := outlines(r.opt.Gazetteer.Governorates())
	if err != nil {
		return err
	}
	if err := w.Write("data/governorates.js", jsAssign("ATLAS_GOVERNORATES", gov)); err != nil {
		return err
	}
	dist, err := outlines(r.opt.Gazetteer.Districts())
	if err != nil {
		return err
	}
	return w.Write("data/districts.js", jsAssign("ATLAS_DISTRICTS", dist))
}

// outlines simplifies areas for the browser and encodes them as GeoJSON.
func outlines(areas []*geo.Place) ([]byte, error) {
	fc := geojson.NewFeatureCollection()
	for _, a := range areas {
		shape := orb.Round(simplify.DouglasPeucker(outlineTolerance).Simplify(orb.Clone(a.Shape)), 1e4)
		f := geojson.NewFeature(shape)
		f.Properties["id"] = a.ID
		f.Properties["gov"] = a.Adm1
		f.Properties["name_ar"] = a.NameAr
		f.Properties["name_en"] = a.NameEn
		fc.Append(f)
	}
	return json.Marshal(fc)
}

// jsAssign wraps JSON as a script assigning a window property. JSON from
// encoding/json escapes <, > and &, and U+2028/2029, so it is safe
// inside a script.
func jsAssign(name string, data []byte) []byte {
	var b bytes.Buffer
	b.WriteString(jsPrefix(name))
	b.Write(data)
	b.WriteString(jsSuffix)
	return b.Bytes()
}

// jsPrefix and jsSuffix are what jsAssign puts around the JSON, for a
// script written piece by piece (data/search.js).
func jsPrefix(name string) string { return "window." + name + " = " }

const jsSuffix = ";\n"

// copyAssets stages every file of assets under assets/.
func copyAssets(w *publish.Stage, assets fs.FS) error {
	return fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := fs.ReadFile(assets, p)
		if err != nil {
			return err
		}
		return w.Write("assets/"+p, data)
	})
}
