package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

// analysis is the state of one Analyze call.
type analysis struct {
	e    *Extractor
	text string
	fold string // folded words that folding changed; see token
	toks []token
	res  Result

	section  *geo.Place            // governorate of the current section header
	sentGov  *geo.Place            // governorate the current sentence names
	paraGov  *geo.Place            // governorate the current paragraph last named
	near     []*geo.Place          // precise places of the current paragraph
	lastPlc  *geo.Place            // the last precise Syrian place, for landmarks
	lastEnd  int                   // token index after the last accepted mention
	lastCue  cue                   // the cue of the last accepted mention
	dualEnd  int                   // token after a «ريفي X» name, whose conjunct is «ريف Y» too
	listOpen bool                  // the last mention is an item of a list a list head began
	govCount [15]int               // mentions per governorate number
	known    map[string]*geo.Place // names already read as places (one sense per text)
	sentAt   []govAt               // governorates the sentences name, in text order (first pass)
	sentNext int                   // the first of sentAt not before the current sentence
	sentGovs []govAt               // those the current sentence names (second pass)
	self     int                   // the first token of the name being decided
	sentIdx  int                   // first token of the current sentence
	lastSent int                   // sentence of lastPlc
	prepass  bool                  // the first pass only gathers sentence context
	// The longest match at each token, found once for both passes:
	// slot[i] is 0 before the look-up, k+1 for found[k], and for no
	// name noTrigger or mayTrigger: whether the token may be a trigger
	// word, known from the hash the look-up computed.
	slot  []int32
	found []match
	// wflags caches the lexicon's flags of each token (fCached once
	// looked up): the word before a name is asked about again and again.
	wflags []cueFlags
	// scratch holds buffers a previous analysis left for slot and found.
	scratch *scratch
	quotes  quoteState // see quoteOpen
}

// govAt is a governorate a sentence names, and the token where it does;
// direct when the name is the governorate's, a region's or a capital's,
// not a place's that lies in it.
type govAt struct {
	gov    *geo.Place
	tok    int
	sent   int // the sentence's first token
	direct bool
}

// cue is how strongly the words around a name say it is a place.
type cue int

const (
	noCue cue = iota
	weakCue
	strongCue
)

// match is a gazetteer name found at a token.
type match struct {
	flags  nameFlags
	i, n   int    // first token and number of tokens
	skip   int    // folded runes of proclitics stripped from the first token
	prefix string // the stripped proclitics
	key    string // the folded name
	places []*geo.Place
	dual   bool // «ريفي X»: the dual of ريف, which its conjunct shares
}

// run reads the text twice: a first pass finds the governorate each
// sentence names (a name can come before the «ريف X» that places it),
// the second decides every mention with that context.
func (a *analysis) run() {
	a.sentAt = a.sentAt[:0]
	a.prepass = true
	a.pass()
	sentAt, slot, found, wflags := a.sentAt, a.slot, a.found, a.wflags
	*a = analysis{e: a.e, text: a.text, fold: a.fold, toks: a.toks, sentAt: sentAt, slot: slot, found: found, wflags: wflags, scratch: a.scratch}
	a.pass()
}

func (a *analysis) pass() {
	if a.slot == nil {
		var s scratch
		if a.scratch != nil {
			s = *a.scratch
		}
		if cap(s.slot) >= len(a.toks) {
			a.slot = s.slot[:len(a.toks)]
			clear(a.slot)
		} else {
			a.slot = make([]int32, len(a.toks))
		}
		if cap(s.wflags) >= len(a.toks) {
			a.wflags = s.wflags[:len(a.toks)]
			clear(a.wflags)
		} else {
			a.wflags = make([]cueFlags, len(a.toks))
		}
		if a.found = s.found[:0]; cap(a.found) < len(a.toks)/8+1 {
			a.found = make([]match, 0, len(a.toks)/8+1)
		}
	}
	if !a.prepass {
		// Every mention is a match found by the first pass, or a
		// trigger-led name: size the result once.
		if a.scratch != nil && cap(a.scratch.mentions) >= len(a.found)+8 {
			a.res.Mentions = a.scratch.mentions[:0]
		} else {
			a.res.Mentions = make([]Mention, 0, len(a.found)+8)
		}
	}
	a.known = map[string]*geo.Place{}
	a.lastEnd = -1
	for i := 0; i < len(a.toks); {
		a.boundary(i)
		// The second pass knows which tokens begin no name: skip the call.
		if a.slot[i] >= 0 {
			if m, ok := a.longest(i); ok {
				m = a.dualConjunct(m)
				if m.dual {
					a.dualEnd = i + m.n
				}
				// A village named for a trigger word (تلة) does not hide
				// the trigger: «تلة X» is the hill X.
				if !a.prepass && m.n == 1 && m.flags&nGeneric != 0 {
					if n := a.triggered(i); n > 0 {
						i += n
						continue
					}
				}
				a.decide(m)
				i += m.n
				continue
			}
		}
		// Trigger-led unknown names matter only to the second pass.
		if !a.prepass {
			if n := a.listItem(i); n > 0 {
				i += n
				continue
			}
			if n := a.triggered(i); n > 0 {
				i += n
				continue
			}
		}
		i++
	}
}

