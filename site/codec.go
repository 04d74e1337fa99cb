package site

import (
	"bytes"
	"encoding/binary"
	"errors"
	"maps"
	"math"
	"slices"

	"github.com/cespare/xxhash/v2"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/geo"
)

// Every file of the cache is an entry of atlas's own compact form (gob
// spent more time reading the type descriptions it repeats in each of
// thousands of small files than reading the data): a header naming the
// cache's format and the entry's kind, the entry's fields, and the
// xxhash of both. A damaged byte anywhere fails the hash, so the entry
// is a miss and never data in the site; 64 bits detect damage, which is
// all they are for (the cache is the user's own).
const (
	analysisHeader = cacheFormat + " analysis\n"
	pagesHeader    = cacheFormat + " pages\n"
	rowsHeader     = cacheFormat + " rows\n"
)

var (
	// errDamaged is an entry whose hash or fields are wrong.
	errDamaged = errors.New("damaged cache entry")
	// errOtherFormat is an intact entry of another format or kind: a
	// cache left by another version of atlas.
	errOtherFormat = errors.New("cache entry of another format")
)

// newEntry starts an entry under header.
func newEntry(header string) *encoder {
	return &encoder{b: append([]byte(nil), header...)}
}

// seal ends the entry with the hash of everything before it.
func (e *encoder) seal() []byte {
	return binary.LittleEndian.AppendUint64(e.b, xxhash.Sum64(e.b))
}

// openEntry checks data's hash and header and returns a decoder of the
// fields between them.
func openEntry(data []byte, header string) (*decoder, error) {
	n := len(data) - 8
	if n < 0 || xxhash.Sum64(data[:n]) != binary.LittleEndian.Uint64(data[n:]) {
		return nil, errDamaged
	}
	if !bytes.HasPrefix(data[:n], []byte(header)) {
		return nil, errOtherFormat
	}
	return &decoder{b: data[len(header):n]}, nil
}

// end says whether the fields were read without error and to the last
// byte.
func (d *decoder) end() error {
	if d.err != nil || len(d.b) != 0 {
		return errDamaged
	}
	return nil
}

// encodeAnalysis returns ca encoded.
func encodeAnalysis(ca *cachedAnalysis) []byte {
	e := newEntry(analysisHeader)
	e.uint(len(ca.Mentions))
	for i := range ca.Mentions {
		e.mention(&ca.Mentions[i])
	}
	e.uint(len(ca.Unresolved))
	for _, u := range ca.Unresolved {
		e.int(u.Start)
		e.int(u.End)
		e.str(u.Name)
		e.str(u.Trigger)
		e.str(u.Sentence)
	}
	e.uint(len(ca.Events))
	for i := range ca.Events {
		e.event(&ca.Events[i])
	}
	e.uint(len(ca.Spans))
	for _, s := range ca.Spans {
		for _, n := range s {
			e.int(n)
		}
	}
	return e.seal()
}

