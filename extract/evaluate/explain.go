package evaluate

import (
	"slices"
	"strings"
	"unicode"

	"github.com/briefing-atlas/atlas/geo/arabic"
)

// Lexicon is what the extractor knows of words and names, the evidence
// Explain judges errors by; *extract.Extractor is one. Words are given as
// written.
type Lexicon interface {
	// CommonWord: an ordinary word (a gazetteer name that is also a
	// word, or a word of the extractor's own lists).
	CommonWord(word string) bool
	// TrapWord: a title, rank, given name, group or outlet word, after
	// which a name belongs to a person or an organisation.
	TrapWord(word string) bool
	// CueWord: a preposition or spatial word before a place.
	CueWord(word string) bool
	// KnownName: a gazetteer name, as written or with proclitics.
	KnownName(name string) bool
	// NamedGovernorate: the governorate a name tells its sentence is
	// about (a governorate's, a region's, a governorate capital's), or "".
	NamedGovernorate(name string) string
}

// ErrorKind is what went wrong: a false alarm, a miss or a wrong place.
type ErrorKind string

// Kinds of error, in the order Explain lists them.
const (
	FalseAlarm ErrorKind = "false alarm"
	Miss       ErrorKind = "miss"
	WrongPlace ErrorKind = "wrong place"
)

// Cause is why, as far as the evidence tells.
type Cause string

// Causes of each kind of error, in the order Explain checks them: the
// first that holds is the cause.
const (
	// A false alarm right after a title, rank, given name, group or
	// outlet word (or two words after one: «جبهة ثوار X»), or a name that
	// begins with a given name (أبو X).
	PersonOrOrganisation Cause = "person or organisation"
	// A false alarm in a nisba form (-ية, ال…ي, -يين) right after a
	// word that is no preposition, both definite or both not: «فصائل
	// سورية», «القوات السعودية».
	AdjectiveOrDemonym Cause = "adjective or demonym"
	// A false alarm that is an ordinary word, or was split off one
	// (وإن → إن): every word of it, or the whole written word it is
	// part of.
	CommonWord Cause = "common word"
	// Any other false alarm.
	OtherFalseAlarm Cause = "other"

	// A miss that a prediction overlaps: atlas found a shorter, longer
	// or shifted name (the prediction matched another gold mention or
	// none).
	PartlyFound Cause = "partly found"
	// A miss whose name the gazetteer lacks, as written or with its
	// proclitics stripped.
	GazetteerLacks Cause = "gazetteer lacks the place"
	// A miss the gazetteer knows by that name.
	KnownNameDropped Cause = "known name dropped"

	// A wrong place in the wrong country (a foreign place for a Syrian
	// one, or the other way round).
	ForeignVsSyrian Cause = "foreign vs Syrian"
	// A wrong governorate where atlas reported a name that sets the
	// right one (a governorate's, a region's such as «ريف X», a
	// governorate capital's) in the same sentence or as the header of
	// the section above («X:» alone on its line).
	NamesakeAgainstContainer Cause = "namesake against a stated container"
	// Any other wrong governorate.
	Namesake Cause = "namesake"
)

// causeOrder is the order of the checks, which breaks ties between
// groups of one size.
var causeOrder = []Cause{
	PersonOrOrganisation, AdjectiveOrDemonym, CommonWord, OtherFalseAlarm,
	PartlyFound, GazetteerLacks, KnownNameDropped,
	ForeignVsSyrian, NamesakeAgainstContainer, Namesake,
}

var kindOrder = []ErrorKind{FalseAlarm, Miss, WrongPlace}

