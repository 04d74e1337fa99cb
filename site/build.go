// Package site turns briefings into the static atlas: it reads content,
// asks extract for place mentions, and renders pages, map data and
// downloads with page-relative links, so the output works from a web
// server, under a sub-path, and from file:// alike.
package site

import (
	"context"
	"errors"
	"fmt"
	"github.com/briefing-atlas/atlas/site/publish"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
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

	// textBudget replaces keptText when not 0 (tests: -1 reads every
	// briefing twice).
	textBudget int64
	// publishStep is called at each step of publishing (tests).
	publishStep func(what string)
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
	// offsets index the body's code points from its analysis until the
	// cache has stored it (counting them again cost a twentieth of a
	// build); empty otherwise.
	offsets extract.Offsets
}

// Build reads opt.Content and writes the atlas into opt.Out.
//
// It reads every briefing's metadata first, which fixes the site's order
// and each page's neighbours. Then, on every core, it analyses each
// briefing (or takes its analysis from the cache), reading it again unless
// its text was kept (see keptText), writes its page and hands its
// downloads, search entry and what the site-wide pages need to one
// goroutine that takes them in the site's order. So a briefing's text and
// analysis are dropped once its page is written, and memory grows with the
// places and counts of an archive, not its text.
func Build(ctx context.Context, opt Options) (rep *Report, err error) {
	// Work on one briefing recovers its own panics and names the file;
	// this catches the rest, so no panic reaches the user.
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("internal error while building the site (%v); please report it", r)
		}
	}()
	if opt.Gazetteer == nil || opt.Extractor == nil || opt.Events == nil || opt.Templates == nil || opt.Assets == nil {
		return nil, errors.New("site: Build needs a gazetteer, an extractor, an event detector, templates and assets")
	}
	t0 := time.Now()
	skip := map[string]error{}
	// A briefing that fails only once its neighbours' pages are written
	// (with --keep-going) changes their links: build again without it.
	// Each try skips at least one more briefing; a few are plenty.
	for try := 0; ; try++ {
		var failed map[string]error
		rep, failed, err = build(ctx, opt, skip)
		if err != nil || len(failed) == 0 {
			break
		}
		if try == 2 {
			return nil, Problems(errorList(failed))
		}
		for p, e := range failed {
			skip[p] = e
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "building again without %d briefings that failed\n", len(failed))
		}
	}
	if rep != nil {
		rep.Elapsed = time.Since(t0)
	}
	return rep, err
}

// errorList is errs in path order.
func errorList(errs map[string]error) []error {
	paths := make([]string, 0, len(errs))
	for p := range errs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := make([]error, len(paths))
	for i, p := range paths {
		out[i] = errs[p]
	}
	return out
}

