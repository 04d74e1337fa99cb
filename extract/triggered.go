package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
)

// triggered handles a trigger word followed by a name the gazetteer
// lacks: «شارع بغداد» and «ساحة الأمويين» become landmarks placed at the
// place the text is about; «بلدة X» is reported as unresolved, and placed
// too when the context says where. It returns the tokens consumed.
func (a *analysis) triggered(i int) int {
	lx := a.e.lx
	tok := a.w(i)
	if i+1 >= len(a.toks) || a.toks[i+1].before != 0 {
		return 0
	}
	// The look-up of the token's name said whether it may be a
	// trigger word; a token that begins a name is asked here.
	switch k := a.slot[i]; {
	case k == noTrigger:
		return 0
	case k > 0 && !a.e.triggerFilter.mayHave(tok):
		return 0
	}
	bare, isTrigger := lx.triggerForm[tok]
	if !isTrigger {
		return 0
	}
	landmark := lx.landmark[bare]
	if bare == "طريق" && a.prev(i) == "عن" {
		return 0 // «عن طريق»: by way of
	}
	known, isKnown := a.longest(i + 1)
	if isKnown && !(lx.named[bare] && known.prefix == "") {
		return 0 // a known place: the next token's business
	}
	first := a.w(i + 1)
	// Mountains, hills and valleys keep names without the article
	// (جبل شحشبو، تل زعتر), as villages do.
	natural := landmark && lx.natural[bare]
	if !isKnown && !looksLikeName(first, landmark && !natural) {
		return 0
	}
	if natural && !isKnown {
		// «وأدى» folds to وادي: the verb «led to», not a valley. And
		// no bare name begins with the conjunction (تل وجرح).
		if strings.Contains(a.text[a.toks[i].bstart:a.toks[i].bend], "أ") || strings.HasPrefix(first, "و") {
			return 0
		}
	}
	if lx.notName[first] || lx.weakAny[first] {
		return 0
	}
	// «أحياء خاضعة»، «قرى شيعية»، «مدينة تقع»: an adjective or a verb
	// describes the place; a name the gazetteer lacks looks otherwise.
	if !isKnown && (!landmark || natural) && (verbShape(first) || participleShape(first) && a.governs(i+1)) {
		return 0
	}
	// «أحياء دمشقية»: the adjective of a city or a country describes.
	if !isKnown && a.placeAdjective(first) {
		return 0
	}
	// «بلدة يسيطر عليها الأكراد»: a verb with its relative pronoun.
	if i+2 < len(a.toks) && relative[a.w(i+2)] && !isKnown {
		return 0
	}
	// «قرى بجبل شحشبو»: a trigger word with a preposition begins the
	// phrase that places the trigger's own places, not a name.
	if bare := stripProclitics(first); lx.landmark[bare] || lx.settlementAnyIs(bare) {
		return 0
	}
	if _, ok := lx.settlementKind(first); ok || lx.landmark[first] {
		return 0
	}
	// The name: one word (or the known name), and the words that
	// complete such names; a compound head takes the next word too
	// (حي الشيخ سعيد، قرية عين البيضا).
	last := i + 1
	if isKnown {
		last = i + known.n
	} else if i+2 < len(a.toks) && a.toks[i+2].before == 0 && !strings.HasPrefix(a.w(i+2), "و") && (compound[strings.TrimPrefix(first, "ال")] ||
		lx.firstName[first] && strings.HasPrefix(a.w(i+2), "ال")) {
		// A compound (حي الشيخ سعيد) or a person's name (حي فارس الخوري).
		last = i + 2
	}
	for j := i + 2; j < len(a.toks) && j <= i+3 && a.toks[j].before == 0; j++ {
		if !lx.namePart[a.w(j)] && !isDigits(a.w(j)) {
			break
		}
		last = j
	}
	nameStart := i + 1
	if landmark {
		nameStart = i // the trigger is part of a landmark's name
		// Strip a proclitic off the trigger word itself (بساحة → ساحة).
	}
	abroad, end := a.foreignContainer(i+1, last+1)
	if !landmark {
		last = end - 1 // «مدينة نيو أورليانز بولاية لويزيانا»
	}
	if lx.province[bare] && abroad == nil {
		return 0 // «ولاية الخير»: see lexicon.province
	}
	// A name the clause puts abroad is no Syrian village's other form.
	if !landmark && !isKnown && last == i+1 && abroad == nil && a.otherArticle(i+1) {
		return 2
	}
	t0, tn := a.toks[nameStart], a.toks[last]
	skip := 0
	if nameStart == i {
		skip = utf8.RuneCountInString(a.w(nameStart)) - utf8.RuneCountInString(bare)
	}
	start, bstart := offsetAfter(a.text, t0, skip)
	surface := a.text[bstart:tn.bend]
	where, prec := a.context(i)
	if abroad != nil {
		where, prec = abroad, precision(abroad) // «مدينة كيبيك الكندية»
	}
	if landmark {
		if where == nil {
			// A landmark nobody can place is not worth a guess; its name
			// is no mention of a town either.
			return last - i + 1
		}
		a.accept(Mention{
			Start: start, End: int(tn.end), Surface: surface, Name: surface, Kind: geo.Landmark,
			Place: where, GeoPrecision: prec, Confidence: 0.5, Use: Literal,
		}, nameStart, last+1, strongCue)
		return last - i + 1
	}
	a.res.Unresolved = append(a.res.Unresolved, Unresolved{
		Start: start, End: int(tn.end), Name: surface, Trigger: a.text[a.toks[i].bstart:a.toks[i].bend],
		Sentence: sentence(a.text, bstart, int(tn.bend)),
	})
	if where != nil {
		kind, _ := lx.settlementKind(tok)
		switch {
		case abroad != nil:
			kind = abroadKind(kind)
		case kind == "" || kind == geo.Governorate || kind == geo.Country:
			kind = geo.Village
		}
		a.accept(Mention{
			Start: start, End: int(tn.end), Surface: surface, Name: surface, Kind: kind,
			Place: where, GeoPrecision: max(prec, 2), Confidence: 0.4, Use: Literal,
		}, i+1, last+1, strongCue)
	}
	return last - i + 1
}

