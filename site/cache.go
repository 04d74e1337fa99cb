package site

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/site/content"
)

// cacheFormat changes whenever the cache file's layout does.
const cacheFormat = "atlas-cache-1"

// cacheFile is the cache's name inside Options.CacheDir.
const cacheFile = "build.gob"

// buildCache remembers between builds what analysing each briefing gave
// and which article pages are current, so a rebuild re-analyses and
// re-renders only what changed. Entries are keyed by content hashes
// salted with the tool's version, the gazetteer's, the templates and the
// options: a key that matches means the work would give the same bytes.
// Only the entries this build used are saved, so the cache does not grow
// with deleted briefings.
type buildCache struct {
	dir  string
	salt string // what every key depends on besides the article

	old cacheData // read at start; read-only during the build

	mu  sync.Mutex
	new cacheData // what this build used or made
	// Hits and Misses count analyses and pages taken from the cache or
	// made afresh, for the progress lines.
	analysisHits, pageHits int
}

type cacheData struct {
	Format, Salt string
	Analyses     map[string]*cachedAnalysis // by analysisKey
	Pages        map[string]cachedPage      // by output path
}

// cachedPage is an output file as the previous build wrote it.
type cachedPage struct {
	Key  string // pageKey of its inputs
	Sum  string // hashOf its bytes, as in the manifest
	Size int64
}

// cachedAnalysis is an Article's analysis with places as gazetteer ids.
type cachedAnalysis struct {
	Mentions   []cachedMention
	Unresolved []extract.Unresolved
	Events     []cachedEvent
	Body       string
	Spans      [][3]int
}

type cachedMention struct {
	Start, End    int
	Surface, Name string
	Kind          geo.Kind
	Place         string
	Candidates    []string
	Confidence    float64
	GeoPrecision  int
	Use           extract.Use
}

type cachedEvent struct {
	ID                  string
	Start, End          int
	Evidence, Type, Sub string
	Places              []cachedMention
	Place               string
	GeoPrecision        int
	Fatalities, Injured *int
	Actors              []string
	HasDate             bool
	Date                time.Time
	Confidence          float64
}

func emptyCacheData(salt string) cacheData {
	return cacheData{Format: cacheFormat, Salt: salt, Analyses: map[string]*cachedAnalysis{}, Pages: map[string]cachedPage{}}
}

// openCache reads the cache in dir. A missing, unreadable or outdated
// cache is an empty one: the cache only ever saves time.
func openCache(dir, salt string) *buildCache {
	c := &buildCache{dir: dir, salt: salt, old: emptyCacheData(salt), new: emptyCacheData(salt)}
	f, err := os.Open(filepath.Join(dir, cacheFile))
	if err != nil {
		return c
	}
	defer f.Close()
	var d cacheData
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&d); err != nil || d.Format != cacheFormat || d.Salt != salt {
		return c
	}
	if d.Analyses == nil {
		d.Analyses = map[string]*cachedAnalysis{}
	}
	if d.Pages == nil {
		d.Pages = map[string]cachedPage{}
	}
	c.old = d
	return c
}

// save writes what this build used, replacing the old cache in one step.
func (c *buildCache) save() error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(c.dir, ".build-*.gob")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	bw := bufio.NewWriter(tmp)
	err = gob.NewEncoder(bw).Encode(&c.new)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(c.dir, cacheFile))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// analysisKey names the inputs of analyseOne.
func (c *buildCache) analysisKey(doc *content.Article) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%v\x00%d\x00", c.salt, doc.Path, doc.Format, doc.Date.UnixNano())
	h.Write([]byte(doc.Body))
	return fmt.Sprintf("%x", h.Sum(nil))
}

// analysis returns the cached analysis of doc, or nil.
func (c *buildCache) analysis(g *geo.Gazetteer, doc *content.Article, key string) *Article {
	ca := c.old.Analyses[key]
	if ca == nil {
		return nil
	}
	a, err := ca.article(g, doc)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	c.new.Analyses[key] = ca
	c.analysisHits++
	c.mu.Unlock()
	return a
}

func (c *buildCache) putAnalysis(key string, a *Article) {
	ca := newCachedAnalysis(a)
	c.mu.Lock()
	c.new.Analyses[key] = ca
	c.mu.Unlock()
}

