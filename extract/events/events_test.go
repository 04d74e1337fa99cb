package events

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/geo/arabic"
)

var pipeline = sync.OnceValues(func() (*extract.Extractor, error) {
	g, err := geo.Load(data.Gazetteer())
	if err != nil {
		return nil, err
	}
	words, err := extract.ReadWordList(data.CommonWords())
	if err != nil {
		return nil, err
	}
	return extract.New(g, extract.WithCommonWords(words)), nil
})

func detect(t *testing.T, text string, date time.Time) []Event {
	t.Helper()
	ex, err := pipeline()
	if err != nil {
		t.Fatal(err)
	}
	return New().Detect("test.txt", text, ex.Extract(text), date)
}

// TestSubTypes: a sentence we wrote for each sub-type, with the place
// it must land in.
func TestSubTypes(t *testing.T) {
	tests := []struct{ text, subType, where string }{
		{"شن الطيران الحربي غارات على مدينة سراقب صباح اليوم.", AirStrike, "Idleb"},
		{"ألقت المروحيات براميل متفجرة على بلدة داريا.", AirStrike, "Rural Damascus"},
		{"سقطت قذائف هاون على حي جوبر في دمشق.", Shelling, "Damascus"},
		{"قصفت قوات النظام مدينة تلبيسة بالمدفعية الثقيلة.", Shelling, "Homs"},
		{"دارت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام في محيط مدينة مورك.", ArmedClash, "Hama"},
		{"سيطر تنظيم داعش على بلدة مهين بعد معارك عنيفة.", NSATakes, "Homs"},
		{"استعادت قوات النظام السيطرة على بلدة سلمى في ريف اللاذقية.", GovRegains, "Lattakia"},
		{"انفجرت عبوة ناسفة بسيارة عسكرية على طريق مدينة درعا.", IED, "Dar'a"},
		{"فجر انتحاري نفسه بحزام ناسف عند حاجز في مدينة القامشلي.", SuicideBomb, "Al-Hasakeh"},
		{"أعدم عناصر التنظيم خمسة مدنيين في مدينة الميادين.", Attack, "Deir-ez-Zor"},
		{"اختطف مسلحون مجهولون ناشطا في مدينة دوما.", Abduction, "Rural Damascus"},
		{"وقعت فصائل المعارضة والنظام اتفاق هدنة في مدينة الزبداني.", Agreement, "Rural Damascus"},
		{"نزحت مئات العائلات من مدينة منبج نحو الريف.", Displacement, "Aleppo"},
		{"عقد اجتماع بين وفدي روسيا والمعارضة في موسكو.", Meeting, "RU"},
		{"انطلقت جولة جديدة من المفاوضات في جنيف بين الوفدين.", Negotiations, "CH"},
		// meetings: a conference, a minister holding one, one a source tells of, a visit that is no village
		{"انعقاد مؤتمر للسلام في باريس.", Meeting, "FR"},
		{"عقد وزير الخارجية الروسي ونظيره التركي أمس في أنطاليا.", Meeting, "TR"},
		{"وأضاف المصدر أن السفير الفرنسي تحادث مع قائد الفصيل في الرياض.", Meeting, "SA"},
		{"اجتمع المبعوث مع نائب الوزير في موسكو في زيارة هي الأولى من نوعها.", Meeting, "RU"},
		{"خرجت مظاهرة حاشدة في مدينة كفرنبل تطالب بإسقاط النظام.", Protest, "Idleb"},
		{"اندلع القتال بين الفصيلين في مدينة سراقب مساء أمس.", ArmedClash, "Idleb"},
		{"تواصلت عملية إجلاء المدنيين من مدينة دوما.", Displacement, "Rural Damascus"},
		{"التقت لجنة من الأهالي بضباط روس في مدينة حمورية.", Meeting, "Rural Damascus"},
		{"فتحت القوات النظامية نيران رشاشاتها على بلدة كفرنبل.", Shelling, "Idleb"},
		{"قتلت امرأة وأصيب ثلاثة آخرون بغارتين على حي الشعار في مدينة حلب.", AirStrike, "Aleppo"},
		{"سقطت قذيفتان على حي المزة في دمشق.", Shelling, "Damascus"},
		// two-word reports and the words of killing
		{"قتل ثلاثة أشخاص بإطلاق نار في مدينة القامشلي مساء الأحد.", Attack, "Al-Hasakeh"},
		{"أطلق مسلح مجهول النار على المصلين في بلدة جاسم.", Attack, "Dar'a"},
		{"اغتال مسلحون مجهولون قياديا في بلدة طفس.", Attack, "Dar'a"},
		{"احتجز مسلحون رهائن داخل مبنى البلدية في مدينة منبج.", Abduction, "Aleppo"},
		{"التنظيم يعدم ثمانية شبان في مدينة الميادين.", Attack, "Deir-ez-Zor"},
		// arrests, raids, sieges and aircraft downed; a siege broken is ground won
		{"ألقى عناصر الفصيل المسلح القبض على قيادي في التنظيم في مدينة الباب.", Otherwise, "Aleppo"},
		{"داهمت دورية أمنية منازل في بلدة الصنمين واعتقلت ثلاثة شبان.", Otherwise, "Dar'a"},
		{"فرض التنظيم اليوم حصارا خانقا على بلدة مهين.", Otherwise, "Homs"},
		{"أسقطت الدفاعات الجوية طائرة استطلاع فوق مدينة القنيطرة.", Otherwise, "Quneitra"},
		{"كسرت قوات النظام الحصار عن مطار كويرس العسكري.", GovRegains, "Aleppo"},
		{"أعدم المسلحون عشرة أسرى بعد أن ألقوا القبض عليهم في بلدة مورك.", Attack, "Hama"},
		// leaving under a deal, a gunman's killing, prisoners taken, a chemical attack
		{"بدأ خروج الدفعة الأولى من المقاتلين وعائلاتهم من بلدة مضايا.", Displacement, "Rural Damascus"},
		{"مسلح مجهول يقتل ثلاثة أشخاص في مدينة القامشلي.", Attack, "Al-Hasakeh"},
		{"أوقع المقاتلون عشرة جنود في الأسر في ريف حماة الشمالي.", ArmedClash, "Hama"},
		{"قتلى في هجوم كيماوي على بلدة اللطامنة.", AirStrike, "Hama"},
		// armour destroyed is a fight; so is an operation launched
		{"تمكن المقاتلون من إعطاب دبابتين لقوات النظام في محيط بلدة مورك.", ArmedClash, "Hama"},
		{"أطلقت الفصائل اليوم عملية عسكرية واسعة في ريف حماة الشمالي.", ArmedClash, "Hama"},
		{"اعتصم مئات الأشخاص في مدينة السويداء احتجاجا على الغلاء.", Protest, "As-Sweida"},
		{"دار قتال عنيف في مدينة سراقب.", ArmedClash, "Idleb"},
		{"تمكن الجيش من عزل بلدة مسرابا عن باقي الغوطة.", GovRegains, "Rural Damascus"},
		{"منع المقاتلون تقدم قوات النظام نحو بلدة مورك.", ArmedClash, "Hama"},
		// targeting says what was hit, another word how; Russia's and the jets' shelling is from the air
		{"قتل ثلاثة أشخاص باعتداء استهدف مقر البلدية في مدينة القامشلي.", Attack, "Al-Hasakeh"},
		{"قتل 29 مدنيا في قصف روسي على مدينة دوما.", AirStrike, "Rural Damascus"},
		{"عقدت اجتماعات عدة بين قادة الفصائل في مدينة إدلب.", Meeting, "Idleb"},
		{"تمكن عناصر التنظيم من بسط سيطرتهم على بلدة مهين.", NSATakes, "Homs"},
		// mines cleared; a cause told for what it led to
		{"قتل مدنيان بانفجار لغم أثناء عمل فرق نزع الألغام في بلدة مورك.", IED, "Hama"},
		{"نزح مئات المدنيين من بلدة الصور جراء اقتراب المعارك العنيفة.", Displacement, "Deir-ez-Zor"},
		// a deed a support phrase supported; an attempt that took no ground
		{"وفي إطار العملية المدعومة من تركيا، سيطرت الفصائل على بلدة الراعي.", NSATakes, "Aleppo"},
		{"حاولت قوات النظام استعادة السيطرة على بلدة مورك.", ArmedClash, "Hama"},
		{"تمكن المقاتلون من صد محاولات تقدم عناصر التنظيم نحو بلدة مارع.", ArmedClash, "Aleppo"},
		// what aircraft drop is their strike
		{"ألقت المروحيات البراميل المتفجرة والألغام البحرية على بلدة اللطامنة.", AirStrike, "Hama"},
		{"تواصل الطائرات الحربية لليوم الثامن قصفها لمدينة كفرزيتا.", AirStrike, "Hama"},
		{"أغارت الطائرات الحربية على بلدة كفرنبل.", AirStrike, "Idleb"},
		// officials arriving visit; what came long before is the setting
		{"وصل وزير الخارجية الروسي إلى دمشق أمس.", Meeting, "Damascus"},
		{"وبعد خمس سنوات من خروجها عن سيطرة النظام، دخل محافظ حمص إلى مدينة الرستن.", Meeting, "Homs"},
		{"استعاد الجيش مدينة حلب التي بقيت مقسمة طوال أربع سنوات.", GovRegains, "Aleppo"},
		// in a dated telling, ل or و with the imperfect goes on with the past
		{"وواصل الجيش تقدمه شرقا ليسيطر في 19 تشرين الثاني على مدينة البوكمال.", GovRegains, "Deir-ez-Zor"},
		// «وكان … قد» with a day of this week is news, not background
		{"وكانت الاشتباكات قد اندلعت الخميس في مدينة سراقب.", ArmedClash, "Idleb"},
		{"وكان مسلح قد أطلق النار ليل الجمعة على المصلين في بلدة جاسم.", Attack, "Dar'a"},
		// abroad, told at country level
		{"قتلى وجرحى بتفجير استهدف سوقا شعبيا في الصومال.", IED, "SO"},
		{"مسلح يطعن عددا من المارة بسكين في السويد.", Attack, "SE"},
		{"إصابة شخص بانفجار وسط مدينة روستوف جنوب روسيا.", IED, "RU"},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, time.Time{})
		if len(evs) != 1 {
			t.Errorf("%s\n  %d events, want 1", tt.text, len(evs))
			continue
		}
		e := evs[0]
		where := e.Governorate()
		if where == "" {
			where = e.Country()
		}
		if e.SubType != tt.subType || e.Type != typeOf[tt.subType] || where != tt.where {
			t.Errorf("%s\n  got %s / %s in %s, want %s in %s", tt.text, e.Type, e.SubType, where, tt.subType, tt.where)
		}
		if e.Evidence == "" || !strings.Contains(tt.text, e.Evidence) {
			t.Errorf("%s: evidence %q", tt.text, e.Evidence)
		}
	}
}

