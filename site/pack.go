package site

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// The cache keeps every briefing's analysis in one file, analyses.pack,
// and where each is in a second, analyses.index. A file per analysis
// cost a file's creation, rename and later opening for each briefing:
// more of a 10k build's time than encoding and decoding them.
//
// The pack only grows while a build runs: an analysis is appended, never
// written over, so a build that stops half-way leaves the last index
// pointing at records that are still whole. Each record names its key
// and carries its entry's hash, so a damaged or misplaced one is a miss.
// Once a build has succeeded, the records it did not use go when they
// are most of the pack: the live ones are copied into a new pack.
const (
	packFile      = "analyses.pack"
	packIndexFile = "analyses.index"
	packHeader    = cacheFormat + " pack index\n"
)

// analysisPack is the open pack of a cache. A pack that could not be
// opened, or that another build holds, is empty: every look-up misses
// and nothing is stored.
type analysisPack struct {
	dir  string
	f    *os.File
	busy bool // another build holds the pack

	mu    sync.Mutex
	size  int64              // where the next record goes
	spans map[string]rowSpan // where each key's record is
}

// openPack opens the pack in dir and, unless fresh, reads its index;
// damaged says that the index was there but damaged (then the pack
// starts afresh).
func openPack(dir string, fresh bool) (p *analysisPack, damaged bool) {
	p = &analysisPack{dir: dir, spans: map[string]rowSpan{}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return p, false
	}
	f, err := os.OpenFile(filepath.Join(dir, packFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return p, false
	}
	if !lockPack(f) {
		f.Close()
		p.busy = true
		return p, false
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return p, false
	}
	p.f, p.size = f, info.Size()
	if fresh {
		return p, false
	}
	data, err := os.ReadFile(filepath.Join(dir, packIndexFile))
	if err != nil {
		return p, false
	}
	spans, err := decodePackIndex(data, p.size)
	if err != nil {
		return p, errors.Is(err, errDamaged)
	}
	p.spans = spans
	return p, false
}

// get returns the entry stored under key.
func (p *analysisPack) get(key string) ([]byte, bool) {
	if p.f == nil {
		return nil, false
	}
	p.mu.Lock()
	sp, ok := p.spans[key]
	p.mu.Unlock()
	if !ok {
		return nil, false
	}
	rec := make([]byte, sp.Len)
	if _, err := p.f.ReadAt(rec, sp.Off); err != nil {
		return nil, false
	}
	d := &decoder{b: rec}
	k, entry := d.str(), d.bytes()
	if d.err != nil || len(d.b) != 0 || k != key {
		return nil, false
	}
	return entry, true
}

// drop forgets key's record: it was damaged.
func (p *analysisPack) drop(key string) {
	p.mu.Lock()
	delete(p.spans, key)
	p.mu.Unlock()
}

// put appends entry under key.
func (p *analysisPack) put(key string, entry []byte) error {
	if p.f == nil {
		return errors.New("no pack")
	}
	e := &encoder{b: make([]byte, 0, len(key)+len(entry)+16)}
	e.str(key)
	e.bytes(entry)
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := p.f.WriteAt(e.b, p.size); err != nil {
		return err
	}
	p.spans[key] = rowSpan{Off: p.size, Len: int64(len(e.b))}
	p.size += int64(len(e.b))
	return nil
}

// save keeps the records of the keys used, writing a smaller pack when
// the others are more than half of it, then the index.
func (p *analysisPack) save(used map[string]bool) error {
	if p.f == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	live := map[string]rowSpan{}
	var liveBytes int64
	for key := range used {
		if sp, ok := p.spans[key]; ok {
			live[key] = sp
			liveBytes += sp.Len
		}
	}
	if p.size > 2*liveBytes+1<<20 {
		var err error
		if live, err = p.compact(live); err != nil {
			return err
		}
	}
	p.spans = live
	return writeAtomic(p.dir, packIndexFile, func(w io.Writer) error {
		_, err := w.Write(encodePackIndex(live, p.size))
		return err
	})
}

// compact copies the live records into a new pack, in key order, and
// puts it in the old one's place.
func (p *analysisPack) compact(live map[string]rowSpan) (map[string]rowSpan, error) {
	tmp, err := os.CreateTemp(p.dir, ".tmp-pack-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) // after the rename, nothing is there
	moved := make(map[string]rowSpan, len(live))
	var off int64
	buf := make([]byte, 0, 1<<16)
	for _, key := range slices.Sorted(maps.Keys(live)) {
		sp := live[key]
		buf = slices.Grow(buf[:0], int(sp.Len))[:sp.Len]
		if _, err := p.f.ReadAt(buf, sp.Off); err != nil {
			tmp.Close()
			return nil, err
		}
		if _, err := tmp.Write(buf); err != nil {
			tmp.Close()
			return nil, err
		}
		moved[key] = rowSpan{Off: off, Len: sp.Len}
		off += sp.Len
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	// The index names the new pack only once it is in place; until then
	// the old index's offsets fall on records of other keys, or past
	// the end, and miss.
	if err := os.Rename(tmp.Name(), filepath.Join(p.dir, packFile)); err != nil {
		return nil, err
	}
	p.size = off
	return moved, nil
}

// close lets go of the pack.
func (p *analysisPack) close() {
	if p.f != nil {
		p.f.Close()
		p.f = nil
	}
}

// encodePackIndex returns the index of a pack of size bytes, its keys
// in order.
func encodePackIndex(spans map[string]rowSpan, size int64) []byte {
	e := newEntry(packHeader)
	e.int64(size)
	e.uint(len(spans))
	for _, key := range slices.Sorted(maps.Keys(spans)) {
		e.str(key)
		e.int64(spans[key].Off)
		e.int64(spans[key].Len)
	}
	return e.seal()
}

// decodePackIndex reads what encodePackIndex wrote, for a pack now of
// size bytes: an index of a larger pack is of another pack; one with a
// record outside the pack is damaged.
func decodePackIndex(data []byte, size int64) (map[string]rowSpan, error) {
	d, err := openEntry(data, packHeader)
	if err != nil {
		return nil, err
	}
	// The pack grows past its index while a build appends to it; an
	// index of a larger pack is of another one.
	if recorded := d.int64(); recorded > size && d.err == nil {
		return nil, fmt.Errorf("pack index of another pack")
	}
	spans := map[string]rowSpan{}
	for n := d.count(3); n > 0; n-- {
		key := d.str()
		sp := rowSpan{Off: d.int64(), Len: d.int64()}
		if sp.Off < 0 || sp.Len <= 0 || sp.Off+sp.Len > size {
			d.fail()
		}
		spans[key] = sp
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return spans, nil
}
