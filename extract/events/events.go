// Package events finds what happened where in Arabic news: clauses that
// report air strikes, shelling, clashes, explosions, changes of control,
// displacement, agreements, meetings and protests, typed with ACLED's
// types and sub-types and tied to the place mentions of package extract
// and to the sentence that says so.
package events

import (
	"crypto/sha1"
	"encoding/hex"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
)

// Event is one happening a text reports, at one place or a few places
// named together, with the clause that reports it.
type Event struct {
	ID         string
	Start, End int // code point offsets of the evidence
	Evidence   string
	Type       string
	SubType    string
	// Places are the literal place mentions of the event, the most
	// precise first; Place is where it goes on the map.
	Places []extract.Mention
	// Also are the other clauses that tell this event: a later sentence
	// about the same kind of happening at the same places (code point
	// offsets, in text order).
	Also         []Span
	Place        *geo.Place
	GeoPrecision int
	Fatalities   *int
	Injured      *int
	Actors       []string
	Date         *time.Time
	// DatePrecision says how much of Date the text gives: "day",
	// "month" or "year"; "" when Date is nil.
	DatePrecision string
	Confidence    float64
	sentence      int // index of the sentence, for joining clauses
	at            int // code point offset of the trigger word
}

// Span is a clause of the text: its code point offsets and its words.
type Span = extract.Span

// Governorate is the OCHA English name of the event's governorate, or ""
// outside Syria.
func (e *Event) Governorate() string {
	if e.Place == nil {
		return ""
	}
	return e.Place.Governorate()
}

// Country is the ISO code of the event's country.
func (e *Event) Country() string {
	if e.Place == nil {
		return ""
	}
	return e.Place.Country
}

// Detector finds events. Build it once with New; it is safe for
// concurrent use.
type Detector struct {
	triggers       map[string]string
	phrases        map[string]map[string]string // second word → first word → sub-type
	phraseFirst    map[string]bool
	ceasefire      map[string]bool
	doers          map[string]bool
	lapses         map[string]bool
	aside          map[string]bool
	alongside      map[string]bool
	relatives      map[string]bool
	support        map[string]bool
	attempts       map[string]bool
	drops          map[string]bool
	officials      map[string]bool
	aircraft       map[string]bool
	airVerbs       map[string]bool
	arrivals       map[string]bool
	members        map[string]bool
	consecutive    map[string]bool
	met            map[string]bool
	goingOn        map[string]bool
	airMakers      map[string]bool
	becauseOf      map[string]bool
	clearing       map[string]bool
	about          map[string]bool
	results        map[string]bool
	stretches      map[string]bool
	toldBefore     map[string]bool
	posts          map[string]bool
	defences       map[string]bool
	forcing        map[string]bool
	idioms         map[string]map[string]bool // trigger → the words after it that make no happening
	oneDead        map[string]bool
	oneDeath       map[string]bool
	generic        map[string]bool
	nonEvents      map[string]bool
	afterNon       map[string]bool
	negators       map[string]bool
	state          map[string]bool
	dual           map[string]bool
	narrative      map[string]bool
	background     map[string]bool
	months         map[string]bool
	speech         map[string]bool
	deathNouns     map[string]bool
	injuryNouns    map[string]bool
	since          map[string]bool
	monthNumbers   map[string]int
	referenceWords map[string]bool
	artillery      map[string]bool
	percent        map[string]bool
	causes         map[string]bool
	copulas        map[string]bool
	monthLeads     map[string]bool
	monthTails     map[string]bool
	consequences   map[string]bool
	spans          map[string]bool
	future         map[string]bool
	deathVerbs     map[string]bool
	injuryVerbs    map[string]bool
	onePerson      map[string]bool
	noHarm         map[string]bool
	noHarmNeg      map[string]bool
	numbers        map[string]int
	actors         map[string]string
	actorFirst     map[string]bool // the first words of the actor phrases
	days           map[string]time.Weekday
	maxActor       int // words in the longest actor phrase
	// scratches hold what one Detect call works in, kept for the next:
	// a cache of what the detector knows of each folded word form (an
	// archive repeats a few thousand forms, and working each out again
	// per text was most of detection's time), and the text's runes and
	// words. Each Detect call takes one for itself, so none needs a lock.
	scratches chan *scratch
}

// report is a clause's own report: its sub-type and where its trigger is.
type report struct {
	subType string
	at      int
}

// stated is the date a clause states, with its precision.
type stated struct {
	t    time.Time
	prec string
	ok   bool
}

// resize is s with n zero elements, reusing its array when it can.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

type scratch struct {
	sentences, cls []clause // the text's clauses, as cut and as split
	old, owns      []bool
	kinds          []report
	clWords        [][]word
	stated         []stated
	lexicon        map[string]*lexeme // by folded form
	// recent holds, in a slot a hash of its bytes picks, the last word
	// as written seen there, inline: most words of a text are among
	// the few thousand forms an archive repeats, and the slot is one
	// cache line where a map look-up was several.
	recent *[recentSize]recentWord
	// written is lexicon by the word as written: most words were seen
	// before, and one look-up of their bytes spares folding them. A
	// word that folds to nothing (marks alone) maps to nil.
	written map[string]*lexeme
	runes   []rune
	words   []word
	actors  []actorAt // a clause's actor spans, reused
}

// recentSize is the number of slots of a scratch's recent words (a
// power of two).
const recentSize = 1 << 14

// recentWord is a word as written, of up to len(raw) bytes, and its
// lexeme (nil for a word that folds to nothing); n is 0 in an empty slot.
type recentWord struct {
	l   *lexeme
	n   uint8
	raw [23]byte
}

// maxLexicon bounds a cache of word forms; past it the cache starts over.
const maxLexicon = 1 << 20

func (d *Detector) takeScratch() *scratch {
	select {
	case s := <-d.scratches:
		return s
	default:
		return &scratch{lexicon: map[string]*lexeme{}, written: map[string]*lexeme{}, recent: new([recentSize]recentWord)}
	}
}

func (d *Detector) putScratch(s *scratch) {
	if len(s.written) > maxLexicon {
		clear(s.lexicon)
		clear(s.written)
		clear(s.recent[:])
	}
	clear(s.words) // they point at lexemes: keep none of a cleared cache
	clear(s.clWords)
	s.runes, s.words = s.runes[:0], s.words[:0]
	select {
	case d.scratches <- s:
	default: // enough for the callers there are
	}
}

// lexeme is what the detector knows of one folded word form.
type lexeme struct {
	w      string // folded, as written
	bare   string // without و/ف/ب/ل/ك proclitics (when a known word remains)
	flags  wordFlag
	sub    string            // the sub-type the word alone reports: triggers[bare]
	firsts map[string]string // the phrases it ends: phrases[bare]
}

// wordFlag marks the word lists a form (as written or stripped) is on.
type wordFlag uint64

const (
	isBackground        wordFlag = 1 << iota // background[bare] or background[stripAll(w)]
	isMonth                                  // months[bare]
	isSpeech                                 // speech[bare] or speech[stripAll(w)]
	isNegator                                // negators[bare] or negators[stripAll(w)]
	isActorish                               // may begin an actor's name: actorFirst[bare] or actors[stripAll(w)]
	isTrigger                                // may report a happening: a trigger, a phrase's last word or an arrival
	isDateLead                               // may lead a stretch or a state: منذ، خلال، طوال، في, or a relative pronoun
	isToll                                   // may tell a toll: a word of death or injury, a negation, «فقط»
	isNonEvent                               // nonEvents[bare] or nonEvents[w]
	isSupport                                // support[w]
	isDoer                                   // doers[w] or doers[stripAll(w)]
	isToldBefore                             // toldBefore[w]
	isAfterNon                               // afterNon[bare]
	isProspect                               // future[w] or copulas[w]
	isState                                  // state[bare]
	isPercent                                // percent[bare]
	isPhraseFirst                            // the first word of a phrase trigger: phraseFirst[bare]
	isArrival                                // arrivals[bare]
	isDefence                                // airDefences[w] or airDefences[stripAll(w)]
	isDayWord                                // a day's word: days[bare], أمس، اليوم
	isArtillery                              // artillery[bare]
	isPost                                   // posts[w] or posts[stripAll(w)]
	isRelative                               // relatives[w]
	isNarrative                              // narrative[w]: a verb that opens a clause after «و »
	isNarrativeAfterAnd                      // و and a narrative verb, written as one word (وتجري)
	isMidClause                              // midClause[w] (كما، فيما)
	isTopicLead                              // the first word of a topic opener: من، ومن، في، وفي
	isAnd                                    // «و» written apart, which a narrative verb may follow
	hasIdiom                                 // a trigger some words after it make an idiom of: idioms[bare]
	isConsecutive                            // consecutive[w]: ليسيطر، ويسيطر
	isAirMaker                               // airMakers[w]: روسي، الحربي
	isClearing                               // clearing[w] or clearing[stripAll(w)]: نزع، كاسحات
	isOfficial                               // officials[w] or officials[stripAll(w)]: وزير، محافظ
	isReportForm                             // triggers[w], deathNouns[w] or injuryNouns[w]: see reportWord
	// The lists asked of a word as written or stripped (written), once
	// per form rather than once per question.
	isSince         // since
	isCause         // causes
	isBecauseOf     // becauseOf
	isNarrativeForm // narrative
	isAlongside     // alongside
	isCeasefire     // ceasefire
	isAirVerb       // airVerbs
	isDrop          // drops
	isForcing       // forcing
	isMember        // members
	isReferenceWord // referenceWords
	isPlaceWordBare // placeWords[stripAll(w)]
)

// opensFlags are the flags of a word that may open a clause after a space.
const opensFlags = isNarrativeAfterAnd | isMidClause | isTopicLead | isAnd

