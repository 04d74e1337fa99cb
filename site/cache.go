package site

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/site/content"
)

// cacheFormat changes whenever the cache's layout does, or what the
// download rows it lets a rebuild copy hold (10: CSV cells safe from
// spreadsheets; 11: every file ends with a checksum of its bytes; 12: an
// event keeps its date's precision; 13: and the other clauses that tell it;
// 14: events.csv cites them all and gives the confidence).
const cacheFormat = "atlas-cache-16"

// The cache's files besides the analyses' pack (pack.go): the pages and
// the rows index.
const (
	pagesFile = "pages.index"
	rowsFile  = "rows.index"
)

// buildCache remembers between builds what analysing each briefing gave
// and which article, place and governorate pages are current, so a
// rebuild re-analyses and re-renders only what changed. Keys are content hashes salted with the
// tool's version, the gazetteer's, the templates and the options: a key
// that matches means the work would give the same bytes.
//
// Each analysis (encoded by encodeAnalysis) is a record of the pack
// (pack.go), found by its key, so a build reads and writes only what it
// needs, on every core, and a crash leaves nothing wrong behind.
// pagesFile lists the pages of the last build. After a successful build,
// analyses it did not use go, so the cache does not grow with deleted
// briefings. Every entry carries a hash of its bytes (see codec.go): a
// damaged one is dropped and counted, and its work done afresh.
type buildCache struct {
	dir  string
	salt string // what every key depends on besides the article

	oldPages map[string]cachedPage // read at start; read-only after
	oldTimes map[string]int64      // the output's modification times, likewise
	times    map[string]int64      // this build's, set once the site is in place

	pack *analysisPack

	oldRows *rowsIndex // the last build's, when it matches this salt
	newRows *rowsIndex // this build's, once its downloads are written

	mu           sync.Mutex
	used         map[string]bool       // analysis keys this build used
	pages        map[string]cachedPage // this build's article pages
	analysisHits int
	pageHits     int
	rowsCopied   int
	damaged      int // files found damaged
}

type pageIndex struct {
	Salt  string
	Pages map[string]cachedPage // by output path
	// Times are the modification times (UnixNano) of the output's
	// files: one edited by hand since, even to the same size, is
	// written again.
	Times map[string]int64
}

// cachedPage is an output file as the previous build wrote it.
type cachedPage struct {
	Key  string // pageKey of its inputs
	Sum  string // hashOf its bytes, as in the manifest
	Size int64
}

// cachedAnalysis is an Article's analysis with places as gazetteer ids
// and without what can be derived from the text and the gazetteer.
type cachedAnalysis struct {
	Mentions   []cachedMention
	Unresolved []extract.Unresolved
	Events     []cachedEvent
	Spans      [][6]int // a span: start, stop, index, quote start and end, 1 if clipped
}

// Flags of a cachedMention: which fields are derived, not stored.
const (
	surfaceFromText = 1 << iota
	nameFromPlace
	kindFromPlace
)

type cachedMention struct {
	Start, End    int
	Derived       uint8
	Surface, Name string
	Kind          geo.Kind
	Place         string
	Confidence    float64
	GeoPrecision  int
	Use           extract.Use
}

// cachedEvent is the event record as the cache keeps it: every field
// that events.Fields can set, but with its place and mentions as
// gazetteer ids (mentions[i] for the record's i-th Mentions field) and,
// when the evidence is the text between the event's offsets, only where
// that is in bytes.
type cachedEvent struct {
	events.Event
	mentions     [][]cachedMention
	place        string
	bStart, bEnd int // byte offsets of the evidence; -1 when it is stored
}

// newCache opens the cache in dir with none of its content: the analyses'
// pack takes this build's, which the next build reads.
func newCache(dir, salt string) *buildCache {
	c := &buildCache{dir: dir, salt: salt, oldPages: map[string]cachedPage{},
		used: map[string]bool{}, pages: map[string]cachedPage{}}
	c.pack, _ = openPack(dir, true)
	return c
}

// newBuildCache opens the cache opt asks for, or returns nil.
func newBuildCache(opt Options) (*buildCache, error) {
	if opt.CacheDir == "" || opt.Version == "" || opt.Gazetteer.Version() == "" {
		return nil, nil
	}
	tv, err := templatesVersion(opt.Templates)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	salt := fmt.Sprintf("%s|%s|%s|%s|%q|%s|%s|%s|%t|%s", cacheFormat, opt.Version, opt.Gazetteer.Version(), tv,
		opt.Title, opt.Language, opt.Tiles, opt.BaseURL, opt.UnsafeHTML, colorCSS(opt.Colors))
	if opt.Clean {
		return newCache(opt.CacheDir, salt), nil
	}
	return openCache(opt.CacheDir, salt), nil
}

