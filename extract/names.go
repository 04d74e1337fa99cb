package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
)

// The checks in this file keep words that only look like place names
// from being read as places: ordinary words split wrongly, adjectives,
// and names inside the names of people, organisations, outlets and
// titles. Each is a fact about Arabic, not about a text.

// shortSplit: a proclitic split that leaves two letters or fewer is a
// word read wrongly (باب is no ب + إب, Ibb), unless the place is one the
// news names that briefly (a country, a governorate, a capital); so is
// a split of a given name (بشير is no ب + شير).
func (a *analysis) shortSplit(m match, best *geo.Place) bool {
	if m.prefix == "" || m.n > 1 || exempt(best) {
		return false
	}
	return utf8.RuneCountInString(a.w(m.i))-m.skip <= 2 || a.e.lx.firstName[a.w(m.i)]
}

// nameHeads begin two-word names of villages and quarters (بيت جن، كفر
// نبل، عين ترما): before a name the gazetteer knows alone, they make a
// longer name it lacks (بيت X is not X). Heads of people's names (أبو،
// أم) are not among them.
var nameHeads = map[string]bool{"بيت": true, "كفر": true, "دير": true, "عين": true, "خان": true, "بير": true}

// headed reports a name right after a name head: the end of a longer
// name. It returns the head's token.
func (a *analysis) headed(m match) (int, bool) {
	if m.prefix != "" || m.i == 0 || a.toks[m.i].before != 0 {
		return 0, false
	}
	return m.i - 1, nameHeads[strings.TrimPrefix(a.w(m.i-1), "و")]
}

// groupNameWords build the names of armed groups and outlets between
// their head word and a place (جبهة ثوار سوريا، مكتب أخبار سوريا، تجمع
// أحرار حوران).
var groupNameWords = []string{
	"ثوار", "أخبار", "اخبار", "نشطاء", "شهداء", "أحرار", "احرار", "أنصار", "انصار", "أبناء",
	"ابناء", "تحرير", "ثورة", "مجاهدي", "مجاهدو", "أسود", "اسود", "صقور", "فجر", "درع", "نور",
	"حماة", "أهل", "اهل", "شباب", "رجال", "فرسان", "أسرى", "معتقلي", "مهجري", "لاجئي",
}

// inOrganisation reports a name that ends an organisation's or an
// outlet's name whose head word is two or three words back, the words
// between being words such names are made of (جبهة ثوار سوريا، مرصد
// نشطاء أخبار سورية). A name right after the head is trapped already.
func (a *analysis) inOrganisation(m match) bool {
	if m.prefix != "" {
		return false
	}
	lx := a.e.lx
	for k := m.i - 1; k >= 0 && k >= m.i-3; k-- {
		if a.toks[k+1].before != 0 {
			return false
		}
		if a.flagsAt(k)&fOrganisation != 0 {
			return k < m.i-1
		}
		if !lx.groupName[a.w(k)] {
			return false
		}
	}
	return false
}

// speechVerbs introduce whom a source spoke to: «قال لسوريا على طول»
// names an outlet, not a place.
var speechVerbs = []string{
	"قال", "قالت", "وقال", "وقالت", "صرح", "صرحت", "وصرح", "أوضح", "اوضح", "وأوضح", "أفاد", "افاد",
	"أكد", "اكد", "وأكد", "تحدث", "وتحدث", "كشف", "وكشف", "ذكر", "وذكر", "أضاف", "واضاف", "وأضاف",
	"أشار", "واشار", "وأشار", "لفت", "ولفت", "يقول", "تقول",
}

// spokenTo reports a name carrying «ل» right after a verb of speech: the
// one spoken to.
func (a *analysis) spokenTo(m match) bool {
	return m.prefix == "ل" && a.e.lx.speech[a.prev(m.i)]
}