func TestNumbers(t *testing.T) {
	n := func(v int) *int { return &v }
	tests := []struct {
		text       string
		dead, hurt *int
	}{
		{"قتل 12 مدنيا وأصيب 30 آخرون في غارات على مدينة سراقب.", n(12), n(30)},
		{"أسفر قصف على بلدة داريا عن مقتل ١٥ شخصا.", n(15), nil},
		{"قتل ثلاثة مدنيين في قصف على حي جوبر بدمشق.", n(3), nil},
		{"أعدم التنظيم 9 شبان في مدينة الميادين.", n(9), nil},
		{"اغتيال محام برصاص مسلحين في بلدة طفس.", n(1), nil},
		{"محاولة اغتيال فاشلة لقائد في بلدة طفس بعبوة ناسفة، ولم يصب أحد بأذى.", n(0), n(0)},
		{"7 - قتيل وخمسة جرحى بإطلاق نار في مدينة القامشلي.", n(1), n(5)},
		{"انفجرت سيارة مفخخة في بلدة سرمدا ما أدى إلى وقوع قتيل وعدد من الجرحى.", n(1), nil},
		{"انفجرت عبوة في بلدة سرمدا دون ورود أنباء عن سقوط أي إصابات.", n(0), n(0)},
		{"قتل ثلاثة عشر عنصرا في اشتباكات في محيط مدينة مورك.", n(13), nil},
		{"سقط عشرات القتلى في غارات على مدينة الباب.", n(20), nil},
		{"ارتفعت حصيلة القصف على مدينة دوما إلى أكثر من 90 قتيلا.", n(90), nil},
		{"أعلن ناشطون مقتل ما لا يقل عن 30 عنصرا في غارة على بلدة تلبيسة.", n(30), nil},
		{"سقط شهيدان جراء قصف مدفعي على بلدة كفرنبل.", n(2), nil},
		{"أدى القصف على بلدة كفرنبل إلى استشهاد شخصين وإصابة طفلين.", n(2), n(2)},
		{"شن الطيران غارات على مدينة الرستن، ولم تسجل أي إصابات.", n(0), n(0)},
		{"قصف مدفعي على بلدة اللطامنة.", nil, nil},
		{"شن الطيران الحربي غارات على بلدة اللطامنة دون ورود أنباء عن سقوط إصابات.", n(0), n(0)},
		{"قصفت قوات النظام بلدة تلبيسة ولم ترد أنباء عن وقوع إصابات بشرية.", n(0), n(0)},
		{"استهدفت الطائرات بلدة كفرنبل ما تسبب بأضرار مادية فقط.", n(0), n(0)},
		{"قصفت قوات النظام بلدة تلبيسة ولا معلومات عن قتلى.", nil, nil},
		{"استشهد 7 مدنيين بينهم أطفال , وجرح عشرات آخرون , بقصف الطيران الحربي بلدة كفرنبل.", n(7), n(20)},
		{"ولقي شخصان حتفهما، بينما أصيب 10 آخرون بجروح، جراء قصف قوات النظام لبلدة سلمى.", n(2), n(10)},
		{"قتلت امرأة وسقط ثلاثة جرحى بغارة على حي الشعار في حلب.", n(1), n(3)},
		{"أفاد ناشطون بأن طفلا قتل وأصيب أربعة مدنيين في قصف على بلدة كفرنبل.", n(1), n(4)},
		{"فجر انتحاري نفسه في سوق مدينة القامشلي ما أودى بحياة 9 أشخاص.", n(9), nil},
		{"قتل 12 طفلا وثلاث نساء في غارة جوية على بلدة كفرنبل.", n(15), nil},
		{"قتل قائد عسكري وأحد العناصر خلال اشتباكات في محيط بلدة مورك.", n(2), nil},
		{"ارتكبت الطائرات مجزرة في بلدة كفرنبل راح ضحيتها ثمانية أشخاص.", n(8), nil},
		{"قال المرصد إن قائدا ميدانيا في الفصيل وأربعة مقاتلين آخرين قتلوا في غارة على بلدة كفرنبل.", n(5), nil},
		{"أفادت مصادر أن طفلا وشخصين قتلوا بقصف مدفعي على بلدة تلبيسة.", n(3), nil},
		{"وأكدت المصادر وأن عنصرا وثلاثة مدنيين قتلوا بقصف مدفعي على بلدة تلبيسة.", n(4), nil},
		{"مقتل قياديين في غارة على بلدة كفرنبل.", nil, nil},
		{"مقتل حسين في غارة على بلدة كفرنبل.", n(1), nil},
		{"26 مدنيا على الأقل قتلوا إثر ضربات جوية على مدينة الرقة.", n(26), nil},
		{"قتل القائد في آذار 2014 في المعارك في ريف اللاذقية.", nil, nil},
		{"هاجم مسلحون من العشائر مقرا للتنظيم في بلدة الشحيل وقتلهم 11 عنصرا.", n(11), nil},
		{"أسفر القصف على الغوطة الشرقية عن سقوط 4 قتلى في دوما وقتيل في حرستا.", n(5), nil},
		{"أسفرت الاشتباكات في محيط مدينة مورك عن مقتل 9 جنود و 12 مسلحا.", n(21), nil},
		{"أسفر القصف على بلدة كفرنبل عن سقوط 3 قتلى و 7 جرحى.", n(3), n(7)},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, time.Time{})
		if len(evs) != 1 {
			t.Errorf("%s: %d events", tt.text, len(evs))
			continue
		}
		if !sameInt(evs[0].Fatalities, tt.dead) || !sameInt(evs[0].Injured, tt.hurt) {
			t.Errorf("%s\n  dead %s hurt %s, want %s %s", tt.text, show(evs[0].Fatalities), show(evs[0].Injured), show(tt.dead), show(tt.hurt))
		}
	}
}

