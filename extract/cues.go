package extract

import (
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
)

// Word lists, written as the news writes them; New folds them. They are
// general Arabic news vocabulary, not tuned to any one text.

// settlementTriggers name a kind of inhabited place before its name
// (بلدة قارة، حي جوبر). A name after one is a place even when it is also
// a common word.
var settlementTriggers = map[string]geo.Kind{
	"مدينة": geo.City, "مدن": geo.City, "مدينتي": geo.City, "المدينة": geo.City,
	"بلدة": geo.Town, "بلدات": geo.Town, "بلدتي": geo.Town, "البلدة": geo.Town,
	"قرية": geo.Village, "قرى": geo.Village, "قريتي": geo.Village, "القرية": geo.Village, "مزرعة": geo.Village, "مزارع": geo.Village,
	"حي": geo.Neighborhood, "أحياء": geo.Neighborhood, "حيي": geo.Neighborhood, "الحي": geo.Neighborhood, "ضاحية": geo.Neighborhood,
	"منطقة": "", "مناطق": "", "منطقتي": "", "ناحية": geo.Subdistrict,
	"مخيم": geo.Camp, "مخيمات": geo.Camp, "محافظة": geo.Governorate, "محافظات": geo.Governorate, "محافظتي": geo.Governorate,
	"دولة": geo.Country, "عاصمة": "", "العاصمة": "",
	// the states and provinces of other countries (ولاية تكساس، إقليم
	// كردستان); see lexicon.province
	"ولاية": geo.ForeignRegion, "إقليم": geo.ForeignRegion,
	// the definite forms name no place by themselves (بالمحافظة)
	"المحافظة": geo.Governorate, "المنطقة": "", "الناحية": geo.Subdistrict, "المخيم": geo.Camp,
}

// pluralTriggers are often followed by an adjective, not a name (مدن
// كبرى، قرى عدة، أحياء سكنية).
var pluralTriggers = []string{"مدن", "بلدات", "قرى", "أحياء", "مناطق", "محافظات", "مخيمات"}

// listHeads announce several places by name (قرى X وY وZ، بلدتي X وY):
// every item of the list that follows is a place, known or not.
var listHeads = []string{
	"مدن", "بلدات", "قرى", "أحياء", "مخيمات", "مدينتي", "بلدتي", "قريتي", "حيي", "مدينتا",
	"بلدتا", "قريتا", "حيا",
}

// unknownAfter are the settlement triggers after which an unknown word is
// taken for a name the gazetteer lacks. Area words (منطقة آمنة) and the
// definite forms (المدينة المحاصرة) are mostly followed by adjectives.
var unknownAfter = []string{"مدينة", "بلدة", "بلدات", "قرية", "قرى", "حي", "أحياء", "حيي", "مخيم", "بلدتي", "قريتي", "ناحية"}

// naturalTriggers are the landmark triggers of the land itself, whose
// names, like villages', may lack the article (جبل شحشبو).
var naturalTriggers = []string{"جبل", "تل", "تلة", "تلال", "تلول", "وادي", "سهل"}

// landmarkTriggers begin the name of a landmark (ساحة الأمويين، مطار
// كويرس): the trigger is part of the name. After a named trigger the
// words that follow are a name, even a town's (شارع بغداد is a street in
// Damascus); after a located one they say where the landmark is (مطار
// كويرس is at Kweires), so a known place there is left to the gazetteer.
var namedLandmarkTriggers = []string{
	"ساحة", "شارع", "دوار", "جسر", "مسجد", "جامع", "مدرسة", "مستشفى", "مشفى", "مقبرة",
	"مبنى", "كلية", "جامعة", "تلة", "تل", "تلال", "تلول", "جبل", "حقل", "نهر", "أوتوستراد", "اوتوستراد", "برج", "ملعب",
	"فندق", "سوق", "كنيسة", "حديقة", "مفرق", "وادي", "بحيرة",
}