// otherArticle reads a cued name the gazetteer lacks as written under
// its other form, with or without the article: the sources often drop
// the article that the news writes (بلدة الحماميات for OCHA's حماميات),
// or add one. The place must be Syrian and a settlement, and not lie
// far outside a governorate its sentence names (then it is a namesake,
// and the name stays unresolved).
func (a *analysis) otherArticle(k int) bool {
	w := a.w(k)
	alt, had := strings.CutPrefix(w, "ال")
	if !had {
		alt = "ال" + w
	}
	if utf8.RuneCountInString(alt) < 3 {
		return false
	}
	n := a.e.root.child(alt)
	// «قرية صغيرة» is no village الصغيرة: an indefinite word after the
	// trigger is an adjective when it is a word at all. After the article
	// (بلدة الحماميات) it is a name.
	if n == nil || n.places == nil || n.flags&nCommon != 0 && !had {
		return false
	}
	var places []*geo.Place
	for _, p := range n.places {
		if p.Country == "SY" && (p.Kind == geo.Village || p.Kind == geo.Town || p.Kind == geo.City) {
			places = append(places, p)
		}
	}
	if len(places) == 0 {
		return false
	}
	m := match{i: k, n: 1, key: alt, places: places, flags: n.flags}
	best := a.choose(m, "")
	if where, _ := a.sentenceContext(k); where != nil && where.Adm1 != best.Adm1 && a.farFromSentence(best) {
		return false
	}
	a.accept(a.placed(k, k, 0, best, places, strongCue), k, k+1, strongCue)
	return true
}

// placeAdjective reports the nisba of a city, a governorate or a country
// (دمشقية، الحلبية، حمصي): the name with ي, ية (folded يه) and the like.
func (a *analysis) placeAdjective(w string) bool {
	w = strings.TrimPrefix(w, "ال")
	for _, suffix := range []string{"يه", "يين", "يون", "ي"} {
		stem, ok := strings.CutSuffix(w, suffix)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		if n := a.e.root.child(stem); n != nil {
			for _, p := range n.places {
				switch p.Kind {
				case geo.Governorate, geo.City, geo.Country:
					return true
				}
			}
		}
		return false
	}
	return false
}

// context is the place the text is about at token i: a precise place of
// the same sentence, the governorate the sentence names, the section's
// governorate, the governorate the paragraph last named, the last precise
// place of the paragraph, or the governorate the text has named most.
func (a *analysis) context(i int) (*geo.Place, int) {
	if where, prec := a.sentenceContext(i); where != nil {
		return where, prec
	}
	if a.section != nil {
		return a.section, 3
	}
	if a.paraGov != nil {
		return a.paraGov, 3
	}
	if a.lastPlc != nil {
		return a.lastPlc, 2
	}
	best, n := 0, 0
	for k, c := range a.govCount {
		if c > n {
			best, n = k, c
		}
	}
	if best > 0 {
		return a.e.govs[best], 3
	}
	return nil, 0
}