func sameInt(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func show(p *int) string {
	if p == nil {
		return "null"
	}
	return strings.TrimSpace(strings.Repeat(" ", 0) + itoa(*p))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestActors(t *testing.T) {
	tests := []struct {
		text   string
		actors string
	}{
		{"دارت اشتباكات بين قوات النظام وفصائل المعارضة في مدينة مورك.", "government,opposition"},
		{"سيطر تنظيم الدولة على قرية في محيط مدينة تدمر.", "isis"},
		{"تقدمت قوات سوريا الديمقراطية في محيط مدينة منبج.", "sdf"},
		{"شن الطيران الروسي غارات على مدينة سراقب.", "russia"},
		{"نفذ التحالف الدولي غارات على مدينة الرقة.", "coalition"},
		{"قصف الجيش التركي مواقع في محيط مدينة عفرين.", "turkey"},
		{"اشتباكات بين حزب الله وجبهة النصرة في الزبداني.", "hezbollah,hts"},
		{"تمكن الجيش من السيطرة على بلدة مورك في ريف حماة.", "government"},
		{"قصفت القوات الموالية للنظام بلدة اللطامنة.", "government"},
		{"قصف الجيش الوطني مواقع في محيط مدينة تل رفعت.", "opposition"},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, time.Time{})
		if len(evs) != 1 || strings.Join(evs[0].Actors, ",") != tt.actors {
			var got []string
			for _, e := range evs {
				got = append(got, strings.Join(e.Actors, ","))
			}
			t.Errorf("%s\n  actors %v, want %s", tt.text, got, tt.actors)
		}
	}
}

// TestNonEvents: denials, plans, threats, forecasts, background and
// standing states report no happening.
func TestNonEvents(t *testing.T) {
	for _, text := range []string{
		"نفت المعارضة سيطرة قوات النظام على مدينة قارة.",
		"لم تشن الطائرات أي غارة على مدينة إدلب.",
		"تهدد قوات النظام بشن هجوم على مدينة دوما.",
		"من المتوقع أن تبدأ معركة في ريف حلب الجنوبي.",
		"تسعى القوات إلى السيطرة على مدينة الباب.",
		"حشدت القوات تعزيزات قرب مدينة الباب ليسيطر الجيش عليها.",
		"يسيطر التنظيم على مدينة الرقة منذ عام 2014.",
		"تقع البلدة في مناطق سيطرة النظام بريف حماة.",
		"زيارة مرتقبة لوزير الخارجية إلى موسكو.",
		"وكان التنظيم قد سيطر على مدينة تدمر في أيار الماضي.",
		"حشدت القوات تعزيزات كبيرة للسيطرة على مدينة الباب.",
		"أرسلت الفصائل مقاتلين إلى ريف حلب لطرد التنظيم من بلدة مسكنة.",
		"في حال قررت القوات التركية دخول مدينة منبج فإن المعارك ستتوسع.",
		"قال القائد إن السيطرة على مدينة الرقة ستؤدي إلى انهيار التنظيم.",
		"ارتفعت حصيلة القتلى في مدينة دوما منذ بدء الحملة إلى ألف قتيل.",
		"يعتبر الباحث أن المعارك في ريف إدلب هي الأعنف.",
		"يذكر أن الطائرات قصفت مدينة سراقب مرات عدة.",
		"تنتشر عناصر هيئة تحرير الشام في بلدة سرمدا.",
		"باتت القوات قادرة على السيطرة على 70 في المئة من مدينة دوما.",
		"أعلنت الخارجية إلغاء زيارة الوزير إلى موسكو.",
		"والجدير ذكره أن الطيران الحربي أغار على مدينة دوما لأول مرة.",
		"خلال سنوات النزاع شهدت بلدات قرب مدينة دمشق عمليات إجلاء.",
		"تقع البلدة تحت مرمى مدفعية النظام في ريف حماة.",
		"تعد هذه الحصيلة الأعلى في مدينة دمشق جراء القذائف منذ بدء النزاع.",
		"المعركة الحالية في مدينة سراقب هي الأعنف بين الفصيلين.",
		"دعا الوسطاء إلى الالتزام بوقف دائم لإطلاق النار في مدينة درعا.",
		"وتتهم الحكومة الفصائل بإطلاق النار على المدنيين في مدينة دوما.",
		"كشفت السلطات هوية منفذ الهجوم على الكنيسة في مدينة حلب.",
		// a country before the trigger frames the clause; it is no place of the fighting
		"قدر مسؤول في ألمانيا عدد مواطنيه المنخرطين في القتال بالمئات.",
		"يحذر مراقبون من انفجار الوضع في مدينة إدلب.",
		"اقترح المبعوث أن تقدم الدول دعما للفصائل في مدينة إدلب.",
		"أرسلت القيادة تعزيزات كي تبدأ الهجوم على مدينة الباب.",
		"فريق مدينة حلب خطف الأضواء في المباراة.",
		"تريد الفصائل السيطرة على بلدة خان طومان.",
		"والخطة هي تحرير الضفة الشرقية من مدينة دير الزور.",
		"ومن بنود الاتفاق نقل المقاتلين من بلدة مضايا.",
		"وتأتي هذه المواجهات في مدينة سرمدا بعد خلاف بين الفصيلين.",
		"ارتفعت حصيلة القتلى جراء القصف على مدينة دوما منذ 18 شباط إلى 500.",
		"وتبنى التنظيم الهجوم على الحاجز في مدينة القامشلي.",
		// states since a season or a stretch, totals over long stretches
		"يسيطر التنظيم منذ صيف 2013 على أحياء في مدينة دير الزور.",
		"يركز المقاتلون منذ فترة على استهداف المطارات في ريف حلب.",
		"نفذت الطائرات نحو ألفي غارة خلال أكثر من ألف يوم على مدينة الرقة.",
		"وخلال سنوات الحرب شهدت بلدات ريف دمشق عمليات تهجير واسعة.",
		"تصاعدت الغارات في الأشهر الأخيرة على مدينة الرقة.",
		// a wish governs its clause; a stronghold of control is a state
		"تريد القوات قطع طرق الإمداد عن المعارضة بالسيطرة على مدينة سراقب.",
		"تسعى القوات إلى التقدم نحو آخر معاقل سيطرة التنظيم في مدينة السخنة.",
		// a happening told before, named as a time
		"قال الطبيب الذي كان في المستشفى أثناء القصف إن مدينة دوما تفتقر للدواء.",
		// aircraft named, not striking; a strike avoided; control set against control
		"انسحبت القوات من مطار كويرس تاركة وراءها عددا من الطائرات.",
		// «قتال» as an aim
		"أرسلت الفصائل مقاتلين إلى مدينة الباب لقتال التنظيم.",
		"بدأت فرق الهندسة نزع الألغام في مدينة الرقة.",
		"وتجدر الإشارة إلى أن حي جوبر شهد معارك عنيفة.",
		// munitions stored or seized; a plan; a flight from a shelling's intensity told as its cause
		"عثرت القوات على مستودعات تحتوي على قذائف هاون وصواريخ في مدينة الرقة.",
		"والخطة، هي تحرير الضفة الشرقية من مدينة دير الزور خلال أسبوع.",
		"حشدت الفصائل مقاتليها في ريف إدلب بهدف صد تقدم القوات واستعادة مناطق خسرتها.",
		// a rate, and an advance as the setting
		"تشن الطائرات على مدينة دوما أكثر من 20 غارة كمعدل يومي.",
		"في مدينة دوما، وسط تقدم جديد للقوات.",
		"حاولت العائلة الوصول إلى مدينة الرقة لتجنب الغارات الجوية.",
		"تنتشر قوات المعارضة في ريف درعا مقابل سيطرة قوات النظام على مدينة درعا.",
	} {
		if evs := detect(t, text, time.Time{}); len(evs) != 0 {
			t.Errorf("%s\n  %d events (%s)", text, len(evs), evs[0].SubType)
		}
	}
}

// TestWhoTookControl: the agent of a change of control decides between
// a government's regaining and a non-state actor's taking — not the
// party control was taken from, nor the air force that supported it; a
// clause that names nobody takes the agent named before it.
func TestWhoTookControl(t *testing.T) {
	tests := []struct{ text, subType string }{
		{"تمكنت قوات الجيش السوري مدعومة من الطيران الروسي من استعادة مدينة تدمر من تنظيم داعش.", GovRegains},
		{"استعادت فصائل المعارضة بلدة كفرنبودة من قوات النظام.", NSATakes},
		{"واصلت قوات النظام عملياتها في ريف حماة.\nوتمكنت من السيطرة على بلدة صوران.", GovRegains},
		// the members of a group act as it
		{"قالت مصادر إن عناصر من داعش سيطروا على بلدة مهين بعد انسحاب قوات النظام منها.", NSATakes},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, time.Time{})
		if len(evs) == 0 || evs[len(evs)-1].SubType != tt.subType {
			t.Errorf("%s\n  events %+v, want the last %s", tt.text, evs, tt.subType)
		}
		for _, e := range evs[:max(0, len(evs)-1)] {
			if e.SubType == AirStrike {
				t.Errorf("%s\n  the support of the air force is reported as an air strike", tt.text)
			}
		}
	}
}