// boundary resets the context that ends with a sentence or paragraph.
func (a *analysis) boundary(i int) {
	b := a.toks[i].before
	if i == 0 || b&(sepSentence|sepLine|sepPara) != 0 {
		a.sentIdx = i
		a.sentGov = nil
		// The first pass filled sentAt in text order: the current
		// sentence's are the run that starts here.
		k := a.sentNext
		for k < len(a.sentAt) && a.sentAt[k].sent < i {
			k++
		}
		end := k
		for end < len(a.sentAt) && a.sentAt[end].sent == i {
			end++
		}
		a.sentNext, a.sentGovs = k, a.sentAt[k:end]
	}
	if b&sepPara != 0 {
		a.near = a.near[:0]
		a.lastPlc = nil
		a.paraGov = nil
	}
}

// longest finds the longest gazetteer name at token i, trying the token
// as written and with each way of stripping its proclitics.
func (a *analysis) longest(i int) (match, bool) {
	switch k := a.slot[i]; {
	case k < 0:
		return match{}, false
	case k > 0:
		return a.found[k-1], true
	}
	var best match
	tok := a.w(i)
	whole := wordHash(tok)
	a.tryName(i, tok, whole, 0, "", &best)
	for r := range arabic.Readings(tok, nameReadings) {
		skip := utf8.RuneCountInString(r.Proclitic.Form)
		if r.Article {
			// «للرقة» is ل + «الرقة»: its surface keeps the second ل.
			if alef := r.Word(); a.e.filter.mayHave(alef) {
				a.walk(i, alef, skip, r.Proclitic.Form, &best)
			}
			continue
		}
		a.tryName(i, r.Rest, wordHash(r.Rest), skip, r.Proclitic.Form, &best)
	}
	if best.n == 0 {
		a.slot[i] = noTrigger
		if a.e.triggerFilter.mayHaveHash(whole) {
			a.slot[i] = mayTrigger
		}
		return best, false
	}
	a.found = append(a.found, best)
	a.slot[i] = int32(len(a.found))
	return best, true
}

// nameReadings are the proclitics a name may carry: any, when two
// letters remain (حلب، درعا; see shortSplit for the shortest).
var nameReadings = arabic.Options{MinRest: 2}

// tryName looks up the names that begin with first, token i with skip
// folded runes (the proclitic prefix) taken off; h is first's hash.
func (a *analysis) tryName(i int, first string, h uint32, skip int, prefix string, best *match) {
	if a.e.filter.mayHaveHash(h) {
		a.walk(i, first, skip, prefix, best)
	}
	// «ريفي إدلب ودمشق»: the dual (ريفي، ريفا) is ريف twice.
	if first == rifDual || first == rifDualNom {
		before := best.n
		a.walk(i, rif, skip, prefix, best)
		best.dual = best.n > before
	}
}

// ريف, «countryside», and its dual as news writes it (folded): «ريفي إدلب
// ودمشق», «ريفا حلب وإدلب».
const (
	rif        = "ريف"
	rifDual    = "ريفي"
	rifDualNom = "ريفا"
)

// dualConjunct reads the name joined to a «ريفي X» name as the
// countryside of that name too: «ريفي إدلب ودمشق» is ريف إدلب and ريف
// دمشق (the governorate Rural Damascus), when the gazetteer has it.
func (a *analysis) dualConjunct(m match) match {
	if a.dualEnd != m.i || a.dualEnd == 0 || !strings.HasPrefix(m.prefix, "و") {
		return m
	}
	n := a.e.root.child(rif)
	for _, w := range strings.Fields(m.key) {
		n = n.child(w)
	}
	if n == nil || n.places == nil {
		return m
	}
	m.key, m.places, m.flags = rif+" "+m.key, n.places, n.flags
	return m
}

// adjective reports a definite feminine word right after a definite
// feminine noun: it agrees with the noun, so it is an adjective (القوة
// القاهرة، الشريعة الإسلامية is the other way round), not a place.
func (a *analysis) adjective(m match) bool {
	if m.prefix != "" || !strings.HasPrefix(m.key, "ال") || !strings.HasSuffix(m.key, "ه") {
		return false
	}
	p := a.prev(m.i)
	return a.toks[m.i].before == 0 && strings.HasPrefix(p, "ال") && strings.HasSuffix(p, "ه") &&
		!a.e.lx.settlementAnyIs(p)
}