// Error is one false alarm, miss or wrong place, with its cause.
type Error struct {
	Kind    ErrorKind `json:"error"`
	Cause   Cause     `json:"cause"`
	Doc     string    `json:"doc"`
	Start   int       `json:"start"`
	End     int       `json:"end"`
	Surface string    `json:"surface"`
	// Evidence is what decided the cause, when a word or a mention did
	// («after «جبهة»», «overlaps «الزور»»).
	Evidence string `json:"evidence,omitempty"`
	// Context is the text around the span, the span in [brackets],
	// line breaks as « / ».
	Context string `json:"context"`
	// Gold is the gold mention (misses, wrong places), Pred the
	// prediction (false alarms, wrong places).
	Gold *Mention `json:"gold,omitempty"`
	Pred *Mention `json:"pred,omitempty"`
}

// Group is the errors of one kind and cause.
type Group struct {
	Kind   ErrorKind `json:"error"`
	Cause  Cause     `json:"cause"`
	Count  int       `json:"count"`
	Errors []Error   `json:"errors"`
}

// Explain puts each error of r under its cause: the false alarms, the
// misses, and the wrong places (matches in the wrong governorate or the
// wrong country). texts holds each document's text by name, the text the
// offsets count code points in; lx is the extractor's evidence. Groups
// come by kind (false alarms, misses, wrong places), the largest first
// within a kind; errors in document and offset order.
func Explain(r Report, texts map[string]string, lx Lexicon) []Group {
	x := explainer{lx: lx, texts: texts, docs: map[string]*doc{}}
	for _, p := range r.Predictions {
		d := x.doc(p.Doc)
		d.preds = append(d.preds, p)
	}
	var errs []Error
	for _, p := range r.FalseAlarms {
		errs = append(errs, x.falseAlarm(p))
	}
	for _, g := range r.Misses {
		errs = append(errs, x.miss(g))
	}
	for _, pr := range r.Pairs {
		wrongGov := pr.Gold.country() == "SY" && pr.Gold.gov() != "" && pr.Pred.gov() != pr.Gold.gov()
		if wrongGov || pr.Pred.country() != pr.Gold.country() {
			errs = append(errs, x.wrongPlace(pr))
		}
	}
	return group(errs)
}

func group(errs []Error) []Group {
	type key struct {
		k ErrorKind
		c Cause
	}
	at := map[key]int{}
	var groups []Group
	for _, e := range errs {
		k := key{e.Kind, e.Cause}
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, Group{Kind: e.Kind, Cause: e.Cause})
		}
		groups[i].Errors = append(groups[i].Errors, e)
		groups[i].Count++
	}
	for _, g := range groups {
		slices.SortStableFunc(g.Errors, func(a, b Error) int {
			if c := strings.Compare(a.Doc, b.Doc); c != 0 {
				return c
			}
			return a.Start - b.Start
		})
	}
	slices.SortStableFunc(groups, func(a, b Group) int {
		if ka, kb := slices.Index(kindOrder, a.Kind), slices.Index(kindOrder, b.Kind); ka != kb {
			return ka - kb
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return slices.Index(causeOrder, a.Cause) - slices.Index(causeOrder, b.Cause)
	})
	return groups
}

type explainer struct {
	lx    Lexicon
	texts map[string]string
	docs  map[string]*doc
}

// doc is a document's text and predictions.
type doc struct {
	text  []rune
	preds []Mention
}

func (x *explainer) doc(name string) *doc {
	d := x.docs[name]
	if d == nil {
		d = &doc{text: []rune(x.texts[name])}
		x.docs[name] = d
	}
	return d
}