// TestAirAndGround: air strikes and shelling told in one clause are two
// events at the same places, the toll on the air strikes; «قصف جوي» is
// one air strike, and a noun of cause does not split a clause.
func TestAirAndGround(t *testing.T) {
	n := func(v int) *int { return &v }
	tests := []struct {
		text  string
		kinds []string
		dead  *int
	}{
		{"تعرضت بلدة كفرنبل لغارات جوية وقذائف الهاون ما أدى إلى مقتل 4 مدنيين.", []string{AirStrike, Shelling}, n(4)},
		{"قتل خمسة مدنيين بقصف جوي على بلدة كفرنبل.", []string{AirStrike}, n(5)},
		{"قصفت قوات النظام بلدة كفرنبل بالصواريخ الفراغية.", []string{AirStrike}, nil},
		{"قتل 20 مدنيا جراء استهداف تنظيم داعش بسيارة مفخخة تجمعا للنازحين الفارين من المعارك قرب بلدة هجين.", []string{IED}, n(20)},
		{"استهدفت قوات النظام قافلة للنازحين قرب بلدة عقيربات , خلفت مجزرة راح ضحيتها 30 مدنيا.", []string{Shelling}, n(30)},
		{"سقط عشرات القتلى في بلدة مسكنة في مجزرة جديدة ارتكبها الطيران المروحي.", []string{AirStrike}, n(20)},
		{"نفذ الطيران الحربي 15 غارة على ريف إدلب، حيث قصف بلدات كنصفرة والبارة.", []string{AirStrike}, nil},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, time.Time{})
		var kinds []string
		for _, e := range evs {
			kinds = append(kinds, e.SubType)
		}
		if strings.Join(kinds, ",") != strings.Join(tt.kinds, ",") || len(evs) > 0 && !sameInt(evs[0].Fatalities, tt.dead) {
			t.Errorf("%s\n  events %v (dead %s), want %v (dead %s)", tt.text, kinds, show(evs[0].Fatalities), tt.kinds, show(tt.dead))
		}
	}
}

