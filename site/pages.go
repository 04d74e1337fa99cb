package site

// The contract of templates/: what each page template is given (the page
// types below, whose exported fields and methods a template may use) and
// the functions every template may call. atlas templates list --data
// prints it from these types (contract.go); a site that replaces a
// template writes to it.

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo"
)

// EventRef is an event with the article that reports it.
type EventRef struct {
	*events.Event
	Article *Article
	N       int  // the event's number in its article
	owned   bool // Event is the site index's copy, not the analysis's
}

// funcs are the functions every template may call; TemplateFuncs lists
// them, with t, which each language adds.
var funcs = template.FuncMap{
	"articleHref": articleHref,
	"archiveHref": archiveHref,
	"placeHref":   placeHref,
	"govHref":     govHref,
	"date": func(a *Article) string {
		if a.Date.IsZero() {
			return ""
		}
		return a.Date.Format("2006-01-02")
	},
	// eventDate is the date for filters (YYYY-MM-DD), eventDateShown the
	// date as precise as the text gives it (2016-12-22, 2016-12, 2016).
	"eventDate": func(e EventRef) string {
		if e.Date == nil {
			return ""
		}
		return e.Date.Format("2006-01-02")
	},
	"eventDateShown": func(e EventRef) string {
		if e.Date == nil {
			return ""
		}
		return datePrinted(e.Event)
	},
	"typeLabel":    func(t string) string { return typeLabels[t] },
	"subTypeLabel": func(t string) string { return subTypeLabels[t] },
	"typeClass":    func(t string) string { return typeClass[t] },
	"actorLabel":   func(a string) string { return actorLabels[a] },
	"types":        func() []string { return typeOrder },
	"actors": func() []string {
		return []string{"government", "opposition", "hts", "isis", "sdf", "russia", "coalition", "turkey", "hezbollah", "iran"}
	},
	"join": strings.Join,
	"mul":  func(a, b int) int { return a * b },
	"sub":  func(a, b int) int { return a - b },
	"add":  func(a, b int) int { return a + b },
	"deref": func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	},
}

// Page is what every template gets.
type Page struct {
	Lang      Language
	Root      string // path from the page to the site root: "" or "../"
	SiteTitle string
	Title     string
	Kind      string // index, article, governorate, place, events, search, 404
	Map       *MapData
	// Scripts are extra data scripts the page loads (data/events.js …).
	Scripts []string
	Govs    []*GovernorateSummary
	// Colors is the site's own event colours as CSS declarations, "" for
	// atlas's.
	Colors template.CSS
}

// MapData is the page's map, handed to assets/atlas.js as JSON.
type MapData struct {
	Tiles   string   `json:"tiles,omitempty"` // an online tile layer for hosted sites
	Mode    string   `json:"mode"`            // mentions or events
	Focus   string   `json:"focus,omitempty"` // governorate p-code to zoom to
	Place   string   `json:"place,omitempty"` // place id whose events to show
	Markers []Marker `json:"markers"`
}

// Marker is one place on a map with what the page says of it.
type Marker struct {
	Lat      float64  `json:"lat"`
	Lon      float64  `json:"lon"`
	Name     string   `json:"name"`
	NameEn   string   `json:"en"`
	Kind     geo.Kind `json:"kind"`
	Gov      string   `json:"gov,omitempty"`
	Count    int      `json:"n"`
	Approx   bool     `json:"approx,omitempty"` // a borrowed or area point
	Mentions []int    `json:"m,omitempty"`      // mention numbers on an article page
	Href     string   `json:"href,omitempty"`   // the place's page
	Abroad   bool     `json:"abroad,omitempty"` // outside Syria
}

// GovernorateSummary is a governorate across the atlas: its mentions and
// events, counted by type and by month, its briefings and its most named
// places.
type GovernorateSummary struct {
	Place    *geo.Place
	Mentions int
	Events   int
	ByType   []TypeCount
	// ByMonth is every month from the first with a dated event to the
	// last, those without events included; MonthMost is the most events
	// in one of them, and Undated the events with no date.
	ByMonth   []MonthCount
	MonthMost int
	Undated   int
	Articles  []*Article
	Places    []PlaceCount
}

// TypeCount is how many events of one type, with its bar in a chart.
type TypeCount struct {
	Type  string
	Count int
	Width int // bar width in the chart, 0–100
}