// quotedTitle reports a name that begins or ends a short quotation of
// two or three words, one of them an ordinary word without the article
// («"سوريا مباشر"», «"جبهة ثوار سوريا"», «"درع الفرات"»): the quoted name
// of an outlet, a group or an operation. A name quoted alone or with
// other names («"سلحب والسقيلبية"»), a name with its own adjective («"التل
// الفرنسي"») and a longer quotation (someone's words) are left alone.
func (a *analysis) quotedTitle(m match) bool {
	end := m.i + m.n
	near := false
	for k := max(0, m.i-2); k <= min(len(a.toks)-1, end+2); k++ {
		near = near || a.toks[k].before&sepOther != 0
	}
	if !near && end < len(a.toks) || !near && !strings.ContainsAny(a.text[a.toks[end-1].bend:], quoteMarks) {
		return false
	}
	open, ok := a.quoteOpen(int(a.toks[m.i].bstart))
	if !ok {
		return false
	}
	first := m.i
	for first > 0 && int(a.toks[first-1].bstart) > open {
		first--
	}
	if first > 0 && a.flagsAt(first-1)&(fSettlement|fLandmark) != 0 {
		return false // «مدينتي "سلحب والسقيلبية"»: quoted names, announced
	}
	close := a.quoteClose(int(a.toks[end-1].bend))
	last := end // one past the last quoted token
	for last < len(a.toks) && int(a.toks[last].bstart) < close {
		last++
	}
	before, after := m.i-first, last-end
	if before > 0 && after > 0 || before+after == 0 || before+after > 2 {
		return false
	}
	lx := a.e.lx
	for k := first; k < last; k++ {
		if k >= m.i && k < end {
			continue
		}
		w := a.w(k)
		if !strings.HasPrefix(w, "ال") && !lx.notName[w] && a.flagsAt(k)&(fSettlement|fLandmark) == 0 && w != "و" && a.slot[k] <= 0 {
			if _, isName := a.longest(k); !isName {
				return true
			}
		}
	}
	return false
}

// quoteMarks open or close a quotation.
const quoteMarks = "\"«»“”"

// quoteOpen reports whether byte offset at lies inside a quotation that
// opened on its line, and where it opened. Straight quotes alternate;
// «» and “” say which way they face. Names are decided in text order, so
// the scan goes on from where the last one stopped.
func (a *analysis) quoteOpen(at int) (int, bool) {
	q := &a.quotes
	if at < q.pos || q.pos < q.line || strings.IndexByte(a.text[q.pos:at], '\n') >= 0 {
		line := strings.LastIndexByte(a.text[:at], '\n') + 1
		if at-line > 4000 {
			return 0, false // a paragraph too long to read quotes in
		}
		*q = quoteState{line: line, pos: line}
	}
	for i, r := range a.text[q.pos:at] {
		switch r {
		case '"':
			q.inside, q.open = !q.inside, q.pos+i
		case '«', '“':
			q.inside, q.open = true, q.pos+i
		case '»', '”':
			q.inside = false
		}
	}
	q.pos = at
	return q.open, q.inside
}

// quoteState is how far quoteOpen has read its line.
type quoteState struct {
	line, pos, open int
	inside          bool
}

// quoteClose is the offset of the quotation mark that closes a
// quotation after byte offset from, on its line (or the line's end).
func (a *analysis) quoteClose(from int) int {
	for i, r := range a.text[from:] {
		switch r {
		case '"', '»', '”', '\n':
			return from + i
		}
	}
	return len(a.text)
}

// nisbaSyria: «سورية» is both Syria and the feminine adjective
// «Syrian». After a plural or an adjective with no article (فصائل سورية،
// قاعدة جوية سورية، جنسيات سورية) it is the adjective; after a number it
// counts people (30 سوريا). «سوريا», with alef, is only the country.
func (a *analysis) nisbaSyria(m match) bool {
	if m.prefix != "" || m.n != 1 {
		return false
	}
	word := a.text[a.toks[m.i].bstart:a.toks[m.i].bend]
	p := a.prev(m.i)
	if p == "" {
		return false
	}
	if isDigits(p) && (word == "سوريا" || word == "سورية") {
		return true
	}
	if word != "سورية" || strings.HasPrefix(p, "ال") {
		return false
	}
	lx := a.e.lx
	if lx.words[p]&(fWeak|fSettlement|fLandmark|fReporting) != 0 {
		return false // a preposition, a trigger, a verb of saying: the country
	}
	// An adjective (عسكرية، جوية) or a plural (غارات، فصائل) before it: an
	// adjective too. After a singular noun it is Syria (وحدة سورية،
	// مغادرة سورية).
	return strings.HasSuffix(p, "يه") || strings.HasSuffix(p, "ات") || lx.nisbaHead[p]
}