// TestRunningTotal: a happening that a running total follows keeps its
// own toll; the total is no event.
func TestRunningTotal(t *testing.T) {
	evs := detect(t, "أسفر القصف على مدينة حرستا عن مقتل خمسة مدنيين، لترتفع بذلك حصيلة القتلى منذ 3 آذار إلى 400.", time.Time{})
	if len(evs) != 1 || evs[0].SubType != Shelling || !sameInt(evs[0].Fatalities, intp(5)) {
		t.Fatalf("events %+v, want shelling with 5 dead", evs)
	}
}

// TestTimeZone: the city a news site names with its clock places no event.
func TestTimeZone(t *testing.T) {
	text := "الساعة 22 : 48 ( مكة المكرمة ) - غارات على بلدة كفرنبل تقتل ثلاثة مدنيين."
	evs := detect(t, text, time.Time{})
	if len(evs) != 1 || evs[0].Governorate() != "Idleb" || evs[0].Places[0].Name == "مكة المكرمة" {
		t.Fatalf("events %+v, want one at Kafr Nabl", evs)
	}
}

// TestOneRunTwoReports: two reports in one run of words share the place
// it ends with, an adjective of a trigger and what a generic attack was
// are no second report, a place phrase is not cut, and a lapse of time
// makes a second event of the same kind at the same place.
func TestOneRunTwoReports(t *testing.T) {
	tests := []struct {
		text  string
		kinds []string
		dead  *int
		where string
	}{
		{"قتل 15 عنصرا في اشتباكات بين الطرفين وتفجيرين انتحاريين في ريف حلب الشمالي.", []string{ArmedClash, SuicideBomb}, intp(15), "Aleppo"},
		{"هجومان نفذهما انتحاريون على مقرين أمنيين في مدينة حمص.", []string{SuicideBomb}, nil, "Homs"},
		{"استهدف المقاتلون مواقع الجيش في محيط قمة التل في بلدة كفرنبل بالرشاشات.", []string{Shelling}, nil, "Idleb"},
		{"سيطرت قوات النظام على تلال شمال كفر حمرة في ريف حلب.", []string{GovRegains}, nil, "Aleppo"},
		{"قصفت الطائرات الحربية بلدة كفرنبل، وبعد ساعات قصفت الطائرات بلدة كفرنبل مجددا.", []string{AirStrike, AirStrike}, nil, "Idleb"},
		{"شنت الطائرات غارات على بلدة ترمانين وترافقت الغارات مع قصف بالصواريخ على بلدة الدانا.", []string{AirStrike, Shelling}, nil, "Idleb"},
		{"اندلعت اشتباكات عنيفة في محيط بلدة مسكنة وسط غارات مكثفة للطيران.", []string{ArmedClash, AirStrike}, nil, "Aleppo"},
		{"سقطت قذائف على بلدة نبل، كذلك دارت اشتباكات في محيط بلدة الزهراء.", []string{Shelling, ArmedClash}, nil, "Aleppo"},
		{"تحت غطاء جوي تركي شمل قصف مواقع التنظيم، دخلت الفصائل بلدة الراعي في ريف حلب.", []string{NSATakes}, nil, "Aleppo"},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, time.Time{})
		var kinds []string
		for _, e := range evs {
			kinds = append(kinds, e.SubType)
			if e.Governorate() != tt.where {
				t.Errorf("%s\n  %s in %q, want %s", tt.text, e.SubType, e.Governorate(), tt.where)
			}
		}
		if strings.Join(kinds, ",") != strings.Join(tt.kinds, ",") || len(evs) > 0 && !sameInt(evs[0].Fatalities, tt.dead) {
			t.Errorf("%s\n  events %v, want %v (dead %s)", tt.text, kinds, tt.kinds, show(tt.dead))
			for _, e := range evs {
				t.Logf("  %s dead %s: %s", e.SubType, show(e.Fatalities), e.Evidence)
			}
		}
	}
}

// TestAlongside: «، تزامنا مع …» tells a second happening, with its own
// toll.
func TestAlongside(t *testing.T) {
	// «وسط استمرار قصف…»: the shelling that goes on is told by its own words.
	if evs := detect(t, "ألقت المروحيات البراميل على بلدة داعل وسط استمرار قصف المدفعية على البلدة.", time.Time{}); len(evs) != 2 ||
		evs[1].SubType != Shelling || !strings.HasPrefix(evs[1].Evidence, "وسط استمرار") {
		t.Errorf("«وسط استمرار قصف»: events %+v, want the shelling cited by its own words", evs)
	}
	// «، وآخر مدفعي»: «and another» goes on with the clause before, whose
	// toll is the air strike's.
	evs := detect(t, "قتل ستة مدنيين أمس بقصف جوي لطائرات النظام، وآخر مدفعي على ريف إدلب الجنوبي.", time.Time{})
	if len(evs) != 2 || evs[0].SubType != AirStrike || !sameInt(evs[0].Fatalities, intp(6)) || evs[1].SubType != Shelling {
		t.Errorf("«وآخر مدفعي»: events %+v, want an air strike with six dead and shelling", evs)
	}
	evs = detect(t, "قتلت امرأة بغارة على بلدة كفرنبل، تزامنا مع قصف بالمدفعية على بلدة حاس دون وقوع إصابات.", time.Time{})
	if len(evs) != 2 || evs[0].SubType != AirStrike || !sameInt(evs[0].Fatalities, intp(1)) || evs[1].SubType != Shelling || !sameInt(evs[1].Fatalities, intp(0)) {
		for _, e := range evs {
			t.Logf("%s dead %s", e.SubType, show(e.Fatalities))
		}
		t.Errorf("want an air strike with one dead and shelling with none")
	}
}

