package site

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/briefing-atlas/atlas/site/publish"
	"io"
	"os"
	"sync"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/site/export"
)

// rowFiles are the files a rebuild copies unchanged articles' parts of:
// the downloads and the search index, in the order rowsIndex lists them.
var rowFiles = [4]string{"events.geojson", "events.csv", "mentions.csv", "data/search.js"}

// downloads writes events.geojson, events.csv and mentions.csv: every
// event and every place mention of the atlas, for analysts' tools.
// Offsets in mentions.csv count code points from the start of each
// article's file, front matter included, as `atlas extract` does. It
// writes data/search.js the same way (see searchEntry).
//
// Each file is streamed to the stage, an article's rows at a time, in
// the site's order: an archive's downloads run to hundreds of megabytes.
// Encoding is most of the work and is done by rowsOf, on any core; a
// rebuild changes few articles, and with a cache an unchanged article's
// rows are copied from the downloads the last build wrote, which are
// still in place.
type downloads struct {
	files  [4]*publish.File // rowFiles
	old    *previousDownloads
	runs   [4]rowSpan // bytes of the old files still to copy into each, in one piece
	copy   []byte     // the buffer runs are copied through
	cache  *buildCache
	index  *rowsIndex // where each article's rows went, for the next build
	first  bool       // no feature written yet
	docs   int        // search entries written
	copied int
	pool   sync.Pool // of *rowBuffers
}

// openDownloads stages the four files and writes their headers.
func openDownloads(w *publish.Stage, cache *buildCache) (d *downloads, err error) {
	d = &downloads{cache: cache, first: true}
	d.pool.New = func() any { return newRowBuffers() }
	defer func() {
		if err != nil {
			d.abort()
		}
	}()
	for i, name := range rowFiles {
		if d.files[i], err = w.Create(name); err != nil {
			return nil, err
		}
	}
	io.WriteString(d.files[0], `{"type":"FeatureCollection","features":[`)
	// The bytes of data/search.js are those of json.Marshal of
	// {"docs": […], "places": […]}, assigned to a global.
	io.WriteString(d.files[3], jsPrefix("ATLAS_SEARCH")+`{"docs":`)
	for i, header := range [][]string{export.EventsCSVHeader(), export.CSVHeader("article", extract.MentionFields())} {
		cw := csv.NewWriter(d.files[i+1])
		cw.Write(header) // atlas's own words, which no spreadsheet runs
		if cw.Flush(); cw.Error() != nil {
			return nil, cw.Error()
		}
	}
	d.old = openPreviousDownloads(w, cache)
	if cache != nil {
		d.index = &rowsIndex{Salt: cache.salt, Rows: map[string][4]rowSpan{}}
	}
	return d, nil
}

// articleDownloads is an article's rows on their way to the files.
type articleDownloads struct {
	rows   articleRows
	key    string // rowsKey, "" when not caching
	copied bool   // to be taken from the last build's files, from where old says
	old    [4]rowSpan
	buf    *rowBuffers // what rows are in, returned to the pool once written
}

// rowsOf gives a's rows and search entry: copied from the last build's
// files when they are there, else encoded. Safe for concurrent use.
func (d *downloads) rowsOf(a *Article) (articleDownloads, error) {
	var out articleDownloads
	if d.index != nil && a.identity != "" {
		out.key = d.cache.rowsKey(a)
		if out.old, out.copied = d.old.rows(out.key); out.copied {
			return out, nil
		}
	}
	out.buf = d.pool.Get().(*rowBuffers)
	rows, err := out.buf.rowsOf(a)
	if err == nil {
		rows.search, err = searchEntry(a)
	}
	if err != nil {
		d.pool.Put(out.buf)
		return articleDownloads{}, err
	}
	out.rows = rows
	return out, nil
}

// add writes an article's rows and search entry; articles must come in
// the site's order. Rows copied from the last build's files are read and
// written in runs as long as the files allow: on a rebuild, nearly all of
// an archive's rows follow one another there as they do here, and are
// copied a megabyte at a time, not a briefing at a time.
func (d *downloads) add(ad articleDownloads) error {
	rows := ad.rows
	hasFeatures := len(rows.features) > 0 || (ad.copied && ad.old[0].Len > 0)
	var seps [4]string
	if hasFeatures {
		if !d.first {
			seps[0] = ","
		}
		d.first = false
	}
	seps[3] = ","
	if d.docs == 0 {
		seps[3] = "["
	}
	d.docs++
	var spans [4]rowSpan
	for i, part := range [][]byte{rows.features, rows.events, rows.mentions, rows.search} {
		run, sep := &d.runs[i], seps[i]
		if ad.copied {
			old := ad.old[i]
			// The old file has this separator before these rows when
			// they follow the run with a gap of its length: it was
			// written by the same rules.
			if run.Len > 0 && run.Off+run.Len+int64(len(sep)) == old.Off && sep != "[" {
				spans[i] = rowSpan{d.files[i].Size() + run.Len + int64(len(sep)), old.Len}
				run.Len += int64(len(sep)) + old.Len
				continue
			}
			if err := d.flush(i); err != nil {
				return err
			}
			io.WriteString(d.files[i], sep)
			spans[i] = rowSpan{d.files[i].Size(), old.Len}
			*run = old
			continue
		}
		if err := d.flush(i); err != nil {
			return err
		}
		io.WriteString(d.files[i], sep)
		spans[i] = rowSpan{d.files[i].Size(), int64(len(part))}
		d.files[i].Write(part)
	}
	if ad.key != "" {
		d.index.Rows[ad.key] = spans
	}
	if ad.copied {
		d.copied++
	}
	if ad.buf != nil {
		d.pool.Put(ad.buf)
	}
	return nil
}