// stripProclitics takes a conjunction and a preposition off a word
// (وبشارع → شارع) when a word of three letters or more remains. Its
// callers look up trigger words, few of which begin with ك and none of
// which take it: ك stays (كتيبة).
func stripProclitics(w string) string {
	return arabic.StripProclitics(w, arabic.Options{MinRest: 3, NoKaf: true})
}

// The slots of tokens that begin no name.
const (
	noTrigger  = -1
	mayTrigger = -2
)

func (a *analysis) walk(i int, first string, skip int, prefix string, best *match) {
	n := a.e.root.child(first)
	if n == nil {
		return
	}
	length, places, flags := 0, []*geo.Place(nil), nameFlags(0)
	if n.places != nil {
		length, places, flags = 1, n.places, n.flags
	}
	for j := i + 1; j < len(a.toks) && n != nil; j++ {
		// A name does not run across punctuation or a line break.
		if a.toks[j].before != 0 {
			break
		}
		n = n.child(a.w(j))
		if n == nil {
			break
		}
		if n.places != nil {
			length, places, flags = j-i+1, n.places, n.flags
		}
	}
	// The longest name wins; among equals, the one that strips least.
	if length > best.n {
		key := first
		for j := i + 1; j < i+length; j++ {
			key += " " + a.w(j)
		}
		*best = match{i: i, n: length, skip: skip, prefix: prefix, key: key, places: places, flags: flags}
	}
}

// w is the folded form of token i.
func (a *analysis) w(i int) string {
	t := &a.toks[i]
	if t.inFold {
		return a.fold[t.fstart:t.fend]
	}
	return a.text[t.bstart:t.bend]
}

// flagsAt is the lexicon's flags of token i (lexicon.words), looked up
// once per text.
func (a *analysis) flagsAt(i int) cueFlags {
	f := a.wflags[i]
	if f&fCached == 0 {
		f = a.e.lx.words[a.w(i)] | fCached
		a.wflags[i] = f
	}
	return f &^ fCached
}

// prevFlags is the flags of the word before token i, as prev reads it:
// none across a sentence's or a line's end.
func (a *analysis) prevFlags(i int) cueFlags {
	if i == 0 || a.toks[i].before&sepClause != 0 {
		return 0
	}
	return a.flagsAt(i - 1)
}

func (a *analysis) prev(i int) string {
	if i == 0 || a.toks[i].before&sepClause != 0 {
		return ""
	}
	return a.w(i - 1)
}

func (a *analysis) next(i int) string {
	if i >= len(a.toks) || a.toks[i].before&sepClause != 0 {
		return ""
	}
	return a.w(i)
}

// cueFor says how strongly the words before match m make it a place,
// and which kind a trigger word hints at.
func (a *analysis) cueFor(m match, prev cueFlags) (cue, geo.Kind) {
	lx := a.e.lx
	if prev&fSettlement != 0 {
		p := a.prev(m.i)
		// «مدن كبرى»: after a plural trigger an indefinite common word
		// is an adjective, unless names follow it (بلدات طعوم وسرمين).
		if prev&fPlural != 0 && m.flags&nCommon != 0 && !strings.HasPrefix(m.key, "ال") && !a.namesFollow(m) {
			return noCue, ""
		}
		// «سيطروا على قرية جديدة»: a word that describes places
		// (notNames) describes this one, though a village bears it.
		if m.n == 1 && lx.notName[m.key] && !a.namesFollow(m) {
			return noCue, ""
		}
		k, _ := lx.settlementKind(p)
		if k == geo.ForeignRegion && !anyAbroad(m.places) {
			return noCue, "" // «ولاية الخير»: an armed group's province
		}
		return strongCue, k
	}
	if prev&fLandmark != 0 {
		return strongCue, geo.Landmark
	}
	// A list continues a cued mention: «بلدات كفرنبودة والهبيط».
	if a.listed(m) {
		return max(a.lastCue, weakCue), ""
	}
	// ب is «in»; ل and ك are too often «for» and «like» to count.
	if prev&fWeak != 0 || strings.Contains(m.prefix, "ب") {
		return weakCue, ""
	}
	if a.lastEnd == m.i {
		return weakCue, ""
	}
	return noCue, ""
}

// anyAbroad reports a place outside Syria among places.
func anyAbroad(places []*geo.Place) bool {
	for _, p := range places {
		if p.Country != "SY" {
			return true
		}
	}
	return false
}

// locative: «في», «إلى», a side (شرقي الموصل) or a ب proclitic before m —
// «من طراز» or «من ليل» is no journey from Taraz or Lille.
func (a *analysis) locative(m match) bool {
	p := a.prev(m.i)
	return strings.Contains(m.prefix, "ب") || p == "في" || p == "الي" || p == "وفي" || p == "والي" || a.e.lx.side[p]
}

