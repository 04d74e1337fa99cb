// Package extract finds place mentions in Arabic news text and resolves
// them to gazetteer places. It works on plain text and code point offsets
// and knows nothing of Markdown or HTML.
//
// The pipeline, in one pass over the tokens: longest match of gazetteer
// names (with proclitics stripped), traps (names inside person, title and
// organisation names), cues (trigger words, prepositions, lists), context
// (section headers, the governorate a sentence names, places nearby), and
// trigger-led names the gazetteer lacks (شارع X، بلدة X).
package extract

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
)

// Use says whether a mention is where something is or happens (literal)
// or stands for a government or people (metonymic: «موسكو ترفض»).
type Use string

// Uses of a mention.
const (
	Literal   Use = "literal"
	Metonymic Use = "metonymic"
)

// Mention is one place name in a text.
type Mention struct {
	Start, End int // code point offsets: the runes text[Start:End] are Surface
	Surface    string
	// Name and Kind are what was mentioned: the gazetteer place's Arabic
	// name and kind, or for a landmark the gazetteer lacks (ساحة الأمويين)
	// its own surface and "landmark".
	Name string
	Kind geo.Kind
	// Place is where the mention is on the map: the gazetteer place
	// itself, or for an unknown landmark the place it was found in.
	Place *geo.Place
	// Candidates are all the places the name could mean, in gazetteer
	// order (shared: do not modify).
	Candidates []*geo.Place
	Confidence float64
	// GeoPrecision follows UCDP: 1 exact place, 2 near a known place,
	// district or subdistrict, 3 governorate, 4 country.
	GeoPrecision int
	Use          Use
}

// Unresolved is a name that a trigger word announces (بلدة X) and that the
// gazetteer lacks: a candidate for the site's own gazetteer.
type Unresolved struct {
	Start, End int
	Name       string
	Trigger    string
	Sentence   string
}

// Result is what Analyze finds in a text.
type Result struct {
	Mentions   []Mention
	Unresolved []Unresolved
}

// Extractor finds mentions of a gazetteer's places. Build it once with
// New; it is safe for concurrent use.
type Extractor struct {
	g      *geo.Gazetteer
	root   *node
	common map[string]bool
	lx     *lexicon
	filter wordFilter
	// triggerFilter holds the written forms of trigger words.
	triggerFilter wordFilter
	govs          [15]*geo.Place // SY01…SY14 by number
	// nisba maps the adjectives of foreign countries (الروسية، الكندي)
	// to their country.
	nisba   map[string]*geo.Place
	scratch sync.Pool // of *scratch
}

// scratch is an analysis's buffers, kept for the next.
type scratch struct {
	toks     []token
	folded   []byte
	slot     []int32
	wflags   []cueFlags
	found    []match
	mentions []Mention
}

// govIndex is the number of a governorate p-code (SY01 → 1), 0 if none.
func govIndex(adm1 string) int {
	if len(adm1) != 4 || adm1[0] != 'S' || adm1[1] != 'Y' {
		return 0
	}
	k := int(adm1[2]-'0')*10 + int(adm1[3]-'0')
	if k < 1 || k > 14 {
		return 0
	}
	return k
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithCommonWords names the folded gazetteer names that are also ordinary
// words (data/common-words.tsv): such a name needs a cue to count.
func WithCommonWords(words []string) Option {
	return func(e *Extractor) {
		for _, w := range words {
			e.common[arabic.Fold(w)] = true
		}
	}
}

// ReadWordList reads the first column of a TSV word list, skipping
// comments.
func ReadWordList(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, _, _ := strings.Cut(line, "\t")
		out = append(out, w)
	}
	return out, sc.Err()
}

// New builds an extractor over every name in g.
func New(g *geo.Gazetteer, opts ...Option) *Extractor {
	e := &Extractor{g: g, root: &node{}, common: map[string]bool{}, lx: newLexicon()}
	g.Names(func(name string, places []*geo.Place) {
		e.root.insert(name, places)
	})
	for _, o := range opts {
		o(e)
	}
	// The trie's first words are some 9,000, the trigger forms a few
	// hundred: about 60 bits a word, in the fastest caches.
	e.filter = newWordFilter(19)
	for w := range e.root.next {
		e.filter.add(w)
	}
	e.triggerFilter = newWordFilter(14)
	for w := range e.lx.triggerForm {
		e.triggerFilter.add(w)
	}
	e.root.eachName("", func(name string, n *node) {
		if e.common[name] {
			n.flags |= nCommon
		}
		if _, ok := e.lx.settlement[name]; ok || e.lx.landmark[name] {
			n.flags |= nGeneric
		}
		if strings.Contains(name, " ") {
			n.flags |= nMultiword
		}
		n.flags |= nMinorOnly
		for _, p := range n.places {
			if !minor(p) || exempt(p) {
				n.flags &^= nMinorOnly
				break
			}
		}
	})
	for k := 1; k <= 14; k++ {
		e.govs[k] = g.Place(fmt.Sprintf("SY%02d", k))
	}
	e.nisba = countryAdjectives(g)
	return e
}

// Extract returns the place mentions in text, in text order.
func (e *Extractor) Extract(text string) []Mention { return e.Analyze(text).Mentions }

// Analyze returns the place mentions in text and the trigger-led names
// the gazetteer lacks.
func (e *Extractor) Analyze(text string) Result {
	// The token, look-up and mention buffers are the most an analysis
	// allocates: reused from one text to the next, they cost the
	// collector nothing. The mentions are copied out at their size.
	s, _ := e.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	toks, folded := tokenizeInto(text, s.toks[:0], s.folded[:0])
	a := &analysis{e: e, text: text, fold: string(folded), toks: toks, scratch: s}
	a.run()
	ms := a.res.Mentions
	a.res.Mentions = append(make([]Mention, 0, len(ms)), ms...)
	// Cleared, so that the buffers keep no places or names alive.
	clear(a.found)
	clear(ms)
	s.toks, s.folded, s.slot, s.wflags, s.found, s.mentions = toks[:0], folded[:0], a.slot[:0], a.wflags[:0], a.found[:0], ms[:0]
	e.scratch.Put(s)
	return a.res
}