// New builds a detector with atlas's Arabic lexicon.
func New() *Detector {
	set := func(words []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range words {
			m[arabic.Fold(w)] = true
		}
		return m
	}
	d := &Detector{
		triggers: map[string]string{}, numbers: map[string]int{}, actors: map[string]string{},
		actorFirst: map[string]bool{}, days: map[string]time.Weekday{},
	}
	d.nonEvents, d.afterNon, d.negators = set(nonEvents), set(afterNonEvents), set(clauseNegators)
	d.state, d.narrative, d.background = set(stateWords), set(narrativeVerbs), set(backgroundWords)
	d.speech, d.months, d.dual = set(speechVerbs), set(months), set(dualPeople)
	d.deathNouns, d.injuryNouns = set(deathNouns), set(injuryNouns)
	d.deathVerbs, d.injuryVerbs = set(deathVerbs), set(injuryVerbs)
	d.onePerson, d.noHarm, d.noHarmNeg = set(onePerson), set(noHarm), set(noHarmNegators)
	d.since, d.future, d.artillery = set(sinceWords), set(futureVerbs), set(artilleryWords)
	d.percent, d.referenceWords = set(percentWords), set(referenceWords)
	d.consequences, d.spans = set(consequenceWords), set(longSpans)
	d.causes, d.copulas = set(causeWords), set(copulas)
	d.doers, d.generic, d.lapses = set(doerNouns), set(genericAttacks), set(lapses)
	d.oneDead, d.oneDeath, d.aside = set(oneDead), set(oneDeath), set(asideWords)
	d.alongside, d.relatives = set(alongsideWords), set(relativePronouns)
	d.about, d.toldBefore, d.stretches = set(aboutWords), set(toldBefore), set(stretches)
	d.results = set(resultVerbs)
	d.support, d.attempts, d.drops, d.officials = set(supportWords), set(attemptWords), set(dropWords), set(officials)
	d.arrivals, d.aircraft, d.airVerbs = set(arrivals), set(aircraft), set(airVerbs)
	d.members, d.clearing, d.becauseOf = set(memberNouns), set(mineClearing), set(becauseOf)
	d.airMakers, d.goingOn, d.met = set(airMakers), set(goingOn), set(meetingVerbs)
	d.consecutive = set(consecutiveControl)
	d.posts, d.forcing, d.defences = set(postWords), set(forcingVerbs), set(airDefences)
	d.idioms = map[string]map[string]bool{}
	for w, after := range idioms {
		d.idioms[arabic.Fold(w)] = set(after)
	}
	d.monthLeads, d.monthTails = set(monthLeads), set(monthTails)
	for w, st := range triggers {
		d.triggers[arabic.Fold(w)] = st
	}
	d.phrases, d.phraseFirst, d.ceasefire = map[string]map[string]string{}, map[string]bool{}, set(ceasefireWords)
	for _, p := range phraseTriggers {
		for _, second := range p.second {
			k := arabic.Fold(second)
			if d.phrases[k] == nil {
				d.phrases[k] = map[string]string{}
			}
			for _, first := range p.first {
				d.phrases[k][arabic.Fold(first)] = p.subType
				d.phraseFirst[arabic.Fold(first)] = true
			}
		}
	}
	for w, n := range numberWords {
		d.numbers[arabic.Fold(w)] = n
	}
	for w, a := range actors {
		k := arabic.Fold(w)
		d.actors[k] = a
		fields := strings.Fields(k)
		d.actorFirst[fields[0]] = true
		d.maxActor = max(d.maxActor, len(fields))
	}
	d.monthNumbers = map[string]int{}
	for w, m := range monthNumbers {
		d.monthNumbers[arabic.Fold(w)] = m
	}
	for i, w := range days {
		d.days[arabic.Fold(w)] = time.Weekday(i)
		d.days[strings.TrimPrefix(arabic.Fold(w), "ال")] = time.Weekday(i)
	}
	d.scratches = make(chan *scratch, 64)
	return d
}

// Detect returns the events of text, whose place mentions are mentions
// (from extract, offsets into text). date is the article's date, zero when
// unknown; doc names the text in event ids.
func (d *Detector) Detect(doc, text string, mentions []extract.Mention, date time.Time) []Event {
	if !date.IsZero() {
		// An event's date is a day of the calendar as the article names
		// it, not an instant: its hour and zone would only order events
		// of one day by the time their articles were filed.
		date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	}
	sc := d.takeScratch()
	defer d.putScratch(sc)
	// Evidence is a slice of text, not a copy: the caller keeps the text,
	// and an archive's evidence would otherwise be held twice.
	offs, runes := extract.IndexRunes(text, sc.runes[:0])
	sc.runes = runes
	var out []Event
	var carry []extract.Mention // the last places of the sentence, for clauses that name none
	carrySentence := -1
	type told struct{ event, sentence int }
	seen := map[string]told{} // sub-type and places of the events so far → the event, its last sentence
	all := d.words(sc, text)  // every word once; clauses take slices
	sc.words = all
	// in is the words of [start, end). Clauses are asked for in text
	// order, mostly: from where the last one began, a few steps forward
	// find the next.
	from := 0
	in := func(start, end int) []word {
		i := from
		if i > 0 && all[i-1].start >= start {
			i = indexAt(all, start)
		}
		for i < len(all) && all[i].start < start {
			i++
		}
		j := i
		for j < len(all) && all[j].start < end {
			j++
		}
		from = i
		return all[i:j]
	}
	lits := d.literals(sc, mentions, runes) // the mentions that can place an event
	// The per-clause tables below live in the scratch: a text's worth
	// of them is made once per Detector, not once per text.
	sentences := clauses(sc.sentences[:0], runes, all)
	sc.sentences = sentences
	cls, old := sc.cls[:0], sc.old[:0] // old: the clauses of a standing state or a total
	for _, cl := range sentences {
		dated := d.dated(in(cl.start, cl.end))
		n := len(cls)
		cls = d.splitMixed(cls, in, cl)
		for range cls[n:] {
			old = append(old, dated)
		}
	}
	sc.cls, sc.old = cls, old
	// Each clause's own report, worked out once: the tolls of an event
	// look at its neighbours' too.
	kinds, owns, clWords := resize(sc.kinds, len(cls)), resize(sc.owns, len(cls)), resize(sc.clWords, len(cls))
	sc.kinds, sc.owns, sc.clWords = kinds, owns, clWords
	for ci, cl := range cls {
		clWords[ci] = in(cl.start, cl.end)
		var k Event
		k, owns[ci] = d.classify(clWords[ci])
		kinds[ci] = report{k.SubType, k.at}
	}
	// A timeline: clauses that give dates of their own. There an
	// undated clause is not dated to the article's day.
	statedAt := resize(sc.stated, len(cls))
	sc.stated = statedAt
	dated := 0
	for ci := range cls {
		st := &statedAt[ci]
		if st.t, st.prec, st.ok = d.statedDate(clWords[ci], date); st.ok {
			dated++
		}
	}
	timeline := dated >= 2
	lastAgent := ""   // the agent the paragraph named last, for clauses that name none
	paraSentence := 0 // the paragraph's first sentence
	for ci, cl := range cls {
		if cl.sentence != carrySentence {
			carry = nil
		}
		if cl.para {
			clear(seen)
			lastAgent = ""
			paraSentence = cl.sentence
		}
		places := literalIn(lits, cl.start, cl.end)
		// «… غداة إعلان الجيش السيطرة على المدينة التي تعد الأخيرة في
		// سوريا»: in a part cut from its sentence, Syria as a whole places
		// nothing, and the sentence's places before it hold.
		if cl.cont && len(places) > 0 && len(notSyria(places)) == 0 {
			places = nil
		}
		words := clWords[ci]
		prevAgent := lastAgent
		spans := d.actorSpans(sc.actors[:0], words)
		sc.actors = spans
		who := d.agentOf(spans, words)
		if who != "" {
			lastAgent = who
		}
		ev, ok := Event{SubType: kinds[ci].subType, at: kinds[ci].at}, owns[ci] && !old[ci]
		if len(places) > 0 {
			carry, carrySentence = places, cl.sentence
		}
		if !ok {
			continue
		}
		own := len(places) > 0
		// «كما تسبب القصف في…», «وأدى القصف إلى…»: what the happening
		// just told led to, in its sentence or the next (a full stop and
		// a line break count two).
		if n := len(out); n > 0 && !own && cl.sentence-out[n-1].sentence <= 2 && out[n-1].sentence >= paraSentence && d.anaphoric(words, ev.at) {
			prev := &out[n-1]
			dead, hurt := d.casualties(words)
			prev.Fatalities, prev.Injured = orInt(prev.Fatalities, dead), orInt(prev.Injured, hurt)
			prev.Also = append(prev.Also, Span{Start: cl.start, End: cl.end, Evidence: offs.Slice(cl.start, cl.end)})
			continue
		}
		// «وقال ناشطون إن القصف استهدف مستشفى الصاخور»: the happening just
		// told, named by its noun, and where in its governorate it hit.
		if n := len(out); n > 0 && own && cl.sentence-out[n-1].sentence <= 2 && out[n-1].sentence >= paraSentence &&
			out[n-1].Type == typeOf[ev.SubType] && d.restated(words, ev.at) && len(finer(places)) > 0 && sameArea(out[n-1].Place, finer(places)[0].Place) {
			prev := &out[n-1]
			dead, hurt := d.casualties(words)
			prev.Fatalities, prev.Injured = orInt(prev.Fatalities, dead), orInt(prev.Injured, hurt)
			prev.Also = append(prev.Also, Span{Start: cl.start, End: cl.end, Evidence: offs.Slice(cl.start, cl.end)})
			continue
		}
		if !own {
			places = carry
		}
		// «قتل 28 في اشتباكات وتفجيرين في ريف حلب»: two reports in one
		// run of words share the place it ends with.
		if len(places) == 0 && ci+1 < len(cls) && cls[ci+1].cont {
			places = literalIn(lits, cls[ci+1].start, cls[ci+1].end)
		}
		if (typeOf[ev.SubType] == "Political developments" || ev.SubType == Agreement) && !d.heldAt(words, runes, places, ev.at) {
			continue
		}

		places = d.placed(all, places, ev.at)
		if len(places) == 0 {
			// An event nobody can place is no event on a map, and «in
			// Syria» or «in Russia» places none.
			continue
		}
		ev.Start, ev.End = cl.start, cl.end
		ev.Evidence = offs.Slice(cl.start, cl.end)
		ev.Places = d.byRole(all, places)
		ev.Place = ev.Places[0].Place
		ev.GeoPrecision = ev.Places[0].GeoPrecision
		ev.Actors = actorsOf(spans)
		if who == "" {
			// «وتمكن من السيطرة على …»: the subject the sentence or the
			// paragraph named before.
			who = prevAgent
			if len(ev.Actors) == 0 && who != "" {
				ev.Actors = []string{who}
			}
		}
		// «بغارة مماثلة على حي…», «قصف مماثل»: the kind of the report
		// just told in the paragraph.
		if n := len(out); n > 0 && out[n-1].sentence >= paraSentence && similar(words, ev.at) {
			ev.SubType = out[n-1].SubType
		}
		switch ev.SubType {
		case advance:
			ev.SubType = territory
			if who == "government" {
				ev.SubType = ArmedClash // an army's advance is fighting; its gains say سيطر or استعاد
			}
		}
		if ev.SubType == territory {
			ev.SubType = NSATakes
			if who == "government" {
				ev.SubType = GovRegains
			}
		}
		ev.Type = typeOf[ev.SubType]
		ev.Fatalities, ev.Injured = d.casualties(words)
		// «…، وارتقى عشرة شهداء»: the toll often closes the sentence in
		// a clause of its own, or opens it («استشهد سبعة مدنيين، وجرح
		// آخرون، بقصف…»). Clauses that report events of their own keep
		// their tolls.
		for cj := ci + 1; cj < len(cls) && cls[cj].sentence == cl.sentence && (ev.Fatalities == nil || ev.Injured == nil); cj++ {
			more := clWords[cj]
			if owns[cj] {
				break
			}
			dead, hurt := d.casualties(more)
			ev.Fatalities, ev.Injured = orInt(ev.Fatalities, dead), orInt(ev.Injured, hurt)
		}
		for cj := ci - 1; cj >= 0 && cls[cj].sentence == cl.sentence && (ev.Fatalities == nil || ev.Injured == nil); cj-- {
			more := clWords[cj]
			if owns[cj] {
				break
			}
			dead, hurt := d.casualties(more)
			if dead == nil && hurt == nil {
				continue
			}
			ev.Fatalities, ev.Injured = orInt(ev.Fatalities, dead), orInt(ev.Injured, hurt)
			ev.Start = cls[cj].start
			ev.Evidence = offs.Slice(ev.Start, ev.End)
		}
		if st := statedAt[ci]; st.ok {
			t := st.t
			ev.Date, ev.DatePrecision = &t, st.prec
		} else {
			ev.Date, ev.DatePrecision = d.date(words, date, timeline)
		}
		ev.Confidence = confidence(ev)
		// One event told over two clauses of a sentence («تعرضت لقصف
		// صاروخي، ولم يهدأ القصف…»): the clauses join. Clauses that
		// name places of their own are events of their own, and so is
		// shelling told beside air strikes («غارات جوية، وقصف مدفعي»).
		// A clause opened by «حيث» tells how the strikes before it fell
		// («نفذ الطيران 15 غارة على ريف إدلب، حيث قصف بلدات…»); in a
		// battle it tells what came of it, a happening of its own.
		elaborates := len(words) > 0 && words[0].bare == "حيث" && ev.Type == typeOf[AirStrike]

		if n := len(out); n > 0 && out[n-1].sentence == cl.sentence && !d.lapse(words) && !(own && d.another(words)) &&
			(out[n-1].SubType == ev.SubType && (!own || samePlace(out[n-1], ev)) || elaborates && out[n-1].Type == ev.Type ||
				battleOf(out[n-1], ev)) {
			prev := &out[n-1]
			prev.End = ev.End
			prev.Evidence = offs.Slice(prev.Start, prev.End)
			if prev.Fatalities == nil {
				prev.Fatalities = ev.Fatalities
			}
			if prev.Injured == nil {
				prev.Injured = ev.Injured
			}
			prev.ID = eventID(doc, *prev)
			continue
		}
		// A later sentence about the same kind of happening at the same
		// place tells more of that event, not a new one.
		ids := make([]string, 0, len(ev.Places))
		for _, m := range ev.Places {
			ids = append(ids, m.Place.ID)
		}
		slices.Sort(ids) // the same places, in whatever order their roles rank them
		key := ev.SubType + "|" + strings.Join(ids, "|")
		if last, ok := seen[key]; ok && cl.sentence-last.sentence <= repeatSentences && !d.another(words) {
			first := &out[last.event]
			first.Also = append(first.Also, Span{Start: ev.Start, End: ev.End, Evidence: ev.Evidence})
			seen[key] = told{last.event, cl.sentence}
			continue
		}
		seen[key] = told{len(out), cl.sentence}
		ev.sentence = cl.sentence
		ev.ID = eventID(doc, ev)
		out = append(out, ev)
		// «لغارات جوية وقصف مدفعي»: the shelling named beside air
		// strikes is an event of its own, at the same places; the toll
		// stays with the air strikes, which the news gives it to.
		if ev.SubType == AirStrike && d.artilleryIn(words) {
			twin := ev
			twin.SubType, twin.Type = Shelling, typeOf[Shelling]
			twin.Fatalities, twin.Injured = nil, nil
			twin.ID = eventID(doc, twin)
			out = append(out, twin)
		}
	}
	return out
}