// listed reports a name that continues a list of places (، or و).
func (a *analysis) listed(m match) bool {
	p := a.prev(m.i)
	// «و الكريم»: the conjunction written apart.
	return a.lastEnd == m.i && (strings.HasPrefix(m.prefix, "و") || a.toks[m.i].before&(sepComma|sepOther) != 0) ||
		a.lastEnd == m.i-1 && (p == "و" || p == "او")
}

// farKm is how far from where its sentence is a listed village must be
// before atlas doubts the gazetteer's only candidate.
const farKm = 100

func (a *analysis) farFromSentence(p *geo.Place) bool {
	where, _ := a.sentenceContext(a.lastEnd)
	return where != nil && orbgeo.Distance(orb.Point(p.Point), orb.Point(where.Point)) > farKm*1000
}

// trapped reports a name inside a person's, a title's or an
// organisation's name.
func (a *analysis) trapped(m match, prev cueFlags) bool {
	if m.prefix != "" && m.prefix != "و" {
		return false // «بحلب»: a preposition makes it a place
	}
	return prev&(fTrap|fFirstName) != 0 || prev&fTrapAny != 0 && len(a.prev(m.i)) > 4
}

// exempt places are known well enough that their name counts without a
// cue even when it is also a word (حلب "milking", حمص "chickpeas").
func exempt(p *geo.Place) bool {
	switch p.Kind {
	case geo.Country, geo.Governorate, geo.Region:
		return true
	case geo.City:
		return p.Capital == 1
	case geo.ForeignCity:
		return p.Capital == 1
	}
	return false
}

// minor places need a strong cue when their name is a common word; other
// places need a weak one. Small foreign towns are minor here: the news
// names few of them, and their names (الحي، بلد، ليل) are words far more
// often.
func minor(p *geo.Place) bool {
	switch p.Kind {
	case geo.City, geo.Town:
		return false
	case geo.ForeignCity:
		return p.Population < 100_000 // جنيف with في is Geneva; الحي, ليل are words
	}
	return true
}

// fixesGovernorate reports a place whose name sets its sentence's
// governorate: a Syrian governorate, region or governorate capital.
func fixesGovernorate(p *geo.Place) bool {
	return (p.Kind == geo.Governorate || p.Kind == geo.Region || p.Capital == 1) && p.Country == "SY"
}