func intp(v int) *int { return &v }

// TestClauseBounds: «بين X، وY» is one clause with its place; a source's
// next report opens a clause even where scraping lost the full stop.
func TestClauseBounds(t *testing.T) {
	tests := []struct {
		text  string
		kinds []string
	}{
		{"دارت اشتباكات بين قوات النظام، والفصائل المسلحة في محيط بلدة عتمان.", []string{ArmedClash}},
		{"انتزع الجيش حقلا نفطيا قرب مدينة الميادين أمس وذكر المرصد أن الطائرات قصفت بلدة هجين.", []string{GovRegains, AirStrike}},
		{"سيطرا على دوار الكورنيش في مدينة داريا.", []string{NSATakes}},
		// a topic opener where scraping lost the full stop
		{"وكان المقاتلون قد انسحبوا من المدينة في وقت سابق من جهة أخرى سيطرت قوات النظام على بلدة مسكنة في ريف حلب.", []string{GovRegains}},
		// «أيضا» with a place of its own: a further happening, not the first told again
		{"سيطرت قوات النظام على حقل نفطي قرب مدينة الميادين، وذكر المرصد أن قوات النظام سيطرت أيضا على طريق يمتد من مدينة الميادين.", []string{GovRegains, GovRegains}},
		{"شنت الطائرات غارات على بلدة كفرنبل، وألقت المروحيات البراميل على البلدة أيضا.", []string{AirStrike}},
		// «من جهته» opens the next report; «، إذ» opens a clause even after a «بين» no و answered
		{"قصفت الطائرات مدينة حلب من جهته قال المرصد إن اشتباكات دارت في مدينة درعا.", []string{AirStrike, ArmedClash}},
		{"تصاعدت المواجهات بين الفصيلين في ريف إدلب، إذ هز انفجار عنيف مدينة حلب.", []string{ArmedClash, IED}},
		// an advance told alongside is no report of its own
		{"قصفت المدفعية مدينة دوما وسط تقدم جديد للقوات في محيطها.", []string{Shelling}},
		// one more told beside the first, its subject between (ترافقت
		// الغارات الجوية مع قصف), or added (بالإضافة إلى); «مماثل» is the
		// kind told before
		{"شنت الطائرات غارات على مدينة درعا، وترافقت الغارات الجوية مع قصف مدفعي على أحيائها.", []string{AirStrike, Shelling}},
		{"شنت الطائرات غارات على بلدة حيان، بالإضافة إلى قصف مماثل على بلدة عندان أسفر عن سقوط قتيلين.", []string{AirStrike, AirStrike}},
		// the day before's happening (غداة), placed where the sentence is, not «في سوريا»
		{"استعاد التنظيم نصف مدينة البوكمال غداة إعلان الجيش السوري السيطرة على المدينة التي تعد الأخيرة في سوريا.", []string{NSATakes, GovRegains}},
		// the air force names who acted
		{"اطلع الوفد على العمليات التي تقوم بها القوات الجوية الروسية في مدينة حلب.", nil},
		{"قصفت القوات الجوية مدينة سراقب.", []string{AirStrike}},
		// a cause, its noun of change between (جراء اقتراب المعارك), is no second report
		{"نزح غالبية المدنيين من القرى الواقعة غربي بلدة الصور جراء اقتراب المعارك العنيفة بين التنظيم والقوات من المنطقة.", []string{Displacement}},
		{"أطلقت الفصائل معركة جديدة في ريف إدلب بهدف صد تقدم القوات واستعادة مناطق خسرتها.", []string{ArmedClash}},
		// the numbered items of a list whose line breaks were lost
		{"أهم الأحداث 1 - قصفت الطائرات مدينة سراقب 2 - مسلح يقتل شخصين في مدينة حلب", []string{AirStrike, Attack}},
		// the fight for a place taken, told in the same sentence, is that taking
		{"سيطر المقاتلون على عدة مبان في بلدة مورك وقتلوا عددا من الجنود ودمروا دبابة.", []string{NSATakes}},
		// what the battles forced people to do is what is reported
		{"أجبرت المعارك آلاف المدنيين على النزوح من بلدة كفرنبل.", []string{Displacement}},
	}
	for _, tt := range tests {
		var kinds []string
		for _, e := range detect(t, tt.text, time.Time{}) {
			kinds = append(kinds, e.SubType)
		}
		if strings.Join(kinds, ",") != strings.Join(tt.kinds, ",") {
			t.Errorf("%s\n  events %v, want %v", tt.text, kinds, tt.kinds)
		}
	}
}

// TestRestatements: a later sentence about the same kind of happening at
// the same place is no new event; the event cites it.
func TestRestatements(t *testing.T) {
	text := "قصفت الطائرات الحربية مدينة سراقب صباح اليوم. وأفاد ناشطون بأن غارات جوية استهدفت مدينة سراقب."
	evs := detect(t, text, time.Time{})
	if len(evs) != 1 || len(evs[0].Also) != 1 || !strings.HasPrefix(evs[0].Also[0].Evidence, "وأفاد ناشطون") {
		t.Fatalf("events %+v, want one citing the second sentence", evs)
	}
	if s := evs[0].Also[0]; string([]rune(text)[s.Start:s.End]) != s.Evidence {
		t.Errorf("the span [%d,%d) is not its evidence %q", s.Start, s.End, s.Evidence)
	}
}

