// Package site turns briefings into the static atlas: it reads content,
// asks extract for place mentions, and renders pages, map data and
// downloads with page-relative links, so the output works from a web
// server, under a sub-path, and from file:// alike.
package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/site/content"
	"github.com/yuin/goldmark"
)

// Options configure a build.
type Options struct {
	Content   fs.FS // the briefings
	Out       string
	Gazetteer *geo.Gazetteer
	Extractor *extract.Extractor
	Events    *events.Detector
	Templates fs.FS // page templates (templates/)
	Assets    fs.FS // static files copied to assets/
	Title     string
	// Language is the interface's language: Arabic (the default) or
	// English. Briefings are shown as written.
	Language Language
	// Tiles names an online tile layer drawn under the outlines when the
	// site is served over http(s): "" (none) or "osm". The site never
	// depends on it; from file:// it is never requested.
	Tiles string
	// BaseURL is the site's address when hosted (https://org.github.io/repo/);
	// with it atlas writes sitemap.xml and feed.xml. Pages never use it.
	BaseURL string
	// UnsafeHTML lets raw HTML in Markdown through; off by default.
	UnsafeHTML bool
	// Colors are the site's own colours of event types (battles,
	// explosions, civilians, strategic, political, protests): hex or CSS
	// colour names.
	Colors map[string]string
	// Log receives one progress line per stage; nil for none.
	Log io.Writer
	// Live is a terminal to redraw running counts on during long stages;
	// nil for none.
	Live io.Writer
	// CacheDir keeps what a build analysed and rendered so the next build
	// of the same output redoes only what changed; "" for no cache.
	CacheDir string
	// Version fingerprints the tool itself (its code and bundled lists):
	// a cache made by another version is not used. The cache is off
	// without it.
	Version string
	// Clean builds everything afresh, ignoring (and then replacing) the
	// cache.
	Clean bool
	// MaxFileSize is the largest briefing read, in bytes; 0 for
	// content.DefaultMaxFileSize.
	MaxFileSize int64
	// KeepGoing builds every valid briefing and lists the others as
	// skipped; without it any problem stops the build before --out is
	// touched.
	KeepGoing bool
	// Force writes into a non-empty folder that atlas did not create.
	// atlas still removes only files it wrote itself.
	Force bool
}

// Report says what a build did.
type Report struct {
	Articles, Mentions, Located, Events, Files int
	// Unresolved counts the distinct trigger-led names the gazetteer
	// lacks (listed in unresolved.csv).
	Unresolved int
	Elapsed    time.Duration
	// Skipped lists, with --keep-going, what was not built and why.
	Skipped []string
	// Warnings lists problems that did not stop anything.
	Warnings []string
	// Unplaced lists the briefings with no located place mention: they
	// are on no map.
	Unplaced []string
}

// Article is an article with its mentions, ready to render.
type Article struct {
	*content.Article
	Mentions   []extract.Mention
	Unresolved []extract.Unresolved
	Events     []events.Event
	spans      []span // byte offsets of the mentions in the body
	key        string // the cache's analysisKey, when caching
	identity   string // names the key and the metadata, when caching
}