func (c *buildCache) analysisNote() string {
	if c == nil {
		return ""
	}
	if c.pack.busy {
		return ", none from the cache: another build is using " + c.dir
	}
	return fmt.Sprintf(", %d unchanged from the cache", c.analysisHits)
}

func (c *buildCache) pageNote() string {
	if c == nil {
		return ""
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Sprintf(", %d unchanged article, place and governorate pages from the cache, download rows of %d briefings copied from the last build", c.pageHits, c.rowsCopied)
}

// damageWarning says how many damaged files the cache had, once for the
// whole build; "" for none.
func (c *buildCache) damageWarning() string {
	if c == nil {
		return ""
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.damaged == 0 {
		return ""
	}
	return fmt.Sprintf("damaged cache files ignored and their work done afresh: %d in %s", c.damaged, c.dir)
}

// readEntry decodes the cache file at path. A missing file or one of
// another format is a miss; so is a damaged one, which is removed (the
// next build need not trip on it) and counted.
func readEntry[T any](c *buildCache, path string, decode func([]byte) (T, error)) (v T, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return v, false
	}
	if v, err = decode(data); errors.Is(err, errDamaged) {
		c.damage(path)
	}
	return v, err == nil
}

// damage notes that the file at path is damaged, for damageWarning.
func (c *buildCache) damage(path string) {
	os.Remove(path)
	c.mu.Lock()
	c.damaged++
	c.mu.Unlock()
}

// openCache opens the cache in dir. A missing, unreadable, damaged or
// outdated cache is an empty one: the cache only ever saves time.
func openCache(dir, salt string) *buildCache {
	c := &buildCache{dir: dir, salt: salt, oldPages: map[string]cachedPage{},
		used: map[string]bool{}, pages: map[string]cachedPage{}}
	var damaged bool
	if c.pack, damaged = openPack(dir, false); damaged {
		c.damaged++
	}
	if idx, ok := readEntry(c, filepath.Join(dir, rowsFile), decodeRows); ok && idx.Salt == salt && idx.Rows != nil {
		c.oldRows = idx
	}
	if idx, ok := readEntry(c, filepath.Join(dir, pagesFile), decodePages); ok && idx.Salt == salt && idx.Pages != nil {
		c.oldPages, c.oldTimes = idx.Pages, idx.Times
	}
	return c
}

// save writes the page list and removes the analyses this build did not
// use; the site is already in place, so errors cost only time.
func (c *buildCache) save() error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if err := writeAtomic(c.dir, pagesFile, func(w io.Writer) error {
		_, err := w.Write(encodePages(&pageIndex{Salt: c.salt, Pages: c.pages, Times: c.times}))
		return err
	}); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if c.newRows != nil {
		if err := writeAtomic(c.dir, rowsFile, func(w io.Writer) error {
			_, err := w.Write(encodeRows(c.newRows))
			return err
		}); err != nil {
			return fmt.Errorf("cache: %w", err)
		}
	}
	// Caches of format 9 and before kept their indexes in gob.
	os.Remove(filepath.Join(c.dir, "pages.gob"))
	os.Remove(filepath.Join(c.dir, "rows.gob"))
	// Caches of format 16 and before kept an analysis per file.
	os.RemoveAll(filepath.Join(c.dir, "analyses"))
	return c.pack.save(c.used)
}

// close lets go of the cache's files; a build calls it whether it
// succeeded or not.
func (c *buildCache) close() {
	if c != nil {
		c.pack.close()
	}
}

// rowsKey names an article's share of the downloads: what any page may
// show of it (identity) and where its body starts in its file.
func (c *buildCache) rowsKey(a *Article) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00rows\x00%s\x00%d", c.salt, a.identity, a.BodyOffset)
	return fmt.Sprintf("%x", h.Sum(nil)[:20])
}

// rowsIndex says where each article's rows are in the downloads a build
// wrote, so the next build copies them from there instead of encoding
// them again. Sums and Sizes identify those files, with the times kept in
// pagesFile.
type rowsIndex struct {
	Salt  string
	Sums  [4]string
	Sizes [4]int64
	Rows  map[string][4]rowSpan // by rowsKey
}