// TestWhatItLedTo: a definite trigger noun after a result verb or a
// demonstrative tells more of the happening just told, whatever word it
// uses for it; its toll is that happening's.
func TestWhatItLedTo(t *testing.T) {
	for _, text := range []string{
		"شنت الطائرات الحربية غارات على مدينة سراقب. وأدى القصف إلى مقتل ثلاثة مدنيين.",
		"ألقت المروحيات براميل متفجرة على مدينة سراقب، كما تسبب القصف في مقتل ثلاثة مدنيين.",
		"شنت الطائرات الحربية غارات على مدينة سراقب. وقد أسفرت هذه الغارات عن مقتل ثلاثة مدنيين.",
		"شنت الطائرات الحربية غارات على مدينة سراقب. وأضاف أن الغارات أسفرت عن مقتل ثلاثة مدنيين.",
		// the happening named again by its noun, hitting a place of the same governorate
		"شنت الطائرات الحربية غارات على مدينة سراقب، وقتل ثلاثة مدنيين. وقال ناشطون إن القصف استهدف مستشفى في مدينة إدلب.",
	} {
		evs := detect(t, text, time.Time{})
		if len(evs) != 1 || evs[0].SubType != AirStrike || !sameInt(evs[0].Fatalities, intp(3)) || len(evs[0].Also) != 1 {
			t.Errorf("%s\n  events %+v, want one air strike with three dead citing the second clause", text, evs)
		}
	}
}

// TestTollWordsPlaceNothing: a word of a toll or a report that is also a
// village's name (شهداء، زيارة) is not where the clause puts anything.
func TestTollWordsPlaceNothing(t *testing.T) {
	d := New()
	// Asked of words never seen, which are folded, and of the words of
	// a text, whose lexemes say.
	fresh, seen := d.takeScratch(), d.takeScratch()
	d.words(seen, "شهداء زيارة قتلى كفرنبل")
	for _, sc := range []*scratch{fresh, seen} {
		for _, w := range []string{"شهداء", "زيارة", "قتلى"} {
			if !d.reportWord(sc, extract.Mention{Surface: w}) {
				t.Errorf("%s: not a report's word", w)
			}
		}
		if d.reportWord(sc, extract.Mention{Surface: "كفرنبل"}) {
			t.Errorf("كفرنبل: a report's word")
		}
	}
}

// TestReferencePoints: a place named as a point to measure from, or that
// the clause relates to through ل, «مع» or «إلى», or that a relative
// clause names in describing the first place, yields to the place the
// event happened at; «في شرق دمشق» is a part of the city.
func TestReferencePoints(t *testing.T) {
	tests := []struct{ text, where string }{
		{"شنت الطائرات الحربية غارات على بلدات الغوطة شرق العاصمة دمشق.", "Rural Damascus"},
		{"دارت اشتباكات في منطقة القلمون بالقرب من مدينة حمص.", "Rural Damascus"},
		{"قتل طفل في شرق دمشق جراء قصف بقذائف الهاون.", "Damascus"},
		{"سيطر الجيش على منطقة وادي بردى، خزان المياه المغذي لدمشق.", "Rural Damascus"},
		{"نزح آلاف المدنيين من ريف حماة الشمالي إلى مدينة إدلب.", "Hama"},
		{"استهدفت الطائرات مواقع في ريف دير الزور قرب الحدود مع العراق.", "Deir-ez-Zor"},
		{"سيطرت القوات على قرى في جبل الزاوية الذي يطل على مدينة حماة.", "Idleb"},
		// a round-up's heading, a place with its countryside, frames the report
		{"في دمشق وريفها، سقطت قذائف هاون على مدينة دوما.", "Rural Damascus"},
		// where the doers or the reporters are posted
		{"قصفت قوات النظام المتمركزة في مدينة مورك بلدة كفرنبل بالمدفعية.", "Idleb"},
		{"أفاد مراسلنا في مدينة حمص بسقوط قذائف على مدينة الرستن.", "Homs"},
		{"أفاد مراسلنا في دمشق بسقوط قذائف على مدينة دوما.", "Rural Damascus"},
		{"قصفت الطائرات قرى ريف إدلب الجنوبي التي ينتشر فيها مقاتلون قدموا من مدينة حماة.", "Idleb"},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, time.Time{})
		if len(evs) == 0 || evs[0].Governorate() != tt.where {
			t.Errorf("%s\n  events %+v, want one in %s", tt.text, evs, tt.where)
		}
	}
}

// TestFirstPlaceSaysWhere: the first place named gives the event its
// governorate; a finer place of the same governorate gives its point.
func TestFirstPlaceSaysWhere(t *testing.T) {
	tests := []struct{ text, where, place string }{
		{"دارت اشتباكات عنيفة في سهل الغاب بريف حماة وفي ريف جسر الشغور.", "Hama", ""},
		{"شنت الطائرات غارات على ريف إدلب الجنوبي استهدفت بلدة كفرنبل.", "Idleb", "كفرنبل"},
		{"سقطت قذائف على ريف حلب الشمالي وعلى مدينة إدلب.", "Aleppo", ""},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, time.Time{})
		if len(evs) != 1 || evs[0].Governorate() != tt.where || tt.place != "" && evs[0].Places[0].Surface != tt.place {
			t.Errorf("%s\n  events %+v, want one in %s at %q", tt.text, evs, tt.where, tt.place)
		}
	}
}

// TestTimelineItems: a happening dated to a past month is an event; a
// state since a month is not.
func TestTimelineItems(t *testing.T) {
	if evs := detect(t, "في العاشر من شباط الماضي قصفت الطائرات مدينة سراقب.", time.Time{}); len(evs) != 1 {
		t.Errorf("a dated happening: %d events, want 1", len(evs))
	}
	if evs := detect(t, "يسيطر التنظيم على مدينة الرقة منذ أيلول.", time.Time{}); len(evs) != 0 {
		t.Errorf("a state since a month: %d events, want 0", len(evs))
	}
}

// TestNotAnAim: «إضافة لـ» before a control word adds a happening; it is
// no aim. «ردا على» takes back the happening it answers, not the answer.
func TestNotAnAim(t *testing.T) {
	evs := detect(t, "سيطرت الفصائل على كراج البولمان في دمشق، إضافة للسيطرة على حي جوبر.", time.Time{})
	if len(evs) == 0 || typeOf[evs[0].SubType] != "Battles" {
		t.Errorf("events %+v, want a change of control", evs)
	}
	evs = detect(t, "قصف مقاتلو المعارضة بلدة نبل ردا على قصف قوات النظام بلدة عندان.", time.Time{})
	if len(evs) != 1 || evs[0].SubType != Shelling || evs[0].Places[0].Surface != "نبل" {
		t.Errorf("events %+v, want the shelling of نبل alone", evs)
	}
}