// nisbaHeads are nouns a nationality adjective follows that show no
// feminine or plural ending (broken plurals, and «غير»).
var nisbaHeads = []string{
	"فصائل", "مناطق", "مدن", "قرى", "اراض", "أراض", "اراضي", "أراضي", "مصادر", "قوى", "جهات",
	"اطراف", "أطراف", "عناصر", "مقاتلين", "لاجئين", "غير", "مواطنين", "عائلات", "اسر", "أسر",
}

// personName reports a name shaped like a person's: a kunya (أبو عمر،
// أم أحمد) or a «… الدين» name (عز الدين). Villages bear such names too,
// but in the news such a name is a person's unless a cue or a list of
// places says otherwise.
func personName(key string) bool {
	first, rest, ok := strings.Cut(key, " ")
	if !ok {
		return false
	}
	return first == "ابو" || first == "ام" || strings.HasSuffix(rest, "الدين") && !strings.Contains(rest, " ")
}

// adjectiveShape reports an indefinite word shaped like an adjective or
// a participle: a nisba (شيعية), an active participle (تابع، خاضعة), a
// passive one (محاصر، مدمرة).
func adjectiveShape(w string) bool {
	if strings.HasPrefix(w, "ال") {
		return false
	}
	r := []rune(w)
	n := len(r)
	switch {
	case n >= 4 && strings.HasSuffix(w, "يه"):
		return true // nisba, feminine
	case (n == 4 || n == 5 && r[4] == 'ه') && r[1] == 'ا':
		return true // فاعل، فاعلة
	case n >= 5 && n <= 6 && r[0] == 'م' && r[n-1] == 'ه':
		return true // مفعولة، مفعّلة
	}
	return false
}

// feminineAdjective is the participle that agrees with a plural trigger
// (أحياء خاضعة، بلدات تابعة): after one, even a word the gazetteer has as
// a name describes, unless it has the article.
func feminineAdjective(w string) bool {
	r := []rune(w)
	return !strings.HasPrefix(w, "ال") && len(r) == 5 && r[1] == 'ا' && r[4] == 'ه'
}

// participleShape is adjectiveShape without the nisba, which many
// villages' names have (قرية خزيلية، بلدات حمورية): after a trigger, a
// participle that governs a preposition describes (حي خاضع لسيطرة). The nisba
// adjectives that describe places (قرى شيعية، أحياء سكنية) are words of
// notNames.
func participleShape(w string) bool {
	return adjectiveShape(w) && !strings.HasSuffix(w, "يه")
}

// governs reports a participle that governs the word after it (خاضع
// لسيطرة، تابعة للنظام، قريبة من): so it describes. People's names of
// the same shape (حي فارس الخوري، قرية خالد) take no preposition.
func (a *analysis) governs(i int) bool {
	n := a.next(i + 1)
	return strings.HasPrefix(n, "ل") || a.e.lx.words[n]&fWeak != 0
}

// inList reports a name that continues a list, whether or not the item
// before it was read as a place («قرى أم خان وعيثة و أم العمد»).
func (a *analysis) inList(m match) bool {
	return strings.HasPrefix(m.prefix, "و") || a.toks[m.i].before&sepComma != 0 || a.prev(m.i) == "و"
}

// particles are conjunctions written with a hamza that folding erases:
// «وإن» folds to «وان», Van in Turkey. They are matched as written.
var particles = []string{
	"وإن", "وأن", "فإن", "فأن", "بأن", "لأن", "كأن", "وإنه", "وأنه", "فإنه", "بأنه", "لأنه",
	"وإنها", "وأنها", "بأنها", "لأنها", "إنما", "أنما", "وإذ", "إذا", "وإذا",
}

// namesFollow reports a name followed by another name in a list («طعوم
// وسرمين», «دوما، حرستا»): a list of names says they are names.
func (a *analysis) namesFollow(m match) bool {
	k := m.i + m.n
	if k >= len(a.toks) || a.toks[k].before&^sepComma != 0 {
		return false
	}
	w := a.w(k)
	if a.toks[k].before == 0 && !strings.HasPrefix(w, "و") && w != "و" {
		return false
	}
	if w == "و" {
		k++ // «و» written apart
		if k >= len(a.toks) || a.toks[k].before != 0 {
			return false
		}
	}
	next, ok := a.longest(k)
	return ok && next.flags&nGeneric == 0
}

// months are the months of the Levantine calendar, which are also the
// names of places (تشرين، آذار): without a trigger, or before «الأول»
// and «الثاني», a month.
var months = []string{
	"كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
}