func (x *explainer) falseAlarm(p Mention) Error {
	d := x.doc(p.Doc)
	e := Error{Kind: FalseAlarm, Doc: p.Doc, Start: p.Start, End: p.End, Surface: p.Surface, Pred: &p,
		Context: d.context(p.Start, p.End)}
	w0, _ := d.wordAt(p.Start)
	ps, pe, hasPrev := d.wordBefore(w0)
	prev := string(d.text[ps:pe])
	var prev2 string
	has2 := false
	if hasPrev && !x.lx.CueWord(prev) {
		var s, e int
		s, e, has2 = d.wordBefore(ps)
		prev2 = string(d.text[s:e])
	}
	words := strings.Fields(p.Surface)
	switch {
	case hasPrev && x.lx.TrapWord(prev):
		e.Cause, e.Evidence = PersonOrOrganisation, "after «"+prev+"»"
	case has2 && x.lx.TrapWord(prev2):
		e.Cause, e.Evidence = PersonOrOrganisation, "after «"+prev2+" "+prev+"»"
	case len(words) > 1 && x.lx.TrapWord(words[0]):
		e.Cause, e.Evidence = PersonOrOrganisation, "begins with «"+words[0]+"»"
	case len(words) == 1 && w0 == p.Start && hasPrev && w0-pe == 1 && !x.lx.CueWord(prev) &&
		nisba(p.Surface) && definite(p.Surface) == definite(prev):
		e.Cause, e.Evidence = AdjectiveOrDemonym, "after «"+prev+"»"
	case x.allCommon(words):
		e.Cause = CommonWord
	default:
		e.Cause = OtherFalseAlarm
		// The written word a proclitic was split from (وإن → إن).
		if s, end := d.wordAt(p.Start); s < p.Start || end > p.End {
			if w := string(d.text[s:end]); x.lx.CommonWord(w) {
				e.Cause, e.Evidence = CommonWord, "part of «"+w+"»"
			}
		}
	}
	return e
}

func (x *explainer) allCommon(words []string) bool {
	for _, w := range words {
		if !x.lx.CommonWord(w) {
			return false
		}
	}
	return len(words) > 0
}

func (x *explainer) miss(g Mention) Error {
	d := x.doc(g.Doc)
	e := Error{Kind: Miss, Doc: g.Doc, Start: g.Start, End: g.End, Surface: g.Surface, Gold: &g,
		Context: d.context(g.Start, g.End)}
	for _, p := range d.preds {
		if p.Start < g.End && g.Start < p.End {
			e.Cause, e.Evidence = PartlyFound, "atlas found «"+p.Surface+"»"
			return e
		}
	}
	if !x.lx.KnownName(g.Surface) {
		e.Cause = GazetteerLacks
		return e
	}
	e.Cause = KnownNameDropped
	if x.lx.CommonWord(g.Surface) {
		e.Evidence = "also an ordinary word"
	}
	return e
}

func (x *explainer) wrongPlace(pr Pair) Error {
	g, p := pr.Gold, pr.Pred
	d := x.doc(g.Doc)
	e := Error{Kind: WrongPlace, Doc: g.Doc, Start: g.Start, End: g.End, Surface: g.Surface, Gold: &g, Pred: &p,
		Context: d.context(g.Start, g.End)}
	if p.country() != g.country() {
		e.Cause, e.Evidence = ForeignVsSyrian, "gold "+or(g.country(), "none")+", atlas "+or(p.country(), "none")
		return e
	}
	if c, how := x.container(d, g, p); c != nil {
		e.Cause, e.Evidence = NamesakeAgainstContainer, how+" «"+c.Surface+"»"
		return e
	}
	e.Cause = Namesake
	return e
}

// container finds a prediction other than p whose name tells that g's
// sentence or section is in g's governorate: one in the same sentence,
// else the header of the section g is in.
func (x *explainer) container(d *doc, g, p Mention) (*Mention, string) {
	from, to := d.sentence(g.Start, g.End)
	var header *Mention
	for i := range d.preds {
		c := &d.preds[i]
		if c.Start == p.Start && c.End == p.End {
			continue
		}
		gov := x.lx.NamedGovernorate(c.Surface)
		if gov == "" {
			continue
		}
		if c.Start >= from && c.End <= to && gov == g.gov() {
			return c, "in the sentence"
		}
		if c.End <= g.Start && d.isHeader(*c) {
			header = c
		}
	}
	if header != nil && x.lx.NamedGovernorate(header.Surface) == g.gov() {
		return header, "under the header"
	}
	return nil, ""
}

