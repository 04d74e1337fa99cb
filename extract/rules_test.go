package extract

import (
	"strings"
	"sync"
	"testing"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
)

// bundled is the real extractor: the bundled gazetteer and common words.
var bundled = sync.OnceValues(func() (*Extractor, error) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		return nil, err
	}
	words, err := ReadWordList(data.CommonWords())
	if err != nil {
		return nil, err
	}
	return New(g, WithCommonWords(words)), nil
})

func realExtractor(t *testing.T) *Extractor {
	t.Helper()
	ex, err := bundled()
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// want is one expected mention: its exact surface, and where it lands
// (an OCHA governorate name, or an ISO country code for places abroad).
type want struct{ surface, where string }

func where(m Mention) string {
	if m.Place == nil {
		return "?"
	}
	if gov := m.Place.Governorate(); gov != "" {
		return gov
	}
	return m.Place.Country
}

// ruleCase is a sentence we wrote and every mention it must give, in
// order: no more, no fewer.
type ruleCase struct {
	name, text string
	want       []want
}

func runRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	ex := realExtractor(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ex.Extract(tc.text)
			runes := []rune(tc.text)
			var gotS []string
			for _, m := range got {
				gotS = append(gotS, m.Surface+"@"+where(m))
				if string(runes[m.Start:m.End]) != m.Surface {
					t.Errorf("%q: offsets [%d,%d) read %q", m.Surface, m.Start, m.End, string(runes[m.Start:m.End]))
				}
			}
			var wantS []string
			for _, w := range tc.want {
				wantS = append(wantS, w.surface+"@"+w.where)
			}
			if strings.Join(gotS, " | ") != strings.Join(wantS, " | ") {
				t.Errorf("%s\n got: %v\nwant: %v", tc.text, gotS, wantS)
			}
		})
	}
}

func TestClitics(t *testing.T) {
	runRules(t, []ruleCase{
		{"ب", "دارت اشتباكات بحلب أمس.", []want{{"حلب", "Aleppo"}}},
		{"و", "قصفت الطائرات إدلب وحماة.", []want{{"إدلب", "Idleb"}, {"حماة", "Hama"}}},
		{"ل before a trigger", "وصلت تعزيزات لمدينة حمص.", []want{{"حمص", "Homs"}}},
		{"وب", "وبحمص سقطت قذائف.", []want{{"حمص", "Homs"}}},
		{"ف with the article", "فالرقة تحت الحصار.", []want{{"الرقة", "Ar-Raqqa"}}},
		{"بال", "انفجار بالحسكة.", []want{{"الحسكة", "Al-Hasakeh"}}},
		{"لل keeps the article's lam", "عاد النازحون للرقة.", []want{{"لرقة", "Ar-Raqqa"}}},
		{"no part of a longer word", "أسعار الحليب الحلبي ارتفعت.", nil},
	})
}

func TestVariants(t *testing.T) {
	runRules(t, []ruleCase{
		{"taa marbuta", "في حماه قصف.", []want{{"حماه", "Hama"}}},
		{"hamza dropped", "غارات على ادلب.", []want{{"ادلب", "Idleb"}}},
		{"Syria, both spellings", "في سورية، وفي سوريا.", []want{{"سورية", "SY"}, {"سوريا", "SY"}}},
		{"joined compound", "اشتباكات في ديرالزور.", []want{{"ديرالزور", "Deir-ez-Zor"}}},
		{"joined كفر name", "قصف على كفربطنا.", []want{{"كفربطنا", "Rural Damascus"}}},
		{"news spelling of an OCHA name", "معارك في خان تومان.", []want{{"خان تومان", "Aleppo"}}},
		{"Tabqa, OCHA's الثورة", "سيطرت القوات على الطبقة.", []want{{"الطبقة", "Ar-Raqqa"}}},
		{"diacritics", "في حَلَب.", []want{{"حَلَب", "Aleppo"}}},
		{"multi-word", "وصلت القافلة إلى معضمية الشام.", []want{{"معضمية الشام", "Rural Damascus"}}},
		{"the Ghouta named with its city", "نزح الأهالي من غوطة دمشق.", []want{{"غوطة دمشق", "Rural Damascus"}}},
	})
}

// TestOtherArticle: after a trigger, a name the gazetteer has under its
// other form, with or without the article, is that village — unless it
// lies far outside the governorate its sentence names.
func TestOtherArticle(t *testing.T) {
	runRules(t, []ruleCase{
		{"the article the source drops", "قصفت المدفعية بلدة الحماميات.", []want{{"الحماميات", "Hama"}}},
		{"a namesake far from the stated container", "وفي ريف درعا قصفت المدفعية بلدة الحماميات.", []want{{"ريف درعا", "Dar'a"}, {"الحماميات", "Dar'a"}}},
		{"a word that describes is no name", "سيطرت القوات على قرية جديدة في ريف حماة.", []want{{"ريف حماة", "Hama"}}},
	})
}

