package site

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/geo"
)

// The cache's analyses are in a compact form of atlas's own: gob spent
// more time reading the type descriptions it repeats in each of
// thousands of small files than reading the data.

// analysisMagic starts every encoded analysis; a file without it is not
// one (or is of another layout) and is ignored.
const analysisMagic = "atlas-analysis-3\n"

var errDamaged = errors.New("damaged cache entry")

// encodeAnalysis returns ca encoded.
func encodeAnalysis(ca *cachedAnalysis) []byte {
	var e encoder
	e.b = append(e.b, analysisMagic...)
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
		ev := &ca.Events[i]
		e.str(ev.ID)
		e.int(ev.Start)
		e.int(ev.End)
		e.int(ev.BStart)
		e.int(ev.BEnd)
		e.str(ev.Evidence)
		e.str(ev.Type)
		e.str(ev.Sub)
		e.uint(len(ev.Places))
		for j := range ev.Places {
			e.mention(&ev.Places[j])
		}
		e.str(ev.Place)
		e.int(ev.GeoPrecision)
		e.intPtr(ev.Fatalities)
		e.intPtr(ev.Injured)
		e.strings(ev.Actors)
		e.bool(ev.HasDate)
		date, _ := ev.Date.MarshalBinary() // fails only for odd zone offsets; a zero time then
		e.bytes(date)
		e.float(ev.Confidence)
	}
	e.uint(len(ca.Spans))
	for _, s := range ca.Spans {
		e.int(s[0])
		e.int(s[1])
		e.int(s[2])
	}
	return e.b
}

// decodeAnalysis reads what encodeAnalysis wrote; a damaged or truncated
// entry is an error, never a panic or a huge allocation.
func decodeAnalysis(data []byte) (*cachedAnalysis, error) {
	if len(data) < len(analysisMagic) || string(data[:len(analysisMagic)]) != analysisMagic {
		return nil, errDamaged
	}
	d := decoder{b: data[len(analysisMagic):]}
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
		ev := &ca.Events[i]
		ev.ID = d.str()
		ev.Start, ev.End = d.int(), d.int()
		ev.BStart, ev.BEnd = d.int(), d.int()
		ev.Evidence, ev.Type, ev.Sub = d.str(), d.str(), d.str()
		ev.Places = makeList[cachedMention](d.count(minMention))
		for j := range ev.Places {
			d.mention(&ev.Places[j])
		}
		ev.Place = d.str()
		ev.GeoPrecision = d.int()
		ev.Fatalities, ev.Injured = d.intPtr(), d.intPtr()
		ev.Actors = d.strings()
		ev.HasDate = d.bool()
		if date := d.bytes(); d.err == nil {
			if err := ev.Date.UnmarshalBinary(date); err != nil {
				return nil, errDamaged
			}
		}
		ev.Confidence = d.float()
	}
	ca.Spans = makeList[[3]int](d.count(minSpan))
	for i := range ca.Spans {
		ca.Spans[i] = [3]int{d.int(), d.int(), d.int()}
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, errDamaged
	}
	return ca, nil
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

// decoder reads an encoded analysis; after the first error every read
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