// battleOf reports fighting told after a change of control at the same
// place, in the same sentence: the fight for it («سيطر الثوار على عدة
// مبان وقتلوا عددا من العناصر ودمروا دبابة»), not a second event.
func battleOf(prev, ev Event) bool {
	return ev.SubType == ArmedClash && (prev.SubType == GovRegains || prev.SubType == NSATakes) && samePlace(prev, ev)
}

// samePlace: two events at one named place. A landmark the gazetteer
// lacks stands at the town it is in, so the names are compared too.
func samePlace(a, b Event) bool {
	return a.Place == b.Place && a.Places[0].Name == b.Places[0].Name
}

// lapse reports a clause that opens after a lapse of time from the one
// before («وبعد يومين استعاد…», «وبعد ساعات»): a happening of its own.
func (d *Detector) lapse(ws []word) bool {
	return len(ws) > 1 && (ws[0].w == "بعد" || ws[0].w == "وبعد") && d.lapses[ws[1].w]
}

// another reports a later sentence that tells a further happening, not
// one before again: after a lapse, or saying «أيضا» (سيطرت أيضا على…).
// Within a sentence «أيضا» with no place named goes on with the same
// happening (وألقت المروحيات البراميل على البلدة أيضا).
func (d *Detector) another(ws []word) bool {
	if d.lapse(ws) {
		return true
	}
	for _, w := range ws {
		if w.w == "ايضا" {
			return true
		}
	}
	return false
}

// artilleryIn reports a word of artillery in a clause (قذائف، هاون،
// مدفعي، راجمات): ground fire, not the generic قصف that air strikes are
// told with too.
func (d *Detector) artilleryIn(ws []word) bool {
	for _, w := range ws {
		if w.flags&isArtillery != 0 {
			return true
		}
	}
	return false
}

// isWeekday: w names a day of the week (الخميس، خميس).
func (d *Detector) isWeekday(w string) bool {
	_, ok := d.days[w]
	return ok
}

// orInt is a, or b where a is not known.
func orInt(a, b *int) *int {
	if a != nil {
		return a
	}
	return b
}

// repeatSentences is how many sentences on a report of the same kind of
// happening at the same places still tells more of the same event.
const repeatSentences = 3

// heldAt: a political event is a meeting or talks held somewhere — «في
// موسكو», «بدمشق» — told as news, not as someone's words about them.
func (d *Detector) heldAt(ws []word, runes []rune, places []extract.Mention, at int) bool {
	// «أكد أن دمشق مستعدة للمفاوضات»: talk of talks is no meeting — but
	// «أضاف أن السفير تحادث مع…» tells one that was held.
	if t := indexAt(ws, at); t == len(ws) || !d.met[ws[t].bare] {
		for _, w := range ws {
			if w.flags&isSpeech != 0 {
				return false
			}
		}
	}
	for _, m := range places {
		// The clause's words before the place, without a proclitic
		// written onto it (بدمشق).
		k := indexAt(ws, m.Start)
		if k > 0 && m.Start > 0 && arabic.IsLetter(runes[m.Start-1]) && ws[k-1].start < m.Start {
			k--
		}
		before := ws[:k]
		if n := len(before); n > 0 && placeWords[before[n-1].w] {
			before = before[:n-1] // «في مدينة الزبداني»
		}
		if n := len(before); n > 0 {
			last := before[n-1]
			// «في موسكو», «بمدينة», «إلى دمشق», «زار موسكو».
			if last.w == "في" || last.w == "الي" || strings.HasPrefix(last.w, "ب") && placeWords[strings.TrimPrefix(last.w, "ب")] ||
				last.sub == Meeting {
				return true
			}
		}
		if m.Surface != "" && m.Start > 0 && runes[m.Start-1] == 'ب' {
			return true // «بدمشق»
		}
		// «زار الرئيس … موسكو»: a visit verb earlier in the clause.
		for _, w := range ws[:k] {
			if visits[w.bare] {
				return true
			}
		}
	}
	return false
}

// visits are the words of a visit, whose object is where it is held.
var visits = map[string]bool{"زار": true, "يزور": true, "زياره": true, "تزور": true, "زارت": true}

// placeWords say what sort of place follows (في مدينة، بالعاصمة).
var placeWords = map[string]bool{
	"مدينه": true, "بلده": true, "قريه": true, "العاصمه": true, "عاصمه": true, "محافظه": true, "حي": true, "ولايه": true,
}

// finer keeps the places finer than a whole country.
func finer(ms []extract.Mention) []extract.Mention {
	return without(ms, func(m extract.Mention) bool { return m.GeoPrecision >= 4 })
}

// notSyria is ms without the mentions of Syria as a whole.
func notSyria(ms []extract.Mention) []extract.Mention { return without(ms, wholeSyria) }

// without is ms less the mentions drop reports: ms itself, shared, when
// there are none (the common case), else a copy.
func without(ms []extract.Mention, drop func(extract.Mention) bool) []extract.Mention {
	if !slices.ContainsFunc(ms, drop) {
		return ms
	}
	return slices.DeleteFunc(slices.Clone(ms), drop)
}

func wholeSyria(m extract.Mention) bool { return m.Place.Country == "SY" && m.GeoPrecision == 4 }

// placed keeps the places finer than a whole country; with none, a
// country the clause puts the event in after its trigger («في المكسيك», «بالسويد», «في
// مدينة X الكندية») places it at country level. Syria is the setting of
// every briefing: «في سوريا» alone is a statement about the war, not a
// place where something happened.
func (d *Detector) placed(all []word, ms []extract.Mention, trigger int) []extract.Mention {
	if f := finer(ms); len(f) > 0 {
		return f
	}
	var out []extract.Mention
	for _, m := range ms {
		if m.Place != nil && m.Place.Country != "SY" && m.Start > trigger && d.locative(all, m) {
			out = append(out, m)
		}
	}
	return out
}

// locative reports a mention that is the complement of «في» or «بـ»,
// directly or through a place word («في ولاية X»), or a gentilic after
// such a complement («في مدينة X الكندية»).
func (d *Detector) locative(all []word, m extract.Mention) bool {
	at := sort.Search(len(all), func(i int) bool { return all[i].start > m.Start }) - 1
	if at < 0 {
		return false
	}
	if w := all[at]; w.start < m.Start {
		return strings.HasPrefix(w.w, "ب") || strings.HasPrefix(w.w, "وب")
	}
	// «في», «داخل», «وسط» and a side (جنوب روسيا) put it there; so does a
	// verb of striking whose object it is (انفجار استهدف الإسكندرية).
	in := func(w string) bool {
		switch w {
		case "في", "وفي", "داخل", "وسط", "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي":
			return true
		}
		return strings.HasPrefix(w, "استهدف") || strings.HasPrefix(w, "قصف")
	}
	var buf [3]string
	before := buf[:0]
	for _, w := range all[max(0, at-3):at] {
		before = append(before, w.w)
	}
	n := len(before)
	switch {
	case n >= 1 && in(before[n-1]):
		return true
	case n >= 2 && placeWords[stripAll(before[n-1])] && in(before[n-2]):
		return true
	}
	// A gentilic names the country of the place before it.
	if !strings.HasPrefix(m.Surface, "ال") {
		return false
	}
	return n >= 2 && in(before[n-2]) || n >= 3 && in(before[n-3]) && placeWords[stripAll(before[n-2])]
}

// word is a folded word of a clause with its proclitics noted.
type word struct {
	*lexeme      // the form: w, bare and flags
	start   int  // code point offset of the word in the text
	item    bool // a number that heads a list item («26 - …»): a day or a rank, no count
}