// TestDualCountryside: «ريفي X وY» is the countryside of both.
func TestDualCountryside(t *testing.T) {
	runRules(t, []ruleCase{
		{"Rural Damascus as the second", "سقطت قذائف على ريفي إدلب ودمشق.", []want{{"ريفي إدلب", "Idleb"}, {"دمشق", "Rural Damascus"}}},
		{"a direction after the dual", "تواصل القصف على ريفي حماة الشمالي وحمص.", []want{{"ريفي حماة", "Hama"}, {"حمص", "Homs"}}},
		{"a surname", "قال الوزير أشرف ريفي للصحفيين.", nil},
	})
}

func TestTriggers(t *testing.T) {
	runRules(t, []ruleCase{
		{"trigger makes a common word a place", "سيطرت القوات على بلدة قارة في القلمون.", []want{{"قارة", "Rural Damascus"}, {"القلمون", "Rural Damascus"}}},
		{"quarter", "قصف على حي جوبر.", []want{{"جوبر", "Damascus"}}},
		{"camp, named with its trigger", "حصار مخيم اليرموك مستمر.", []want{{"مخيم اليرموك", "Damascus"}}},
		{"governorate trigger", "في محافظة حماة اشتباكات.", []want{{"حماة", "Hama"}}},
		{"landmark in the gazetteer", "هجوم على مطار دير الزور العسكري.", []want{{"مطار دير الزور العسكري", "Deir-ez-Zor"}}},
		{"region", "معارك في سهل الغاب.", []want{{"سهل الغاب", "Hama"}}},
		{"landmark the gazetteer lacks, placed by its city", "تجمع المحتجون في ساحة الأمويين بدمشق.", []want{{"ساحة الأمويين", "Damascus"}, {"دمشق", "Damascus"}}},
		{"a street named after a city", "في دمشق، أغلق الأمن شارع بغداد.", []want{{"دمشق", "Damascus"}, {"شارع بغداد", "Damascus"}}},
		{"plural trigger and a list", "قصف على بلدات كفرنبودة والهبيط.", []want{{"كفرنبودة", "Hama"}, {"الهبيط", "Idleb"}}},
	})
}

func TestRif(t *testing.T) {
	runRules(t, []ruleCase{
		{"region of a governorate, direction outside", "غارات بريف حلب الشمالي.", []want{{"ريف حلب", "Aleppo"}}},
		{"Rural Damascus is a governorate", "في ريف دمشق الغربي.", []want{{"ريف دمشق", "Rural Damascus"}}},
		{"ريف places the village", "قصف على قرية الشريعة بريف حماة.", []want{{"الشريعة", "Hama"}, {"ريف حماة", "Hama"}}},
	})
}

func TestSectionHeaders(t *testing.T) {
	runRules(t, []ruleCase{
		{"header sets the governorate", "حماة::\nقصف مدفعي على القاهرة صباحا.", []want{{"حماة", "Hama"}, {"القاهرة", "Hama"}}},
		{"without a header القاهرة is Cairo", "وصل الوفد إلى القاهرة.", []want{{"القاهرة", "EG"}}},
		{"next header takes over", "حماة::\nهدوء.\nحلب::\nقصف على الزهراء.", []want{{"حماة", "Hama"}, {"حلب", "Aleppo"}, {"الزهراء", "Aleppo"}}},
		{"a header with محافظة", "محافظة حمص:\nاشتباكات في الزهراء.", []want{{"حمص", "Homs"}, {"الزهراء", "Homs"}}},
	})
}

func TestTraps(t *testing.T) {
	runRules(t, []ruleCase{
		{"a general named like a quarter", "قال اللواء محمد الشعار إن الوضع مستقر.", nil},
		{"the quarter itself", "اشتباكات في حي الشعار بحلب.", []want{{"الشعار", "Aleppo"}, {"حلب", "Aleppo"}}},
		{"a colonel", "أعلن العقيد فراس الشعار انشقاقه.", nil},
		{"a president's family name", "خطاب بشار الأسد.", nil},
		{"groups named after regions", "أعلن جيش الإسلام وحركة أحرار الشام هدنة.", nil},
		{"an observatory", "قال المرصد السوري لحقوق الإنسان.", nil},
		{"a newspaper", "نقلت صحيفة الوطن الخبر.", nil},
		{"demonyms", "قال الجيش السوري والطيران الروسي.", nil},
		{"الباب the door", "فتح الباب أمام المفاوضات.", nil},
		{"الباب the town", "سيطر التنظيم على مدينة الباب.", []want{{"الباب", "Aleppo"}}},
		{"الشريعة the law", "احترام أحكام الشريعة واجب.", nil},
		{"الكريم in a phrase", "تلاوة القرآن الكريم.", nil},
		{"المدينة the city", "دخلت القوات المدينة.", nil},
		{"a force majeure", "بسبب القوة القاهرة.", nil},
	})
}