func (a *analysis) decide(m match) {
	if a.prepass {
		// Only names that fix a governorate by themselves set the
		// sentence's context: governorates, regions, their capitals,
		// and a name of several words that only one place bears (مطار
		// دير الزور العسكري).
		best := m.places[0]
		direct := fixesGovernorate(best)
		if direct || len(m.places) == 1 && best.Country == "SY" && m.flags&nMultiword != 0 && m.flags&nCommon == 0 {
			if k := govIndex(best.Adm1); k > 0 && a.e.govs[k] != nil {
				a.sentAt = append(a.sentAt, govAt{a.e.govs[k], m.i, a.sentIdx, direct})
			}
		}
		return
	}
	// «بقرية الشيخ سعيد»: a village whose name is a trigger word with a
	// proclitic (بقرية) is that trigger before the name that follows.
	if k := m.i + 1; m.n == 1 && k < len(a.toks) && a.toks[k].before == 0 && a.e.lx.triggerForm[a.w(m.i)] != "" {
		if _, ok := a.longest(k); ok {
			return
		}
	}
	a.self = m.i
	prev := a.prevFlags(m.i)
	c, hint := a.cueFor(m, prev)
	if c == noCue && a.unwanted(m) {
		return
	}
	if c != strongCue && (a.trapped(m, prev) || a.inOrganisation(m) || a.spokenTo(m) || a.quotedTitle(m)) {
		return
	}
	if a.nisbaSyria(m) || prev&fPlural != 0 && m.n == 1 && m.prefix == "" && feminineAdjective(m.key) {
		return
	}
	if a.e.lx.month[a.w(m.i)] && c != strongCue {
		return // «في آذار», «تشرين الأول»: a month
	}
	if m.n == 1 && a.e.lx.particle[a.text[a.toks[m.i].bstart:a.toks[m.i].bend]] {
		return // «وإن», «وأن»: a particle, whatever it folds to (وان, Van)
	}
	multiword := m.flags&nMultiword != 0
	// After a named landmark trigger the name is the landmark's
	// (شارع بغداد), not a mention of that place.
	if prev&fNamed != 0 && m.prefix == "" {
		return
	}
	// A trigger word is a trigger (تلة، المدينة), even where a village
	// bears it as its name.
	if m.flags&nGeneric != 0 && !multiword {
		return
	}
	common := m.flags&nCommon != 0
	if common && !multiword && (a.adjective(m) || a.e.lx.battle[a.prev(m.i)] && (a.e.lx.notName[m.key] || adjectiveShape(m.key))) {
		return // «القوة القاهرة», «معركة جديدة»
	}
	best := a.choose(m, hint)
	if a.shortSplit(m, best) {
		return
	}
	if head, ok := a.headed(m); ok && c != strongCue {
		a.unknownHeaded(head, m)
		return
	}
	if common && !multiword && minor(best) && !exempt(best) && c != strongCue && a.next(m.i+m.n) == "من" {
		return // «سلسلة من القرى»: a word of quantity
	}
	generic := m.flags&nGeneric != 0
	// A weak cue that is only the mention just before (no preposition,
	// no list) does not make an ordinary word a place: «مدينة حلب أبرز
	// انتصارات الجيش».
	cued := c == strongCue || c == weakCue && (prev&fWeak != 0 || strings.Contains(m.prefix, "ب") || a.listed(m))
	if prior, ok := a.known[m.key]; ok && c < strongCue && !generic {
		// One sense per text: a name read as a place once, with its
		// cue, is that place again («حي الوعر» … «اتفاق الوعر»).
		best = prior
	} else if multiword && personName(m.key) && !exempt(best) {
		// «قال أبو عمر»: a person, unless a cue or a list says a place.
		if !cued && !a.inList(m) {
			return
		}
	} else if common && !multiword && !exempt(best) {
		// A word that is also a place: a trigger says so, or a
		// preposition in a text that is about that place's governorate,
		// or it heads a list of names (دوما وحرستا وعين ترما); a town
		// among places near it needs nothing more (عزل دوما).
		switch {
		case c == strongCue:
		case cued && !generic && (!minor(best) || a.inContext(best)) && (best.Country == "SY" || a.locative(m)):
		case !generic && best.Country == "SY" && (a.namesFollow(m) || !minor(best) && a.isNear(best)):
		default:
			return
		}
	}
	if abroad, end := a.foreignContainerFor(m, best); abroad != nil {
		// «مدينة روستوف جنوب روسيا»: the clause puts the name abroad.
		// A candidate there wins; with none, the name is placed at its
		// country rather than at a namesake in Syria. A longer name
		// (مدينة سان بطرسبرغ الروسية) is another place than m's.
		for _, p := range m.places {
			if p.Country == abroad.Country && end == m.i+m.n {
				best = p
				break
			}
		}
		if best.Country != abroad.Country || end > m.i+m.n {
			var candidates []*geo.Place
			if end == m.i+m.n {
				candidates = m.places
			}
			a.unknown(m.i, end-1, m.skip, abroad, precision(abroad), candidates, strongCue)
			a.res.Mentions[len(a.res.Mentions)-1].Kind = abroadKind(hint)
			return
		}
	}
	if minor(best) && !exempt(best) && !a.inContext(best) && c == strongCue && best.Country == "SY" && (common || a.farFromSentence(best)) {
		// «قرى بسهل الغاب (الرملة، …)»: a village whose name is also a
		// word, cued, in a sentence that says where it is, and no
		// candidate there: the gazetteer lacks this one. Place it where
		// the sentence is, not elsewhere. (A name that is no word is more
		// likely the one village the gazetteer has, unless that one lies
		// far from where the sentence is.)
		if where, prec := a.sentenceContext(m.i); where != nil {
			a.unknownInContext(m, where, prec)
			return
		}
	}
	men := a.placed(m.i, m.i+m.n-1, m.skip, best, m.places, c)
	if a.metonymic(m, best) {
		men.Use = Metonymic
	}
	a.header(m, best)
	if (c == strongCue || exempt(best)) && !generic {
		a.known[m.key] = best
	}
	a.accept(men, m.i, m.i+m.n, c)
}

// unwanted reports, before any costlier check, an uncued one-word name
// that is an ordinary word (على folds to the village علي) and whose
// places all need a cue: nothing further on could accept it. It is the
// same verdict as the checks below reach, only sooner: not after a name
// head (بيت X), not a name read before, not heading a list.
func (a *analysis) unwanted(m match) bool {
	const all = nCommon | nMinorOnly
	if m.n != 1 || m.flags&all != all {
		return false
	}
	if _, ok := a.headed(m); ok {
		return false
	}
	if _, ok := a.known[m.key]; ok {
		return false
	}
	return !a.namesFollow(m)
}

