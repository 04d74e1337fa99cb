package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"github.com/briefing-atlas/atlas/site/publish"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/briefing-atlas/atlas/site/export"
)

// datePrinted is an event's date to the precision the text gives it:
// 2016-12-22, 2016-12 or 2016.
func datePrinted(e *events.Event) string {
	switch e.DatePrecision {
	case "month":
		return e.Date.Format("2006-01")
	case "year":
		return e.Date.Format("2006")
	}
	return e.Date.Format("2006-01-02")
}

// govEventsData is the events file of the governorate with p-code id,
// which its page loads: a governorate's page of an archive loaded the
// whole atlas's events to show its own.
func govEventsData(id string) string { return "data/events/" + id + ".js" }

// writeEventsData writes data/events.js, every event (the latest
// maxMapped), and data/events/<p-code>.js, each governorate's: the events
// with the labels of types, sub-types and actors.
func (r *pageRenderer) writeEventsData(w *publish.Stage) error {
	evs := r.events
	if len(evs) > maxMapped {
		evs = evs[len(evs)-maxMapped:] // the latest: the downloads hold the rest
	}
	lists := map[string][]byte{}
	for _, g := range r.opt.Gazetteer.Governorates() {
		lists[g.ID] = []byte{'['}
	}
	var err error
	list := []byte{'['}
	for i, e := range evs {
		if i > 0 {
			list = append(list, ',')
		}
		start := len(list)
		// What only the site knows: where the event is on its page, the
		// governorate as the filters name it, whether the point is a
		// governorate's or a borrowed one, and a date printed to the
		// precision the text gives.
		list, err = export.AppendEventScript(list, e.Event, func(w *export.Writer) {
			w.Str(`,"h":`, fmt.Sprintf("%s#e-%d", articleHref(e.Article), e.N))
			w.Str(`,"at":`, e.Article.Title)
			if e.Place.Country == "SY" {
				w.Str(`,"g":`, e.Place.Adm1)
			}
			if e.GeoPrecision > 1 {
				w.Raw(`,"x":true`)
			}
			if e.Date != nil && e.DatePrecision != "day" {
				w.Str(`,"dp":`, datePrinted(e.Event))
			}
		})
		if err != nil {
			return err
		}
		if gl, ok := lists[e.Place.Adm1]; ok && e.Place.Country == "SY" {
			if len(gl) > 1 {
				gl = append(gl, ',')
			}
			lists[e.Place.Adm1] = append(gl, list[start:]...)
		}
	}
	write := func(rel string, events []byte) error {
		data, err := json.Marshal(map[string]any{
			"events": json.RawMessage(append(events, ']')), "types": typeLabels, "subTypes": subTypeLabels,
			"actors": actorLabels, "order": typeOrder, "classes": typeClass,
		})
		if err != nil {
			return err
		}
		return w.Write(rel, jsAssign("ATLAS_EVENTS", data))
	}
	for id, gl := range lists {
		if err := write(govEventsData(id), gl); err != nil {
			return err
		}
	}
	return write("data/events.js", list)
}

// data/search.js holds titles, folded text and place names, searched in
// the browser with the same folding as extraction. downloads writes it
// as it is made, a briefing's entry at a time: the index of an archive
// runs to hundreds of megabytes.

type searchDoc struct {
	Href  string `json:"h"`
	Title string `json:"t"`
	Date  string `json:"d,omitempty"`
	Text  string `json:"x"` // folded title and body
}

type searchPlace struct {
	Href string `json:"h"`
	Name string `json:"n"`
	En   string `json:"e"`
	Gov  string `json:"g,omitempty"`
	Key  string `json:"k"` // folded names, | separated
}

// searchEntry is a's entry in the index. Safe for concurrent use.
func searchEntry(a *Article) ([]byte, error) {
	// The start of each text: enough to find a briefing by what it is
	// about, small enough for an archive of years in one script.
	d := searchDoc{Href: articleHref(a), Title: a.Title, Text: foldedStart(a.Title, a.Article.Body, searchChars)}
	if !a.Date.IsZero() {
		d.Date = a.Date.Format("2006-01-02")
	}
	return d.appendJSON(nil), nil
}