func TestDisambiguation(t *testing.T) {
	runRules(t, []ruleCase{
		{"importance: the capital city", "في حلب.", []want{{"حلب", "Aleppo"}}},
		{"default sense: Amman", "عقد الاجتماع في عمان.", []want{{"عمان", "JO"}}},
		{"foreign capital", "سافر الوفد إلى موسكو.", []want{{"موسكو", "RU"}}},
		{"sentence governorate, after the name", "قصف على قرية القاهرة في ريف حماة.", []want{{"القاهرة", "Hama"}, {"ريف حماة", "Hama"}}},
		{"nearby places agree", "اشتباكات في دوما وحرستا وجوبر.", []want{{"دوما", "Rural Damascus"}, {"حرستا", "Rural Damascus"}, {"جوبر", "Damascus"}}},
		{"one sense per text", "دخلت القوات حي الوعر. وبعد اتفاق الوعر عاد الهدوء.", []want{{"الوعر", "Homs"}, {"الوعر", "Homs"}}},
	})
}

func TestMetonymy(t *testing.T) {
	ex := realExtractor(t)
	for text, use := range map[string]Use{
		"أعلنت موسكو دعمها للحل.":  Metonymic,
		"رفضت أنقرة الاقتراح.":     Metonymic,
		"وصل الوفد إلى موسكو أمس.": Literal,
	} {
		ms := ex.Extract(text)
		if len(ms) != 1 || ms[0].Use != use {
			t.Errorf("%s: %v, want one %s mention", text, ms, use)
		}
	}
}

func TestUnresolved(t *testing.T) {
	ex := realExtractor(t)
	res := ex.Analyze("حماة::\nقصف على بلدة زعترونة الغربية صباحا.")
	if len(res.Unresolved) != 1 || res.Unresolved[0].Name != "زعترونة الغربية" || res.Unresolved[0].Trigger != "بلدة" {
		t.Fatalf("unresolved: %+v", res.Unresolved)
	}
	if !strings.Contains(res.Unresolved[0].Sentence, "قصف على بلدة") {
		t.Errorf("sentence %q", res.Unresolved[0].Sentence)
	}
	// A long sentence's example is the words around the name.
	long := "حماة::\n" + strings.Repeat("استمر القصف على الأحياء السكنية ", 20) + "ثم قصف على بلدة زعترونة الغربية " + strings.Repeat("وسقط عدد من الجرحى في صفوف المدنيين ", 20) + "."
	ex2 := ex.Analyze(long).Unresolved
	if len(ex2) != 1 || !strings.Contains(ex2[0].Sentence, "قصف على بلدة زعترونة الغربية وسقط") ||
		!strings.HasPrefix(ex2[0].Sentence, "…") || !strings.HasSuffix(ex2[0].Sentence, "…") || len([]rune(ex2[0].Sentence)) > 2*exampleSide+40 {
		t.Errorf("a long sentence's example: %+v", ex2)
	}
	// Placed in the section's governorate, at governorate precision.
	last := res.Mentions[len(res.Mentions)-1]
	if last.Surface != "زعترونة الغربية" || where(last) != "Hama" || last.GeoPrecision < 2 {
		t.Errorf("mention %+v", last)
	}
	if r := ex.Analyze("منطقة آمنة ومناطق سيطرة النظام."); len(r.Unresolved) != 0 {
		t.Errorf("adjectives after area words reported: %+v", r.Unresolved)
	}
}

// TestCueWordsDoNotCollide: folding must not turn a cue into a trap
// (على and علي fold alike; علي is no first name here for that reason).
func TestCueWordsDoNotCollide(t *testing.T) {
	lx := newLexicon()
	for w := range lx.weak {
		if lx.trap[w] || lx.firstName[w] {
			t.Errorf("weak cue %q is also a trap word", w)
		}
	}
	for w := range lx.settlement {
		if lx.trap[w] || lx.firstName[w] {
			t.Errorf("trigger %q is also a trap word", w)
		}
	}
}