// setRows keeps this build's rows index, saved with the cache, and how
// many articles' rows were copied from the last build.
func (c *buildCache) setRows(idx *rowsIndex, copied int) {
	c.mu.Lock()
	c.newRows = idx
	c.rowsCopied = copied
	c.mu.Unlock()
}

// rowSpan is a byte range of one download file.
type rowSpan struct{ Off, Len int64 }

// writeAtomic writes dir/name through a temporary file, so a reader sees
// the old file or the new one, never half of one.
func writeAtomic(dir, name string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// analysisKey names the inputs of analyseOne.
func (c *buildCache) analysisKey(doc *content.Article) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%v\x00%d\x00", c.salt, doc.Path, doc.Format, doc.Date.UnixNano())
	h.Write([]byte(doc.Body))
	return fmt.Sprintf("%x", h.Sum(nil)[:20])
}

// analysis returns the cached analysis of doc, or nil.
func (c *buildCache) analysis(g *geo.Gazetteer, doc *content.Article, key string) *Article {
	entry, ok := c.pack.get(key)
	if !ok {
		return nil
	}
	ca, err := decodeAnalysis(entry)
	var a *Article
	if err == nil {
		// Intact, yet it may not fit the text its key names.
		a, err = ca.article(g, doc)
	}
	if err != nil {
		if !errors.Is(err, errOtherFormat) {
			c.pack.drop(key)
			c.mu.Lock()
			c.damaged++
			c.mu.Unlock()
		}
		return nil
	}
	c.mu.Lock()
	c.used[key] = true
	c.analysisHits++
	c.mu.Unlock()
	return a
}

// putAnalysis stores a's analysis; a failure only means no cache entry.
func (c *buildCache) putAnalysis(key string, a *Article) {
	if err := c.pack.put(key, encodeAnalysis(newCachedAnalysis(a))); err == nil {
		c.mu.Lock()
		c.used[key] = true
		c.mu.Unlock()
	}
}

// identify sets a.identity, which names what any page may show of an
// article: its analysis (a.key) and its metadata.
func identify(a *Article) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%q\x00%q\x00%q\x00%q\x00%q\x00", a.key, a.Slug, a.Title, a.Source, a.Tags, a.Date.Format(time.RFC3339Nano))
	a.identity = fmt.Sprintf("%x", h.Sum(nil)[:20])
}

// pageKey names the inputs of an article's page besides the site-wide
// ones in the salt: the article and its neighbours.
func (c *buildCache) pageKey(a *Article, prev, next *Article) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00article\x00%s\x00", c.salt, a.identity)
	for _, n := range []*Article{prev, next} {
		if n != nil {
			fmt.Fprintf(h, "%q\x00%q\x00", n.Slug, n.Title)
		} else {
			h.Write([]byte("-\x00"))
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:20])
}

// placeKey names the inputs of a place's page: the place, how often it
// is named, and the mentions and events the page lists. "" when one of
// their articles has no cache key.
func (c *buildCache) placeKey(id string, mentions, evs int, listed []ListedMention, listedEvents []PlaceEvent) string {
	// Appended by hand, not with Fprintf: a rebuild keys every place page.
	b := make([]byte, 0, 64+len(listed)*64+len(listedEvents)*48)
	b = fmt.Appendf(b, "%s\x00place\x00%s\x00%d\x00%d\x00", c.salt, id, mentions, evs)
	for _, m := range listed {
		ident := m.Article.identity
		if ident == "" {
			return ""
		}
		b = append(append(append(b, "m\x00"...), ident...), 0)
		b = append(strconv.AppendInt(b, int64(m.N), 10), 0)
		b = append(strconv.AppendQuote(b, m.Surface), 0)
	}
	for _, e := range listedEvents {
		ident := e.Article.identity
		if ident == "" {
			return ""
		}
		b = append(append(append(b, "e\x00"...), ident...), 0)
		b = append(strconv.AppendInt(b, int64(e.N), 10), 0)
	}
	return keyOf(b)
}