// placed is the mention of place p that tokens first…last name (skip
// folded runes of proclitics off the first), found among candidates with
// cue c.
func (a *analysis) placed(first, last, skip int, p *geo.Place, candidates []*geo.Place, c cue) Mention {
	tn := a.toks[last]
	start, bstart := offsetAfter(a.text, a.toks[first], skip)
	return Mention{
		Start: start, End: int(tn.end), Surface: a.text[bstart:tn.bend],
		Name: p.NameAr, Kind: p.Kind, Place: p, Use: Literal, GeoPrecision: precision(p),
		Candidates: candidates, Confidence: confidence(c, len(candidates)),
	}
}

// unknownInContext records a cued name whose gazetteer candidates all lie
// outside the governorate its sentence names: it is placed in that
// governorate and reported as unresolved.
func (a *analysis) unknownInContext(m match, where *geo.Place, prec int) {
	a.unknown(m.i, m.i+m.n-1, m.skip, where, prec, m.places, strongCue)
}

// unknown records tokens first…last (skip folded runes of proclitics off
// the first) as a name the gazetteer lacks: listed as unresolved, and a
// mention placed at where, the place the text is about.
func (a *analysis) unknown(first, last, skip int, where *geo.Place, prec int, candidates []*geo.Place, c cue) {
	tn := a.toks[last]
	start, bstart := offsetAfter(a.text, a.toks[first], skip)
	surface := a.text[bstart:tn.bend]
	a.res.Unresolved = append(a.res.Unresolved, Unresolved{
		Start: start, End: int(tn.end), Name: surface,
		Sentence: sentence(a.text, bstart, int(tn.bend)),
	})
	a.accept(Mention{
		Start: start, End: int(tn.end), Surface: surface, Name: surface, Kind: geo.Village,
		Place: where, GeoPrecision: max(prec, 2), Confidence: 0.4, Use: Literal, Candidates: candidates,
	}, first, last+1, c)
}

// foreignContainerFor is the country abroad the clause puts m in, when
// it is not best's or m is the first word of a longer name, and where
// that name ends: nil for the places known well enough by name.
func (a *analysis) foreignContainerFor(m match, best *geo.Place) (*geo.Place, int) {
	if exempt(best) {
		return nil, 0
	}
	if abroad, end := a.foreignContainer(m.i, m.i+m.n); abroad != nil && (best.Country != abroad.Country || end > m.i+m.n) {
		return abroad, end
	}
	return nil, 0
}

// abroadKind is the kind of a name the gazetteer lacks that a clause
// puts abroad, after a trigger of kind hint: a province after a province
// word (ولاية تكساس، محافظة شبوة), a city otherwise.
func abroadKind(hint geo.Kind) geo.Kind {
	if hint == geo.ForeignRegion || hint == geo.Governorate {
		return geo.ForeignRegion
	}
	return geo.ForeignCity
}

// unknownHeaded reads a name head and the known name after it (بيت X)
// as a name the gazetteer lacks, placed where the text is.
func (a *analysis) unknownHeaded(head int, m match) {
	if where, prec := a.context(head); where != nil {
		skip := 0
		if strings.HasPrefix(a.w(head), "و") {
			skip = 1
		}
		a.unknown(head, m.i+m.n-1, skip, where, prec, nil, weakCue)
	}
}

func (a *analysis) accept(men Mention, first, end int, c cue) {
	a.res.Mentions = append(a.res.Mentions, men)
	a.listOpen = a.headedItem(first)
	a.lastEnd, a.lastCue = end, c
	p := men.Place
	if p == nil || men.Kind == geo.Landmark && men.Name != p.NameAr {
		return
	}
	if p.Country != "SY" {
		// Places abroad support their neighbours too (الموصل وسنجار).
		if men.GeoPrecision == 1 {
			a.near = append(a.near, p)
		}
		return
	}
	if k := govIndex(p.Adm1); k > 0 {
		a.govCount[k]++
		if p.Kind == geo.Governorate || p.Kind == geo.Region || p.Capital == 1 {
			a.sentGov = a.e.govs[k]
			a.paraGov = a.sentGov
		}
	}
	if men.GeoPrecision == 1 {
		a.near = append(a.near, p)
		a.lastPlc, a.lastSent = p, a.sentIdx
	}
}

// headedItem reports a name at token first that is an item of a list a
// list head began (قرى X وY): right after the head, or joined to the
// item accepted before it.
func (a *analysis) headedItem(first int) bool {
	return a.prevFlags(first)&fListHead != 0 || a.listOpen && a.lastEnd == first && a.joins(first)
}