// lexeme works out what the detector knows of the folded form w.
func (d *Detector) lexeme(w string) *lexeme {
	l := &lexeme{w: w, bare: d.strip(w)}
	all := stripAll(w)
	if d.background[l.bare] || d.background[all] {
		l.flags |= isBackground
	}
	if d.months[l.bare] {
		l.flags |= isMonth
	}
	if d.speech[l.bare] || d.speech[all] {
		l.flags |= isSpeech
	}
	if d.negators[l.bare] || d.negators[all] {
		l.flags |= isNegator
	}
	if _, ok := d.actors[all]; ok || d.actorFirst[l.bare] {
		l.flags |= isActorish
	}
	l.sub, l.firsts = d.triggers[l.bare], d.phrases[l.bare]
	if l.sub != "" || l.firsts != nil || d.arrivals[l.bare] {
		l.flags |= isTrigger
	}
	for _, f := range []struct {
		on   bool
		flag wordFlag
	}{
		{d.nonEvents[l.bare] || d.nonEvents[w], isNonEvent},
		{d.support[w], isSupport},
		{written(d.doers, w), isDoer},
		{d.toldBefore[w], isToldBefore},
		{d.afterNon[l.bare], isAfterNon},
		{d.future[w] || d.copulas[w], isProspect},
		{d.state[l.bare], isState},
		{d.percent[l.bare], isPercent},
		{d.phraseFirst[l.bare], isPhraseFirst},
		{d.arrivals[l.bare], isArrival},
		{written(d.defences, w), isDefence},
		{l.bare == "امس" || l.bare == "اليوم" || d.isWeekday(l.bare), isDayWord},
		{d.artillery[l.bare], isArtillery},
		{written(d.posts, w), isPost},
		{d.relatives[w], isRelative},
		{d.idioms[l.bare] != nil, hasIdiom},
		{d.consecutive[w], isConsecutive},
		{d.airMakers[w], isAirMaker},
		{written(d.clearing, w), isClearing},
		{written(d.officials, w), isOfficial},
		{d.reportForm(w), isReportForm},
		{written(d.since, w), isSince},
		{written(d.causes, w), isCause},
		{written(d.becauseOf, w), isBecauseOf},
		{written(d.narrative, w), isNarrativeForm},
		{written(d.alongside, w), isAlongside},
		{written(d.ceasefire, w), isCeasefire},
		{written(d.airVerbs, w), isAirVerb},
		{written(d.drops, w), isDrop},
		{written(d.forcing, w), isForcing},
		{written(d.members, w), isMember},
		{written(d.referenceWords, w), isReferenceWord},
		{placeWords[all], isPlaceWordBare},
		{d.narrative[w], isNarrative},
		{strings.HasPrefix(w, "و") && d.narrative[strings.TrimPrefix(w, "و")], isNarrativeAfterAnd},
		{midClause[w], isMidClause},
		{w == "من" || w == "ومن" || w == "في" || w == "وفي", isTopicLead},
		{w == "و", isAnd},
	} {
		if f.on {
			l.flags |= f.flag
		}
	}
	if l.bare == "منذ" || all == "خلال" || all == "طوال" || l.bare == "في" || d.relatives[w] {
		l.flags |= isDateLead
	}
	if d.deathNouns[l.bare] || d.deathVerbs[l.bare] || d.injuryNouns[l.bare] || d.injuryVerbs[l.bare] ||
		d.noHarmNeg[w] || l.bare == "لم" || l.bare == "فقط" {
		l.flags |= isToll
	}
	return l
}

// words splits text into folded words, in one pass over its bytes.
func (d *Detector) words(sc *scratch, text string) []word {
	out := sc.words[:0]
	if want := len(text)/10 + 1; cap(out) < want {
		out = make([]word, 0, want)
	}
	var buf []byte
	cp := 0 // the code point offset of text[i]
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !letters[c] {
			i++ // a space or punctuation: the common case
			cp++
			continue
		}
		if size, letter := letterAt(text, i); !letter {
			i += size
			cp++
			continue
		}
		// A word holds no invalid byte (RuneError is no letter), so
		// folding its bytes folds the code points the text decodes to.
		// letterAt, written out: this is the loop over every letter.
		j, start := i, cp
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if !letters[c] {
					break
				}
				j++
			} else if c-0xC2 < 0xE0-0xC2 && j+1 < len(text) && text[j+1]&0xC0 == 0x80 {
				if !letters[(uint(c)&0x1F)<<6|uint(text[j+1])&0x3F] {
					break
				}
				j += 2
			} else if size, letter := letterAtRest(text, j); letter {
				j += size
			} else {
				break
			}
			cp++
		}
		raw := text[i:j]
		slot := &sc.recent[extract.WordHash(raw)&(recentSize-1)]
		l := slot.l
		if int(slot.n) != len(raw) || string(slot.raw[:slot.n]) != raw {
			var ok bool
			if l, ok = sc.written[raw]; !ok {
				if buf = foldString(buf[:0], raw); len(buf) > 0 {
					if l, ok = sc.lexicon[string(buf)]; !ok {
						l = d.lexeme(string(buf))
						sc.lexicon[l.w] = l
					}
				}
				// Cloned: a slice would keep the whole text alive.
				sc.written[strings.Clone(raw)] = l
			}
			if len(raw) <= len(slot.raw) {
				slot.l, slot.n = l, uint8(copy(slot.raw[:], raw))
			}
		}
		if l != nil {
			out = append(out, word{lexeme: l, start: start, item: dashAfter(text, j) && l.w[0] >= '0' && l.w[0] <= '9'})
		}
		i = j
	}
	return out
}

// letterAt is the size of the code point at text[i], as ranging over
// text decodes it, and whether arabic.IsLetter holds for it. ASCII and
// two-byte code points (the Arabic block) take a table look-up, inline.
func letterAt(text string, i int) (int, bool) {
	if c := text[i]; c < utf8.RuneSelf {
		return 1, letters[c]
	} else if c-0xC2 < 0xE0-0xC2 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return 2, letters[(uint(c)&0x1F)<<6|uint(text[i+1])&0x3F]
	}
	return letterAtRest(text, i)
}

//go:noinline
func letterAtRest(text string, i int) (int, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	return size, arabic.IsLetter(r)
}

// letters is arabic.IsLetter below U+0800, the two-byte code points
// (no letter lies from U+0700 to U+07FF).
var letters = func() (t [0x0800]bool) {
	for r := range t {
		t[r] = arabic.IsLetter(rune(r))
	}
	return t
}()

// indexAt is the index of the first of ws that starts at or after the
// code point offset at (len(ws) when none does).
func indexAt(ws []word, at int) int {
	return sort.Search(len(ws), func(i int) bool { return ws[i].start >= at })
}

// timeZone reports a mention at rs[at] in brackets after a clock time:
// «22 : 48 ( مكة المكرمة )».
func timeZone(rs []rune, at int) bool {
	j := at - 1
	skip := func() {
		for j >= 0 && rs[j] == ' ' {
			j--
		}
	}
	skip()
	if j < 0 || rs[j] != '(' {
		return false
	}
	j--
	skip()
	digits := 0
	for ; j >= 0 && rs[j] >= '0' && rs[j] <= '9'; j-- {
		digits++
	}
	skip()
	return digits > 0 && digits <= 2 && j >= 0 && rs[j] == ':'
}

// dashAfter reports a dash after spaces from byte j of text («26 -
// مقتل…»).
func dashAfter(text string, j int) bool {
	for ; j < len(text) && text[j] == ' '; j++ {
	}
	return j < len(text) && (text[j] == '-' || strings.HasPrefix(text[j:], "–"))
}

// dated reports background: a standing-state word (الآونة، عادة), a
// state since a month (منذ أيلول) or a total since a start (منذ بدء
// النزاع، منذ 2014).
func (d *Detector) dated(ws []word) bool {
	described := false
	for i, w := range ws {
		if w.flags&(isBackground|isMonth|isDateLead) == 0 {
			continue
		}
		if w.flags&isBackground != 0 {
			return true
		}
		// «منذ بدء النزاع», «منذ 2014»: a total or a state.
		if w.bare == "منذ" && i+1 < len(ws) && (ws[i+1].flags&isSince != 0 || isYear(ws[i+1].w)) {
			return true
		}
		// «منذ أيلول», «منذ 18 شباط»: a state or a total since a day.
		if w.flags&isMonth != 0 && i > 0 && (ws[i-1].bare == "منذ" || i > 1 && ws[i-2].bare == "منذ" && isDay(ws[i-1].w)) {
			return true
		}
		// «خلال سنوات النزاع», «طوال أشهر», «خلال أكثر من ألف يوم»: a
		// total over a long stretch.
		if a := stripAll(w.w); (a == "خلال" || a == "طوال") && d.longSpan(ws, i+1) && !described {
			return true
		}
		// «حلب التي بقيت مقسمة طوال أربع سنوات»: a stretch told in
		// describing a place is no total of the clause's.
		described = described || w.flags&isRelative != 0
		// «في الأشهر الأخيرة»: so is a plural stretch after «في»; «في
		// العام الماضي» dates a happening.
		if w.bare == "في" && i+1 < len(ws) && d.stretches[ws[i+1].w] {
			return true
		}
	}
	return false
}

// longSpan reports a long stretch of time told from ws[j]: months,
// weeks, years or a stretch (خلال الأشهر الماضية), or 30 days and more
// (ألف يوم), after words of about (أكثر من، نحو).
func (d *Detector) longSpan(ws []word, j int) bool {
	for ; j < len(ws) && d.about[ws[j].w]; j++ {
	}
	if j < len(ws) && d.spans[ws[j].w] {
		return true
	}
	if j >= len(ws) {
		return false
	}
	n, ok := d.number(ws, j)
	if w := ws[j].w; w == "الف" || w == "الاف" {
		n, ok = 1000, true // «ألف يوم»
	}
	if !ok {
		return false
	}
	for k := j + 1; k < len(ws) && k <= j+2; k++ {
		if w := ws[k].w; w == "يوم" || w == "يوما" || w == "أيام" || w == "ايام" {
			return n >= 30
		}
		if d.spans[ws[k].w] {
			return true // «خمس سنوات»
		}
	}
	return false
}

// voiced reports a denial, an opinion or a verb of saying among ws: what
// follows is someone's words, one report, not two happenings.
func (d *Detector) voiced(ws []word) bool {
	for _, w := range ws {
		if w.flags&(isNegator|isSpeech) != 0 {
			return true
		}
	}
	return false
}