// governorateKey names the inputs of a governorate's page: its counts,
// charts and places, and every briefing that names it (not only those
// listed: a site's own template may list them all). "" when one of those
// briefings has no cache key.
func (c *buildCache) governorateKey(g *GovernorateSummary) string {
	b := make([]byte, 0, 256+len(g.Articles)*48)
	b = fmt.Appendf(b, "%s\x00governorate\x00%s\x00%d\x00%d\x00%d\x00", c.salt, g.Place.ID, g.Mentions, g.Events, g.Undated)
	for _, t := range g.ByType {
		b = fmt.Appendf(b, "t\x00%s\x00%d\x00%d\x00", t.Type, t.Count, t.Width)
	}
	for _, m := range g.ByMonth {
		b = fmt.Appendf(b, "m\x00%s\x00%d\x00%d\x00", m.Month, m.Count, m.Height)
	}
	for _, p := range g.Places {
		b = fmt.Appendf(b, "p\x00%s\x00%d\x00", p.Place.ID, p.Count)
	}
	for _, a := range g.Articles {
		if a.identity == "" {
			return ""
		}
		b = append(append(append(b, "a\x00"...), a.identity...), 0)
	}
	return keyOf(b)
}

// keyOf names the inputs b: 20 bytes of their SHA-256, in hex.
func keyOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:20])
}

// page returns the previous build's file at rel if it was made from key.
func (c *buildCache) page(rel, key string) (cachedPage, bool) {
	p, ok := c.oldPages[rel]
	return p, ok && p.Key == key
}

func (c *buildCache) putPage(rel string, p cachedPage, hit bool) {
	c.mu.Lock()
	c.pages[rel] = p
	if hit {
		c.pageHits++
	}
	c.mu.Unlock()
}

var errStaleCache = errors.New("cache names a place the gazetteer lacks")

func newCachedAnalysis(a *Article) *cachedAnalysis {
	text := a.offsets
	if text.Len() == 0 && a.Article.Body != "" {
		text = extract.NewOffsets(a.Article.Body)
	}
	ca := &cachedAnalysis{Unresolved: a.Unresolved, Spans: make([][6]int, len(a.spans))}
	ca.Mentions = cacheMentions(text, a.Mentions)
	for i, s := range a.spans {
		clipped := 0
		if s.clipped {
			clipped = 1
		}
		ca.Spans[i] = [6]int{s.start, s.stop, s.index, s.quote[0], s.quote[1], clipped}
	}
	for _, e := range a.Events {
		ca.Events = append(ca.Events, newCachedEvent(text, e))
	}
	return ca
}

func (ca *cachedAnalysis) article(g *geo.Gazetteer, doc *content.Article) (*Article, error) {
	text := ca.cutter(doc.Body)
	ms, err := restoreMentions(g, text, ca.Mentions)
	if err != nil {
		return nil, err
	}
	a := &Article{Article: doc, Mentions: ms, Unresolved: ca.Unresolved}
	if len(ca.Spans) > 0 {
		a.spans = make([]span, len(ca.Spans))
		for i, s := range ca.Spans {
			if s[3] < 0 || s[3] > s[4] || s[4] > len(doc.Body) {
				return nil, errDamaged
			}
			a.spans[i] = span{start: s[0], stop: s[1], index: s[2], quote: [2]int{s[3], s[4]}, clipped: s[5] == 1}
		}
	}
	for i := range ca.Events {
		e, err := ca.Events[i].event(g, text)
		if err != nil {
			return nil, err
		}
		a.Events = append(a.Events, e)
	}
	return a, nil
}

func newCachedEvent(text extract.Offsets, e events.Event) cachedEvent {
	ce := cachedEvent{Event: e, place: placeID(e.Place), bStart: -1, bEnd: -1}
	ce.Place = nil
	words := text.Slice(e.Start, e.End) == e.Evidence && e.Evidence != ""
	if words {
		ce.bStart, ce.bEnd = text.Byte(e.Start), text.Byte(e.End)
	}
	for _, f := range events.Fields() {
		switch {
		case f.Set == nil:
		case f.Kind == extract.Mentions:
			ce.mentions = append(ce.mentions, cacheMentions(text, f.Get(&e).Mentions))
			f.Set(&ce.Event, extract.Value{})
		case f.Kind == extract.Words && words:
			f.Set(&ce.Event, extract.Value{})
		}
	}
	return ce
}

// event is the record restored: its places looked up, its evidence cut
// from the text.
func (ce *cachedEvent) event(g *geo.Gazetteer, text *textCutter) (events.Event, error) {
	e := ce.Event
	pl, err := lookupPlace(g, ce.place)
	if err != nil {
		return e, err
	}
	e.Place = pl
	n := 0
	for _, f := range events.Fields() {
		switch {
		case f.Set == nil:
		case f.Kind == extract.Mentions:
			if n >= len(ce.mentions) {
				return e, errDamaged
			}
			ms, err := restoreMentions(g, text, ce.mentions[n])
			if err != nil {
				return e, err
			}
			n++
			if err := f.Set(&e, extract.Value{Mentions: ms}); err != nil {
				return e, err
			}
		case f.Kind == extract.Words && ce.bStart >= 0:
			words, err := text.bytes(ce.bStart, ce.bEnd)
			if err != nil {
				return e, err
			}
			if err := f.Set(&e, extract.Value{Text: words}); err != nil {
				return e, err
			}
		}
	}
	return e, nil
}

