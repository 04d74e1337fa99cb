package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"sort"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/simplify"
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
	articles []*Article
	pages    map[string]*template.Template
}

func newRenderer(opt Options, articles []*Article) (*pageRenderer, error) {
	r := &pageRenderer{opt: opt, articles: articles, pages: map[string]*template.Template{}}
	for _, page := range []string{"index.html", "article.html", "governorate.html"} {
		t, err := template.New(page).Funcs(funcs).ParseFS(opt.Templates, "base.html", page)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		r.pages[page] = t
	}
	return r, nil
}

var funcs = template.FuncMap{
	"articleHref": articleHref,
	"date": func(a *Article) string {
		if a.Date.IsZero() {
			return ""
		}
		return a.Date.Format("2006-01-02")
	},
}

// page is what every template gets.
type page struct {
	Root      string // path from the page to the site root: "" or "../"
	SiteTitle string
	Title     string
	Kind      string // index, article, governorate
	Map       mapData
}

// mapData is the page's map, handed to assets/atlas.js as JSON.
type mapData struct {
	Focus   string   `json:"focus,omitempty"` // governorate p-code to zoom to
	Markers []marker `json:"markers"`
}

// marker is one place on a map with what the page says of it.
type marker struct {
	Lat      float64  `json:"lat"`
	Lon      float64  `json:"lon"`
	Name     string   `json:"name"`
	NameEn   string   `json:"en"`
	Kind     geo.Kind `json:"kind"`
	Gov      string   `json:"gov,omitempty"`
	Count    int      `json:"n"`
	Mentions []int    `json:"m,omitempty"` // mention numbers on an article page
	Articles []link   `json:"a,omitempty"` // articles naming it, elsewhere
}

type link struct {
	Href  string `json:"href"`
	Title string `json:"title"`
}

type govSummary struct {
	Place    *geo.Place
	Mentions int
	Articles []*Article
	Places   []placeCount
}

type placeCount struct {
	Place *geo.Place
	Count int
}

func (r *pageRenderer) render(w *writer) error {
	govs := r.governorates()
	if err := r.renderIndex(w, govs); err != nil {
		return err
	}
	for i, a := range r.articles {
		if err := r.renderArticle(w, i, a); err != nil {
			return err
		}
	}
	for _, g := range govs {
		if err := r.renderGovernorate(w, g); err != nil {
			return err
		}
	}
	if err := r.writeOutlines(w); err != nil {
		return err
	}
	return w.write(".nojekyll", nil)
}

func (r *pageRenderer) exec(w *writer, name, out string, data any) error {
	var buf bytes.Buffer
	if err := r.pages[name].ExecuteTemplate(&buf, "base", data); err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	return w.write(out, buf.Bytes())
}

// governorates gathers, for each of the 14, the articles and places that
// mention it or places in it.
func (r *pageRenderer) governorates() []*govSummary {
	var out []*govSummary
	for _, gp := range r.opt.Gazetteer.Governorates() {
		g := &govSummary{Place: gp}
		counts := map[*geo.Place]int{}
		for _, a := range r.articles {
			n := 0
			for _, m := range a.Mentions {
				if inGovernorate(m.Place, gp) {
					counts[m.Place]++
					n++
				}
			}
			if n > 0 {
				g.Articles = append(g.Articles, a)
				g.Mentions += n
			}
		}
		g.Places = sortCounts(counts)
		out = append(out, g)
	}
	return out
}

func inGovernorate(p, gov *geo.Place) bool {
	return p != nil && p.Country == "SY" && p.Kind != geo.Country && p.Adm1 == gov.ID
}