// MonthCount is how many events in one month, with its bar in a chart.
type MonthCount struct {
	Month  string
	Count  int
	Height int // bar height in the chart, 0–60
	// Year labels the axis: the year on the first month shown and on
	// each January, "" on other months; Left is where its bar starts, in
	// percent of the chart's width.
	Year string
	Left float64
}

// PlaceCount is a place and how many times a page's briefings name it.
type PlaceCount struct {
	Place *geo.Place
	Count int
}

// PlaceSummary is a resolved place with its mentions and events across
// the atlas: their numbers, and the latest of each, which its page lists.
// An archive names a city tens of thousands of times; nothing here grows
// with that.
type PlaceSummary struct {
	Place    *geo.Place
	Mentions int // mentions that name it
	Events   int // events at it
	mentions latest[ListedMention]
	events   latest[PlaceEvent]
	named    bool // a mention names it (not only an event's landmark)
}

// ListedMention is a mention a place page may list, with what it shows.
type ListedMention struct {
	Article           *Article
	N                 int // mention number in the article
	Surface, Sentence string
}

// PlaceEvent is an event that names a place, as place pages list it.
type PlaceEvent struct {
	Article *Article
	N       int32 // the event's number in its article
	Dead    int32 // fatalities, -1 when not given
	kind    *eventKind
}

func (e PlaceEvent) Type() string { return e.kind.Type }

func (e PlaceEvent) SubType() string { return e.kind.SubType }

// MapJSON is the page's map data as a script value. Encoded here rather
// than by html/template's escaper, which is slow on large values; like
// encoding/json, appendJSON escapes <, > and & (and U+2028/2029), so the
// JSON is safe inside <script>.
func (p Page) MapJSON() template.JS {
	if p.Map == nil {
		return "null"
	}
	b, err := p.Map.appendJSON(nil)
	if err != nil {
		return "null"
	}
	return template.JS(b)
}

// IndexPage is what index.html is given: the atlas's latest briefings and
// its events counted by type.
type IndexPage struct {
	Page
	Articles []*Article // newest first
	Totals   []TypeCount
	Events   int
}

// Shown is how many events the filters show at first: all of them.
func (p IndexPage) Shown() int { return p.Events }

// ArticlePage is what article.html is given: one briefing, its text with
// its mentions linked (Body), its events, places and governorates, and
// its neighbours in the site's order.
type ArticlePage struct {
	Page
	Article      *Article
	Body         template.HTML
	Heading      template.HTML // "" when the title is shown as it is
	Places       []PlaceCount
	Governorates []*geo.Place
	Events       []EventRef
	Prev, Next   *Article
}

// EventList is the article's events as list items. Built here, not in
// the template: html/template's escaper costs microseconds an action, and
// an archive has hundreds of thousands of events. Every string is escaped.
func (p ArticlePage) EventList() template.HTML {
	var b strings.Builder
	b.Grow(len(p.Events) * 400) // about an item's size: grown once, not doubling
	for _, e := range p.Events {
		b.WriteString(`    <li id="e-`)
		b.WriteString(strconv.Itoa(e.N))
		b.WriteString(`"><span class="badge `)
		escapeTo(&b, typeClass[e.Type])
		b.WriteString(`">`)
		escapeTo(&b, p.SubTypeLabel(e.SubType))
		b.WriteString("</span>\n      <span class=\"where\">")
		escapeTo(&b, e.Places[0].Surface)
		b.WriteString(`</span>`)
		if e.Fatalities != nil {
			b.WriteString(` · <span class="dead">`)
			escapeTo(&b, p.count(*e.Fatalities, "killed"))
			b.WriteString(`</span>`)
		}
		if e.Injured != nil {
			b.WriteString(` · <span class="hurt">`)
			escapeTo(&b, p.count(*e.Injured, "wounded"))
			b.WriteString(`</span>`)
		}
		if len(e.Actors) > 0 {
			b.WriteString(` · <span class="actors">`)
			for i, a := range e.Actors {
				if i > 0 {
					escapeTo(&b, p.T("، "))
				}
				escapeTo(&b, p.ActorLabel(a))
			}
			b.WriteString(`</span>`)
		}
		// dir="auto": the briefings' Arabic keeps its direction in an
		// English interface.
		b.WriteString("\n      <blockquote class=\"evidence\" dir=\"auto\">")
		escapeTo(&b, e.Evidence)
		b.WriteString("</blockquote>")
		for _, s := range e.Also {
			b.WriteString("\n      <blockquote class=\"evidence also\" dir=\"auto\">")
			escapeTo(&b, s.Evidence)
			b.WriteString("</blockquote>")
		}
		b.WriteString("</li>\n")
	}
	return template.HTML(b.String())
}