// build is one try of Build, skipping the briefings in skip. With
// KeepGoing, briefings that failed after the site's order was fixed are
// returned in failed, and the build must be made again without them.
func build(ctx context.Context, opt Options, skip map[string]error) (rep *Report, failed map[string]error, err error) {
	t0 := time.Now()
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	copts := content.Options{MaxFileSize: opt.MaxFileSize}
	copts.TextBudget = keptText
	if opt.textBudget != 0 {
		copts.TextBudget = opt.textBudget
	}
	docs, readErr := content.ReadAll(opt.Content, copts)
	copts.TextBudget = 0
	rep = &Report{}
	errs := flatten(readErr)
	arts := make([]*Article, 0, len(docs))
	for _, d := range docs {
		if e, ok := skip[d.Path]; ok {
			errs = append(errs, e)
			continue
		}
		arts = append(arts, &Article{Article: d})
	}
	if err := rep.triage(opt, errs); err != nil {
		return nil, nil, err
	}
	for _, a := range arts {
		for _, msg := range a.Warnings {
			rep.Warnings = append(rep.Warnings, msg)
			logf("warning: %s", msg)
		}
	}
	sort.SliceStable(arts, func(i, j int) bool {
		if !arts[i].Date.Equal(arts[j].Date) {
			return arts[i].Date.Before(arts[j].Date)
		}
		return arts[i].Path < arts[j].Path
	})
	logf("read      %d briefings in %s", len(arts), time.Since(t0).Round(time.Millisecond))
	cache, err := newBuildCache(opt)
	if err != nil {
		return nil, nil, err
	}
	defer cache.close()
	popt := publish.Options{Force: opt.Force, Step: opt.publishStep}
	if cache != nil {
		popt.OldTimes = cache.oldTimes
	}
	w, err := publish.Open(opt.Out, popt)
	if err != nil {
		return nil, nil, err
	}
	// A failed build leaves no stage behind, and lets go of --out.
	defer w.Close()
	r, err := newRenderer(ctx, opt, cache)
	if err != nil {
		return nil, nil, err
	}
	dl, err := openDownloads(w, cache)
	if err != nil {
		return nil, nil, err
	}
	defer dl.abort()

	t1 := time.Now()
	b := &briefings{opt: opt, copts: copts, cache: cache, w: w, r: r, dl: dl, arts: arts}
	x := newSiteIndex(opt.Gazetteer)
	failed = map[string]error{}
	m := startMeter(opt.Live, "analysing", len(arts), func() int { return int(b.done.Load()) })
	// Results wait at most this many briefings for a slow one: bounded
	// memory, and enough slack that the cores rarely wait.
	const window = 256
	err = inOrder(ctx, len(arts), window, b.work, func(i int, out briefingWork) error {
		if out.err != nil {
			failed[out.path] = out.err
			return nil
		}
		return safely(out.path, func() error {
			if err := dl.add(out.rows); err != nil {
				return err
			}
			x.add(arts[i], out.a, out.sentences)
			return nil
		})
	})
	m.end()
	if err := ctx.Err(); err != nil {
		return nil, nil, interrupted(opt.Out, err)
	}
	if err := w.Err(); err != nil {
		return nil, nil, err // the disk, not the briefings that met it
	}
	if err != nil {
		return nil, nil, err
	}
	if len(failed) > 0 {
		if !opt.KeepGoing {
			return nil, nil, Problems(errorList(failed))
		}
		return nil, failed, nil
	}
	logf("analysed  %d briefings in %s (%s)%s", len(arts), time.Since(t1).Round(time.Millisecond),
		rate(len(arts), time.Since(t1)), cache.analysisNote())
	if msg := cache.damageWarning(); msg != "" {
		rep.Warnings = append(rep.Warnings, msg)
		logf("warning: %s", msg)
	}
	for _, s := range rep.Skipped {
		logf("skipped   %s", s)
	}
	rep.Articles = len(arts)
	rep.Mentions, rep.Located, rep.Events = x.mentions, x.located, x.count
	rep.Unplaced = x.unplaced
	sort.Strings(rep.Unplaced)
	logf("extracted %d place mentions, %d located, %d events", rep.Mentions, rep.Located, rep.Events)

	r.summarize(x, arts)
	if rep.Unresolved, err = writeUnresolved(w, x.unresolvedNames()); err != nil {
		return nil, nil, err
	}
	m = startMeter(opt.Live, "rendering: files", 0, w.Written)
	err = r.render(w)
	m.end()
	if err := ctx.Err(); err != nil {
		return nil, nil, interrupted(opt.Out, err)
	}
	if werr := w.Err(); werr != nil {
		return nil, nil, werr
	}
	if err != nil {
		return nil, nil, err
	}
	if err := dl.close(r.places); err != nil {
		return nil, nil, err
	}
	logf("rendered  %d pages and downloads in %s (%s)%s", w.Written(), time.Since(t1).Round(time.Millisecond),
		rate(w.Written(), time.Since(t1)), cache.pageNote())
	if err := copyAssets(w, opt.Assets); err != nil {
		return nil, nil, err
	}
	if err := writeServiceWorker(w); err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, interrupted(opt.Out, err)
	}
	// From here on the site is moved into place; an interrupt now
	// would leave it half old, half new, so finish does not look at ctx.
	t3 := time.Now()
	if err := w.Finish(); err != nil {
		return nil, nil, err
	}
	logf("published %d new or changed files in %s", w.Staged(), time.Since(t3).Round(time.Millisecond))
	rep.Files = w.Written()
	if cache != nil {
		cache.times = w.Times()
		// The site is in place; a cache that cannot be saved costs
		// only time next build.
		if err := cache.save(); err != nil {
			logf("warning: %v", err)
		}
	}
	logf("wrote     %d files to %s in %s", rep.Files, opt.Out, time.Since(t0).Round(time.Millisecond))
	if rep.Unresolved > 0 {
		logf("unresolved %d place names the gazetteer lacks: see %s", rep.Unresolved, filepath.Join(opt.Out, "unresolved.csv"))
	}
	return rep, nil, nil
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