// splitMixed splits a clause that reports two kinds of happening with no
// punctuation between them («اندلعت اشتباكات في حي التضامن قامت قوات
// الأسد على إثرها بقصف الحي») before the later trigger, and appends the
// parts to out.
func (d *Detector) splitMixed(out []clause, in func(start, end int) []word, cl clause) []clause {
	ws := in(cl.start, cl.end)
	first, firstType, firstSub := -1, "", ""
	for i, w := range ws {
		st, ok := d.trigger(ws, i)
		if !ok || d.negated(ws, i) || d.afterward(ws, i) {
			continue
		}
		// «جراء استهداف…», «الفارين من المعارك»: a cause or a noun of the
		// same clause, not a second report; a massacre is what another
		// happening did («مجزرة ارتكبها الطيران»).
		if first >= 0 && i > 0 && ws[i-1].flags&isCause != 0 || d.consequences[w.bare] || d.forced(ws, i) ||
			first >= 0 && i > 1 && ws[i-2].flags&isBecauseOf != 0 {
			continue
		}
		t := typeOf[st]
		if st == territory || st == advance {
			t = "Battles"
		}
		if first < 0 {
			first, firstType, firstSub = i, t, st
			continue
		}
		// «تفجيرين انتحاريين»: an adjective of the trigger before it;
		// «هجومان نفذهما انتحاريون»: what the attack named first was;
		// «القوات الجوية»: the air force, no second report.
		if _, adj := d.trigger(ws, i-1); adj || d.generic[ws[first].bare] || d.airForce(ws, i, st) {
			continue
		}
		// «ترافقت الغارات مع قصف…», «وسط غارات…»: a second happening
		// told alongside the first, whatever its kind.
		at, along := d.alongsideAt(ws, i)
		if along && st == advance {
			continue // «وسط تقدم للقوات»: the setting, not a report
		}
		if along && i-first >= 3 {
			a, b := cl, cl
			a.end, b.start, b.para, b.cont = ws[at].start, ws[at].start, false, true
			return d.splitMixed(append(out, a), in, b)
		}
		// «داهمت … واعتقلت»: the arrests are the raid's.
		if firstSub == Otherwise && st == Abduction {
			continue
		}
		if t != firstType && i-first >= 3 && !d.voiced(ws[:i]) {
			at := ws[i].start
			// Start the second clause at the verb or و before the trigger.
			if i-1 > first && ws[i-1].flags&isNarrativeForm != 0 {
				at = ws[i-1].start
			}
			a, b := cl, cl
			a.end, b.start, b.para, b.cont = at, at, false, true
			return d.splitMixed(append(out, a), in, b)
		}
	}
	return append(out, cl)
}

// alongsideAt reports a trigger at ws[i] told alongside another
// («ترافق مع قصف», «بالتزامن مع غارات», «وسط غارات») and the index of the
// word that begins the telling (مع، وسط).
func (d *Detector) alongsideAt(ws []word, i int) (int, bool) {
	switch {
	case i >= 2 && ws[i-1].bare == "مع" && d.alongsideBefore(ws, i-1):
		return i - 1, true // «وترافقت الغارات الجوية مع قصف»: the first happening is the subject
	case i >= 1 && (ws[i-1].w == "وسط" || ws[i-1].w == "ووسط"):
		return i - 1, true
	case i >= 2 && (ws[i-2].w == "وسط" || ws[i-2].w == "ووسط") && d.goingOn[ws[i-1].w]:
		return i - 2, true // «وسط استمرار قصف القوات»
	case i >= 2 && ws[i-1].w == "الي" && strings.HasSuffix(ws[i-2].w, "اضافه"):
		return i - 2, true // «بالإضافة إلى قصف مماثل على قرية…»: one more
	}
	// «… غداة إعلان الجيش السيطرة على المدينة»: the day before's
	// happening, one of its own.
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if w := strings.TrimPrefix(ws[j].w, "و"); w == "غداه" || w == "عشيه" {
			return j, true
		}
	}
	return 0, false
}

// similar reports «مماثل» (similar) right after the trigger at offset
// at: a report of the kind told before.
func similar(ws []word, at int) bool {
	i := indexAt(ws, at)
	if i+1 >= len(ws) {
		return false
	}
	switch ws[i+1].w {
	case "مماثل", "مماثله", "مماثلا", "مماثلين", "مماثلتين":
		return true
	}
	return false
}

// alongsideBefore reports a verb of company (ترافقت، تزامن) within the
// three words before ws[at]: the subject, the first happening, comes
// between («ترافقت الغارات الجوية مع …»).
func (d *Detector) alongsideBefore(ws []word, at int) bool {
	for j := at - 1; j >= 0 && j >= at-3; j-- {
		if ws[j].flags&isAlongside != 0 {
			return true
		}
	}
	return false
}

// strip takes proclitics off w when that leaves a word the lexicon knows.
func (d *Detector) strip(w string) string {
	if d.known(w) {
		return w
	}
	for r := range arabic.Readings(w, lexemeReadings) {
		// A trigger keeps three letters: كفر is no ك + فر, and وفر
		// (provided) no و + فر; ولم is و + لم.
		if _, t := d.triggers[r.Rest]; t && !r.Article && utf8.RuneCountInString(r.Rest) < 3 {
			continue
		}
		if word := r.Word(); d.known(word) {
			return word
		}
	}
	return w
}

// lexemeReadings: a word the lexicon knows keeps two letters or more
// after its proclitics.
var lexemeReadings = arabic.Options{MinRest: 2}

func (d *Detector) known(w string) bool {
	_, t := d.triggers[w]
	_, n := d.numbers[w]
	return t || d.phraseFirst[w] || n || d.nonEvents[w] || d.deathNouns[w] || d.injuryNouns[w] || d.deathVerbs[w] || d.injuryVerbs[w]
}

// classify finds the clause's sub-type: the most specific trigger that
// no negation, plan or threat word just before it takes back.
// trigger gives the sub-type the i-th word reports: a trigger word but
// in an idiom (انفجار الوضع), or
// the second word of a two-word report with its first word up to three
// words before (إطلاق نار، أطلق مسلح مجهول النار) — no shooting in the
// name of a truce (وقف إطلاق النار).
func (d *Detector) trigger(ws []word, i int) (string, bool) {
	if ws[i].flags&isTrigger == 0 {
		// «وواصل تقدمه ليسيطر في 19 تشرين الثاني على البوكمال»: in a
		// dated telling, ل or و with the imperfect goes on with the past.
		if ws[i].flags&isConsecutive != 0 && d.datedTelling(ws) {
			return territory, true
		}
		return "", false
	}
	if ws[i].flags&isArrival != 0 && i+1 < len(ws) && ws[i+1].flags&isOfficial != 0 {
		return Meeting, true // «دخل محافظ ريف دمشق إلى المدينة»: a visit
	}
	// The phrase first: «أسقطت طائرة» is no air strike.
	if firsts := ws[i].firsts; firsts != nil {
		// «ألقى عناصر الجيش الحر القبض»: the doer may come between.
		for j := i - 1; j >= max(0, i-5); j-- {
			if ws[j].flags&isPhraseFirst == 0 {
				continue
			}
			st, ok := firsts[ws[j].bare]
			if !ok {
				continue
			}
			for k := j - 1; k >= max(0, j-3); k-- {
				if ws[k].flags&isCeasefire != 0 {
					return "", false // «وقف دائم لإطلاق النار»
				}
			}
			return st, true
		}
	}
	if st := ws[i].sub; st != "" {
		if ws[i].flags&hasIdiom != 0 && i+1 < len(ws) && d.idioms[ws[i].bare][ws[i+1].w] {
			return "", false // «انفجار الوضع»
		}
		if st == AirStrike && i > 0 && ws[i-1].flags&isDefence != 0 {
			return "", false // «الدفاعات الجوية», «مضادات الطيران»
		}
		if st == Shelling && i+1 < len(ws) && ws[i+1].flags&isAirMaker != 0 {
			return AirStrike, true // «قصف روسي», «القصف الحربي»: from the air
		}
		if st == IED && i > 0 && ws[i-1].flags&isClearing != 0 {
			return "", false // «نزع الألغام», «وكاسحتي ألغام»: mines cleared, none exploded
		}
		return st, true
	}
	return "", false
}

func (d *Detector) classify(ws []word) (Event, bool) {
	// A title line of a word or three («انفجار حمص») is no report, and
	// «وكان … أعلن» tells what came before — unless it says when, and
	// lately: «وكانت الاشتباكات قد بدأت الخميس» is this week's news.
	if len(ws) <= 2 || d.pluperfect(ws[0]) && !d.recent(ws) {
		return Event{}, false
	}
	if d.dated(ws) {
		return Event{}, false
	}
	best, bestRank, at := "", -1, 0
	airAt := -1                         // the first air strike word
	targetAt := -1                      // the first word of targeting
	result, resultAt := "", -1          // a consequence noun (مجزرة): the report where nothing else is
	others := false                     // a trigger other than an aircraft noun
	airForce := false                   // the air force named
	late, lateRank, lateAt := "", -1, 0 // triggers after «بعد»: background, unless nothing else
	for i := range ws {
		st, ok := d.trigger(ws, i)
		if !ok {
			continue
		}
		if d.attempted(ws, i, st) {
			st = ArmedClash // «حاولت القوات استعادة السيطرة»: a fight, no ground taken
		} else if d.negated(ws, i) {
			continue
		}
		r := rank[st]
		// «سيطرت … بعد معارك», «نزوح … بعد اقتحام»: what came before.
		// «نزح الأهالي جراء اقتراب المعارك»: a cause, told for what it led to.
		cause := i > 0 && ws[i-1].flags&isBecauseOf != 0 || i > 1 && ws[i-2].flags&isBecauseOf != 0
		if (d.afterward(ws, i) || cause) && (st != territory || d.longAfter(ws, i)) {
			if r > lateRank {
				late, lateRank, lateAt = st, r, ws[i].start
			}
			continue
		}
		if d.forced(ws, i) {
			return Event{SubType: st, at: ws[i].start}, true // «أجبرت المعارك الأهالي على النزوح»
		}
		if st == AirStrike && airAt < 0 {
			airAt = ws[i].start
		}
		// «القوات الجوية الروسية»: the air force names who acted; what
		// it did is told by another word («قصفت»), or nothing is.
		if d.airForce(ws, i, st) {
			airForce = true
			continue
		}
		if !d.aircraft[ws[i].bare] {
			others = true // a report besides the aircraft
		}
		// «باعتداء استهدف مقر…», «هجوم استهدف حاجزا»: targeting says
		// what was hit, another word how; alone, it is shelling.
		if strings.HasPrefix(ws[i].bare, "استهدف") {
			if targetAt < 0 {
				targetAt = ws[i].start
			}
			continue
		}
		// «استهدفت القوات قافلة، خلفت مجزرة»: a massacre is what another
		// happening did; alone, it is the report.
		if d.consequences[ws[i].bare] && i > 0 {
			if resultAt < 0 {
				result, resultAt = st, ws[i].start
			}
			continue
		}
		if r > bestRank {
			best, bestRank, at = st, r, ws[i].start
		}
	}
	if best == "" && targetAt >= 0 {
		best, at = Shelling, targetAt
	}
	if best == "" && resultAt >= 0 {
		best, at = result, resultAt
	}
	if best == "" {
		best, at = late, lateAt
	}
	if best == "" {
		return Event{}, false
	}
	if best == Shelling && airForce {
		best = AirStrike // «قصفت القوات الجوية…»: from the air
	}
	// «تاركة وراءها عددا من الطائرات»: aircraft alone strike nothing.
	if best == AirStrike && !others && !d.struck(ws) {
		return Event{}, false
	}
	// «ألقت المروحيات البراميل والألغام البحرية»: what aircraft drop is
	// their strike's.
	if best == IED && airAt >= 0 && d.dropped(ws) {
		best, at = AirStrike, airAt
	}
	return Event{SubType: best, at: at}, true
}

// longAfter reports a trigger told long before the clause's report:
// «وبعد خمس سنوات من خروجها عن سيطرة الأسد، دخل المحافظ…».
func (d *Detector) longAfter(ws []word, i int) bool {
	for j := i - 2; j >= 0 && j >= i-6; j-- {
		if strings.TrimPrefix(ws[j].w, "و") == "بعد" && d.longSpan(ws, j+1) {
			return true
		}
	}
	return false
}