// PlaceLinks links the article's places to their pages.
func (p ArticlePage) PlaceLinks() template.HTML {
	var b strings.Builder
	b.Grow(len(p.Places) * 80)
	for i, pc := range p.Places {
		if i > 0 {
			escapeTo(&b, p.T("، "))
		}
		b.WriteString(`<a href="../`)
		escapeTo(&b, placeHref(pc.Place))
		b.WriteString(`">`)
		escapeTo(&b, pc.Place.NameAr)
		b.WriteString(`</a>`)
		if pc.Count > 1 {
			b.WriteString(" (")
			b.WriteString(strconv.Itoa(pc.Count))
			b.WriteByte(')')
		}
	}
	return template.HTML(b.String())
}

// GovernoratePage is what governorate.html is given.
type GovernoratePage struct {
	Page
	Gov      *GovernorateSummary
	Articles []*Article // the latest of Gov.Articles, at most maxGovArticles, oldest first
	More     int        // older briefings not listed
}

// Shown is how many events the map shows at first: the governorate's.
func (p GovernoratePage) Shown() int { return p.Gov.Events }

// PlacePage is what place.html is given: the place, its governorate, and
// the latest of its mentions and events.
type PlacePage struct {
	Page
	Place    *PlaceSummary
	Gov      *geo.Place
	Mentions []ListedMention // the latest, at most maxListed, newest first
	Events   []PlaceEvent    // the latest, at most maxListed, newest first
	More     int             // mentions not listed
}

// MentionList and EventList are the place page's lists, built here for
// the same reason as the article's (see articlePage.EventList).
func (p PlacePage) MentionList() template.HTML {
	var b strings.Builder
	b.Grow(len(p.Mentions) * 400)
	for _, m := range p.Mentions {
		b.WriteString(`    <li><a dir="auto" href="../articles/`)
		escapeTo(&b, m.Article.Slug)
		b.WriteString(`.html#m-`)
		b.WriteString(strconv.Itoa(m.N))
		b.WriteString(`">`)
		escapeTo(&b, m.Article.Title)
		b.WriteString(`</a><blockquote dir="auto">`)
		escapeTo(&b, m.Sentence)
		b.WriteString("</blockquote></li>\n")
	}
	return template.HTML(b.String())
}

func (p PlacePage) EventList() template.HTML {
	var b strings.Builder
	b.Grow(len(p.Events) * 220)
	for _, e := range p.Events {
		b.WriteString(`    <li><span class="badge `)
		escapeTo(&b, typeClass[e.Type()])
		b.WriteString(`">`)
		escapeTo(&b, p.SubTypeLabel(e.SubType()))
		b.WriteString(`</span> <a dir="auto" href="../`)
		escapeTo(&b, articleHref(e.Article))
		b.WriteString(`#e-`)
		b.WriteString(strconv.Itoa(int(e.N)))
		b.WriteString(`">`)
		escapeTo(&b, e.Article.Title)
		b.WriteString(`</a>`)
		if e.Dead >= 0 {
			b.WriteString(` · `)
			escapeTo(&b, p.count(int(e.Dead), "killed"))
		}
		b.WriteString("</li>\n")
	}
	if len(p.Events) == 0 {
		b.WriteString(`    <li class="empty">`)
		escapeTo(&b, p.T("لا أحداث في هذا المكان."))
		b.WriteString("</li>\n")
	}
	return template.HTML(b.String())
}

// EventsPage is what events.html is given: the latest events, for the
// table, and how many there are in all.
type EventsPage struct {
	Page
	Events []EventRef
	All    int
}

// PlaceName is a place's name in the interface's language: a list of
// governorates in an English atlas reads "Aleppo", not «حلب».
func (p Page) PlaceName(pl *geo.Place) string {
	if p.Lang == English && pl.NameEn != "" {
		return pl.NameEn
	}
	return pl.NameAr
}

// GovName is the name of the governorate with p-code id in the
// interface's language, "" when the page lists no such governorate.
func (p Page) GovName(id string) string {
	for _, g := range p.Govs {
		if g.Place.ID == id {
			return p.PlaceName(g.Place)
		}
	}
	return ""
}

// Shown is how many events the filters show at first: the table's.
func (p EventsPage) Shown() int { return len(p.Events) }