// Build reads opt.Content and writes the atlas into opt.Out.
func Build(ctx context.Context, opt Options) (rep *Report, err error) {
	// Work on one briefing recovers its own panics and names the file;
	// this catches the rest, so no panic reaches the user.
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("internal error while building the site (%v); please report it", r)
		}
	}()
	t0 := time.Now()
	if opt.Gazetteer == nil || opt.Extractor == nil || opt.Events == nil || opt.Templates == nil || opt.Assets == nil {
		return nil, errors.New("site: Build needs a gazetteer, an extractor, an event detector, templates and assets")
	}
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	docs, readErr := content.ReadAll(opt.Content, content.Options{MaxFileSize: opt.MaxFileSize})
	rep = &Report{}
	if err := rep.triage(opt, flatten(readErr)); err != nil {
		return nil, err
	}
	for _, d := range docs {
		for _, msg := range d.Warnings {
			rep.Warnings = append(rep.Warnings, msg)
			logf("warning: %s", msg)
		}
	}
	logf("read      %d briefings in %s", len(docs), time.Since(t0).Round(time.Millisecond))
	cache, err := newBuildCache(opt)
	if err != nil {
		return nil, err
	}
	t1 := time.Now()
	var analysed atomic.Int64
	m := startMeter(opt.Live, "analysing", len(docs), func() int { return int(analysed.Load()) })
	articles, errs := analyse(ctx, opt, cache, docs, &analysed)
	m.end()
	if err := ctx.Err(); err != nil {
		return nil, interrupted(opt.Out, err)
	}
	if err := rep.triage(opt, errs); err != nil {
		return nil, err
	}
	logf("analysed  %d briefings in %s (%s)%s", len(docs), time.Since(t1).Round(time.Millisecond),
		rate(len(docs), time.Since(t1)), cache.analysisNote())
	for _, s := range rep.Skipped {
		logf("skipped   %s", s)
	}
	rep.Articles = len(articles)
	for _, a := range articles {
		rep.Mentions += len(a.Mentions)
		rep.Events += len(a.Events)
		located := 0
		for _, m := range a.Mentions {
			if m.Place != nil {
				located++
			}
		}
		rep.Located += located
		if located == 0 {
			rep.Unplaced = append(rep.Unplaced, a.Path)
		}
	}
	sort.Strings(rep.Unplaced)
	logf("extracted %d place mentions, %d located, %d events", rep.Mentions, rep.Located, rep.Events)
	w, err := newWriter(opt.Out, opt.Force)
	if err != nil {
		return nil, err
	}
	if cache != nil && cache.oldTimes != nil {
		w.oldTimes = cache.oldTimes
	}
	// A failed build leaves no staging folder behind.
	defer os.RemoveAll(w.stage)
	t2 := time.Now()
	rep.Unresolved, err = writePages(ctx, opt, cache, w, articles)
	if err := ctx.Err(); err != nil {
		return nil, interrupted(opt.Out, err)
	}
	if err != nil {
		return nil, err
	}
	logf("rendered  %d pages and downloads in %s (%s)%s", w.count, time.Since(t2).Round(time.Millisecond),
		rate(w.count, time.Since(t2)), cache.pageNote())
	if err := copyAssets(w, opt.Assets); err != nil {
		return nil, err
	}
	if err := writeServiceWorker(w); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, interrupted(opt.Out, err)
	}
	// From here on the site is moved into place; an interrupt now
	// would leave it half old, half new, so finish does not look at ctx.
	t3 := time.Now()
	if err := w.finish(); err != nil {
		return nil, err
	}
	logf("moved     %d new or changed files into place in %s", w.staged, time.Since(t3).Round(time.Millisecond))
	rep.Files = w.count
	if cache != nil {
		cache.times = w.times
		// The site is in place; a cache that cannot be saved costs
		// only time next build.
		if err := cache.save(); err != nil {
			logf("warning: %v", err)
		}
	}
	rep.Elapsed = time.Since(t0)
	logf("wrote     %d files to %s in %s", rep.Files, opt.Out, rep.Elapsed.Round(time.Millisecond))
	if rep.Unresolved > 0 {
		logf("unresolved %d place names the gazetteer lacks: see %s", rep.Unresolved, filepath.Join(opt.Out, "unresolved.csv"))
	}
	return rep, nil
}

// triage deals with the problems of one stage: an error listing them
// all, or with KeepGoing, notes of what is skipped.
func (rep *Report) triage(opt Options, errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	if !opt.KeepGoing {
		return Problems(errs)
	}
	for _, err := range errs {
		rep.Skipped = append(rep.Skipped, err.Error())
	}
	return nil
}

// interrupted says that a build stopped before touching out.
func interrupted(out string, err error) error {
	return fmt.Errorf("build interrupted (%w); %s was not changed", err, out)
}