var locatedLandmarkTriggers = []string{
	"ثكنة", "معسكر", "سجن", "قلعة", "سد", "مطار", "معبر", "حاجز", "طريق", "معمل", "معامل",
	"قصر", "قاعدة", "مرفأ", "ميناء", "محطة", "مزارع", "سهل",
}

// titleWords and organisationWords are words after which a place name
// belongs to a person, a title, an organisation or an outlet (اللواء
// محمد الشعار، جيش الإسلام، المرصد السوري، صحيفة الوطن), so it is no
// mention. An organisation's name may put words between its head and the
// place (جبهة ثوار سوريا، مكتب أخبار سوريا); a title's may not: «وزير
// خارجية روسيا» names Russia.
var titleWords = []string{
	"الرئيس", "رئيس", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الملازم",
	"العماد", "الوزير", "وزير", "السفير", "المبعوث", "الأمير", "السيد", "الدكتور", "المستشار",
	"الناشط", "المتحدث", "القائد", "القيادي", "الشهيد", "الصحفي", "المراسل", "الإعلامي",
}

var organisationWords = []string{
	// groups and institutions
	"جيش", "حركة", "لواء", "ألوية", "كتائب", "كتيبة", "تجمع", "فيلق", "فرقة", "سرايا",
	"أحرار", "أنصار", "اتحاد", "ائتلاف", "تنظيم", "حزب", "تنسيقية", "تنسيقيات", "هيئة",
	"منظمة", "جمعية", "رابطة", "لجنة", "لجان", "مجموعة", "قوات", "صقور", "مكتب", "مجلس",
	// outlets
	"المرصد", "مرصد", "شبكة", "وكالة", "صحيفة", "جريدة", "مجلة", "قناة", "تلفزيون",
	"إذاعة", "راديو", "موقع",
}

// battleWords take the place fought for (معركة الباب، جبهة مورك) as
// weak cues do; an adjective after one describes it (معركة جديدة).
var battleWords = []string{
	"معركة", "معارك", "جبهة", "جبهات", "حصار", "تحرير", "تطهير", "اقتحام", "استعادة", "سقوط",
}

// frontWords head a group's name with words between (جبهة ثوار سوريا)
// but, right before a place, name the front there (جبهة حندرات).
var frontWords = []string{"جبهة", "جبهات"}

// firstNames are common given names: a place name right after one is a
// family name (بشار الأسد، أحمد الجربا). Names that fold into function
// words are left out: علي is على, أم is «or».
var firstNames = []string{
	"بشار", "حافظ", "ماهر", "باسل", "رامي", "أحمد", "محمد", "محمود", "مصطفى", "حسن",
	"حسين", "خالد", "عمر", "عمار", "سليم", "سليمان", "فاروق", "وليد", "رياض", "فيصل", "سمير",
	"جميل", "جمال", "عادل", "عماد", "فراس", "زهران", "عصام", "هشام", "طلال", "نبيل", "يوسف",
	"إبراهيم", "ابراهيم", "موسى", "عيسى", "صالح", "صلاح", "منذر", "معاذ", "أنس", "حمزة",
	"عبدالله", "عبدالرحمن", "عبدالحليم", "فادي", "جورج", "ميشيل", "ميشال", "هيثم", "غسان",
	"ياسر", "ياسين", "سامر", "سامي", "ناصر", "منصور", "مازن", "بسام", "هاني", "وائل", "أيمن",
	"ايمن", "أسامة", "اسامة", "طارق", "زياد", "نزار", "رضوان", "مروان", "عدنان", "قاسم", "جابر",
	"شادي", "ربيع", "كمال", "نادر", "لؤي", "مهند", "معتز", "أنور", "انور", "سعيد", "رشيد",
	"فارس", "شكري", "نزيه", "زكي", "توفيق", "بشير", "نذير",
	"آل", "ابن", "بن", "أبو", "ابو", "جون", "سيرغي", "فلاديمير", "ستيفان", "دي",
}