// verbShape reports an indefinite word shaped like an imperfect verb of
// the third person masculine (يقع، يسيطر، يسمى): after a trigger it begins
// a clause, not a name. (Feminine تـ begins too many villages' names:
// the common verbs are in notNames.)
func verbShape(w string) bool {
	r := []rune(w)
	return len(r) >= 3 && len(r) <= 5 && r[0] == 'ي'
}

// countryAdjectives derives the adjectives of the foreign countries from
// their Arabic names: روسيا → الروسية، الروسي; فرنسا → الفرنسية; اليمن →
// اليمنية; لبنان → اللبنانية. A form two countries would share is left
// out.
func countryAdjectives(g *geo.Gazetteer) map[string]*geo.Place {
	out := map[string]*geo.Place{}
	clash := map[string]bool{}
	for _, p := range g.Places() {
		if p.Kind != geo.Country || p.Country == "SY" {
			continue
		}
		for _, name := range append([]string{p.NameAr}, p.AltAr...) {
			stem := strings.TrimPrefix(arabic.Fold(name), "ال")
			if strings.Contains(stem, " ") || utf8.RuneCountInString(stem) < 3 {
				continue
			}
			switch {
			case strings.HasSuffix(stem, "يا"):
				stem = strings.TrimSuffix(stem, "يا")
			case strings.HasSuffix(stem, "ا"), strings.HasSuffix(stem, "ه"):
				stem = stem[:len(stem)-len("ا")]
			}
			for _, f := range []string{stem + "يه", "ال" + stem + "يه", stem + "ي", "ال" + stem + "ي"} {
				if q, ok := out[f]; ok && q != p {
					clash[f] = true
				}
				out[f] = p
			}
		}
	}
	for f := range clash {
		delete(out, f)
	}
	return out
}

// foreignContainer is the foreign country a clause puts the name
// tokens start…end-1 in (see countryAfter), and where the name ends: a
// foreign name's later words the gazetteer lacks, after a name a
// settlement word announced, make one name with it when the country's
// adjective or a place phrase comes right after them (مدينة سان بطرسبرغ
// الروسية is no village سان; مدينة نيو أورليانز بولاية لويزيانا). Nil
// when the clause says nothing of the kind.
func (a *analysis) foreignContainer(start, end int) (*geo.Place, int) {
	if c := a.countryAfter(start, end); c != nil {
		return c, end
	}
	if !a.nameGoesOn(end) {
		return nil, end
	}
	if _, announced := a.e.lx.settlementKind(a.prev(start)); !announced {
		return nil, end
	}
	for k := end; k < end+2 && a.nameGoesOn(k); k++ {
		if a.definiteNisba(k+1) == nil && !a.phraseAt(k+1) {
			continue
		}
		if c := a.countryAfter(start, k+1); c != nil {
			return c, k + 1
		}
	}
	return nil, end
}

// nameGoesOn reports a word at token k that may go on with a foreign
// name, joined to the word before it: a word of none of atlas's lists,
// with no article, proclitic or conjunction (سان بطرسبرغ، نيو أورليانز;
// not بالطائرات، والقرى).
func (a *analysis) nameGoesOn(k int) bool {
	if k >= len(a.toks) || a.toks[k].before != 0 {
		return false
	}
	w := a.w(k)
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ال") || strings.HasPrefix(stripProclitics(w), "ال") {
		return false
	}
	lx := a.e.lx
	return looksLikeName(w, false) && lx.words[w] == 0 && !lx.notName[w] && !lx.namePart[w] &&
		!lx.month[w] && a.e.nisba[w] == nil
}

// phraseAt reports a place phrase at token k, or after a side there (في
// ولاية تكساس).
func (a *analysis) phraseAt(k int) bool {
	if k < len(a.toks) && a.toks[k].before == 0 && a.e.lx.side[a.w(k)] {
		k++
	}
	if k >= len(a.toks) || a.toks[k].before != 0 {
		return false
	}
	_, _, ok := a.placePhrase(k)
	return ok
}

