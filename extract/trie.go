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