// keptText is how much text a build keeps from its first read of the
// briefings to its second: an archive whose texts total more is read
// twice, so that its texts are never all in memory at once; a smaller one
// (about 13,000 briefings of 700 words) is read once.
const keptText = 128 << 20

// briefings is the work on each briefing of a build, done on every core.
type briefings struct {
	opt   Options
	copts content.Options
	cache *buildCache
	w     *publish.Stage
	r     *pageRenderer
	dl    *downloads
	arts  []*Article // every briefing's metadata, in the site's order
	done  atomic.Int64
}

// briefingWork is what the work on one briefing hands on.
type briefingWork struct {
	path      string
	err       error
	a         *Article         // analysed, with its text
	rows      articleDownloads // its rows and search entry
	sentences []string         // the sentence of each mention that a place page may list
}

// work reads briefing i again, analyses it and writes its page.
func (b *briefings) work(i int) (out briefingWork) {
	light := b.arts[i]
	out.path = light.Path
	out.err = safely(light.Path, func() error {
		doc := light.Article
		if doc.Raw == "" && doc.Body == "" {
			// Its text was not kept: read it again.
			var err error
			if doc, err = content.Reread(b.opt.Content, light.Path, b.copts, light.Article); err != nil {
				return err
			}
			if !sameMetadata(doc, light.Article) {
				return &content.Error{Path: light.Path, Err: errors.New("changed while atlas was building; build again")}
			}
		}
		// The page is written and the rest is compact: the text can go.
		defer func() { light.Raw, light.Body = "", "" }()
		a, err := analyseCached(b.opt, b.cache, doc)
		if err != nil {
			return err
		}
		light.key, light.identity = a.key, a.identity
		var prev, next *Article
		if i > 0 {
			prev = b.arts[i-1]
		}
		if i+1 < len(b.arts) {
			next = b.arts[i+1]
		}
		if err := b.r.renderArticle(b.w, a, prev, next); err != nil {
			return err
		}
		if out.rows, err = b.dl.rowsOf(a); err != nil {
			return fmt.Errorf("%s: %w", a.Path, err)
		}
		out.sentences = a.quotes()
		out.a = a
		return nil
	})
	b.done.Add(1)
	return out
}

// sameMetadata says whether a briefing read again is the one read first.
func sameMetadata(a, b *content.Article) bool {
	return a.Slug == b.Slug && a.Title == b.Title && a.Date.Equal(b.Date) && a.Source == b.Source &&
		a.Format == b.Format && a.BodyOffset == b.BodyOffset && slices.Equal(a.Tags, b.Tags)
}

// analyseCached is analyseOne through the cache, when there is one.
func analyseCached(opt Options, cache *buildCache, doc *content.Article) (*Article, error) {
	if cache == nil {
		a, err := analyseOne(opt.Extractor, opt.Events, doc)
		if a != nil {
			a.offsets = extract.Offsets{}
		}
		return a, err
	}
	key := cache.analysisKey(doc)
	a := cache.analysis(opt.Gazetteer, doc, key)
	if a == nil {
		var err error
		if a, err = analyseOne(opt.Extractor, opt.Events, doc); err != nil {
			return nil, err
		}
		cache.putAnalysis(key, a)
		a.offsets = extract.Offsets{}
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
	evs := det.Detect(doc.Path, doc.Body, ms, doc.Date)
	// No page or download shows the other places a name could mean:
	// neither keep nor cache them.
	for i := range ms {
		ms[i].Candidates = nil
	}
	for i := range evs {
		for j := range evs[i].Places {
			evs[i].Places[j].Candidates = nil
		}
	}
	a := &Article{Article: doc, Mentions: ms, Unresolved: res.Unresolved, spans: spans, Events: evs, offsets: x}
	a.setQuotes()
	return a, nil
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
	// The title line is the heading when it is the whole title; a long
	// one is clipped to make the title, which is then shown plain, and
	// the whole line stays in the body with its mentions.
	titled := strings.TrimSpace(doc.Body[:strings.IndexByte(doc.Body+"\n", '\n')]) == doc.Title
	heading, body = renderText(doc.Body, a.spans, titled)
	return heading, body, nil
}

// rate is n items over d, per second.
func rate(n int, d time.Duration) string {
	if d <= 0 {
		return fmt.Sprintf("%d/s", n)
	}
	return fmt.Sprintf("%.0f/s", float64(n)/d.Seconds())
}