// anaphoric reports a report whose trigger, at offset at, is a definite
// noun after a result verb or a demonstrative (وأدى القصف إلى، هذه
// الغارات): it names a happening told before.
func (d *Detector) anaphoric(ws []word, at int) bool {
	i := indexAt(ws, at)
	if i >= len(ws) || i == 0 || !strings.HasPrefix(ws[i].w, "ال") {
		return false
	}
	// «واضاف ان الاشتباكات أسفرت عن…»: the noun first, then the verb.
	if i+1 < len(ws) && (d.results[ws[i+1].bare] || d.results[stripAll(ws[i+1].w)]) {
		return true
	}
	k := i - 1
	if k > 0 && stripAll(ws[k].w) == "قد" {
		k-- // «وقد أدت الغارات»
	}
	return d.results[ws[k].bare] || d.results[stripAll(ws[k].w)]
}

// definite reports a noun made definite by the article or by a pronoun
// (القصف، سيطرته، قصفها).
func definite(w string) bool {
	if strings.HasPrefix(w, "ال") {
		return true
	}
	for _, end := range []string{"ته", "تها", "تهم", "ها", "هم"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// restated reports a definite trigger noun at offset at, a happening's
// and not an aircraft's, that is the subject of a verb of striking right
// after it (القصف استهدف، الغارات طالت): the happening told before,
// named again.
func (d *Detector) restated(ws []word, at int) bool {
	i := indexAt(ws, at)
	return i+1 < len(ws) && strings.HasPrefix(ws[i].w, "ال") && !d.aircraft[ws[i].bare] && ws[i+1].sub != "" &&
		!strings.HasPrefix(ws[i+1].w, "ال") && d.narrative[ws[i+1].bare]
}

// afterward reports a trigger told as what came before the clause's
// report, after «بعد»: «بعد معارك», «بعد اشتباكات عنيفة», «بعد أن ألقى
// القبض» (the first word of a phrase and «أن» between).
func (d *Detector) afterward(ws []word, i int) bool {
	if d.longAfter(ws, i) {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch {
		case ws[j].bare == "بعد":
			return true
		case j == i-1, ws[j].bare == "ان", d.phraseFirst[ws[j].bare]:
			continue
		}
		return false
	}
	return false
}

// pluperfect reports «كان/كانت» (with و) opening a clause: what it tells
// came before the report.
func (d *Detector) pluperfect(w word) bool {
	return w.bare == "كان" || w.bare == "كانت" || stripAll(w.w) == "كان" || stripAll(w.w) == "كانت"
}

// recent reports a word of the last days among ws: أمس، اليوم، a
// weekday's name (الخميس، ليل الجمعة).
func (d *Detector) recent(ws []word) bool {
	for _, w := range ws {
		if w.flags&isDayWord != 0 {
			return true
		}
	}
	return false
}

// attempted reports a change of control, an advance or an attack told
// as tried, in the past, within four words after the attempt word: the
// fight happened, the ground was not taken. «تحاول» (trying now) stays
// a prospect.
func (d *Detector) attempted(ws []word, i int, st string) bool {
	if st != territory && st != advance && !d.generic[ws[i].bare] {
		return false
	}
	for j := max(0, i-4); j < i; j++ {
		if d.attempts[ws[j].bare] || d.attempts[ws[j].w] {
			return true
		}
	}
	return false
}

// airForce reports an air word that names the air force (القوات الجوية
// الروسية): aircraft, not a strike.
func (d *Detector) airForce(ws []word, i int, st string) bool {
	return st == AirStrike && i > 0 && strings.HasSuffix(ws[i-1].w, "قوات")
}

// struck reports, in a clause whose only report words are aircraft, a
// toll, an air verb or a word of dropping: the aircraft struck.
func (d *Detector) struck(ws []word) bool {
	if dead, hurt := d.casualties(ws); dead != nil || hurt != nil {
		return true
	}
	for _, w := range ws {
		if w.flags&(isAirVerb|isDrop) != 0 {
			return true
		}
	}
	return false
}

// dropped reports a word of dropping munitions among ws.
func (d *Detector) dropped(ws []word) bool {
	for _, w := range ws {
		if w.flags&isDrop != 0 {
			return true
		}
	}
	return false
}

// takesGround reports a verb of taking ground at ws[i] (سيطرت،
// استعادوا، حررت): the deed a support phrase before it supported, not
// the support. Nouns (السيطرة، استعادة، تقدم) may be the support's.
func (d *Detector) takesGround(ws []word, i int) bool {
	st, _ := d.trigger(ws, i)
	w := ws[i].bare
	return (st == territory || st == advance) && !strings.HasPrefix(w, "ال") && !strings.HasSuffix(w, "ة") &&
		w != "تقدم" && w != "تحرير" && w != "دخول" && w != "سيطره"
}

// datedTelling reports a month's name among ws: a clause that dates
// what it tells.
func (d *Detector) datedTelling(ws []word) bool {
	for _, w := range ws {
		if w.flags&isMonth != 0 {
			return true
		}
	}
	return false
}

// forced reports a trigger that a forcing verb before it in the clause
// has as its object, after «على»: «أجبرت المعارك الأهالي على النزوح» is
// a displacement that the battles caused.
func (d *Detector) forced(ws []word, i int) bool {
	if i == 0 || ws[i-1].w != "علي" { // «على», folded
		return false
	}
	for j := 0; j < i-1; j++ {
		if ws[j].flags&isForcing != 0 {
			return true
		}
	}
	return false
}

// negated: a negation, plan or threat word within the four words before
// the trigger, a prospect word right after it, a denial or opinion verb
// anywhere before it in the clause, or a standing state before a control
// word (مناطق سيطرة).
func (d *Detector) negated(ws []word, i int) bool {
	for j := max(0, i-4); j < i; j++ {
		if ws[j].flags&isNonEvent != 0 {
			return true
		}
		if ws[j].flags&isSupport != 0 && !d.takesGround(ws, i) {
			return true
		}
	}
	// «منفذ الهجوم»: the doer names an attack told elsewhere; so does
	// «أثناء الهجوم», «عقب القصف».
	if i > 0 && (ws[i-1].flags&isDoer != 0 || ws[i-1].flags&isToldBefore != 0 && definite(ws[i].w)) {
		return true
	}
	for j := i + 1; j < len(ws) && j <= i+2; j++ {
		if ws[j].flags&isAfterNon != 0 {
			return true
		}
	}
	for j := 0; j < i; j++ {
		if ws[j].flags&isNegator != 0 {
			return true
		}
	}
	// «السيطرة على الرقة ستؤدي إلى…»: a prospect; «المعركة الحالية بين
	// الفصيلين هي …»: a description, the noun the subject of «هي».
	if strings.HasPrefix(ws[i].w, "ال") {
		for j := i + 1; j < len(ws) && j <= i+4; j++ {
			if ws[j].flags&isRelative != 0 {
				break // «السيطرة على المدينة التي تعد الأخيرة»: the city's
			}
			if ws[j].flags&isProspect != 0 {
				return true
			}
		}
	}
	st, _ := d.trigger(ws, i)
	if (st == territory || st == advance) && i > 0 && ws[i-1].flags&isState != 0 {
		return true
	}
	// «وسط تقدم جديد للجيش»: an advance is the setting told.
	if st == advance && i > 0 && (ws[i-1].w == "وسط" || ws[i-1].w == "ووسط") {
		return true
	}
	// «هيئة تحرير الشام»: a name, not a liberation.
	if i+1 < len(ws) && ws[i+1].bare == "الشام" {
		return true
	}
	// «السيطرة على 80 في المئة منها»: a share held, a state.
	if st == territory {
		for j := i + 1; j < len(ws) && j <= i+5; j++ {
			if ws[j].flags&isPercent != 0 {
				return true
			}
		}
	}
	// «للسيطرة على», «لطرد التنظيم»: an aim — but «إضافة للسيطرة على»
	// adds a happening.
	if purposeKinds[st] && ws[i].w != ws[i].bare && strings.HasPrefix(ws[i].w, "ل") &&
		(i == 0 || !strings.HasSuffix(ws[i-1].w, "اضافه")) {
		return true
	}
	return false
}

// casualties reads the numbers of dead and wounded.
func (d *Detector) casualties(ws []word) (*int, *int) {
	var dead, hurt *int
	set := func(p **int, n int) {
		if *p == nil {
			*p = &n
		}
	}
	for i, w := range ws {
		if w.flags&isToll == 0 {
			continue
		}
		switch {
		case d.deathNouns[w.bare]:
			if n, ok := d.numberBefore(ws, i); ok {
				set(&dead, n+d.moreDead(ws, i))
			} else if strings.HasSuffix(w.bare, "ان") || strings.HasSuffix(w.bare, "ين") && !strings.HasSuffix(w.bare, "يين") {
				set(&dead, 2) // dual: قتيلان، شهيدين
			} else if i > 0 && (d.deathVerbs[ws[i-1].bare] || ws[i-1].bare == "وقوع") || d.oneDead[w.bare] && (i == 0 || ws[i-1].item) {
				set(&dead, 1) // «سقوط شهيد», «وقوع قتيل», a headline's «قتيل وعشرة جرحى»
			}
		case d.deathVerbs[w.bare]:
			if i+1 < len(ws) && d.onePerson[stripAll(ws[i+1].w)] {
				set(&dead, 1+d.moreOfGroup(ws, i+2)) // «قتلت امرأة», «قتل قائد وأحد العناصر»
			} else if n, at, ok := d.numberAfterAt(ws, i); ok {
				more := d.moreOfGroup(ws, at+2)
				if more == 0 && at+1 < len(ws) && d.deathNouns[ws[at+1].bare] {
					more = d.moreDead(ws, at+1) // «سقوط 4 قتلى في دوما وقتيل في حرستا»
				}
				set(&dead, n+more)
			} else if n, ok := d.groupBefore(ws, i); ok && strings.HasSuffix(w.bare, "وا") {
				set(&dead, n) // «قياديا وعنصرين قتلوا»
			} else if n, ok := d.numberBefore(ws, i); ok && strings.HasSuffix(w.bare, "وا") {
				set(&dead, n) // «26 مدنيا قتلوا»
			} else if i+1 < len(ws) && d.dual[ws[i+1].bare] {
				set(&dead, 2) // «استشهاد شخصين»
			} else if i > 0 && d.onePerson[stripAll(ws[i-1].w)] && !strings.HasSuffix(w.bare, "وا") {
				set(&dead, 1) // «أن مدنيا قتل»
			} else if i+1 < len(ws) && !d.known(ws[i+1].bare) && !plural(ws[i+1].bare) && d.oneDeath[w.bare] && (i == 0 || !d.nonEvents[ws[i-1].bare]) {
				set(&dead, 1) // «مقتل قيادي»
			}
		case d.injuryNouns[w.bare] && !d.injuryVerbs[w.bare]:
			if n, ok := d.numberBefore(ws, i); ok {
				set(&hurt, n)
			}
		case d.injuryVerbs[w.bare]:
			// «إصابة» is noun and verb: «50 إصابة», «إصابة 50».
			if n, ok := d.numberBefore(ws, i); ok && d.injuryNouns[w.bare] {
				set(&hurt, n)
			}
			if n, ok := d.numberAfter(ws, i); ok {
				set(&hurt, n)
			} else if i+1 < len(ws) && d.dual[ws[i+1].bare] {
				set(&hurt, 2)
			}
		}
		// «ولم تسجل أي إصابة», «لم يصب أحد», «دون ورود أنباء عن
		// إصابات»: none.
		if w.bare == "لم" && i+2 < len(ws) && (ws[i+2].bare == "اي" || ws[i+2].bare == "احد" || i+3 < len(ws) && ws[i+3].bare == "اي") ||
			d.noHarmNeg[w.w] && d.noneFollows(ws, i) {
			zero := 0
			set(&dead, zero)
			set(&hurt, zero)
		}
		// «أضرار مادية فقط»: the damage was to property alone.
		if w.bare == "فقط" && i > 0 && strings.HasSuffix(ws[i-1].bare, "ماديه") {
			zero := 0
			set(&dead, zero)
			set(&hurt, zero)
		}
	}
	return dead, hurt
}

// plural reports a noun of six letters or more ending as a sound plural
// does (ين، ون، ات): «مقتل قياديين» names more than one. Shorter words
// are as often names (حسين، خلدون، بركات).
func plural(w string) bool {
	if utf8.RuneCountInString(w) < 6 {
		return false
	}
	for _, end := range []string{"ين", "ون", "ات"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// noneFollows reports a word of harm within six words after the
// negation at ws[i], with no number and no «معلومات» between: «دون أنباء
// عن خسائر بشرية» is nobody hurt; «لا معلومات عن قتلى» is not known.
func (d *Detector) noneFollows(ws []word, i int) bool {
	for j := i + 1; j < len(ws) && j <= i+6; j++ {
		w := stripAll(ws[j].w)
		if _, ok := d.number(ws, j); ok || w == "معلومات" {
			return false
		}
		if d.noHarm[w] || d.noHarm[ws[j].bare] {
			return true
		}
	}
	return false
}

// numberBefore reads a number ending one or two words before ws[i]
// (37 قتيلا، ثمانية عناصر قتلى is rare; «90 قتيلا»).
func (d *Detector) numberBefore(ws []word, i int) (int, bool) {
	for j := i - 1; j >= max(0, i-3); j-- {
		if n, ok := d.number(ws, j); ok {
			return n, true
		}
	}
	return 0, false
}

// moreOfGroup counts the people a list adds after a count, from ws[k]:
// «16 طفلا وأربع نساء», «قائد عسكري وأحد العناصر», «امرأة وطفلها» —
// and «و» with a number or a single person.
func (d *Detector) moreOfGroup(ws []word, k int) int {
	// «قائد عسكري»: an adjective may come between.
	for tries := 0; tries < 2 && k < len(ws); tries++ {
		rest, ok := strings.CutPrefix(ws[k].w, "و")
		if !ok {
			k++
			continue
		}
		if rest == "" && k+1 < len(ws) { // «14 مقاتلا و 35 عنصرا»: و written apart
			k++
			rest = ws[k].w
		}
		if k+1 < len(ws) && d.injuryNouns[ws[k+1].bare] {
			return 0 // «3 قتلى و7 جرحى»
		}
		return d.personTerm(rest)
	}
	return 0
}

// personTerm is the number of people a word of a list names, with its
// conjunction removed: a number, a dual, or one person; 0 for any other
// word.
func (d *Detector) personTerm(w string) int {
	if n, ok := digits(w); ok {
		return n
	}
	if n, ok := d.numbers[w]; ok && n < 20 {
		return n
	}
	if d.dual[w] {
		return 2
	}
	if w == "احد" || d.onePerson[w] {
		return 1
	}
	return 0
}

// groupBefore sums the people a plural death verb has for subject when
// they are listed before it: «إن قياديا في التنظيم وخمسة متشددين قتلوا»
// is six, «قياديا وعنصرين قتلوا» three. The list starts the clause or
// follows «أن/إن»; each later part is joined by و. A list of one part
// at the clause's start is left to numberBefore.
func (d *Detector) groupBefore(ws []word, i int) (int, bool) {
	from := 0
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		if stripAll(ws[j].w) == "ان" { // أن، إن، وأن
			from = j + 1
			break
		}
		if j == i-12 {
			return 0, false
		}
	}
	if from >= i {
		return 0, false
	}
	sum := d.personTerm(stripAll(ws[from].w))
	if sum == 0 {
		return 0, false
	}
	parts := 1
	for j := from + 1; j < i; j++ {
		rest, ok := strings.CutPrefix(ws[j].w, "و")
		if !ok || rest == "" {
			continue
		}
		if n := d.personTerm(rest); n > 0 {
			sum += n
			parts++
		}
	}
	// «إن ثلاثة أشخاص منهم طفلان قتلوا», «26 مدنيا على الأقل قتلوا»: a
	// count that «إن» or the clause opens is the subject's, whatever
	// follows it.
	_, count := d.number(ws, from)
	return sum, parts > 1 || from > 0 || count
}

// moreDead adds the dead a list names after a count of dead at ws[i],
// place by place: «3 شهداء في دوما وشهيد في مديرا» is four.
func (d *Detector) moreDead(ws []word, i int) int {
	more := 0
	for j := i + 1; j < len(ws) && j <= i+6; j++ {
		rest, ok := strings.CutPrefix(ws[j].w, "و")
		if !ok {
			continue
		}
		next := j + 1
		if rest == "" && next < len(ws) { // «و 5 قتلى»
			rest, next = ws[next].w, next+1
		}
		if d.oneDead[rest] {
			more++ // «وشهيد طفل»
			continue
		}
		n, ok := digits(rest)
		if !ok {
			n, ok = d.numbers[rest]
		}
		if ok && next < len(ws) && d.deathNouns[ws[next].bare] {
			more += n // «و5 قتلى في حمص»
		}
	}
	return more
}

// numberAfterAt is numberAfter with the index of the number's word.
func (d *Detector) numberAfterAt(ws []word, i int) (int, int, bool) {
	for j := i + 1; j < len(ws) && j <= i+5; j++ {
		if d.inDate(ws, j) {
			continue // «قتل في آذار 2014», «قتل في 12 آذار»
		}
		if n, ok := d.number(ws, j); ok {
			return n, j, true
		}
		if d.deathNouns[ws[j].bare] || d.injuryNouns[ws[j].bare] || d.deathVerbs[ws[j].bare] || d.injuryVerbs[ws[j].bare] {
			break
		}
	}
	return 0, 0, false
}

// inDate reports a number that is part of a date: next to a month's
// name (آذار 2014، 12 آذار).
func (d *Detector) inDate(ws []word, j int) bool {
	return j > 0 && ws[j-1].flags&isMonth != 0 || j+1 < len(ws) && ws[j+1].flags&isMonth != 0
}

// numberAfter reads a number starting within three words after ws[i]
// («مقتل 37»، «مقتل ما لا يقل عن 30»، «قتل أكثر من 90»).
func (d *Detector) numberAfter(ws []word, i int) (int, bool) {
	n, _, ok := d.numberAfterAt(ws, i)
	return n, ok
}

// number reads digits or number words at ws[j], with «عشر» compounds
// (ثلاثة عشر) and tens joined by و (خمسة وعشرين).
func (d *Detector) number(ws []word, j int) (int, bool) {
	w := ws[j].bare
	if ws[j].item {
		return 0, false
	}
	if n, ok := digits(w); ok {
		return n, true
	}
	n, ok := d.numbers[w]
	if !ok {
		return 0, false
	}
	if n < 10 && j+1 < len(ws) {
		next := ws[j+1].bare
		if next == "عشر" || next == "عشره" {
			return n + 10, true
		}
		if t, ok := d.numbers[strings.TrimPrefix(next, "و")]; ok && t >= 20 && t < 100 {
			return n + t, true
		}
	}
	return n, true
}

// isDay: one or two digits of a day of the month.
func isDay(w string) bool {
	n, ok := digits(w)
	return ok && n >= 1 && n <= 31
}

// isYear: four digits from 1900 on.
func isYear(w string) bool {
	n, ok := digits(w)
	return ok && len(w) == 4 && n >= 1900
}

func digits(w string) (int, bool) {
	n := 0
	for _, r := range w {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
		if n > 1_000_000 {
			return 0, false
		}
	}
	return n, w != ""
}

// actorAt is an actor a clause names, at its first word ws[i].
type actorAt struct {
	actor string
	i     int
}

// actorSpans finds the actors a clause names, in order, the longest
// phrase at each word (الجيش السوري الحر before الجيش السوري).
func (d *Detector) actorSpans(out []actorAt, ws []word) []actorAt {
	var buf [96]byte
	phrase := buf[:0]
	for i := 0; i < len(ws); i++ {
		// Most words begin no actor's name: the word's lexeme says so.
		if ws[i].flags&isActorish == 0 {
			continue
		}
		if !d.actorFirst[ws[i].bare] {
			if a, ok := d.actors[stripAll(ws[i].w)]; ok {
				out = append(out, actorAt{a, i})
			}
			continue
		}
		// The phrases from this word, shortest first; the longest known
		// one wins.
		best, bestN := "", 0
		phrase = append(phrase[:0], ws[i].bare...)
		for n := 1; n <= min(d.maxActor, len(ws)-i); n++ {
			if n > 1 {
				phrase = append(append(phrase, ' '), ws[i+n-1].w...)
			}
			if a, ok := d.actors[string(phrase)]; ok {
				best, bestN = a, n
			}
		}
		if bestN == 0 {
			if a, ok := d.actors[stripAll(ws[i].w)]; ok {
				best, bestN = a, 1
			}
		}
		if bestN > 0 {
			out = append(out, actorAt{best, i})
			i += bestN - 1
		}
	}
	return out
}

// actorsOf lists the actors of spans in order, once each.
func actorsOf(spans []actorAt) []string {
	var out []string
	for _, a := range spans {
		if !slices.Contains(out, a.actor) {
			out = append(out, a.actor)
		}
	}
	return out
}

// agentOf is the actor who did what a clause reports: the first it
// names, except one named as where control was taken from («استعادة
// تدمر من تنظيم داعش»). "" when it names none.
func (d *Detector) agentOf(spans []actorAt, ws []word) string {
	for _, a := range spans {
		// «بدعم من روسيا», «انسحاب قوات النظام من»: not the doer — but
		// «عناصر من داعش» are its members.
		if a.i > 0 && ws[a.i-1].bare == "من" && !(a.i > 1 && ws[a.i-2].flags&isMember != 0) {
			continue
		}
		return a.actor
	}
	return ""
}

// written reports w in set as written or without its proclitic
// (stripAll): short words lose letters to stripping (بدء is no ب + دء),
// so both are asked.
func written(set map[string]bool, w string) bool { return set[w] || set[stripAll(w)] }

// stripAll takes a conjunction or preposition off a word (وداعش → داعش),
// whether or not the lexicon knows what remains; ك stays, as in
// lexemes' lists far more words begin with ك (كتائب، كمين) than take it.
func stripAll(w string) string {
	return arabic.StripProclitics(w, allReadings)
}

var allReadings = arabic.Options{MinRest: 2, NoKaf: true}

// date dates a clause that states no date of its own (see statedDate):
// أمس، اليوم and weekday names against the article's date (base), else
// the article's date, except for the items of a timeline.
func (d *Detector) date(ws []word, base time.Time, timeline bool) (*time.Time, string) {
	if base.IsZero() {
		return nil, ""
	}
	for _, w := range ws {
		if w.flags&isDayWord == 0 {
			continue
		}
		switch {
		case w.bare == "امس":
			t := base.AddDate(0, 0, -1)
			return &t, "day"
		case w.bare == "اليوم":
			return &base, "day"
		default:
			if wd, ok := d.days[w.bare]; ok {
				back := (int(base.Weekday()) - int(wd) + 7) % 7
				t := base.AddDate(0, 0, -back)
				return &t, "day"
			}
		}
	}
	if timeline {
		return nil, "" // the items of a timeline carry their own dates
	}
	return &base, "day"
}

// statedDate reads a date the clause states: «في 22 كانون الأول 2016»,
// «22 كانون الأول / ديسمبر», «في شباط الماضي», «في أيار 2017», «في العام
// 2014». A month without a year is the latest such month not after the
// article's date (base; without it, the year must be stated). It returns
// the date and its precision: "day", "month" or "year".
func (d *Detector) statedDate(ws []word, base time.Time) (time.Time, string, bool) {
	for i, w := range ws {
		// Month names and «عام» are among the words flagged as months.
		if w.flags&isMonth == 0 {
			continue
		}
		month, n := d.monthAt(ws, i)
		if month == 0 {
			if (w.bare == "عام" || w.bare == "العام") && i+1 < len(ws) && isYear(ws[i+1].w) {
				y, _ := digits(ws[i+1].w)
				return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), "year", true
			}
			continue
		}
		day := 0
		if i > 0 {
			if v, ok := digits(ws[i-1].w); ok && v >= 1 && v <= 31 {
				day = v
			}
		}
		// «كانون الأول / ديسمبر»: the other calendar's name of the month.
		k := i + n
		if m2, n2 := d.monthAt(ws, k); m2 != 0 {
			k += n2
		}
		year := 0
		if k < len(ws) && isYear(ws[k].w) {
			year, _ = digits(ws[k].w)
		}
		// A month's name is also a word (آب «father», مارس «practised»):
		// it dates the clause with a day, a year, or a word of dates
		// around it (في شباط، شهر أيار، أيار الماضي).
		if day == 0 && year == 0 && !(i > 0 && d.monthLeads[ws[i-1].bare]) && !(k < len(ws) && d.monthTails[ws[k].bare]) {
			continue
		}
		if year == 0 {
			if base.IsZero() {
				continue
			}
			year = base.Year()
			if time.Month(month) > base.Month() || time.Month(month) == base.Month() && day > base.Day() {
				year-- // «في تشرين الثاني» in a January article
			}
		}
		if day > 0 {
			return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), "day", true
		}
		return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), "month", true
	}
	return time.Time{}, "", false
}