// choose picks the candidate the context supports best.
func (a *analysis) choose(m match, hint geo.Kind) *geo.Place {
	if len(m.places) == 1 {
		return m.places[0]
	}
	best, bestScore := m.places[0], -1<<30
	stated := a.containerAfter(m)
	for idx, p := range m.places {
		s := p.Rank() - idx // list order (default senses, exact names) breaks ties
		if p.IsDefaultFor(m.key) {
			s += 100
		}
		if hint != "" && kindFits(hint, p.Kind) {
			s += 30
		}
		// «منطقة المدينة», «حي بغداد»: a local trigger names a Syrian place.
		if p.Country != "SY" && (hint == geo.Neighborhood || hint == geo.Village || hint == geo.Town ||
			hint == geo.Camp || hint == geo.Subdistrict || hint == "" && a.settled(m)) {
			s -= 60
		}
		if p.Adm1 != "" {
			if stated != nil && p.Adm1 == stated.ID {
				s += 100 // «X بريف دير الزور»: the container the name states
			}
			if a.sentenceNames(p.Adm1) {
				s += 60
			}
			if a.section != nil && p.Adm1 == a.section.ID {
				s += 70 // a field report's section outweighs fame abroad
			}
			if a.paraGov != nil && p.Adm1 == a.paraGov.ID {
				s += 40 // «وفي ريف درعا …، بالريف الشمالي» : the paragraph's
			}
			s += 5 * min(a.govCount[govIndex(p.Adm1)], 4)
		}
		if a.nearTo(p, true) {
			s += 40 // near the paragraph's places, or one of them again
		}
		if s > bestScore {
			best, bestScore = p, s
		}
	}
	return best
}

// containerAfter is the governorate a container right after m states
// («X بريف دير الزور», «X في محافظة حلب», «X بمدينة حماة»): a governorate,
// region or capital named within two words of the name, with no
// punctuation between and a preposition first. A container after a list
// places every item of it (قرى X وY، Z في ريف حماة), so for an item it is
// the one after the list's last name; a comma may close such a list before
// it. Nil when there is none.
func (a *analysis) containerAfter(m match) *geo.Place {
	end, items := a.listEnd(m.i+m.n, a.headedItem(m.i))
	if end >= len(a.toks) {
		return nil
	}
	if b := a.toks[end].before; b != 0 && (b != sepComma || items == 0 && !a.inList(m)) {
		return nil
	}
	w := a.w(end)
	if !strings.HasPrefix(w, "ب") && w != "في" {
		return nil
	}
	for _, g := range a.sentGovs {
		if !g.direct || g.tok < end || g.tok > end+2 {
			continue
		}
		for k := end + 1; k <= g.tok; k++ {
			if a.toks[k].before != 0 {
				return nil
			}
		}
		return g.gov
	}
	return nil
}

// maxListItems bounds how far listEnd reads: longer runs of commas are
// seldom one list.
const maxListItems = 12

// listEnd is the token after the last item of the list that goes on at
// token k, after a name, and how many items follow that name: none when
// the name ends no list. Only after a list head (قرى X وY) may an item be
// a word the gazetteer lacks: elsewhere «X وتقدمت في …» is no list.
func (a *analysis) listEnd(k int, headed bool) (int, int) {
	items := 0
	for ; items < maxListItems; items++ {
		next, ok := a.listNext(k, headed)
		if !ok {
			break
		}
		k = next
	}
	return k, items
}

// listNext reads the item of a list at token k, joined to the one before
// by «و» or a comma, and returns the token after it. An item is a
// gazetteer name or, when headed, a word shaped like one (the gazetteer
// lacks many villages), after a settlement or landmark word (وقرية X،
// بلدة Y، تل Z), with the words that extend a name (المويلح الشمالي).
func (a *analysis) listNext(k int, headed bool) (int, bool) {
	if k >= len(a.toks) || !a.joins(k) {
		return 0, false
	}
	if a.w(k) == "و" {
		k++ // «و» written apart
		if k >= len(a.toks) || a.toks[k].before != 0 {
			return 0, false
		}
	}
	// A name that begins with a trigger word (تل ذهب) is a name first.
	if end, ok := a.itemAt(k, headed); ok {
		k = end
	} else if a.flagsAt(k)&(fSettlement|fLandmark) == 0 || k+1 >= len(a.toks) || a.toks[k+1].before != 0 {
		return 0, false
	} else if k, ok = a.itemAt(k+1, headed); !ok {
		return 0, false
	}
	for j := k; j < len(a.toks) && j < k+2 && a.toks[j].before == 0 && a.e.lx.namePart[a.w(j)]; j++ {
		k = j + 1
	}
	return k, true
}

// itemAt reads the name of a list's item at token k and returns the
// token after it: a gazetteer name, or when headed a word shaped like one.
func (a *analysis) itemAt(k int, headed bool) (int, bool) {
	if m, ok := a.longest(k); ok && m.flags&nGeneric == 0 {
		return k + m.n, true
	}
	return k + 1, headed && a.itemName(strings.TrimPrefix(a.w(k), "و"))
}