// isHeader reports a mention alone on its line, after at most one word
// (محافظة X) and before a colon or the line's end.
func (d *doc) isHeader(m Mention) bool {
	if m.Start < 0 || m.End > len(d.text) {
		return false
	}
	words := 0
	inWord := false
	for i := m.Start - 1; i >= 0 && d.text[i] != '\n'; i-- {
		letter := arabic.Fast(d.text[i]).Letter
		if letter && !inWord {
			words++
		}
		inWord = letter
	}
	if words > 1 {
		return false
	}
	for i := m.End; i < len(d.text) && d.text[i] != '\n'; i++ {
		switch r := d.text[i]; {
		case r == ':':
			return true
		case arabic.Fast(r).Letter:
			return false
		}
	}
	return true
}

// sentence is the span of the sentence around [start, end).
func (d *doc) sentence(start, end int) (int, int) {
	from := min(start, len(d.text))
	for from > 0 && !arabic.IsSentenceEnd(d.text[from-1]) {
		from--
	}
	to := min(end, len(d.text))
	for to < len(d.text) && !arabic.IsSentenceEnd(d.text[to]) {
		to++
	}
	return from, to
}

// wordAt is the written word around rune i: its start and end.
func (d *doc) wordAt(i int) (int, int) {
	if i < 0 || i >= len(d.text) {
		return i, i
	}
	s, e := i, i
	for s > 0 && arabic.Fast(d.text[s-1]).Letter {
		s--
	}
	for e < len(d.text) && arabic.Fast(d.text[e]).Letter {
		e++
	}
	return s, e
}

// wordBefore is the word that ends before rune i, across spaces, quotes
// and brackets but not a sentence's end, a comma or a colon: its start
// and end.
func (d *doc) wordBefore(i int) (int, int, bool) {
	j := min(i, len(d.text))
	for j > 0 && !arabic.Fast(d.text[j-1]).Letter {
		if arabic.IsClauseEnd(d.text[j-1]) {
			return 0, 0, false
		}
		j--
	}
	if j == 0 {
		return 0, 0, false
	}
	s, _ := d.wordAt(j - 1)
	return s, j, true
}

// context is the text around [start, end), the span in brackets, on one
// line.
func (d *doc) context(start, end int) string {
	const around = 30
	if start < 0 || end > len(d.text) || start > end {
		return ""
	}
	from, to := max(0, start-around), min(len(d.text), end+around)
	before := strings.TrimLeftFunc(string(d.text[from:start]), unicode.IsSpace)
	after := strings.TrimRightFunc(string(d.text[end:to]), unicode.IsSpace)
	if from > 0 {
		before = "…" + before
	}
	if to < len(d.text) {
		after += "…"
	}
	s := before + "[" + string(d.text[start:end]) + "]" + after
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " / ")), " ")
}

// nisba reports a word in a nisba form, an adjective of place or
// belonging: -ية (folded -يه), the definite ال…ي, or a plural -يين/-يون.
func nisba(w string) bool {
	f := arabic.Fold(w)
	n := len([]rune(f))
	switch {
	case n < 4:
		return false
	case strings.HasSuffix(f, "يه"), strings.HasSuffix(f, "يين"), strings.HasSuffix(f, "يون"):
		return true
	}
	return strings.HasPrefix(f, "ال") && strings.HasSuffix(f, "ي")
}

// definite reports a word with the article, after its proclitics
// (القوات، بالقوات، وللقوات: ل before the article drops its alef).
func definite(w string) bool {
	f := arabic.Fold(w)
	if strings.HasPrefix(f, "ال") {
		return true
	}
	for r := range arabic.Readings(f, arabic.Options{}) {
		if strings.HasPrefix(r.Word(), "ال") {
			return true
		}
	}
	return false
}