// monthAt reads a month's name at ws[i]: 1…12 and the words it takes
// (تشرين الأول takes two), or 0.
func (d *Detector) monthAt(ws []word, i int) (int, int) {
	if i >= len(ws) {
		return 0, 0
	}
	w := ws[i].bare
	if m, ok := d.monthNumbers[w]; ok {
		return m, 1
	}
	if i+1 < len(ws) {
		if m, ok := d.monthNumbers[w+" "+ws[i+1].bare]; ok {
			return m, 2
		}
	}
	return 0, 0
}

// literals keeps the literal mentions that can place an event, once for
// a text: not a clock's time zone («الساعة 22 : 48 (مكة المكرمة)»),
// which news sites print with every date, nor a word of a report.
func (d *Detector) literals(sc *scratch, ms []extract.Mention, rs []rune) []extract.Mention {
	return without(ms, func(m extract.Mention) bool {
		return m.Use != extract.Literal || m.Place == nil || timeZone(rs, m.Start) || d.reportWord(sc, m)
	})
}

// literalIn returns the mentions of ms (from literals) that start inside
// [start, end): a slice of ms, which callers copy before they change it.
func literalIn(ms []extract.Mention, start, end int) []extract.Mention {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= start })
	j := i
	for j < len(ms) && ms[j].Start < end {
		j++
	}
	return ms[i:j:j]
}