// weakCues are prepositions and spatial words that usually precede a
// place: enough for a town whose name is also a word, not for a village.
var weakCues = []string{
	"في", "من", "إلى", "الى", "على", "عن", "قرب", "نحو", "حول", "داخل", "خارج", "باتجاه",
	"شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "مدخل", "أطراف",
	"محيط", "ريف", "بين", "حتى", "عند", "تجاه", "عبر", "وسط", "جنوبي", "أرياف", "بلدتي", "محور", "محاور",
	"مدينتي", "قريتي", "ضواحي", "مشارف", "تخوم", "ومن", "وفي", "وإلى", "والى", "وعلى",
}

// reportingVerbs make a capital or a country the voice of its
// government (أعلنت موسكو، رفضت أنقرة): a metonymic use.
var reportingVerbs = []string{
	"أعلنت", "أعلن", "قالت", "رفضت", "أكدت", "دعت", "طالبت", "نفت", "حذرت", "اتهمت", "أبلغت",
	"وافقت", "ترفض", "تؤكد", "تدعو", "تطالب", "تنفي", "تحذر", "تتهم", "ترى", "أرسلت", "ردت",
	"هددت", "تهدد", "قررت", "سمحت", "تعتبر", "اعتبرت", "أدانت", "تدين", "رحبت", "ترحب",
	"تريد", "أرادت", "تسعى", "سعت", "استضافت", "تستضيف", "ستستضيف", "تعلن", "ستعلن", "أيدت",
	"تؤيد", "عارضت", "تعارض", "اقترحت", "تقترح", "أوضحت", "شددت", "تشدد", "أشارت", "لفتت",
}

// nameParts extend a settlement or landmark name after its first word
// (النشوة الغربية، ثكنة البحوث العلمية).
var nameParts = []string{
	"الشرقية", "الغربية", "الشمالية", "الجنوبية", "الكبرى", "الصغرى", "الكبير", "الصغير",
	"الفوقاني", "التحتاني", "القديمة", "الجديدة", "العسكري", "العسكرية", "الدولي", "العلمية",
	"المركزي", "الوطني", "الكبيرة", "الصغيرة", "الشرقي", "الغربي", "الشمالي", "الجنوبي",
}

// notNames may follow a trigger without being a name (مدينة التي، حي في).
var notNames = []string{
	"في", "من", "إلى", "الى", "على", "عن", "التي", "الذي", "الذين", "هذه", "هذا", "تلك", "ذلك",
	"و", "أو", "او", "ثم", "بعد", "قبل", "منذ", "مع", "كل", "بعض", "عدة", "عدد", "أخرى", "اخرى",
	"المحاصرة", "المحاصر", "المحررة", "الخاضعة", "الواقعة", "القريبة", "المجاورة", "نفسها",
	"ذاتها", "كما", "حيث", "أن", "ان", "إن", "لا", "لم", "لن", "قد", "التابعة", "الموالية",
	"سكنية", "السكنية", "المدينة", "البلدة", "القرية", "الحي", "المنطقة", "رئيسي", "رئيسية",
	// adjectives that follow these nouns
	"سكني", "السكني", "كبرى", "صغرى", "كبيرة", "صغيرة", "مجاورة", "محاصرة", "محررة",
	"استراتيجية", "حدودية", "ساحلية", "صناعية", "زراعية", "جديدة", "قديمة", "عسكرية",
	"عسكري", "آمنة", "عازلة", "محاذية", "قريبة", "بعيدة", "واحدة", "ثالثة", "ثانية",
	"شمالية", "جنوبية", "شرقية", "غربية", "كاملة", "بأكملها", "بأكمله", "مدمرة", "منكوبة",
	// adverbs of place and other words that begin a phrase
	"تحت", "فوق", "ضمن", "خلف", "أمام", "امام", "قيد", "دون", "لدى", "سوى", "غير",
	// verbs that describe a place after its trigger (مدينة تقع …)
	"تقع", "تسمى", "تعرف", "تضم", "تتبع", "تعد", "تعتبر", "تشهد", "تخضع", "تبعد", "تحاذي",
	"تطل", "تمتد", "تحيط", "كانت", "كان", "كانوا", "باتت", "أصبحت", "اصبحت", "لاتزال", "لازالت",
	// adjectives of identity that describe places (قرى شيعية، أحياء مسيحية)
	"شيعية", "سنية", "علوية", "درزية", "مسيحية", "كردية", "عربية", "تركمانية", "آشورية",
	"سريانية", "أرمنية", "اسماعيلية", "إسماعيلية", "موالية", "معارضة", "حكومية", "نائية",
	"مأهولة", "تركية", "عراقية", "لبنانية", "أردنية",
	// who holds the places, or what they agreed (قرى المصالحة، أحياء النظام)
	"المصالحة", "المصالحات", "التسوية", "المعارضة", "النظام", "الثوار", "التنظيم",
	// what a field holds, before its name would come (حقل الألغام، حقل النفط)
	"الألغام", "الالغام", "النفط", "الغاز", "الطاقة",
}

