package arabic

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// Proclitic is a conjunction, a preposition or both, written joined to
// the word after it: «وبحلب» is و + ب + حلب. Forms are folded.
type Proclitic struct {
	Form        string // as written: "وب"
	Conjunction string // و (and) or ف (so), or ""
	Preposition string // ب (in, by), ل (to, for) or ك (as), or ""
	// ElidesArticle: before the article the preposition ل drops the
	// article's alef, so «للرقة» is ل + الرقة and «وللرقة» و + ل + الرقة.
	ElidesArticle bool
}

// proclitics is every proclitic, shortest first: a conjunction may come
// first, then a preposition. Nothing else joins a place name or a news
// verb in front (the future س joins verbs only, the article is part of
// the word).
var proclitics = [...]Proclitic{
	{Form: "و", Conjunction: "و"},
	{Form: "ف", Conjunction: "ف"},
	{Form: "ب", Preposition: "ب"},
	{Form: "ل", Preposition: "ل", ElidesArticle: true},
	{Form: "ك", Preposition: "ك"},
	{Form: "وب", Conjunction: "و", Preposition: "ب"},
	{Form: "ول", Conjunction: "و", Preposition: "ل", ElidesArticle: true},
	{Form: "وك", Conjunction: "و", Preposition: "ك"},
	{Form: "فب", Conjunction: "ف", Preposition: "ب"},
	{Form: "فل", Conjunction: "ف", Preposition: "ل", ElidesArticle: true},
	{Form: "فك", Conjunction: "ف", Preposition: "ك"},
}

// Proclitics is the table of proclitics, shortest first.
func Proclitics() iter.Seq[Proclitic] {
	return func(yield func(Proclitic) bool) {
		for _, p := range proclitics {
			if !yield(p) {
				return
			}
		}
	}
}

// Reading is one way to read a written word as a proclitic and the word
// it joins.
type Reading struct {
	Proclitic Proclitic
	// Rest is the written letters after the proclitic.
	Rest string
	// Article: Rest begins with the article's ل, whose alef the
	// proclitic's ل dropped; the word is «ا» + Rest (Word).
	Article bool
}

// Word is the word the proclitic joins, with the article's alef back
// in an Article reading: «للرقه» read as ل + الرقه.
func (r Reading) Word() string {
	if r.Article {
		return "ا" + r.Rest
	}
	return r.Rest
}

// Options narrows the readings of a word.
type Options struct {
	// MinRest is the least number of letters the word must keep after
	// the proclitic, not counting the ل of an elided article: a short
	// remainder is more often a word that merely begins with one of
	// these letters (باب is no ب + اب).
	MinRest int
	// NoKaf leaves ك alone, for callers whose words far more often
	// begin with ك than take it as a proclitic (كفر، كتيبة).
	NoKaf bool
}

// Readings yields the ways to read w (folded) as a proclitic of the
// table and the word it joins, the shortest proclitic first; after a ل
// that may have dropped the article's alef, the Article reading follows
// the plain one (للبنان is ل + لبنان; للرقه is ل + الرقه). w as written
// is not among them.
func Readings(w string, opt Options) iter.Seq[Reading] {
	return func(yield func(Reading) bool) {
		if len(w) < 2 {
			return
		}
		for i := range proclitics {
			p := &proclitics[i]
			if p.Form[1] != w[1] || p.Form[0] != w[0] || !strings.HasPrefix(w, p.Form) {
				continue
			}
			if opt.NoKaf && p.Preposition == "ك" {
				continue
			}
			rest := w[len(p.Form):]
			if !hasLetters(rest, opt.MinRest) {
				continue
			}
			if !yield(Reading{Proclitic: *p, Rest: rest}) {
				return
			}
			if p.ElidesArticle && strings.HasPrefix(rest, "ل") && hasLetters(rest[len("ل"):], opt.MinRest) {
				if !yield(Reading{Proclitic: *p, Rest: rest, Article: true}) {
					return
				}
			}
		}
	}
}

// StripProclitics is w without the longest proclitic that leaves
// opt.MinRest letters (وبشارع → شارع), or w when none does. The article
// is left as written: «للرقه» stays «للرقه» (see Readings).
func StripProclitics(w string, opt Options) string {
	out := w
	for r := range Readings(w, opt) {
		if !r.Article {
			out = r.Rest
		}
	}
	return out
}

// hasLetters reports whether s has n runes or more, counting no further.
func hasLetters(s string, n int) bool {
	for i := 0; i < len(s); n-- {
		if n <= 0 {
			return true
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n <= 0
}