// reportWord reports a mention whose words are a report's or a toll's
// (في زيارة هي الأولى، لسقوط شهداء): a village of that name is not what
// the clause names.
func (d *Detector) reportWord(sc *scratch, m extract.Mention) bool {
	// A surface that is a whole word of the text was folded already.
	if l, ok := sc.written[m.Surface]; ok {
		return l != nil && l.flags&isReportForm != 0
	}
	var buf [64]byte
	return d.reportForm(string(foldString(buf[:0], m.Surface)))
}

// reportForm reports a folded form that is a trigger or a word of death
// or injury as it is, proclitics and all.
func (d *Detector) reportForm(f string) bool {
	_, ok := d.triggers[f]
	return ok || d.deathNouns[f] || d.injuryNouns[f] // «لسقوط شهداء»
}

// byRole orders places for an event: the places it happened at before
// those the clause only measures from («بلدات الغوطة، شرق العاصمة دمشق»,
// «قرب مدينة X»), then the most precise first, keeping text order among
// equals: the first place named is where it happened.
func (d *Detector) byRole(all []word, ms []extract.Mention) []extract.Mention {
	// ref[k]: ms[k] is a reference point. Mentions that share a start
	// share the verdict of the last of them.
	var buf [8]bool
	ref := buf[:0]
	relative := d.relativeAfter(all, ms[0], ms[len(ms)-1].Start)
	for k, m := range ms {
		// A place named after a relative pronoun that follows the first
		// place describes that place or its holders («قرى سهل الغاب الذي
		// يمتد قرب مدينة حماة»): it is not where the event happened.
		described := m.Start > ms[0].Start && relative < m.Start
		after := -1 // where the place named before m ends
		if k > 0 {
			after = ms[k-1].End
		}
		ref = append(ref, described || d.reference(all, m) || d.posted(all, after, m) || framed(all, m))
	}
	for k := len(ms) - 2; k >= 0; k-- {
		for j := k + 1; j < len(ms); j++ {
			if ms[j].Start == ms[k].Start {
				ref[k] = ref[j]
				break
			}
		}
	}
	// The places it happened at first, then the reference points, each
	// in text order (a stable partition).
	out := make([]extract.Mention, 0, len(ms))
	for k, m := range ms {
		if !ref[k] {
			out = append(out, m)
		}
	}
	places := len(out)
	for k, m := range ms {
		if ref[k] {
			out = append(out, m)
		}
	}
	// The first place named says where; a finer place of the same
	// governorate (or country) named later says it more precisely and
	// goes first («في ريف إدلب، على بلدة كفرنبل»). A finer place
	// elsewhere does not move it: «سهل الغاب … وريف جسر الشغور».
	best := 0
	for i := 1; i < places; i++ {
		if out[i].GeoPrecision < out[best].GeoPrecision && sameArea(out[i].Place, out[0].Place) {
			best = i
		}
	}
	if best > 0 {
		m := out[best]
		copy(out[1:best+1], out[:best])
		out[0] = m
	}
	return out
}

// sameArea: two places in one governorate, or abroad in one country.
func sameArea(a, b *geo.Place) bool {
	if a == nil || b == nil {
		return false
	}
	return a.Country == b.Country && a.Governorate() == b.Governorate()
}

// framed reports a place named with its countryside as a frame, the
// heading of a round-up («في دمشق وريفها، قتل…»): the event is at a
// place the clause names within it.
func framed(all []word, m extract.Mention) bool {
	at := indexAt(all, m.End)
	return at < len(all) && (all[at].w == "وريفها" || all[at].w == "وريفه")
}

// posted reports a place named as where the doers or the reporters are
// posted («القوات المتمركزة في بلدة X», «مراسلنا في X»): a post word
// within five words before it, after the place named before it (which
// ends at after).
func (d *Detector) posted(all []word, after int, m extract.Mention) bool {
	at := indexAt(all, m.Start)
	for k := at - 1; k >= 0 && k >= at-5 && all[k].start >= after; k-- {
		if all[k].flags&isPost != 0 {
			return true
		}
	}
	return false
}

// relativeAfter is where the first relative pronoun (التي، الذي) after
// the place first and before until begins, or math.MaxInt.
func (d *Detector) relativeAfter(all []word, first extract.Mention, until int) int {
	for i := indexAt(all, first.End); i < len(all) && all[i].start < until; i++ {
		if all[i].flags&isRelative != 0 {
			return all[i].start
		}
	}
	return math.MaxInt
}

// reference reports a place the text names as a point to measure from: a
// side or «قرب» before it, a place word between («شرق العاصمة دمشق»,
// «بالقرب من مدينة حلب»).
func (d *Detector) reference(all []word, m extract.Mention) bool {
	// «المغذي لدمشق», «الحدودية مع العراق», «نزحوا إلى إدلب»: a place
	// the clause relates to, through ل or a preposition of company or
	// direction, not where it happened.
	if w := sort.Search(len(all), func(i int) bool { return all[i].start > m.Start }) - 1; w >= 0 {
		if all[w].start < m.Start && strings.HasPrefix(all[w].w, "ل") {
			return true
		}
		k := w - 1
		if k >= 0 && all[k].flags&isPlaceWordBare != 0 {
			k-- // «إلى مدينة إدلب»
		}
		if all[w].start == m.Start && k >= 0 && d.aside[all[k].w] {
			return true
		}
	}
	// The text's words before the mention, at most four.
	at := indexAt(all, m.Start)
	before := all[max(0, at-4):at]
	n := len(before)
	if n > 0 && before[n-1].flags&isPlaceWordBare != 0 {
		n-- // «شرق العاصمة دمشق»
	}
	if n > 0 && before[n-1].w == "من" {
		n-- // «بالقرب من»
	}
	if n == 0 || before[n-1].flags&isReferenceWord == 0 {
		return false
	}
	// «في شرق دمشق», «بشمال حلب»: a part of the place, where it
	// happened.
	side := before[n-1].w
	return !(strings.HasPrefix(side, "ب") && side != "بالقرب" && side != "بمقربة" || n > 1 && (before[n-2].w == "في" || before[n-2].w == "وفي"))
}

func confidence(e Event) float64 {
	c := 0.5
	if e.GeoPrecision <= 2 {
		c += 0.2
	}
	if len(e.Actors) > 0 {
		c += 0.1
	}
	if e.Fatalities != nil || e.Injured != nil {
		c += 0.1
	}
	return c
}

// eventID is stable: the same document, evidence and sub-type give the
// same id on every build.
func eventID(doc string, e Event) string {
	// doc|start|end|sub-type, hashed; built without fmt, once per event.
	b := make([]byte, 0, len(doc)+len(e.SubType)+24)
	b = append(append(b, doc...), '|')
	b = append(strconv.AppendInt(b, int64(e.Start), 10), '|')
	b = append(strconv.AppendInt(b, int64(e.End), 10), '|')
	h := sha1.Sum(append(b, e.SubType...))
	return "ev-" + hex.EncodeToString(h[:6])
}