// cueFlags say what a word before a name is, in one look-up.
type cueFlags uint16

const (
	fSettlement   cueFlags = 1 << iota // a settlement trigger, with or without proclitics
	fLandmark                          // a landmark trigger, with or without proclitics
	fNamed                             // a named landmark trigger (شارع), with or without proclitics
	fWeak                              // a weak cue, with or without proclitics
	fTrap                              // a title or organisation word as written
	fTrapAny                           // a title or organisation word with proclitics
	fFirstName                         // a given name
	fPlural                            // a plural settlement trigger
	fReporting                         // a reporting verb
	fOrganisation                      // an organisation or outlet word as written
	fListHead                          // a word that heads a list of places, with or without proclitics
	fCached                            // (analysis.flagsAt) the token's flags are known
)

// lexicon holds the folded word lists.
type lexicon struct {
	settlement map[string]geo.Kind
	landmark   map[string]bool // both kinds of landmark trigger
	named      map[string]bool // the named kind
	trap       map[string]bool
	firstName  map[string]bool
	weak       map[string]bool
	reporting  map[string]bool
	namePart   map[string]bool
	notName    map[string]bool
	natural    map[string]bool // naturalTriggers
	unknown    map[string]bool
	plural     map[string]bool
	groupName  map[string]bool // groupNameWords
	month      map[string]bool // months
	particle   map[string]bool // particles, as written
	side       map[string]bool // sides
	phraseLead map[string]bool // phraseLeads
	battle     map[string]bool // battleWords
	speech     map[string]bool // speechVerbs
	nisbaHead  map[string]bool // nisbaHeads
	// province holds the settlement triggers of provinces, kinds
	// Governorate and ForeignRegion (محافظة، ولاية، إقليم). The gazetteer
	// has all of Syria's governorates, so a name it lacks after one is a
	// province abroad, and only where the clause puts it there (ولاية
	// تكساس الأميركية، بمحافظة شبوة باليمن). In Syria's news «ولاية» names
	// an armed group's province (ولاية الخير), so a state word makes a
	// place of a known name only abroad (see cueFor).
	province map[string]bool
	// The same lists with every proclitic form spelled out, so that a
	// cue costs one look-up (بمدينة، وقرية، لحي).
	settlementAny map[string]geo.Kind
	landmarkAny   map[string]bool
	weakAny       map[string]bool
	trapAny       map[string]bool
	// words maps every written form of every cue word to its flags.
	words map[string]cueFlags
	// triggerForm maps every written form of a trigger that may lead a
	// name the gazetteer lacks (with its proclitics: بساحة) to the bare
	// trigger: one look-up per word in the hot loop.
	triggerForm map[string]string
}