// countryAfter is the foreign country a clause puts the name that
// ends before token end in: an adjective of the country right after a
// name that a trigger announced (مدينة كيبيك الكندية، مدينة سوتشي
// الروسية), or the country right after it, or after a side, with «في» or
// «ب» (في كرواتيا، جنوب فرنسا، بشرق بلجيكا، جنوب غربي ألمانيا). «إلى
// تركيا» is a journey, not a container. One place phrase may stand
// between the name and its country, as a container of the name that the
// country contains in turn (مدينة عزان بمحافظة شبوة باليمن، مدينة روستوف
// على نهر الدون جنوب روسيا، مدينة X في ولاية Y الأميركية). Nil when the
// clause says nothing of the kind.
func (a *analysis) countryAfter(start, end int) *geo.Place {
	lx := a.e.lx
	k := end
	if k < len(a.toks) && a.toks[k].before == 0 && lx.namePart[a.w(k)] {
		k++ // «مدينة X الجديدة الروسية»
	}
	if k >= len(a.toks) || a.toks[k].before&sepClause != 0 {
		return nil
	}
	if c := a.e.nisba[a.w(k)]; c != nil && a.toks[k].before == 0 {
		if _, announced := lx.settlementKind(a.prev(start)); announced {
			return c
		}
		return nil
	}
	phrase := false
	for sides := 0; k < len(a.toks) && sides <= 2; {
		if a.toks[k].before&^sepComma != 0 {
			return nil
		}
		w := a.w(k)
		if m, ok := a.longest(k); ok && m.places[0].Kind == geo.Country {
			c := m.places[0]
			if c.Country != "SY" && (strings.Contains(m.prefix, "ب") || sides > 0) {
				return c
			}
			return nil
		}
		if !phrase {
			if next, settlement, ok := a.placePhrase(k); ok {
				// «مدينة X في ولاية Y الأميركية»: the adjective
				// after a settlement's name places the settlement, and
				// the name within it.
				phrase, k = true, next
				if c := a.definiteNisba(k); c != nil && settlement {
					return c
				}
				continue
			}
		}
		if !lx.side[w] {
			return nil
		}
		sides++
		k++
	}
	return nil
}

// placePhrase reports a place phrase at token k that may stand between
// a name and the country that contains it: a place word, bare or with
// «ب» or after «على» (بمحافظة شبوة، ولاية أوهايو، على نهر الدون), and the
// name after it. It returns the token after the phrase, and whether its
// word is a settlement's rather than a landmark's: an adjective of a
// country describes a settlement's place, but a landmark's owner (قاعدة
// حميميم الروسية). A name only Syrian places bear puts the phrase in
// Syria, and so it leads to no country abroad. A name the gazetteer lacks
// counts only after a word that leads such names (see triggered): after
// an area word an unknown word describes (بمنطقة الحدود التركية).
func (a *analysis) placePhrase(k int) (next int, settlement, ok bool) {
	lx := a.e.lx
	if lx.phraseLead[a.w(k)] && k+1 < len(a.toks) && a.toks[k+1].before == 0 {
		k++ // «على نهر الدون»
	}
	w := a.w(k)
	_, settlement = lx.settlementKind(w)
	if !settlement && !lx.landmarkAny[w] || k+1 >= len(a.toks) || a.toks[k+1].before != 0 {
		return 0, false, false
	}
	k++
	if m, known := a.longest(k); known {
		if m.prefix != "" || !anyAbroad(m.places) {
			return 0, false, false
		}
		return k + m.n, settlement, true
	}
	bare, leads := lx.triggerForm[w]
	name := a.w(k)
	if !leads || !looksLikeName(name, lx.landmark[bare]) || lx.words[name] != 0 || lx.notName[name] || a.e.nisba[name] != nil {
		return 0, false, false
	}
	return k + 1, settlement, true
}

// definiteNisba is the country whose adjective, with the article, token
// k is, joined to the word before it (اليمنية، الأميركية): the adjective
// of a name, which is definite. Nil for any other word.
func (a *analysis) definiteNisba(k int) *geo.Place {
	if k >= len(a.toks) || a.toks[k].before != 0 || !strings.HasPrefix(a.w(k), "ال") {
		return nil
	}
	return a.e.nisba[a.w(k)]
}

// sides are the words that put a place within a country: «في», and the
// directions with their forms (جنوب، جنوبي، بشرق، وسط).
var sides = []string{
	"في", "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط", "بجنوب", "بشمال",
	"بشرق", "بغرب", "بوسط", "جنوبي", "أقصى", "اقصى",
}

// phraseLeads are the prepositions that may lead the place phrase
// between a name and its country, besides the sides (على نهر الدون):
// «on» a river, a coast or a road.
var phraseLeads = []string{"على"}
