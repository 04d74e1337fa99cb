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
	nMinorOnly                       // every place of the name is minor and not exempt
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

// wordFilter is a bitset of the hashes of a set of words: most words of
// a text begin no place name and are no trigger, and a hash and a bit
// test are cheaper than a map look-up. Its size is a power of two.
type wordFilter []uint64

// newWordFilter makes a filter of 1<<log2 bits: about 64 per word keeps
// false hits near 1.5 %, and a small one stays in the fastest cache.
func newWordFilter(log2 uint) wordFilter { return make(wordFilter, 1<<log2/64) }

func (f wordFilter) add(w string) {
	h := wordHash(w) & uint32(len(f)*64-1)
	f[h/64] |= 1 << (h % 64)
}

func (f wordFilter) mayHave(w string) bool { return f.mayHaveHash(wordHash(w)) }

// mayHaveHash is mayHave for a word whose wordHash is h.
func (f wordFilter) mayHaveHash(h uint32) bool {
	h &= uint32(len(f)*64 - 1)
	return f[h/64]&(1<<(h%64)) != 0
}

// wordHash is WordHash as the filters keep it.
func wordHash(s string) uint32 { return uint32(WordHash(s)) }

// WordHash hashes a word in constant time from its length and its first
// and last eight bytes (four Arabic letters each): that covers most
// words whole, and the caches and filters that use it only have to tell
// words apart most of the time (they check the word itself, or only need
// to be right about absence).
func WordHash(s string) uint64 {
	n := len(s)
	var head, tail uint64
	if n >= 8 {
		head = le64(s)
		tail = le64(s[n-8:])
	} else {
		for i := 0; i < n; i++ {
			head = head<<8 | uint64(s[i])
		}
	}
	// Mixed as MurmurHash3's finaliser mixes, so that every input bit
	// reaches the low bits the filters keep.
	x := head ^ (tail+uint64(n))*0x9E3779B97F4A7C15
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// le64 is the first eight bytes of s, little-endian.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