// finishSearch ends data/search.js after its docs entries: the places,
// and the end of the script.
func finishSearch(f io.Writer, docs int, places []*PlaceSummary) error {
	if docs == 0 {
		io.WriteString(f, "null")
	} else {
		io.WriteString(f, "]")
	}
	io.WriteString(f, `,"places":`)
	var buf []byte // the folded keys of one place, reused
	err := writeJSONList(f, len(places), func(i int) any {
		p := places[i].Place
		keys := arabic.AppendFold(buf[:0], p.NameAr)
		keys = append(append(keys, '|'), strings.ToLower(p.NameEn)...)
		for _, alt := range p.AltAr {
			keys = arabic.AppendFold(append(keys, '|'), alt)
		}
		buf = keys
		return searchPlace{Href: placeHref(p), Name: p.NameAr, En: p.NameEn, Gov: p.Governorate(), Key: string(keys)}
	})
	io.WriteString(f, "}"+jsSuffix)
	return err
}

// writeJSONList writes a JSON array of n items as json.Marshal would,
// null when there are none.
func writeJSONList(w io.Writer, n int, item func(i int) any) error {
	if n == 0 {
		io.WriteString(w, "null")
		return nil
	}
	io.WriteString(w, "[")
	for i := range n {
		if i > 0 {
			io.WriteString(w, ",")
		}
		b, err := json.Marshal(item(i))
		if err != nil {
			return err
		}
		w.Write(b)
	}
	io.WriteString(w, "]")
	return nil
}

// searchChars is how much of each briefing's folded text the search
// index holds.
const searchChars = 1500

// foldedStart is export.Clip(arabic.Fold(title+" "+body), n), folding only as
// much as the first n runes need (and without joining the two): the
// search index holds the start of each briefing, and folding whole
// archives for it was a rebuild's largest single cost.
func foldedStart(title, body string, n int) string {
	// Folded Arabic letters take two bytes: size the buffer once.
	b := make([]byte, 0, min(len(title)+1+len(body), 2*n)+8)
	count, space := 0, false
	for _, s := range [3]string{title, " ", body} {
		for _, r := range s {
			if arabic.IsSpace(r) {
				space = len(b) > 0
				continue
			}
			e := arabic.Fast(r)
			if !e.Keep {
				continue
			}
			if space {
				if count == n {
					return string(b) + "…"
				}
				b = append(b, ' ')
				count++
				space = false
			}
			for j, f := range [2]rune{e.Folded, e.Folded2} {
				if j == 1 && f == 0 {
					break
				}
				if count == n {
					return string(b) + "…"
				}
				b = utf8.AppendRune(b, f)
				count++
			}
		}
	}
	return string(b)
}

// writeHosting writes what a host needs: sitemap.xml and an Atom feed
// when the site knows its address (--base-url), and sw.js, the service
// worker that keeps a hosted site readable offline.
func (r *pageRenderer) writeHosting(w *publish.Stage) error {
	if base := strings.TrimSuffix(r.opt.BaseURL, "/"); base != "" {
		if err := r.writeSitemap(w, base); err != nil {
			return err
		}
		if err := r.writeFeed(w, base); err != nil {
			return err
		}
	}
	return nil
}

func (r *pageRenderer) writeSitemap(w *publish.Stage, base string) error {
	type loc struct {
		Loc string `xml:"loc"`
	}
	var urls []loc
	add := func(rel string) { urls = append(urls, loc{base + "/" + rel}) }
	add("index.html")
	add("events.html")
	add("search.html")
	for _, a := range r.articles {
		add(articleHref(a))
	}
	for _, g := range r.govs {
		add(govHref(g.Place))
	}
	for _, p := range r.places {
		add(placeHref(p.Place))
	}
	return writeXML(w, "sitemap.xml", struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []loc    `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls})
}

// writeXML writes v as an indented XML document.
func writeXML(w *publish.Stage, rel string, v any) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	b.WriteByte('\n')
	return w.Write(rel, b.Bytes())
}

func (r *pageRenderer) writeFeed(w *publish.Stage, base string) error {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
	}
	var entries []entry
	updated := time.Unix(0, 0).UTC()
	arts := append([]*Article(nil), r.articles...)
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Date.After(arts[j].Date) })
	for _, a := range arts {
		if len(entries) == 50 {
			break
		}
		d := a.Date
		if d.IsZero() {
			d = time.Unix(0, 0).UTC()
		}
		if d.After(updated) {
			updated = d
		}
		u := base + "/" + articleHref(a)
		entries = append(entries, entry{Title: a.Title, Link: link{Href: u}, ID: u, Updated: d.Format(time.RFC3339)})
	}
	return writeXML(w, "feed.xml", struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Title   string   `xml:"title"`
		Link    link     `xml:"link"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Entries []entry  `xml:"entry"`
	}{NS: "http://www.w3.org/2005/Atom", Title: r.opt.Title, Link: link{Href: base + "/index.html"}, ID: base + "/",
		Updated: updated.Format(time.RFC3339), Entries: entries})
}