// sentenceContext is where the current sentence is: a precise place it
// has named, or the governorate it names nearest to token i.
func (a *analysis) sentenceContext(i int) (*geo.Place, int) {
	if a.lastPlc != nil && a.lastSent == a.sentIdx {
		return a.lastPlc, 2
	}
	if g := a.sentenceGov(i); g != nil {
		return g, 3
	}
	return nil, 0
}

// relative pronoun words follow a verb in a relative clause (يسيطر عليها).
var relative = map[string]bool{"عليها": true, "عليه": true, "فيها": true, "فيه": true, "بها": true, "به": true, "منها": true, "منه": true, "اليها": true}

// compound are words that begin two-word place names (folded, without
// the article).
var compound = map[string]bool{
	"شيخ": true, "ابو": true, "عين": true, "تل": true, "دير": true, "كفر": true, "بيت": true,
	"خان": true, "راس": true, "بير": true, "جسر": true, "ام": true, "بني": true, "قصر": true,
}

// looksLikeName: a word after a trigger that can begin a name. Landmark
// names begin with the article or a number (ساحة الأمويين، برج 8 آذار);
// settlement names may not, but neither may carry a preposition
// (للجيش) or a pronoun suffix (سيطرته).
func looksLikeName(w string, landmark bool) bool {
	if isDigits(w) {
		return landmark
	}
	if strings.HasPrefix(w, "لل") || strings.HasSuffix(w, "ته") || strings.HasSuffix(w, "هم") {
		return false
	}
	// «مدينة وأطرافها»: a conjunction and a pronoun joins the trigger's
	// place to its own parts; no name begins so.
	if strings.HasPrefix(w, "و") && strings.HasSuffix(w, "ها") {
		return false
	}
	if landmark {
		return strings.HasPrefix(w, "ال") && len([]rune(w)) > 3
	}
	return len([]rune(w)) > 2
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// sentence returns the sentence around bytes [from, to) of text, cut to
// exampleSide code points on each side of the name. It walks no further
// from the name than that: scraped news has sentences thousands of
// letters long, and searching and converting them whole, once per
// unknown name, cost more than the rest of the extraction of them.
func sentence(text string, from, to int) string {
	before, lead, ok := sentenceBefore(text, from)
	if !ok {
		return sentenceWhole(text, from, to)
	}
	// The text is copied as it is, where sentenceWhole's conversion to
	// runes and back would replace invalid bytes: there it decides.
	end, tail := to, ""
	for n := 0; end < len(text); n++ {
		r, size := utf8.DecodeRuneInString(text[end:])
		if r == utf8.RuneError {
			return sentenceWhole(text, from, to)
		}
		if arabic.IsSentenceEnd(r) {
			break
		}
		if n == exampleSide {
			tail = "…"
			break
		}
		end += size
	}
	return strings.TrimSpace(lead + before + text[from:to] + text[to:end] + tail)
}

// sentenceBefore is the part of the sentence before byte from that
// sentence keeps, and "…" when it cuts the sentence short. Walking back
// matches decoding forward only over valid UTF-8: at an invalid byte or
// a replacement character it reports !ok, and sentenceWhole decides.
func sentenceBefore(text string, from int) (string, string, bool) {
	start := from
	for n := 0; start > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if r == utf8.RuneError {
			return "", "", false
		}
		if arabic.IsSentenceEnd(r) {
			break
		}
		if n == exampleSide {
			return text[start:from], "…", true
		}
		start -= size
	}
	return text[start:from], "", true
}

// sentenceWhole is sentence for any text: it finds the whole sentence,
// then cuts it.
func sentenceWhole(text string, from, to int) string {
	start, end := arabic.SentenceStart(text, from), arabic.SentenceEnd(text, to)
	before, after := []rune(text[start:from]), []rune(text[to:end])
	lead, tail := "", ""
	if len(before) > exampleSide {
		before, lead = before[len(before)-exampleSide:], "…"
	}
	if len(after) > exampleSide {
		after, tail = after[:exampleSide], "…"
	}
	return strings.TrimSpace(lead + string(before) + text[from:to] + string(after) + tail)
}

// exampleSide is how many characters an example keeps on each side
// of the name.
const exampleSide = 120

// joins reports token i joined to the one before as the next item of a
// list: by «و» (written on or apart) or a comma; quotation marks may
// stand around the items («"X" و"Y"») but alone they close the list.
func (a *analysis) joins(i int) bool {
	b := a.toks[i].before
	if b&^(sepComma|sepOther) != 0 {
		return false // a sentence, line or colon ends the list
	}
	return b&sepComma != 0 || strings.HasPrefix(a.w(i), "و")
}

