package extract

import "github.com/briefing-atlas/atlas/geo/arabic"

// What the extractor's word lists and gazetteer names say of a word, read
// only, for tools that explain what it found and missed (atlas eval
// --show). Words are looked up as written; each method folds them.

// CommonWord reports whether word is an ordinary word to the extractor: a
// word of its own lists (triggers, prepositions, reporting verbs, titles
// and organisation words, the words that follow a trigger without being a
// name), with or without proclitics, or a gazetteer name that is also a
// word (data/common-words.tsv) and wants a cue to count as a place. The
// names of countries, governorates, regions and capitals count without
// one (سوريا، حماة), and given names are no ordinary words.
func (e *Extractor) CommonWord(word string) bool {
	w := arabic.Fold(word)
	if e.lx.words[w]&^fFirstName != 0 || e.lx.notName[w] || e.lx.namePart[w] {
		return true
	}
	if !e.common[w] {
		return false
	}
	n := e.root.child(w)
	return n == nil || len(n.places) == 0 || !exempt(n.places[0])
}

// TrapWord reports whether word, right before a name, makes the name part
// of a person's, a title's or an organisation's name: a title or rank, a
// given name, a group, institution or outlet word (اللواء، بشار، جبهة،
// شبكة), with or without proclitics. A front word (جبهة) counts, though
// the extractor reads it before a place as a battle's front.
func (e *Extractor) TrapWord(word string) bool {
	return e.lx.words[arabic.Fold(word)]&(fTrap|fTrapAny|fOrganisation|fFirstName) != 0
}

// CueWord reports whether word is a preposition or a spatial word after
// which a name is usually a place (في، قرب، شرق، ريف), with or without
// proclitics.
func (e *Extractor) CueWord(word string) bool {
	return e.lx.words[arabic.Fold(word)]&fWeak != 0
}

// KnownName reports whether the gazetteer has name, one or more words,
// as written or with the proclitics the extractor strips from its first
// word (بحلب، للرقة), as the extractor looks names up.
func (e *Extractor) KnownName(name string) bool {
	_, ok := e.whole(name)
	return ok
}

// whole looks name up as the extractor does, and reports it only when
// the longest gazetteer name at its first word is all of it.
func (e *Extractor) whole(name string) (match, bool) {
	toks, folded := tokenize(name)
	if len(toks) == 0 {
		return match{}, false
	}
	a := &analysis{e: e, text: name, fold: folded, toks: toks, slot: make([]int32, len(toks))}
	m, ok := a.longest(0)
	return m, ok && m.n == len(toks)
}

// NamedGovernorate is the governorate (its OCHA English name) that name,
// as written, tells its sentence is about, as the extractor reads a
// sentence's context: name is a governorate's, a region's (ريف حلب،
// الغوطة الشرقية) or a governorate capital's, with or without proclitics
// (بريف حلب). It is "" for any other name.
func (e *Extractor) NamedGovernorate(name string) string {
	m, ok := e.whole(name)
	if !ok || !fixesGovernorate(m.places[0]) {
		return ""
	}
	return m.places[0].Governorate()
}