// written is a set of words as written, not folded.
func written(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func newLexicon() *lexicon {
	set := func(words []string) map[string]bool {
		m := make(map[string]bool, len(words))
		for _, w := range words {
			m[arabic.Fold(w)] = true
		}
		return m
	}
	lx := &lexicon{
		settlement: map[string]geo.Kind{},
		landmark:   set(append(append([]string{}, namedLandmarkTriggers...), locatedLandmarkTriggers...)),
		named:      set(namedLandmarkTriggers),
		trap:       set(append(append([]string{}, titleWords...), organisationWords...)),
		firstName:  set(firstNames),
		weak:       set(append(append([]string{}, weakCues...), battleWords...)),
		reporting:  set(reportingVerbs),
		namePart:   set(nameParts),
		notName:    set(notNames),
		natural:    set(naturalTriggers),
		unknown:    set(unknownAfter),
		plural:     set(pluralTriggers),
		groupName:  set(groupNameWords),
		month:      set(months),
		particle:   written(particles),
		side:       set(sides),
		phraseLead: set(phraseLeads),
		battle:     set(battleWords),
		speech:     set(speechVerbs),
		nisbaHead:  set(nisbaHeads),
	}
	lx.province = map[string]bool{}
	for w, k := range settlementTriggers {
		lx.settlement[arabic.Fold(w)] = k
		if k == geo.ForeignRegion || k == geo.Governorate {
			lx.province[arabic.Fold(w)] = true
		}
	}
	expand := func(set map[string]bool) map[string]bool {
		out := make(map[string]bool, len(set)*len(cuePrefixes))
		for w := range set {
			for _, p := range cuePrefixes {
				out[p+w] = true
			}
		}
		return out
	}
	lx.landmarkAny, lx.weakAny, lx.trapAny = expand(lx.landmark), expand(lx.weak), expand(lx.trap)
	lx.settlementAny = map[string]geo.Kind{}
	for w, k := range lx.settlement {
		for _, p := range cuePrefixes {
			lx.settlementAny[p+w] = k
		}
	}
	lx.words = map[string]cueFlags{}
	mark := func(set map[string]bool, f cueFlags) {
		for w := range set {
			lx.words[w] |= f
		}
	}
	mark(lx.landmarkAny, fLandmark)
	mark(lx.weakAny, fWeak)
	mark(lx.trap, fTrap)
	mark(lx.trapAny, fTrapAny)
	mark(lx.firstName, fFirstName)
	mark(lx.reporting, fReporting)
	mark(set(append(append([]string{}, organisationWords...), frontWords...)), fOrganisation)
	for w := range lx.settlementAny {
		lx.words[w] |= fSettlement
	}
	for w := range lx.named {
		for _, p := range cuePrefixes {
			lx.words[p+w] |= fNamed
		}
	}
	for w := range lx.plural {
		for _, p := range cuePrefixes {
			lx.words[p+w] |= fPlural
		}
	}
	for w := range set(listHeads) {
		for _, p := range cuePrefixes {
			lx.words[p+w] |= fListHead
		}
	}
	lx.triggerForm = map[string]string{}
	for _, set := range []map[string]bool{lx.unknown, lx.landmark, lx.province} {
		for w := range set {
			for _, p := range cuePrefixes {
				lx.triggerForm[p+w] = w
			}
		}
	}
	return lx
}

// cuePrefixes are the proclitics that may sit on a cue word (بمدينة،
// لبلدة، وقرية، وبحي), none first: every one of arabic's table.
var cuePrefixes = func() []string {
	out := []string{""}
	for p := range arabic.Proclitics() {
		out = append(out, p.Form)
	}
	return out
}()

// settlementKind reports whether w (folded, maybe with proclitics) is a
// settlement trigger, and the kind it hints at.
func (lx *lexicon) settlementKind(w string) (geo.Kind, bool) {
	k, ok := lx.settlementAny[w]
	return k, ok
}

// settlementAnyIs reports whether w is a settlement trigger in any form.
func (lx *lexicon) settlementAnyIs(w string) bool {
	_, ok := lx.settlementAny[w]
	return ok
}