// settled reports a kindless settlement trigger before m (منطقة).
func (a *analysis) settled(m match) bool {
	_, ok := a.e.lx.settlementKind(a.prev(m.i))
	return ok
}

func kindFits(hint, k geo.Kind) bool {
	switch hint {
	case geo.City:
		return k == geo.City || k == geo.Town || k == geo.ForeignCity
	case geo.Town:
		return k == geo.Town || k == geo.Village || k == geo.City
	case geo.Village:
		return k == geo.Village || k == geo.Town
	}
	return hint == k
}

// inContext reports whether p lies in the governorate the text is about
// here, or near the places just mentioned.
func (a *analysis) inContext(p *geo.Place) bool {
	if p.Adm1 != "" && (a.section != nil && p.Adm1 == a.section.ID || a.sentenceNames(p.Adm1)) {
		return true
	}
	return a.isNear(p)
}

// sentenceNames reports whether the current sentence names governorate
// adm1 (before or after this point), or has just named it.
func (a *analysis) sentenceNames(adm1 string) bool {
	if a.sentGov != nil && a.sentGov.ID == adm1 {
		return true
	}
	for _, g := range a.sentGovs {
		// A name that only one place bears sets its sentence's
		// governorate for the others, not for itself.
		if g.gov.ID == adm1 && (g.direct || g.tok != a.self) {
			return true
		}
	}
	return false
}

// sentenceGov is the governorate the current sentence names nearest to
// token i, or nil.
func (a *analysis) sentenceGov(i int) *geo.Place {
	var best *geo.Place
	dist, direct := 1<<30, false
	for _, g := range a.sentGovs {
		d := g.tok - i
		if d < 0 {
			d = -d
		}
		// A governorate named as such outweighs one a place implies.
		if g.direct && !direct || g.direct == direct && d < dist {
			best, dist, direct = g.gov, d, g.direct
		}
	}
	if best == nil {
		return a.sentGov
	}
	return best
}

// nearKm is how close a candidate must be to a place of the same
// paragraph for the two to support each other.
const nearKm = 30

func (a *analysis) isNear(p *geo.Place) bool { return a.nearTo(p, false) }

// nearTo reports a place of the paragraph within nearKm of p; with
// itself, p among them counts too (a name said again means the place it
// meant before). isNear leaves a place out of its own support, which the
// acceptance of ordinary words and list coherence need.
func (a *analysis) nearTo(p *geo.Place, itself bool) bool {
	// The latest places first; a box test spares most distances.
	const box = nearKm / 80.0 // degrees, generous at Syria's latitudes
	for k := len(a.near) - 1; k >= 0 && k >= len(a.near)-30; k-- {
		q := a.near[k]
		if q == p {
			if itself {
				return true
			}
			continue
		}
		dx, dy := p.Point[0]-q.Point[0], p.Point[1]-q.Point[1]
		if dx > box || dx < -box || dy > box || dy < -box {
			continue
		}
		if orbgeo.Distance(orb.Point(p.Point), orb.Point(q.Point)) <= nearKm*1000 {
			return true
		}
	}
	return false
}

// header makes a governorate named alone on its line («حلب::») the
// context of the lines that follow.
func (a *analysis) header(m match, p *geo.Place) {
	if p.Country != "SY" || p.Adm1 == "" {
		return
	}
	start := m.i
	if _, ok := a.e.lx.settlementKind(a.prev(m.i)); ok {
		start = m.i - 1 // «محافظة حلب:»
	}
	atLineStart := start == 0 || a.toks[start].before&(sepLine|sepPara) != 0
	end := m.i + m.n
	atLineEnd := end == len(a.toks) || a.toks[end].before&(sepLine|sepPara|sepColon) != 0
	if atLineStart && atLineEnd {
		a.section = a.e.govs[govIndex(p.Adm1)]
		a.near = a.near[:0]
	}
}

// metonymic: a capital or country that reports, refuses or demands.
func (a *analysis) metonymic(m match, p *geo.Place) bool {
	if !(p.Kind == geo.Country || p.Capital == 1 && (p.Kind == geo.ForeignCity || p.ID == "C1001")) {
		return false
	}
	w := a.e.lx.words
	return w[a.prev(m.i)]&fReporting != 0 || w[a.next(m.i+m.n)]&fReporting != 0
}

func precision(p *geo.Place) int {
	switch p.Kind {
	case geo.Country:
		return 4
	case geo.Governorate:
		return 3
	case geo.District, geo.Subdistrict, geo.Region:
		return 2
	}
	if p.CoordFrom != "" {
		return 2
	}
	return 1
}

func confidence(c cue, candidates int) float64 {
	conf := 0.7
	switch c {
	case strongCue:
		conf = 0.95
	case weakCue:
		conf = 0.8
	}
	if candidates > 1 {
		conf -= 0.1
	}
	return conf
}
