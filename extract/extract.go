// Package extract finds place mentions in Arabic news text and resolves
// them to gazetteer places. It works on plain text and code point offsets
// and knows nothing of Markdown or HTML.
package extract

import (
	"github.com/briefing-atlas/atlas/geo"
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
	Start, End int // code point offsets: text[Start:End] in runes is Surface
	Surface    string
	Place      *geo.Place
	// Candidates are the other places the name could mean, best first.
	Candidates []*geo.Place
	Confidence float64
	// GeoPrecision follows UCDP: 1 exact place, 2 district or
	// subdistrict, 3 governorate, 4 country.
	GeoPrecision int
	Use          Use
}

// Extractor finds mentions of a gazetteer's places. Build it once with
// New; it is safe for concurrent use.
type Extractor struct {
	root *node
}

// New builds an extractor over every name in g.
func New(g *geo.Gazetteer) *Extractor {
	e := &Extractor{root: &node{}}
	g.Names(func(name string, places []*geo.Place) {
		e.root.insert(name, places)
	})
	return e
}

// Extract returns the place mentions in text, in text order.
func (e *Extractor) Extract(text string) []Mention {
	toks := tokenize(text)
	var out []Mention
	runes := []rune(text)
	for i := 0; i < len(toks); {
		m, n := e.match(toks, i)
		if n == 0 {
			i++
			continue
		}
		m.Surface = string(runes[m.Start:m.End])
		out = append(out, m)
		i += n
	}
	return out
}

// match finds the longest gazetteer name starting at token i, trying the
// token as written and with its proclitics stripped. It returns the
// mention and the number of tokens it covers (0 for none).
func (e *Extractor) match(toks []token, i int) (Mention, int) {
	var best Mention
	bestLen := 0
	for _, v := range variants(toks[i].folded) {
		n := e.root.child(v.word)
		if n == nil {
			continue
		}
		length, places := 0, []*geo.Place(nil)
		if n.places != nil {
			length, places = 1, n.places
		}
		for j := i + 1; j < len(toks) && n != nil; j++ {
			if n = n.child(toks[j].folded); n != nil && n.places != nil {
				length, places = j-i+1, n.places
			}
		}
		// The longest name wins; among equals, the one that strips least.
		if length > bestLen {
			bestLen = length
			best = Mention{
				Start:      toks[i].at[v.skip],
				End:        toks[i+length-1].end,
				Place:      places[0],
				Candidates: places[1:],
			}
		}
	}
	if bestLen == 0 {
		return Mention{}, 0
	}
	best.GeoPrecision = precision(best.Place.Kind)
	best.Use = Literal
	best.Confidence = 0.5
	if len(best.Candidates) == 0 {
		best.Confidence = 0.7
	}
	return best, bestLen
}

func precision(k geo.Kind) int {
	switch k {
	case geo.Country:
		return 4
	case geo.Governorate:
		return 3
	case geo.District, geo.Subdistrict, geo.Region:
		return 2
	}
	return 1
}