func sortCounts(counts map[*geo.Place]int) []placeCount {
	out := make([]placeCount, 0, len(counts))
	for p, n := range counts {
		out = append(out, placeCount{p, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Place.ID < out[j].Place.ID
	})
	return out
}

// markers groups mentions by place; keep selects which count.
func markers(articles []*Article, root string, keep func(*geo.Place) bool) []marker {
	type acc struct {
		m    marker
		seen map[string]bool
	}
	byPlace := map[string]*acc{}
	var order []string
	for _, a := range articles {
		for _, m := range a.Mentions {
			p := m.Place
			if p == nil || p.Kind == geo.Country || !keep(p) {
				continue
			}
			x := byPlace[p.ID]
			if x == nil {
				x = &acc{m: newMarker(p), seen: map[string]bool{}}
				byPlace[p.ID] = x
				order = append(order, p.ID)
			}
			x.m.Count++
			if !x.seen[a.Slug] {
				x.seen[a.Slug] = true
				x.m.Articles = append(x.m.Articles, link{Href: root + articleHref(a), Title: a.Title})
			}
		}
	}
	sort.Strings(order)
	out := make([]marker, 0, len(order))
	for _, id := range order {
		out = append(out, byPlace[id].m)
	}
	return out
}

func newMarker(p *geo.Place) marker {
	return marker{Lat: p.Point.Lat(), Lon: p.Point.Lon(), Name: p.NameAr, NameEn: p.NameEn, Kind: p.Kind, Gov: p.Governorate()}
}

func articleHref(a *Article) string { return "articles/" + a.Slug + ".html" }

type indexPage struct {
	page
	Articles     []*Article // newest first
	Governorates []*govSummary
}

func (r *pageRenderer) renderIndex(w *writer, govs []*govSummary) error {
	latest := make([]*Article, len(r.articles))
	for i, a := range r.articles {
		latest[len(r.articles)-1-i] = a
	}
	p := indexPage{
		page: page{Root: "", SiteTitle: r.opt.Title, Title: r.opt.Title, Kind: "index",
			Map: mapData{Markers: markers(r.articles, "", func(*geo.Place) bool { return true })}},
		Articles: latest, Governorates: govs,
	}
	return r.exec(w, "index.html", "index.html", p)
}

type articlePage struct {
	page
	Article      *Article
	Body         template.HTML
	Places       []placeCount
	Governorates []*geo.Place
	Prev, Next   *Article
}

func (r *pageRenderer) renderArticle(w *writer, i int, a *Article) error {
	p := articlePage{
		page:    page{Root: "../", SiteTitle: r.opt.Title, Title: a.Title, Kind: "article"},
		Article: a,
		// The body is HTML that goldmark or renderText escaped.
		Body: template.HTML(a.Body),
	}
	if i > 0 {
		p.Prev = r.articles[i-1]
	}
	if i+1 < len(r.articles) {
		p.Next = r.articles[i+1]
	}
	byID := map[string]int{}
	counts := map[*geo.Place]int{}
	govs := map[string]bool{}
	for n, m := range a.Mentions {
		pl := m.Place
		if pl == nil {
			continue
		}
		counts[pl]++
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
			p.Map.Markers = append(p.Map.Markers, newMarker(pl))
		}
		p.Map.Markers[k].Count++
		p.Map.Markers[k].Mentions = append(p.Map.Markers[k].Mentions, n)
	}
	if p.Map.Markers == nil {
		p.Map.Markers = []marker{}
	}
	sort.Slice(p.Governorates, func(i, j int) bool { return p.Governorates[i].ID < p.Governorates[j].ID })
	p.Places = sortCounts(counts)
	return r.exec(w, "article.html", articleHref(a), p)
}

func governorateOf(g *geo.Gazetteer, p *geo.Place) *geo.Place {
	if p.Country != "SY" || p.Adm1 == "" {
		return nil
	}
	return g.Place(p.Adm1)
}

type governoratePage struct {
	page
	Gov *govSummary
}

func (r *pageRenderer) renderGovernorate(w *writer, g *govSummary) error {
	p := governoratePage{
		page: page{Root: "../", SiteTitle: r.opt.Title, Title: g.Place.NameAr, Kind: "governorate",
			Map: mapData{Focus: g.Place.ID, Markers: markers(r.articles, "../", func(p *geo.Place) bool { return inGovernorate(p, g.Place) })}},
		Gov: g,
	}
	return r.exec(w, "governorate.html", "governorates/"+g.Place.ID+".html", p)
}

// writeOutlines writes the simplified governorate and district outlines
// as scripts that assign globals: pages load them with <script src>,
// which works from file:// where fetch does not.
func (r *pageRenderer) writeOutlines(w *writer) error {
	gov, err := outlines(r.opt.Gazetteer.Governorates())
	if err != nil {
		return err
	}
	if err := w.write("data/governorates.js", jsAssign("ATLAS_GOVERNORATES", gov)); err != nil {
		return err
	}
	dist, err := outlines(r.opt.Gazetteer.Districts())
	if err != nil {
		return err
	}
	return w.write("data/districts.js", jsAssign("ATLAS_DISTRICTS", dist))
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
	fmt.Fprintf(&b, "window.%s = ", name)
	b.Write(data)
	b.WriteString(";\n")
	return b.Bytes()
}