// pageKey names the inputs of an article's page besides the site-wide
// ones in the salt: the article, its analysis, and its neighbours.
func (c *buildCache) pageKey(a *Article, analysisKey string, prev, next *Article) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%q\x00%q\x00%q\x00%q\x00%q\x00", c.salt, analysisKey, a.Slug, a.Title, a.Source, a.Tags, a.Date.Format(time.RFC3339Nano))
	for _, n := range []*Article{prev, next} {
		if n != nil {
			fmt.Fprintf(h, "%q\x00%q\x00", n.Slug, n.Title)
		} else {
			h.Write([]byte("-\x00"))
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// page returns the previous build's file at rel if it was made from key.
func (c *buildCache) page(rel, key string) (cachedPage, bool) {
	p, ok := c.old.Pages[rel]
	return p, ok && p.Key == key
}

func (c *buildCache) putPage(rel string, p cachedPage, hit bool) {
	c.mu.Lock()
	c.new.Pages[rel] = p
	if hit {
		c.pageHits++
	}
	c.mu.Unlock()
}

var errStaleCache = errors.New("cache names a place the gazetteer lacks")

func newCachedAnalysis(a *Article) *cachedAnalysis {
	ca := &cachedAnalysis{
		Mentions:   cacheMentions(a.Mentions),
		Unresolved: a.Unresolved,
		Body:       a.Body,
		Spans:      make([][3]int, len(a.spans)),
	}
	for i, s := range a.spans {
		ca.Spans[i] = [3]int{s.start, s.stop, s.index}
	}
	for _, e := range a.Events {
		ce := cachedEvent{ID: e.ID, Start: e.Start, End: e.End, Evidence: e.Evidence, Type: e.Type, Sub: e.SubType,
			Places: cacheMentions(e.Places), Place: placeID(e.Place), GeoPrecision: e.GeoPrecision,
			Fatalities: e.Fatalities, Injured: e.Injured, Actors: e.Actors, Confidence: e.Confidence}
		if e.Date != nil {
			ce.HasDate, ce.Date = true, *e.Date
		}
		ca.Events = append(ca.Events, ce)
	}
	return ca
}

func (ca *cachedAnalysis) article(g *geo.Gazetteer, doc *content.Article) (*Article, error) {
	ms, err := uncacheMentions(g, ca.Mentions)
	if err != nil {
		return nil, err
	}
	a := &Article{Article: doc, Mentions: ms, Unresolved: ca.Unresolved, Body: ca.Body}
	if len(ca.Spans) > 0 {
		a.spans = make([]span, len(ca.Spans))
		for i, s := range ca.Spans {
			a.spans[i] = span{start: s[0], stop: s[1], index: s[2]}
		}
	}
	for _, ce := range ca.Events {
		places, err := uncacheMentions(g, ce.Places)
		if err != nil {
			return nil, err
		}
		pl, err := lookupPlace(g, ce.Place)
		if err != nil {
			return nil, err
		}
		e := events.Event{ID: ce.ID, Start: ce.Start, End: ce.End, Evidence: ce.Evidence, Type: ce.Type, SubType: ce.Sub,
			Places: places, Place: pl, GeoPrecision: ce.GeoPrecision, Fatalities: ce.Fatalities, Injured: ce.Injured,
			Actors: ce.Actors, Confidence: ce.Confidence}
		if ce.HasDate {
			d := ce.Date
			e.Date = &d
		}
		a.Events = append(a.Events, e)
	}
	return a, nil
}

func cacheMentions(ms []extract.Mention) []cachedMention {
	if ms == nil {
		return nil
	}
	out := make([]cachedMention, len(ms))
	for i, m := range ms {
		cm := cachedMention{Start: m.Start, End: m.End, Surface: m.Surface, Name: m.Name, Kind: m.Kind,
			Place: placeID(m.Place), Confidence: m.Confidence, GeoPrecision: m.GeoPrecision, Use: m.Use}
		if m.Candidates != nil {
			cm.Candidates = make([]string, len(m.Candidates))
			for k, p := range m.Candidates {
				cm.Candidates[k] = p.ID
			}
		}
		out[i] = cm
	}
	return out
}

func uncacheMentions(g *geo.Gazetteer, cms []cachedMention) ([]extract.Mention, error) {
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
		if cm.Candidates != nil {
			m.Candidates = make([]*geo.Place, len(cm.Candidates))
			for k, id := range cm.Candidates {
				if m.Candidates[k], err = lookupPlace(g, id); err != nil {
					return nil, err
				}
			}
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