// TestNamesLookLikeNames: ordinary words, people, organisations, outlets,
// adjectives and months that look like place names are none.
func TestNamesLookLikeNames(t *testing.T) {
	runRules(t, []ruleCase{
		{"a split leaving two letters: باب is no Ibb", "فتح السائق باب الشاحنة.", nil},
		{"a particle with hamza: وإن is no Van", "وإن القوات انسحبت، وأن الهدوء عاد.", nil},
		{"Syrian after an adjective", "قصفت طائرة حربية سورية مواقع المسلحين.", nil},
		{"Syrian after a plural", "شاركت فصائل سورية وقوات تركية في الهجوم.", nil},
		{"Syrians counted", "عبر 30 سوريا الحدود ليلا.", nil},
		{"Syria after a singular noun", "أكد حرصه على وحدة سورية.", []want{{"سورية", "SY"}}},
		{"Syria as an object", "غادر الوفد سورية أمس.", []want{{"سورية", "SY"}}},
		{"an armed group's name", "قالت جبهة ثوار سوريا إنها صدت الهجوم.", nil},
		{"an outlet's name", "وأفاد مكتب أخبار سوريا بسقوط قذائف.", nil},
		{"a title names the country", "قال وزير خارجية روسيا إن الحل سياسي.", []want{{"روسيا", "RU"}}},
		{"a quoted outlet", "بحسب ما أفادت به \"سوريا مباشر\" أمس.", nil},
		{"a quoted operation", "أطلقت أنقرة عملية \"درع الفرات\" في الشمال.", []want{{"أنقرة", "TR"}}},
		{"quoted names after a trigger", "قصف على مدينتي \"حماة وحمص\" صباحا.", []want{{"حماة", "Hama"}, {"حمص", "Homs"}}},
		{"the one spoken to", "وقال لسوريا اليوم إن المفاوضات مستمرة.", nil},
		{"a kunya is a person", "وقال أبو عمر إن القصف استمر.", nil},
		{"a «… الدين» name is a person", "وأكد عز الدين أن الطريق مقطوع.", nil},
		{"a kunya village with a trigger", "سيطر المقاتلون على بلدة أبو الظهور.", []want{{"أبو الظهور", "Idleb"}}},
		{"a month", "في آذار الماضي، ثم في تشرين الأول.", nil},
		{"a dam named after a month", "وصل المقاتلون إلى سد تشرين.", []want{{"سد تشرين", "Aleppo"}}},
		{"a participle after a plural trigger", "قصف أحياء خاضعة لسيطرة النظام.", nil},
		{"an adjective of identity after a plural trigger", "نزح السكان من قرى شيعية.", nil},
		{"a verb after a trigger", "وصلوا إلى مدينة تقع شمالي البلاد.", nil},
		{"by way of, not a road", "قصفت الطائرة عن طريق الخطأ تجمعا للمدنيين.", nil},
		{"the mention just before is no cue for a word", "شكلت السيطرة على مدينة حلب أبرز انتصارات الجيش.", []want{{"حلب", "Aleppo"}}},
		{"a given name before a family name", "وقال ياسر الدحلة إن الطريق آمن.", nil},
		{"the governorate, no name", "تعرضت المحافظة لقصف عنيف.", nil},
	})
}

// TestUnknownNamesAfterTriggers: what follows a trigger is a name the
// gazetteer lacks only if it looks like one.
func TestUnknownNamesAfterTriggers(t *testing.T) {
	ex := realExtractor(t)
	for text, want := range map[string]string{
		"دمشق::\nسيطرت القوات على حي فارس الخوري.":   "فارس الخوري",
		"حماة::\nقصف على قرية خزيلية صباحا.":         "خزيلية",
		"حماة::\nقصف على حي خاضع لسيطرة المعارضة.":   "",
		"حماة::\nوصلوا إلى مدينة يسيطر عليها الجيش.": "",
		"حماة::\nقصف على أحياء تابعة للمدينة.":       "",
		"حماة::\nعاد الأهالي إلى قرى المصالحة.":      "",
		"دمشق::\nسيطر الجيش على أحياء دمشقية عدة.":   "",
		"حلب::\nقصفت الطائرات أحياء الحلبية.":        "",
		"إدلب::\nقصفت الطائرات مدينة وأطرافها.":      "",
		"حماة::\nقصفت الطائرات قرى بجبل العلا.":      "",
	} {
		res := ex.Analyze(text)
		got := ""
		for _, u := range res.Unresolved {
			got = u.Name
		}
		if got != want {
			t.Errorf("%s: unresolved %q, want %q", text, got, want)
		}
	}
}

// TestContainers: the container a clause states decides where a name is.
func TestContainers(t *testing.T) {
	runRules(t, []ruleCase{
		{"the container right after a name outweighs the sentence's other",
			"قصفت الطائرات بلدة مسكنة بريف حلب الشرقي، ثم استهدفت زوارق على نهر الفرات بريف الرقة الغربي.",
			[]want{{"مسكنة", "Aleppo"}, {"ريف حلب", "Aleppo"}, {"نهر الفرات", "Ar-Raqqa"}, {"ريف الرقة", "Ar-Raqqa"}}},
		{"a river takes the stretch its sentence names", "وفي ريف حماة عبرت القوات نهر العاصي.", []want{{"ريف حماة", "Hama"}, {"نهر العاصي", "Hama"}}},
		{"and another stretch elsewhere", "وفي ريف إدلب عبرت القوات نهر العاصي.", []want{{"ريف إدلب", "Idleb"}, {"نهر العاصي", "Idleb"}}},
		{"a side of a foreign country", "وقع انفجار في مدينة روستوف جنوب روسيا.", []want{{"روستوف", "RU"}, {"روسيا", "RU"}}},
		{"a country's adjective after a named city", "هاجم مسلح مصلين في مدينة كيبيك الكندية.", []want{{"كيبيك", "CA"}}},
		{"a journey is no container", "فر إلى مدينة إدلب وبعدها إلى تركيا.", []want{{"إدلب", "Idleb"}, {"تركيا", "TR"}}},
		{"a capital stays itself", "المتمردون الذين تدعمهم موسكو في أوكرانيا.", []want{{"موسكو", "RU"}, {"أوكرانيا", "UA"}}},
	})
}