// decodeAnalysis reads what encodeAnalysis wrote; a damaged or truncated
// entry is an error, never a panic or a huge allocation.
func decodeAnalysis(data []byte) (*cachedAnalysis, error) {
	d, err := openEntry(data, analysisHeader)
	if err != nil {
		return nil, err
	}
	ca := &cachedAnalysis{}
	ca.Mentions = makeList[cachedMention](d.count(minMention))
	for i := range ca.Mentions {
		d.mention(&ca.Mentions[i])
	}
	ca.Unresolved = makeList[extract.Unresolved](d.count(minUnresolved))
	for i := range ca.Unresolved {
		u := &ca.Unresolved[i]
		u.Start, u.End = d.int(), d.int()
		u.Name, u.Trigger, u.Sentence = d.str(), d.str(), d.str()
	}
	ca.Events = makeList[cachedEvent](d.count(minEvent))
	for i := range ca.Events {
		d.event(&ca.Events[i])
	}
	ca.Spans = makeList[[6]int](d.count(minSpan))
	for i := range ca.Spans {
		for j := range ca.Spans[i] {
			ca.Spans[i][j] = d.int()
		}
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return ca, nil
}

// event writes ce: the fields events.Fields can set, each as its kind
// says, in the list's order, so that a field added to the record is
// cached with no change here; then its place and where its evidence is.
func (e *encoder) event(ce *cachedEvent) {
	n := 0
	for _, f := range events.Fields() {
		if f.Set == nil {
			continue
		}
		v := f.Get(&ce.Event)
		switch f.Kind {
		case extract.Text, extract.Words:
			e.bool(v.Null)
			e.str(v.Text)
		case extract.Int, extract.Offset:
			e.bool(v.Null)
			e.int(v.Int)
		case extract.Float, extract.Latitude, extract.Longitude:
			e.float(v.Float)
		case extract.List:
			e.strings(v.List)
		case extract.Mentions:
			var ms []cachedMention
			if n < len(ce.mentions) {
				ms = ce.mentions[n]
			}
			n++
			e.uint(len(ms))
			for j := range ms {
				e.mention(&ms[j])
			}
		case extract.Spans:
			e.uint(len(v.Spans))
			for _, s := range v.Spans {
				e.int(s.Start)
				e.int(s.End)
				e.str(s.Evidence)
			}
		}
	}
	e.str(ce.place)
	e.int(ce.bStart)
	e.int(ce.bEnd)
}

// event reads what encoder.event wrote.
func (d *decoder) event(ce *cachedEvent) {
	for _, f := range events.Fields() {
		if f.Set == nil {
			continue
		}
		var v extract.Value
		switch f.Kind {
		case extract.Text, extract.Words:
			v.Null, v.Text = d.bool(), d.str()
		case extract.Int, extract.Offset:
			v.Null, v.Int = d.bool(), d.int()
		case extract.Float, extract.Latitude, extract.Longitude:
			v.Float = d.float()
		case extract.List:
			v.List = d.strings()
		case extract.Mentions:
			ms := makeList[cachedMention](d.count(minMention))
			for j := range ms {
				d.mention(&ms[j])
			}
			ce.mentions = append(ce.mentions, ms)
			continue
		case extract.Spans:
			v.Spans = makeList[events.Span](d.count(minSpan))
			for j := range v.Spans {
				s := &v.Spans[j]
				s.Start, s.End, s.Evidence = d.int(), d.int(), d.str()
			}
		}
		if d.err != nil {
			return
		}
		if err := f.Set(&ce.Event, v); err != nil {
			d.fail()
			return
		}
	}
	ce.place = d.str()
	ce.bStart, ce.bEnd = d.int(), d.int()
}

// encodePages returns idx encoded, its maps in key order.
func encodePages(idx *pageIndex) []byte {
	e := newEntry(pagesHeader)
	e.str(idx.Salt)
	e.uint(len(idx.Pages))
	for _, rel := range slices.Sorted(maps.Keys(idx.Pages)) {
		p := idx.Pages[rel]
		e.str(rel)
		e.str(p.Key)
		e.str(p.Sum)
		e.int64(p.Size)
	}
	e.uint(len(idx.Times))
	for _, rel := range slices.Sorted(maps.Keys(idx.Times)) {
		e.str(rel)
		e.int64(idx.Times[rel])
	}
	return e.seal()
}

// decodePages reads what encodePages wrote, as decodeAnalysis does. Its
// maps grow with what they hold: sized by a count, a damaged one would
// cost memory.
func decodePages(data []byte) (*pageIndex, error) {
	d, err := openEntry(data, pagesHeader)
	if err != nil {
		return nil, err
	}
	idx := &pageIndex{Salt: d.str()}
	if n := d.count(4); n > 0 {
		idx.Pages = map[string]cachedPage{}
		for range n {
			rel := d.str()
			idx.Pages[rel] = cachedPage{Key: d.str(), Sum: d.str(), Size: d.int64()}
		}
		if len(idx.Pages) != n {
			d.fail()
		}
	}
	if n := d.count(2); n > 0 {
		idx.Times = map[string]int64{}
		for range n {
			rel := d.str()
			idx.Times[rel] = d.int64()
		}
		if len(idx.Times) != n {
			d.fail()
		}
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return idx, nil
}

// encodeRows returns idx encoded, its rows in key order.
func encodeRows(idx *rowsIndex) []byte {
	e := newEntry(rowsHeader)
	e.str(idx.Salt)
	for i := range idx.Sums {
		e.str(idx.Sums[i])
		e.int64(idx.Sizes[i])
	}
	e.uint(len(idx.Rows))
	for _, key := range slices.Sorted(maps.Keys(idx.Rows)) {
		e.str(key)
		for _, sp := range idx.Rows[key] {
			e.int64(sp.Off)
			e.int64(sp.Len)
		}
	}
	return e.seal()
}

// decodeRows reads what encodeRows wrote, as decodeAnalysis does.
func decodeRows(data []byte) (*rowsIndex, error) {
	d, err := openEntry(data, rowsHeader)
	if err != nil {
		return nil, err
	}
	idx := &rowsIndex{Salt: d.str()}
	for i := range idx.Sums {
		idx.Sums[i], idx.Sizes[i] = d.str(), d.int64()
	}
	if n := d.count(minRow); n > 0 {
		idx.Rows = map[string][4]rowSpan{}
		for range n {
			key := d.str()
			var spans [4]rowSpan
			for i := range spans {
				spans[i] = rowSpan{Off: d.int64(), Len: d.int64()}
			}
			idx.Rows[key] = spans
		}
		if len(idx.Rows) != n {
			d.fail()
		}
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return idx, nil
}

// makeList makes a list of n items, nil for none (as gob decoded them).
func makeList[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, n)
}

type encoder struct{ b []byte }

func (e *encoder) uint(n int)     { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) int(n int)      { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) int64(n int64)  { e.b = binary.AppendVarint(e.b, n) }
func (e *encoder) str(s string)   { e.uint(len(s)); e.b = append(e.b, s...) }
func (e *encoder) bytes(b []byte) { e.uint(len(b)); e.b = append(e.b, b...) }
func (e *encoder) float(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) intPtr(p *int) {
	e.bool(p != nil)
	if p != nil {
		e.int(*p)
	}
}

func (e *encoder) strings(ss []string) {
	e.uint(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) mention(m *cachedMention) {
	e.int(m.Start)
	e.int(m.End)
	e.b = append(e.b, m.Derived)
	e.str(m.Surface)
	e.str(m.Name)
	e.str(string(m.Kind))
	e.str(m.Place)
	e.float(m.Confidence)
	e.int(m.GeoPrecision)
	e.str(string(m.Use))
}

// decoder reads an entry's fields; after the first error every read
// returns a zero value and err stays set.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() { d.err, d.b = errDamaged, nil }

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// int reads an offset or a count, which fit in 32 bits; int64 reads
// sizes and times.
func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 || v > math.MaxInt32 || v < math.MinInt32 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// The fewest bytes an item of each list takes encoded: varints and empty
// strings take one, floats eight (TestMinimumSizes checks them).
const (
	minMention    = 17
	minUnresolved = 5
	minEvent      = 24
	minSpan       = 3
	minRow        = 9 // a key and four spans
)

// count reads the length of a list whose items take size bytes at least,
// so a damaged count cannot ask for more than the data holds.
func (d *decoder) count(size int) int {
	n := d.uint()
	if n > uint64(len(d.b)/size) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte {
	n := d.count(1)
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string { return string(d.bytes()) }

func (d *decoder) int64() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *decoder) bool() bool {
	if len(d.b) < 1 || d.b[0] > 1 {
		d.fail()
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

func (d *decoder) intPtr() *int {
	if !d.bool() {
		return nil
	}
	v := d.int()
	return &v
}

func (d *decoder) strings() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *decoder) mention(m *cachedMention) {
	m.Start, m.End = d.int(), d.int()
	if len(d.b) < 1 {
		d.fail()
		return
	}
	m.Derived, d.b = d.b[0], d.b[1:]
	m.Surface, m.Name = d.str(), d.str()
	m.Kind = geo.Kind(d.str())
	m.Place = d.str()
	m.Confidence = d.float()
	m.GeoPrecision = d.int()
	m.Use = extract.Use(d.str())
}