// listItem reads an item of a list that a list head began (قرى X وY،
// بلدتي X وY) whose name the gazetteer lacks: the head says it is a
// place, so it is placed where the text is, like a name after a trigger.
// It returns the tokens consumed.
func (a *analysis) listItem(i int) int {
	if !a.listOpen || a.lastEnd != i || !a.joins(i) {
		return 0
	}
	if n := len(a.res.Mentions); n > 0 && a.res.Mentions[n-1].Place != nil && a.res.Mentions[n-1].Place.Country != "SY" {
		return 0 // a list of towns abroad: no guess at where
	}
	first, skip := i, 0
	w := a.w(i)
	switch {
	case w == "و":
		first++ // «و» written apart
		if first >= len(a.toks) || a.toks[first].before != 0 {
			return 0
		}
		// A name the gazetteer knows is decided as such, candidates
		// and all: the loop reads it at the next token.
		if _, ok := a.longest(first); ok {
			return 0
		}
		w = a.w(first)
	case a.toks[i].before&sepComma == 0 || strings.HasPrefix(w, "وال"):
		// The conjunction, after a comma too («، والرك»); a name that
		// begins with و (وادي) comes after a comma alone.
		w, skip = strings.TrimPrefix(w, "و"), 1
	}
	if !a.itemName(w) {
		return 0
	}
	last := first
	if first+1 < len(a.toks) && a.toks[first+1].before == 0 && compound[strings.TrimPrefix(w, "ال")] {
		last = first + 1 // أم حويش، قصر ابن وردان
	}
	for j := last + 1; j < len(a.toks) && j <= last+2 && a.toks[j].before == 0; j++ {
		if !a.e.lx.namePart[a.w(j)] {
			break
		}
		last = j
	}
	if k := last + 1; !a.itemEnds(k) && k < len(a.toks) && a.toks[k].before == 0 &&
		strings.HasPrefix(a.w(k), "ال") && a.itemEnds(k+1) {
		last = k // two words: كرم الطراب، جديد عكيدات
	}
	if !a.itemEnds(last+1) || participleShape(w) && a.governs(first) {
		return 0
	}
	where, prec := a.context(first)
	if where == nil {
		return 0
	}
	a.unknown(first, last, skip, where, prec, nil, strongCue)
	return last - i + 1
}

// itemEnds reports whether token k can follow a list's item: the next
// item, the end of the clause, or a word that places the list (قرى X
// وY بريف حماة، … الواقعة شمال …). A verb or a noun after the word says
// the list has ended before it (… وY، سقط على إثرها …).
func (a *analysis) itemEnds(k int) bool {
	if k >= len(a.toks) || a.toks[k].before&^sepComma != 0 {
		return true
	}
	w := a.w(k)
	if a.toks[k].before&sepComma != 0 {
		return !verbShape(w) // «X، Y، Z»
	}
	if strings.HasPrefix(w, "و") {
		return true
	}
	return itemEnders[w] || a.e.lx.words[w]&(fSettlement|fLandmark) != 0 && strings.HasPrefix(w, "ب")
}

// itemEnders are the words after which a list of places goes on to say
// where they are (folded).
var itemEnders = map[string]bool{
	"في": true, "قرب": true, "بالقرب": true, "شمال": true, "جنوب": true, "شرق": true, "غرب": true,
	"شمالي": true, "جنوبي": true, "شرقي": true, "غربي": true, "بريف": true, "بالريف": true,
	"بين": true, "الواقعه": true, "الواقعتين": true, "الواقعات": true, "الواقعين": true,
	"التابعه": true, "التابعتين": true, "المجاوره": true, "المحيطه": true, "ضمن": true,
}

// itemName reports a word (folded, its «و» taken off) that can be the
// name of a list's item: no function word, cue, trigger, given name or
// verb, no pronoun suffix (وغيرها، وريفها).
func (a *analysis) itemName(w string) bool {
	lx := a.e.lx
	if !(looksLikeName(w, false) || compound[w]) || strings.HasSuffix(w, "ها") || lx.notName[w] || lx.month[w] {
		return false
	}
	bare := strings.TrimPrefix(w, "ال")
	if lx.words[w] != 0 || lx.words[bare] != 0 || lx.notName[bare] || lx.landmark[bare] {
		return false
	}
	if _, ok := lx.settlementKind(bare); ok {
		return false
	}
	return !verbShape(w)
}