// TestListContainers: a container after a list places every item of it,
// not only the last; the sentence's other governorate, named first,
// would otherwise take the items whose namesakes lie there.
func TestListContainers(t *testing.T) {
	runRules(t, []ruleCase{
		{"a list joined by «و»", "بعد معارك عنيفة في ريف حلب الجنوبي، سيطرت القوات على قرى الحمدانية والمستريحة وعطشان في ريف حماة الشمالي.",
			[]want{{"ريف حلب", "Aleppo"}, {"الحمدانية", "Hama"}, {"المستريحة", "Hama"}, {"عطشان", "Hama"}, {"ريف حماة", "Hama"}}},
		{"a comma list, a comma before the container", "بعد معارك في ريف حلب، سيطرت القوات على قرى الحمدانية، المستريحة، عطشان، في ريف حماة الشمالي.",
			[]want{{"ريف حلب", "Aleppo"}, {"الحمدانية", "Hama"}, {"المستريحة", "Hama"}, {"عطشان", "Hama"}, {"ريف حماة", "Hama"}}},
		{"settlement words between the names", "بعد سيطرتها على أحياء مدينة حلب، تقدمت القوات نحو قرية جب الصفا وبلدة عين البيضا بريف إدلب الشرقي.",
			[]want{{"حلب", "Aleppo"}, {"جب الصفا", "Idleb"}, {"عين البيضا", "Idleb"}, {"ريف إدلب", "Idleb"}}},
		{"known names without a list head", "بعد سيطرتها على أحياء مدينة حلب، تقدمت القوات نحو جب الصفا وعين البيضا وسروج بريف إدلب الشرقي.",
			[]want{{"حلب", "Aleppo"}, {"جب الصفا", "Idleb"}, {"عين البيضا", "Idleb"}, {"سروج", "Idleb"}, {"ريف إدلب", "Idleb"}}},
		{"an item the gazetteer lacks after a list head", "بعد معارك في ريف حلب، قصفت الطائرات قرى الحمدانية والزلاقيات الغربية والمستريحة في ريف حماة الشمالي.",
			[]want{{"ريف حلب", "Aleppo"}, {"الحمدانية", "Hama"}, {"الزلاقيات الغربية", "Hama"}, {"المستريحة", "Hama"}, {"ريف حماة", "Hama"}}},
		{"a sentence ends the list", "سيطرت القوات في ريف حلب الجنوبي على الحمدانية والمستريحة. وقصفت الطائرات قرى في ريف حماة.",
			[]want{{"ريف حلب", "Aleppo"}, {"الحمدانية", "Aleppo"}, {"المستريحة", "Aleppo"}, {"ريف حماة", "Hama"}}},
		{"a verb ends a list no head began", "سيطرت القوات في ريف حلب الجنوبي على الحمدانية والمستريحة وتقدمت في ريف حماة.",
			[]want{{"ريف حلب", "Aleppo"}, {"الحمدانية", "Aleppo"}, {"المستريحة", "Aleppo"}, {"ريف حماة", "Hama"}}},
		{"«وفي» begins another clause", "سيطرت القوات في ريف حلب الجنوبي على الحمدانية والمستريحة، وفي ريف حماة قصفت الطائرات.",
			[]want{{"ريف حلب", "Aleppo"}, {"الحمدانية", "Aleppo"}, {"المستريحة", "Aleppo"}, {"ريف حماة", "Hama"}}},
	})
}

// TestContainerPhrases: one place phrase may stand between a name and the
// country that contains it, which then outweighs a Syrian namesake.
func TestContainerPhrases(t *testing.T) {
	runRules(t, []ruleCase{
		{"a river, then a side of the country", "أصيب عشرة أشخاص بحريق في مصنع بمدينة روستوف على نهر الدون في جنوب روسيا.",
			[]want{{"روستوف", "RU"}, {"نهر الدون", "RU"}, {"روسيا", "RU"}}},
		{"a governorate abroad, then the country", "قتل ثلاثة في هجوم على سوق بلدة عزان بمحافظة أبين في اليمن.",
			[]want{{"عزان", "YE"}, {"أبين", "YE"}, {"اليمن", "YE"}}},
		{"a state with its country's adjective", "أطلق مسلح النار على المارة في مدينة عزان بولاية تكساس الأميركية.",
			[]want{{"عزان", "US"}, {"تكساس", "US"}}},
		{"the Syrian village in a Syrian phrase", "وصلت التعزيزات إلى قرية عزان بمحافظة حلب شمال سوريا.",
			[]want{{"عزان", "Aleppo"}, {"حلب", "Aleppo"}, {"سوريا", "SY"}}},
		{"the Syrian village in its countryside", "تقدمت القوات نحو بلدة عزان في ريف حلب الجنوبي.",
			[]want{{"عزان", "Aleppo"}, {"ريف حلب", "Aleppo"}}},
		{"a landmark's adjective names its owner", "هبطت مروحيات في بلدة عزان بمعسكر الطلائع الروسي.",
			[]want{{"عزان", "Aleppo"}, {"معسكر الطلائع", "Aleppo"}}},
		{"after an area word an unknown word describes", "وصل اللاجئون إلى قرية عزان بمنطقة الحدود التركية.",
			[]want{{"عزان", "Aleppo"}}},
	})
	runKinds(t, []kindCase{
		{"قتل ثلاثة في هجوم على سوق بلدة عزان بمحافظة أبين في اليمن.", "عزان", geo.ForeignCity},
		{"قتل ثلاثة في هجوم على سوق بلدة عزان بمحافظة أبين في اليمن.", "أبين", geo.ForeignRegion},
	})
}

