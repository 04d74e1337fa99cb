package extract

import (
	"strings"

	"github.com/briefing-atlas/atlas/geo"
)

// node is a trie over folded words: a gazetteer name of n words is a path
// of n edges, and the node at its end holds the places of that name.
type node struct {
	next   map[string]*node
	places []*geo.Place
	flags  nameFlags // set at New for nodes that end a name
}

// nameFlags say what a name is besides a place, known when the extractor
// is built rather than looked up per mention.
type nameFlags uint8

const (
	nCommon    nameFlags = 1 << iota // also an ordinary word (common-words.tsv)
	nGeneric                         // itself a trigger word (المدينة، الحي)
	nMultiword                       // more than one word
)

// eachName calls fn for every node that ends a name, with the name.
func (n *node) eachName(prefix string, fn func(name string, n *node)) {
	for w, c := range n.next {
		name := w
		if prefix != "" {
			name = prefix + " " + w
		}
		if c.places != nil {
			fn(name, c)
		}
		c.eachName(name, fn)
	}
}

func (n *node) insert(name string, places []*geo.Place) {
	cur := n
	for _, w := range strings.Fields(name) {
		if cur.next == nil {
			cur.next = map[string]*node{}
		}
		nx := cur.next[w]
		if nx == nil {
			nx = &node{}
			cur.next[w] = nx
		}
		cur = nx
	}
	cur.places = places
}

func (n *node) child(w string) *node {
	if n == nil || n.next == nil {
		return nil
	}
	return n.next[w]
}

// rootFilter is a bitset of the hashes of the trie's first words: most
// words of a text begin no place name, and a hash and a bit test are
// cheaper than a map look-up.
type rootFilter []uint64

const filterBits = 1 << 20

func newRootFilter(root *node) rootFilter {
	f := make(rootFilter, filterBits/64)
	for w := range root.next {
		f.add(w)
	}
	return f
}

func (f rootFilter) add(w string) {
	h := fnv(w) & (filterBits - 1)
	f[h/64] |= 1 << (h % 64)
}

func (f rootFilter) mayHave(w string) bool {
	h := fnv(w) & (filterBits - 1)
	return f[h/64]&(1<<(h%64)) != 0
}

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