// flush copies file i's pending run from the last build's file.
func (d *downloads) flush(i int) error {
	run := d.runs[i]
	d.runs[i] = rowSpan{}
	if run.Len == 0 {
		return nil
	}
	if run.Off < 0 || run.Off+run.Len > d.old.index.Sizes[i] {
		return fmt.Errorf("%s: the last build's rows are not where its index says", rowFiles[i])
	}
	if d.copy == nil {
		d.copy = make([]byte, 1<<20)
	}
	for run.Len > 0 {
		chunk := d.copy[:min(run.Len, int64(len(d.copy)))]
		if _, err := d.old.files[i].ReadAt(chunk, run.Off); err != nil {
			return fmt.Errorf("copying rows of %s from the last build: %w", rowFiles[i], err)
		}
		if _, err := d.files[i].Write(chunk); err != nil {
			return err
		}
		run.Off += int64(len(chunk))
		run.Len -= int64(len(chunk))
	}
	return nil
}

// close finishes the files, the search index with the site's places,
// and gives the cache their index.
func (d *downloads) close(places []*PlaceSummary) error {
	for i := range d.runs {
		if err := d.flush(i); err != nil {
			d.abort()
			return err
		}
	}
	d.old.close()
	io.WriteString(d.files[0], "\n]}\n")
	if err := finishSearch(d.files[3], d.docs, places); err != nil {
		d.abort()
		return err
	}
	for i, f := range d.files {
		d.files[i] = nil
		if err := f.Close(); err != nil {
			d.abort()
			return err
		}
		if d.index != nil {
			d.index.Sums[i], d.index.Sizes[i] = f.Sum(), f.Size()
		}
	}
	if d.index != nil {
		d.cache.setRows(d.index, d.copied)
	}
	return nil
}

// abort closes what is open after a failure; the stage is removed with
// the failed build.
func (d *downloads) abort() {
	if d.old != nil {
		d.old.close()
	}
	for i, f := range d.files {
		if f != nil {
			f.Close()
			d.files[i] = nil
		}
	}
}

// previousDownloads are the downloads of the last build, open for
// copying rows from.
type previousDownloads struct {
	files [4]*os.File
	index *rowsIndex
}

// openPreviousDownloads opens the last build's downloads in the output
// folder, if the cache has their index and they are still the files it
// describes (publish.Stage.OpenOld); else it
// returns one that has no rows.
func openPreviousDownloads(w *publish.Stage, cache *buildCache) *previousDownloads {
	p := &previousDownloads{}
	if cache == nil || cache.oldRows == nil {
		return p
	}
	idx := cache.oldRows
	for i, name := range rowFiles {
		f, ok := w.OpenOld(name, idx.Sums[i], idx.Sizes[i])
		if !ok {
			p.close()
			return &previousDownloads{}
		}
		p.files[i] = f
	}
	p.index = idx
	return p
}

// rows says where an article's rows are in the previous downloads.
func (p *previousDownloads) rows(key string) ([4]rowSpan, bool) {
	if p.index == nil {
		return [4]rowSpan{}, false
	}
	spans, ok := p.index.Rows[key]
	if !ok {
		return [4]rowSpan{}, false
	}
	for i, sp := range spans {
		if sp.Off < 0 || sp.Len < 0 || sp.Off+sp.Len > p.index.Sizes[i] {
			return [4]rowSpan{}, false
		}
	}
	return spans, true
}

func (p *previousDownloads) close() {
	for i, f := range p.files {
		if f != nil {
			f.Close()
			p.files[i] = nil
		}
	}
}

// articleRows is one article's share of the downloads: its GeoJSON
// features (each after a line break, separated by commas), its rows of
// events.csv and its rows of mentions.csv.
type articleRows struct {
	features, events, mentions []byte
	search                     []byte // its entry of the search index
}

// rowBuffers are the buffers rowsOf encodes into, reused from one
// briefing to the next: grown afresh for each, they were the most a build
// allocated anywhere.
type rowBuffers struct {
	gj, eb, mb bytes.Buffer
	ec, mc     *csv.Writer
	row        []string // a row of mentions.csv
}

func newRowBuffers() *rowBuffers {
	b := &rowBuffers{}
	b.ec, b.mc = csv.NewWriter(&b.eb), csv.NewWriter(&b.mb)
	return b
}

// rowsOf encodes a's rows of the downloads; they are good until the next
// call.
func (b *rowBuffers) rowsOf(a *Article) (articleRows, error) {
	b.gj.Reset()
	b.eb.Reset()
	b.mb.Reset()
	gj, ec, mc := &b.gj, b.ec, b.mc
	for i, e := range a.Events {
		if i > 0 {
			gj.WriteByte(',')
		}
		gj.WriteByte('\n')
		// Encoded into the buffer's spare room: no copy in between.
		line, err := export.AppendEventFeature(gj.AvailableBuffer(), &e, articleHref(a), a.Title)
		if err != nil {
			return articleRows{}, err
		}
		gj.Write(line)
		writeCSVRow(ec, export.EventRow(&e, cmp.Or(a.Source, a.Path)))
	}
	fields := extract.MentionFields()
	for i := range a.Mentions {
		b.row = export.AppendRow(b.row[:0], a.Path, a.BodyOffset, &a.Mentions[i], fields)
		writeCSVRow(mc, b.row)
	}
	ec.Flush()
	mc.Flush()
	if err := errors.Join(ec.Error(), mc.Error()); err != nil {
		return articleRows{}, err
	}
	return articleRows{features: b.gj.Bytes(), events: b.eb.Bytes(), mentions: b.mb.Bytes()}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