// TestLongerForeignNames: a Syrian village's name can begin a longer
// foreign name the gazetteer lacks; the country's adjective or a place
// phrase right after the longer name says so, and the Syrian village stays
// itself elsewhere.
func TestLongerForeignNames(t *testing.T) {
	runRules(t, []ruleCase{
		{"a Russian city, its adjective after", "وقع هجوم في مدينة سان بطرسبرغ الروسية أمس.", []want{{"سان بطرسبرغ", "RU"}}},
		{"an American city, its adjective after", "أطلق مسلح النار في مدينة سان برناردينو الأميركية.", []want{{"سان برناردينو", "US"}}},
		{"a city the gazetteer lacks, its state after", "دهست سيارة حشدا في مدينة نيو أورليانز بولاية لويزيانا الأميركية.",
			[]want{{"نيو أورليانز", "US"}, {"لويزيانا", "US"}}},
		{"the Syrian village in its countryside", "قصفت المدفعية قرية سان في ريف إدلب.", []want{{"سان", "Idleb"}, {"ريف إدلب", "Idleb"}}},
		{"an indefinite adjective describes what struck", "قصفت الطائرات قرية سان بصواريخ روسية.", []want{{"سان", "Idleb"}}},
		{"a word with the article is no part of a name", "قصفت الطائرات بلدة سان بالقنابل الروسية.", []want{{"سان", "Idleb"}}},
	})
	runKinds(t, []kindCase{
		{"وقع هجوم في مدينة سان بطرسبرغ الروسية أمس.", "سان بطرسبرغ", geo.ForeignCity},
		{"دهست سيارة حشدا في مدينة نيو أورليانز بولاية لويزيانا الأميركية.", "نيو أورليانز", geo.ForeignCity},
	})
}

// TestListsOfNames: names in a list are names, even ordinary words.
func TestListsOfNames(t *testing.T) {
	runRules(t, []ruleCase{
		{"a list after a plural trigger", "قصفت الطائرات بلدات طعوم وسرمين وتفتناز.", []want{{"طعوم", "Idleb"}, {"سرمين", "Idleb"}, {"تفتناز", "Idleb"}}},
		{"a word of quantity", "سيطرت القوات على سلسلة من القرى.", nil},
		{"a town among places near it", "سيطر الجيش على حرستا ثم عزل دوما.", []want{{"حرستا", "Rural Damascus"}, {"دوما", "Rural Damascus"}}},
	})
}

// TestParagraphContext: a governorate a paragraph named carries on to its
// later sentences.
func TestParagraphContext(t *testing.T) {
	runRules(t, []ruleCase{
		{"the paragraph's governorate outweighs the text's", "قصف على اللاذقية وريف اللاذقية.\n\nوفي ريف درعا اشتباكات عنيفة. وتعرضت قرية الحارة لقصف مدفعي.",
			[]want{{"اللاذقية", "Lattakia"}, {"ريف اللاذقية", "Lattakia"}, {"ريف درعا", "Dar'a"}, {"الحارة", "Dar'a"}}},
	})
}

// TestBattleWords: a battle's words take the place fought for.
func TestBattleWords(t *testing.T) {
	runRules(t, []ruleCase{
		{"the battle of a town whose name is a word", "أعلنت أنقرة انتهاء معركة الباب.", []want{{"أنقرة", "TR"}, {"الباب", "Aleppo"}}},
		{"a front is no group", "اشتباكات على جبهة حندرات.", []want{{"حندرات", "Aleppo"}}},
		{"a new battle", "بدأت الفصائل معركة جديدة في حي جوبر.", []want{{"جوبر", "Damascus"}}},
		{"a side of a foreign city", "سيطرت القوات على شرقي الموصل.", []want{{"الموصل", "IQ"}}},
	})
}