// quoteChars is how much of a sentence a place page quotes.
const quoteChars = 300

// setQuotes finds, for each mention a place page may list (one that names
// its place), the sentence around it as the page shows it: from the
// extractor's sentence ends, trimmed, at most quoteChars code points. The
// bounds are kept with the mention's span and in the cache, so that a
// rebuild cuts quotes out of the text without looking for them again.
func (a *Article) setQuotes() {
	body := a.Article.Body
	var last *span
	lastStart, lastEnd := -1, -1
	for n, m := range a.Mentions {
		if n >= len(a.spans) {
			return
		}
		if p := m.Place; p == nil || m.Name != p.NameAr || m.Kind != p.Kind {
			continue
		}
		sp := &a.spans[n]
		// A mention inside the last sentence is in that sentence: it
		// holds no sentence's end.
		if last != nil && sp.start >= lastStart && sp.stop <= lastEnd {
			sp.quote, sp.clipped = last.quote, last.clipped
			continue
		}
		s, e := arabic.SentenceStart(body, sp.start), arabic.SentenceEnd(body, sp.stop)
		last, lastStart, lastEnd = sp, s, e
		t := strings.TrimSpace(body[s:e])
		s += strings.Index(body[s:e], t)
		c := export.Clip(t, quoteChars)
		sp.clipped = len(c) != len(t)
		if sp.clipped {
			c = strings.TrimSuffix(c, "…")
		}
		sp.quote = [2]int{s, s + len(c)}
	}
}

// quotes are the quotes of an article's mentions (see setQuotes), copied
// out of its text, one string for the mentions of one sentence.
func (a *Article) quotes() []string {
	out := make([]string, len(a.Mentions))
	last, lastQuote := [2]int{-1, -1}, ""
	for n := range out {
		if n >= len(a.spans) {
			break
		}
		sp := a.spans[n]
		if sp.quote == [2]int{} {
			continue
		}
		if sp.quote != last {
			last, lastQuote = sp.quote, strings.Clone(a.Article.Body[sp.quote[0]:sp.quote[1]])
			if sp.clipped {
				lastQuote += "…"
			}
		}
		out[n] = lastQuote
	}
	return out
}

// writeServiceWorker writes sw.js, which a hosted site registers so that
// it stays readable offline after one visit; under file:// it is never
// registered. Its cache name changes with the site's files.
func writeServiceWorker(w *publish.Stage) error {
	sums := w.Files()
	names := make([]string, 0, len(sums))
	var hashes strings.Builder
	for rel := range sums {
		if !strings.HasPrefix(rel, ".") {
			names = append(names, rel)
		}
	}
	sort.Strings(names)
	for _, rel := range names {
		hashes.WriteString(sums[rel])
	}
	sum := fnv32(strings.Join(names, "\n") + hashes.String())
	files, err := json.Marshal(names)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// atlas service worker: caches the whole site for offline reading.\n")
	fmt.Fprintf(&b, "var CACHE = 'atlas-%08x';\nvar FILES = %s;\n", sum, files)
	b.WriteString(`self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(FILES); }));
});
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }));
});
// A host that redirects (index.html to ./, say) leaves a redirected
// response in the cache, which a browser refuses as a page: serve a copy.
function servable(r) {
  if (!r.redirected) { return r; }
  return r.blob().then(function (body) {
    return new Response(body, { status: r.status, statusText: r.statusText, headers: r.headers });
  });
}
self.addEventListener('fetch', function (e) {
  e.respondWith(caches.match(e.request, { ignoreSearch: true }).then(function (r) { return r ? servable(r) : fetch(e.request); }));
});
`)
	return w.Write("sw.js", b.Bytes())
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