func TestDates(t *testing.T) {
	base := time.Date(2015, 10, 14, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := map[string]string{
		"قصف على مدينة سراقب أمس.":         "2015-10-13",
		"قصف على مدينة سراقب اليوم.":       "2015-10-14",
		"قصف على مدينة سراقب يوم الاثنين.": "2015-10-12",
		"قصف على مدينة سراقب.":             "2015-10-14",
	}
	for text, want := range tests {
		evs := detect(t, text, base)
		if len(evs) != 1 || evs[0].Date == nil || evs[0].Date.Format("2006-01-02") != want {
			t.Errorf("%s: %v, want %s", text, evs, want)
		}
	}
	if evs := detect(t, "قصف على مدينة سراقب أمس.", time.Time{}); len(evs) != 1 || evs[0].Date != nil {
		t.Error("an undated article gave a date")
	}
}

// TestStatedDates: a date the clause states wins over the article's, with
// the precision the text gives; the items of a timeline without a date of
// their own get none.
func TestStatedDates(t *testing.T) {
	base := time.Date(2018, 1, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, date, prec string }{
		{"في 22 كانون الأول / ديسمبر 2016 قصفت الطائرات مدينة سراقب.", "2016-12-22", "day"},
		{"في 5 تشرين الثاني قصفت الطائرات مدينة سراقب.", "2017-11-05", "day"},
		{"في شباط الماضي قصفت الطائرات مدينة سراقب.", "2017-02-01", "month"},
		{"في العام 2014 قصفت الطائرات مدينة سراقب.", "2014-01-01", "year"},
		{"قصفت الطائرات مدينة سراقب وقتل أب وابنه.", "2018-01-10", "day"},
	}
	for _, tt := range tests {
		evs := detect(t, tt.text, base)
		if len(evs) != 1 || evs[0].Date == nil || evs[0].Date.Format("2006-01-02") != tt.date || evs[0].DatePrecision != tt.prec {
			for _, e := range evs {
				t.Logf("%v %s", e.Date, e.DatePrecision)
			}
			t.Errorf("%s: want %s (%s)", tt.text, tt.date, tt.prec)
		}
	}
	timeline := "في 3 آذار 2017 قصفت الطائرات مدينة سراقب.\nفي 9 نيسان 2017 سيطر التنظيم على مدينة تدمر.\nوقصفت الطائرات مدينة دوما."
	evs := detect(t, timeline, base)
	if len(evs) != 3 || evs[0].Date == nil || evs[1].Date == nil || evs[2].Date != nil || evs[2].DatePrecision != "" {
		t.Errorf("a timeline: %+v", evs)
	}
}

// TestClausesAndIDs: two events in one sentence are two; ids are stable.
func TestClausesAndIDs(t *testing.T) {
	text := "شن الطيران غارات على مدينة سراقب، ودارت اشتباكات في محيط مدينة مورك."
	a, b := detect(t, text, time.Time{}), detect(t, text, time.Time{})
	if len(a) != 2 || a[0].SubType != AirStrike || a[1].SubType != ArmedClash {
		t.Fatalf("events %+v", a)
	}
	if a[0].Governorate() != "Idleb" || a[1].Governorate() != "Hama" {
		t.Errorf("places %s %s", a[0].Governorate(), a[1].Governorate())
	}
	if a[0].ID != b[0].ID || a[0].ID == a[1].ID || !strings.HasPrefix(a[0].ID, "ev-") {
		t.Errorf("ids %s %s %s", a[0].ID, b[0].ID, a[1].ID)
	}
}

// foldRunes must fold exactly as arabic.Fold does: the detector's words
// are looked up in lists folded by it.
func TestFoldRunesIsFold(t *testing.T) {
	for _, s := range []string{"", "  ", "قَصْفٌ", "ﻻﺫﻗﻴﺔ", "وَ\u00a0 ال\tحلب ", "«كما»", "ـ ـ", "a\u200fb", "١٢ قتيلا"} {
		if got, want := string(foldRunes(nil, []rune(s))), arabic.Fold(s); got != want {
			t.Errorf("foldRunes(%q) = %q, arabic.Fold = %q", s, got, want)
		}
		if got, want := string(foldString(nil, s)), arabic.Fold(s); got != want {
			t.Errorf("foldString(%q) = %q, arabic.Fold = %q", s, got, want)
		}
	}
}

// mayOpenClause rules out only words that cannot open a clause: never
// the first letter of a midClause word, a topic opener or و, however it
// is written.
func TestMayOpenClause(t *testing.T) {
	must := []rune{'و', 'ﻛ', 'ﻓ', 'ﺑ', 'ﺗ', 'ﻭ', 'َ', 'ـ', ' '}
	for w := range midClause {
		must = append(must, []rune(w)[0])
	}
	for _, w := range topicOpeners {
		must = append(must, []rune(w)[0])
	}
	for _, r := range must {
		if !mayOpenClause(r) {
			t.Errorf("mayOpenClause(%q) = false, but a word starting with it may open a clause", r)
		}
	}
	for _, r := range []rune{'ع', 'ح', 'ق', 'ا', 'أ', 'ن', '5', 'x'} {
		if mayOpenClause(r) {
			t.Errorf("mayOpenClause(%q) = true: no clause-opening word starts with it", r)
		}
	}
}

// TestTaxonomyCoversTriggers: every sub-type a trigger word reports has a
// rank, and every sub-type the detector reports a type and a label.
func TestTaxonomyCoversTriggers(t *testing.T) {
	for w, st := range triggers {
		if _, ok := rank[st]; !ok {
			t.Errorf("%s: sub-type %q has no rank", w, st)
		}
	}
	for _, p := range phraseTriggers {
		if _, ok := rank[p.subType]; !ok {
			t.Errorf("%v: sub-type %q has no rank", p.second, p.subType)
		}
	}
	types := map[string]bool{}
	for _, ti := range Types() {
		types[ti.Name] = ti.Label != "" && ti.Key != ""
	}
	for _, s := range SubTypes() {
		if !types[s.Type] || s.Label == "" {
			t.Errorf("%s: type %q unknown or unlabelled, or no label", s.Name, s.Type)
		}
	}
}

// TestLetterAt holds the detector's inline letter test to arabic.IsLetter
// and to decoding as ranging over a string does, for every code point
// below U+3000 and the bytes no valid text has.
func TestLetterAt(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		s := string(r) + "x"
		if size, letter := letterAt(s, 0); size != utf8.RuneLen(r) || letter != arabic.IsLetter(r) {
			t.Errorf("U+%04X: letterAt %d, %v; want %d, %v", r, size, letter, utf8.RuneLen(r), arabic.IsLetter(r))
		}
	}
	for _, s := range []string{"\xc0\xaf", "\xc1\xbf", "\xd8", "\xd8 ", "\xd8\xd8", "\xe0\x80\x80", "\xff"} {
		if size, letter := letterAt(s, 0); size != 1 || letter {
			t.Errorf("%q: letterAt %d, %v; want 1, false", s, size, letter)
		}
	}
}