func TestHills(t *testing.T) {
	runRules(t, []ruleCase{
		{"a hill the gazetteer lacks", "تقدمت القوات في ريف حلب نحو تلة الزيتونة.",
			[]want{{"ريف حلب", "Aleppo"}, {"تلة الزيتونة", "Aleppo"}}},
		{"a village named تلة does not hide the trigger", "قصفت المدفعية تلة السيرياتل في ريف اللاذقية.",
			[]want{{"تلة السيرياتل", "Lattakia"}, {"ريف اللاذقية", "Lattakia"}}},
		{"تل and تلول", "سيطرت الفصائل في درعا على تل العريض وتلول الصفا.",
			[]want{{"درعا", "Dar'a"}, {"تل العريض", "Dar'a"}, {"تلول الصفا", "Dar'a"}}},
		{"what a field holds is no name", "انفجر حقل الألغام قرب درعا.", []want{{"درعا", "Dar'a"}}},
		{"a compound name takes no item of a list", "تمركزت القوات في ريف دمشق على سفوح جبل الشيخ والتلال المحيطة.",
			[]want{{"ريف دمشق", "Rural Damascus"}, {"جبل الشيخ", "Rural Damascus"}}},
		{"a hill's adjective", "تمركزت القوات على تلال المنطقة في درعا.", []want{{"درعا", "Dar'a"}}},
		{"a mountain's name without the article", "وفي ريف حماة قصفت الطائرات قرى بجبل شحشبو.",
			[]want{{"ريف حماة", "Hama"}, {"جبل شحشبو", "Hama"}}},
		{"a hill's name without the article", "في ريف اللاذقية استعاد المقاتلون تلة عثمان.",
			[]want{{"ريف اللاذقية", "Lattakia"}, {"تلة عثمان", "Lattakia"}}},
		{"no bare name begins with the conjunction", "في ريف درعا قصفت القوات تل وجرح عشرات الجنود.", []want{{"ريف درعا", "Dar'a"}}},
		{"وأدى is a verb, not a valley", "في ريف إدلب وأدى القصف إلى دمار واسع.", []want{{"ريف إدلب", "Idleb"}}},
		{"a valley that is a region", "سيطر الجيش على قرى وادي بردى.", []want{{"وادي بردى", "Rural Damascus"}}},
	})
}

func TestListItems(t *testing.T) {
	runRules(t, []ruleCase{
		{"every item after a list head", "قصفت الطائرات قرى الغزالة والمحروقة وأم الحجر شمال مدينة حمص.",
			[]want{{"الغزالة", "Homs"}, {"المحروقة", "Homs"}, {"أم الحجر", "Homs"}, {"حمص", "Homs"}}},
		{"two-word items and known ones", "قصفت الطائرات أحياء الشعار والصاخور وكرم البيك والأنصاري في حلب.",
			[]want{{"الشعار", "Aleppo"}, {"الصاخور", "Aleppo"}, {"كرم البيك", "Aleppo"}, {"الأنصاري", "Aleppo"}, {"حلب", "Aleppo"}}},
		{"a comma list", "في ريف حمص قصفت الطائرات قرى الغزالة، المحروقة، والدبشة.",
			[]want{{"ريف حمص", "Homs"}, {"الغزالة", "Homs"}, {"المحروقة", "Homs"}, {"الدبشة", "Homs"}}},
		{"a verb after a comma ends the list", "قصفت المدفعية أحياء الشعار والصاخور في حلب، سقط على إثرها جرحى.",
			[]want{{"الشعار", "Aleppo"}, {"الصاخور", "Aleppo"}, {"حلب", "Aleppo"}}},
		{"a clause after the list", "في ريف حمص قصفت الطائرات قرى الغزالة والمحروقة وتجري اشتباكات قربها.",
			[]want{{"ريف حمص", "Homs"}, {"الغزالة", "Homs"}, {"المحروقة", "Homs"}}},
		{"a new sentence is no item", "في ريف حمص قصفت الطائرات قرى الغزالة والمحروقة.\nوتواصلت الغارات على تدمر.",
			[]want{{"ريف حمص", "Homs"}, {"الغزالة", "Homs"}, {"المحروقة", "Homs"}, {"تدمر", "Homs"}}},
		{"a participle that governs describes", "في ريف حمص قصفت الطائرات بلدتي الغزالة والمحاصرتين من قبل القوات.",
			[]want{{"ريف حمص", "Homs"}, {"الغزالة", "Homs"}}},
		{"no list head, no unknown items", "في ريف حمص سيطرت القوات على الغزالة والمحروقة.",
			[]want{{"ريف حمص", "Homs"}}},
	})
}

// TestListItemsKnownAfterConjunction: an item the gazetteer knows is
// resolved when «و» stands apart before it, as when it is written on: it
// is not reported as a name the gazetteer lacks.
func TestListItemsKnownAfterConjunction(t *testing.T) {
	ex := realExtractor(t)
	for _, tc := range []struct{ text, item string }{
		{"قصفت الطائرات قرى الحمدانية و المستريحة في ريف حماة الشمالي.", "المستريحة"},
		{"شنت الطائرات غارات على بلدتي الرستن و تلدو في ريف حمص.", "تلدو"},
	} {
		res := ex.Analyze(tc.text)
		for _, u := range res.Unresolved {
			t.Errorf("%s: %q reported unresolved", tc.text, u.Name)
		}
		found := false
		for _, m := range res.Mentions {
			if m.Surface == tc.item {
				found = true
				if m.Place == nil || len(m.Candidates) == 0 || m.Name != m.Place.NameAr {
					t.Errorf("%s: %q not resolved to the gazetteer: %+v", tc.text, tc.item, m)
				}
			}
		}
		if !found {
			t.Errorf("%s: no mention of %q", tc.text, tc.item)
		}
	}
}