// writePages renders every page into w and, meanwhile, the downloads,
// which need only the articles: much of rendering runs on one core. It
// returns how many unresolved names it listed.
func writePages(ctx context.Context, opt Options, cache *buildCache, w *writer, articles []*Article) (int, error) {
	type downloads struct {
		unresolved int
		err        error
	}
	done := make(chan downloads, 1)
	go func() {
		var n int
		err := safely("the downloads", func() (err error) {
			if n, err = writeUnresolved(w, articles); err == nil {
				err = writeDownloads(w, cache, articles)
			}
			return err
		})
		done <- downloads{n, err}
	}()
	m := startMeter(opt.Live, "rendering: files", 0, w.written)
	err := func() error {
		r, err := newRenderer(opt, articles)
		if err != nil {
			return err
		}
		r.cache = cache
		r.ctx = ctx
		return r.render(w)
	}()
	d := <-done
	m.end()
	return d.unresolved, errors.Join(err, d.err)
}

// analyse extracts mentions and events on every core; the result
// is in (date, path) order whatever the scheduling. It returns the
// articles it could analyse and an error for each it could not.
func analyse(ctx context.Context, opt Options, cache *buildCache, docs []*content.Article, done *atomic.Int64) ([]*Article, []error) {
	out := make([]*Article, len(docs))
	errs := make([]error, len(docs))
	// Each briefing keeps its own error: all are reported.
	parallel(ctx, len(docs), func(i int) error {
		errs[i] = safely(docs[i].Path, func() (err error) {
			out[i], err = analyseCached(opt, cache, docs[i])
			return err
		})
		done.Add(1)
		return nil
	})
	var failed []error
	kept := out[:0]
	for i, a := range out {
		if errs[i] != nil {
			failed = append(failed, errs[i])
		} else if a != nil {
			kept = append(kept, a)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if !kept[i].Date.Equal(kept[j].Date) {
			return kept[i].Date.Before(kept[j].Date)
		}
		return kept[i].Path < kept[j].Path
	})
	return kept, failed
}

// analyseCached is analyseOne through the cache, when there is one.
func analyseCached(opt Options, cache *buildCache, doc *content.Article) (*Article, error) {
	if cache == nil {
		return analyseOne(opt.Extractor, opt.Events, doc)
	}
	key := cache.analysisKey(doc)
	a := cache.analysis(opt.Gazetteer, doc, key)
	if a == nil {
		var err error
		if a, err = analyseOne(opt.Extractor, opt.Events, doc); err != nil {
			return nil, err
		}
		cache.putAnalysis(key, a)
	}
	a.key = key
	identify(a)
	return a, nil
}

func analyseOne(ex *extract.Extractor, det *events.Detector, doc *content.Article) (*Article, error) {
	res := ex.Analyze(doc.Body)
	ms := res.Mentions
	x := extract.NewOffsets(doc.Body)
	spans := make([]span, len(ms))
	for i, m := range ms {
		spans[i] = span{start: x.Byte(m.Start), stop: x.Byte(m.End), index: i}
	}
	return &Article{Article: doc, Mentions: ms, Unresolved: res.Unresolved, spans: spans,
		Events: det.Detect(doc.Path, doc.Body, ms, doc.Date)}, nil
}

// renderBody renders an article's body as HTML with its mentions linked,
// and for a text briefing its title line (the heading) too. It runs when
// the article's page is written, so an archive's bodies are never all in
// memory at once.
func renderBody(md goldmark.Markdown, a *Article) (heading, body string, err error) {
	doc := a.Article
	if doc.Format == content.Markdown {
		body, err := renderMarkdown(md, doc.Body, a.spans)
		if err != nil {
			return "", "", fmt.Errorf("%s: %w", doc.Path, err)
		}
		return "", body, nil
	}
	heading, body = renderText(doc.Body, a.spans)
	// The title line is the heading when it is the whole title (a long
	// one is clipped, and then shown plain).
	if strings.TrimSpace(doc.Body[:strings.IndexByte(doc.Body+"\n", '\n')]) != doc.Title {
		heading = ""
	}
	return heading, body, nil
}

// rate is n items over d, per second.
func rate(n int, d time.Duration) string {
	if d <= 0 {
		return fmt.Sprintf("%d/s", n)
	}
	return fmt.Sprintf("%.0f/s", float64(n)/d.Seconds())
}