// textCutter cuts a restored analysis's surfaces and evidence out of the
// text by the byte offsets the cache kept (each mention's span, each
// event's evidence), so that a rebuild need not count the code points of
// ten thousand texts again.
type textCutter struct {
	body  string
	ca    *cachedAnalysis
	index *extract.Offsets // made only if a mention is not where its span says
}

func (ca *cachedAnalysis) cutter(body string) *textCutter {
	return &textCutter{body: body, ca: ca}
}

// bytes is body[start:end], checked: a damaged entry is a cache miss.
func (t *textCutter) bytes(start, end int) (string, error) {
	if start < 0 || start > end || end > len(t.body) {
		return "", errDamaged
	}
	return t.body[start:end], nil
}

// mention is the text of the mention from code point start to end.
func (t *textCutter) mention(start, end int) string {
	ms, spans := t.ca.Mentions, t.ca.Spans
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= start })
	for ; i < len(ms) && ms[i].Start == start; i++ {
		if ms[i].End == end && i < len(spans) && spans[i][2] == i {
			if s, err := t.bytes(spans[i][0], spans[i][1]); err == nil {
				return s
			}
		}
	}
	if t.index == nil {
		x := extract.NewOffsets(t.body)
		t.index = &x
	}
	return t.index.Slice(start, end)
}

// cacheMentions is ms as the cache keeps them: what text and the gazetteer
// give again is left out.
func cacheMentions(text extract.Offsets, ms []extract.Mention) []cachedMention {
	if ms == nil {
		return nil
	}
	out := make([]cachedMention, len(ms))
	for i, m := range ms {
		cm := cachedMention{Start: m.Start, End: m.End, Surface: m.Surface, Name: m.Name, Kind: m.Kind,
			Place: placeID(m.Place), Confidence: m.Confidence, GeoPrecision: m.GeoPrecision, Use: m.Use}
		if m.Surface != "" && text.Slice(m.Start, m.End) == m.Surface {
			cm.Derived |= surfaceFromText
			cm.Surface = ""
		}
		if m.Place != nil && m.Name == m.Place.NameAr {
			cm.Derived |= nameFromPlace
			cm.Name = ""
		}
		if m.Place != nil && m.Kind == m.Place.Kind {
			cm.Derived |= kindFromPlace
			cm.Kind = ""
		}
		out[i] = cm
	}
	return out
}

// restoreMentions undoes cacheMentions.
func restoreMentions(g *geo.Gazetteer, text *textCutter, cms []cachedMention) ([]extract.Mention, error) {
	if cms == nil {
		return nil, nil
	}
	out := make([]extract.Mention, len(cms))
	for i, cm := range cms {
		pl, err := lookupPlace(g, cm.Place)
		if err != nil {
			return nil, err
		}
		m := extract.Mention{Start: cm.Start, End: cm.End, Surface: cm.Surface, Name: cm.Name, Kind: cm.Kind,
			Place: pl, Confidence: cm.Confidence, GeoPrecision: cm.GeoPrecision, Use: cm.Use}
		if cm.Derived&(nameFromPlace|kindFromPlace) != 0 && pl == nil {
			return nil, errStaleCache
		}
		if cm.Derived&surfaceFromText != 0 {
			m.Surface = text.mention(cm.Start, cm.End)
		}
		if cm.Derived&nameFromPlace != 0 {
			m.Name = pl.NameAr
		}
		if cm.Derived&kindFromPlace != 0 {
			m.Kind = pl.Kind
		}
		out[i] = m
	}
	return out, nil
}

func placeID(p *geo.Place) string {
	if p == nil {
		return ""
	}
	return p.ID
}

func lookupPlace(g *geo.Gazetteer, id string) (*geo.Place, error) {
	if id == "" {
		return nil, nil
	}
	if p := g.Place(id); p != nil {
		return p, nil
	}
	return nil, errStaleCache
}

// templatesVersion fingerprints a template folder, which a site may
// override, for the cache salt.
func templatesVersion(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
		h.Write(data)
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil)[:12]), err
}