func TestNameHeads(t *testing.T) {
	runRules(t, []ruleCase{
		{"a head before a name known alone", "اشتباكات عنيفة في محيط بيت تيما بريف دمشق الغربي.",
			[]want{{"بيت تيما", "Rural Damascus"}, {"ريف دمشق", "Rural Damascus"}}},
		{"a known two-word name stays", "اشتباكات عنيفة في محيط بيت جن بريف دمشق الغربي.",
			[]want{{"بيت جن", "Rural Damascus"}, {"ريف دمشق", "Rural Damascus"}}},
		{"a village named like a trigger with its proclitic is the trigger", "اعتقلت القوات ثلاثة شبان عند حاجز بقرية الشيخ سعيد في ريف درعا.",
			[]want{{"الشيخ سعيد", "Dar'a"}, {"ريف درعا", "Dar'a"}}},
		{"a given name is not split", "تقدمت القوات في ريف دمشق نحو منطقة بشير المحمد.",
			[]want{{"ريف دمشق", "Rural Damascus"}}},
	})
}

// TestOneSensePerText: a name said again in a paragraph means the place
// it meant before, not a namesake of the same governorate (the town of
// سراقب, then its subdistrict).
func TestOneSensePerText(t *testing.T) {
	ex := realExtractor(t)
	ms := ex.Extract("قصفت الطائرات الحربية مدينة سراقب صباح اليوم. وأفاد ناشطون بأن غارات جوية استهدفت مدينة سراقب.")
	if len(ms) != 2 || ms[0].Place != ms[1].Place {
		for _, m := range ms {
			t.Logf("%s %s %s", m.Surface, m.Place.ID, m.Kind)
		}
		t.Errorf("want one place twice")
	}
}

// TestProvincesAbroad: «ولاية» and «إقليم» name the states and provinces
// of other countries; in Syria's news «ولاية» is also an armed group's
// province, which names no place of the gazetteer. A governorate the
// gazetteer lacks is one abroad.
func TestProvincesAbroad(t *testing.T) {
	runRules(t, []ruleCase{
		{"a state the gazetteer lacks, its country's adjective after", "اجتاحت عاصفة ثلجية ولاية تكساس الأميركية.", []want{{"تكساس", "US"}}},
		{"a state whose name is also a word, with ب", "أعلنت السلطات حالة الطوارئ بولاية فلوريدا الأمريكية.", []want{{"فلوريدا", "US"}}},
		{"a state the gazetteer has", "وقع إطلاق نار في ولاية أوهايو الأميركية.", []want{{"أوهايو", "US"}}},
		{"a name the clause does not put abroad is no state", "قتل جنديان في ولاية تكساس.", nil},
		{"an armed group's province named like a Syrian village", "بايع أمير ولاية البركة زعيم التنظيم.", nil},
		{"an armed group's province named after a governorate", "سيطرت قوات النظام على مقر ولاية حمص التابعة للتنظيم.", []want{{"حمص", "Homs"}}},
		{"a governorate the gazetteer lacks, in a country after it", "اشتبك مسلحون مع الجيش في محافظة حضرموت باليمن.", []want{{"حضرموت", "YE"}, {"اليمن", "YE"}}},
		{"a governorate with its country's adjective", "سقطت قذائف على محافظة مأرب اليمنية.", []want{{"مأرب", "YE"}}},
		{"a governorate the clause does not put abroad", "قصفت الطائرات محافظة حضرموت.", nil},
	})
	runKinds(t, []kindCase{
		{"اجتاحت عاصفة ثلجية ولاية تكساس الأميركية.", "تكساس", geo.ForeignRegion},
		{"أعلنت السلطات حالة الطوارئ بولاية فلوريدا الأمريكية.", "فلوريدا", geo.ForeignRegion},
		{"اشتبك مسلحون مع الجيش في محافظة حضرموت باليمن.", "حضرموت", geo.ForeignRegion},
	})
}

// kindCase is a sentence we wrote, a mention it gives and that
// mention's kind.
type kindCase struct {
	text, surface string
	kind          geo.Kind
}

func runKinds(t *testing.T, cases []kindCase) {
	t.Helper()
	ex := realExtractor(t)
	for _, tc := range cases {
		found := false
		for _, m := range ex.Extract(tc.text) {
			if m.Surface == tc.surface {
				found = true
				if m.Kind != tc.kind {
					t.Errorf("%s: %q is a %s, want a %s", tc.text, m.Surface, m.Kind, tc.kind)
				}
			}
		}
		if !found {
			t.Errorf("%s: no mention %q", tc.text, tc.surface)
		}
	}
}
