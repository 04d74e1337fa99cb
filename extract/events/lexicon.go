package events

// Trigger words, as the news writes them (folded when the detector is
// built). Each says which sub-type a clause reports; when a clause has
// several, the most specific wins (rank order below).

// Sub-types, ACLED's names plus our two (Strategic developments/Other is
// ACLED's too).
const (
	ArmedClash   = "Armed clash"
	GovRegains   = "Government regains territory"
	NSATakes     = "Non-state actor overtakes territory"
	AirStrike    = "Air/drone strike"
	Shelling     = "Shelling/artillery/missile attack"
	IED          = "Remote explosive/landmine/IED"
	SuicideBomb  = "Suicide bomb"
	Attack       = "Attack"
	Abduction    = "Abduction/forced disappearance"
	Agreement    = "Agreement"
	Transfer     = "Non-violent transfer of territory"
	Displacement = "Displacement"
	Meeting      = "Meeting or visit"
	Negotiations = "Negotiations"
	Protest      = "Peaceful protest"
	// Otherwise is Strategic developments' catch-all: arrests, raids,
	// sieges laid, aircraft downed.
	Otherwise = "Other"
)

// triggers maps words (and two-word phrases) to the sub-type they report.
// "territory" is resolved by the actors: a government actor regains, any
// other overtakes.
// A change of control outranks the strikes that came with it («سيطرت
// على القرية بعد معارك تخللها غارات»); an advance does not.
const (
	territory = "territory"
	advance   = "advance"
)

var triggers = map[string]string{
	// air
	"غارة": AirStrike, "غارات": AirStrike, "الغارات": AirStrike, "الغارة": AirStrike, "غاراته": AirStrike,
	"غارتين": AirStrike, "غارتان": AirStrike, "الغارتين": AirStrike, "ضربة": AirStrike, "ضربتين": AirStrike, "برميلين": AirStrike,
	"براميل": AirStrike, "البراميل": AirStrike, "برميل": AirStrike, "برميلا": AirStrike, "براميلها": AirStrike,
	"الطيران": AirStrike, "طيران": AirStrike, "طائرات": AirStrike, "الطائرات": AirStrike, "طائرة": AirStrike,
	"المروحيات": AirStrike, "مروحيات": AirStrike, "المقاتلات": AirStrike, "مقاتلات": AirStrike,
	"جوية": AirStrike, "الجوية": AirStrike, "جوي": AirStrike, "الجوي": AirStrike, "ضربات": AirStrike, "الضربات": AirStrike,
	// shelling
	"قصف": Shelling, "القصف": Shelling, "قصفت": Shelling, "قصفا": Shelling, "يقصف": Shelling, "تقصف": Shelling,
	"قصفها": Shelling, "قصفه": Shelling, "قصفهم": Shelling, "قصفهما": Shelling,
	"قذائف": Shelling, "قذيفة": Shelling, "القذائف": Shelling, "هاون": Shelling, "الهاون": Shelling,
	"قذيفتين": Shelling, "قذيفتان": Shelling, "صاروخين": Shelling, "صاروخان": Shelling,
	"بالرشاشات": Shelling, "رشاشاتها": Shelling,
	"راجمات": Shelling, "راجمة": Shelling, "صواريخ": Shelling, "الصواريخ": Shelling, "صاروخ": Shelling,
	// chemical attacks in this war fell from the air
	"الكيماوي": AirStrike, "كيماوي": AirStrike, "الكيميائي": AirStrike, "كيميائي": AirStrike, "بالكيماوي": AirStrike,
	"صاروخي": Shelling, "صاروخية": Shelling, "الفراغية": AirStrike, "فراغية": AirStrike, "فراغي": AirStrike, "مدفعي": Shelling, "المدفعية": Shelling, "مدفعية": Shelling,
	"استهدف": Shelling, "استهدفت": Shelling, "استهداف": Shelling, "استهدفوا": Shelling, "استهدافها": Shelling,
	// explosions
	"انفجار": IED, "تفجير": IED, "انفجرت": IED, "انفجر": IED, "عبوة": IED, "ناسفة": IED, "مفخخة": IED,
	"مفخخ": IED, "لغم": IED, "ألغام": IED, "الألغام": IED, "قنبلة": IED, "تفجيرات": IED, "بمفخخة": IED,
	"مفخختين": IED, "تفجيرين": IED, "انفجارين": IED, "تفجيران": IED, "انفجاران": IED, "مفخخات": IED, "فجروا": IED, "فجرت": IED, "ناسفتين": IED, "ملغمة": IED, "ملغم": IED,
	"انتحاري": SuicideBomb, "انتحارية": SuicideBomb, "انتحاريان": SuicideBomb, "ناسف": SuicideBomb,
	"انتحاريين": SuicideBomb, "انتحاريون": SuicideBomb, "الانتحاري": SuicideBomb,
	// battles
	"اشتباكات": ArmedClash, "الاشتباكات": ArmedClash, "اشتباك": ArmedClash, "معارك": ArmedClash,
	"المعارك": ArmedClash, "مواجهات": ArmedClash, "اشتبك": ArmedClash, "اشتبكت": ArmedClash,
	"هجوم": ArmedClash, "هجوما": ArmedClash, "الهجوم": ArmedClash, "تصدى": ArmedClash, "تصدت": ArmedClash,
	"معركة": ArmedClash, "اقتحام": ArmedClash, "اقتحمت": ArmedClash, "كمين": ArmedClash,
	"المواجهات": ArmedClash, "القتال": ArmedClash, "قاتلت": ArmedClash, "تتقاتل": ArmedClash,
	"تتقاتلان": ArmedClash, "يتقاتلون": ArmedClash, "اقتتال": ArmedClash, "الاقتتال": ArmedClash,
	"هجومين": ArmedClash, "هجومان": ArmedClash,
	"التصدي": ArmedClash, "صد": ArmedClash, "صدوا": ArmedClash, "تصدوا": ArmedClash, "هاجم": ArmedClash, "هاجمت": ArmedClash,
	"سيطرة": territory, "سيطرت": territory, "سيطر": territory, "سيطرتها": territory, "السيطرة": territory,
	"سيطروا": territory, "سيطرتهم": territory, "سيطرته": territory, "سيطرا": territory, "انتزع": territory, "انتزعت": territory, "استعادا": territory, "تقدم": advance, "تقدما": advance, "تقدمت": advance, "استعاد": territory,
	"استعادت": territory, "استعادة": territory, "استولت": territory, "استولى": territory, "حرر": territory,
	"حررت": territory, "تحرير": territory, "حرروا": territory, "دخلت": advance, "دخل": advance, "دخول": advance,
	// civilians
	"أعدم": Attack, "اعدام": Attack, "إعدام": Attack, "أعدمت": Attack, "مجزرة": Attack, "قنص": Attack, "قناص": Attack,
	"إعدامات": Attack, "اعدامات": Attack, "أعدموا": Attack, "دهس": Attack, "طعن": Attack, "يطعن": Attack,
	"اعتداء": Attack, "باعتداء": Attack, "يعدم": Attack, "تعدم": Attack,
	"اغتيال": Attack, "اغتال": Attack, "اغتالت": Attack, "اغتالوا": Attack, "يغتال": Attack,
	"اختطاف": Abduction, "خطف": Abduction, "اختطفت": Abduction, "اختطف": Abduction, "اختطفوا": Abduction, "خطفت": Abduction, "اعتقال": Abduction, "اعتقلت": Abduction,
	// strategic
	"نزوح": Displacement, "نزح": Displacement, "نزحت": Displacement, "فرار": Displacement,
	"تهجير": Displacement, "النزوح": Displacement, "نازح": Displacement, "نازحين": Displacement,
	"طرد": Displacement, "بطرد": Displacement, "هجرت": Displacement,
	"إجلاء": Displacement, "اجلاء": Displacement, "الإجلاء": Displacement, "فر": Displacement, "فروا": Displacement,
	"داهم": Otherwise, "داهمت": Otherwise, "داهموا": Otherwise, "مداهمة": Otherwise, "مداهمات": Otherwise,
	"اتفاق": Agreement, "الاتفاق": Agreement, "هدنة": Agreement, "الهدنة": Agreement, "مصالحة": Agreement,
	"تسوية": Agreement, "انسحاب": Transfer, "تسليم": Transfer,
	// political
	"اجتماع": Meeting, "الاجتماع": Meeting, "اجتماعات": Meeting, "لقاءات": Meeting,
	"مؤتمر": Meeting, "المؤتمر": Meeting, "مؤتمرا": Meeting, "اجتمع": Meeting, "اجتمعت": Meeting, "اجتمعوا": Meeting, "لقاء": Meeting, "زيارة": Meeting, "التقى": Meeting,
	"زار": Meeting, "استقبل": Meeting, "التقت": Meeting, "التقوا": Meeting, "تحادث": Meeting, "قمة": Meeting, "يزور": Meeting, "زارت": Meeting, "تزور": Meeting,
	"مفاوضات": Negotiations, "المفاوضات": Negotiations, "مباحثات": Negotiations, "محادثات": Negotiations,
	// protests
	"مظاهرة": Protest, "مظاهرات": Protest, "تظاهرة": Protest, "تظاهرات": Protest, "احتجاج": Protest,
	"احتجاجات": Protest, "اعتصام": Protest, "تظاهر": Protest,
	"اعتصم": Protest, "اعتصموا": Protest, "تظاهروا": Protest, "احتجاجا": Protest, "احتج": Protest, "احتجوا": Protest,
}

// phraseTriggers are reports told in two words whose second alone says
// nothing (إطلاق نار، احتجاز رهائن): the second word with any of the
// first words before it.
var phraseTriggers = []struct {
	first, second []string
	subType       string
}{
	{[]string{"إطلاق", "اطلاق", "أطلق", "أطلقت", "أطلقوا", "فتح", "فتحت", "فتحوا", "إطلاقه"}, []string{"نار", "النار"}, Attack},
	{[]string{"احتجاز", "احتجز", "احتجزت", "أخذ", "اخذ", "احتجزوا"}, []string{"رهائن", "الرهائن", "رهينة", "رهينتين"}, Abduction},
	// fighters or families leaving under a deal (خروج الدفعة الأولى من مسلحي الحي)
	{[]string{"خروج", "بخروج", "خرج", "خرجت", "يخرج", "تخرج"},
		[]string{"الدفعة", "دفعة", "المسلحين", "مسلحي", "المسلحون", "المقاتلين", "مقاتلي", "المقاتلون", "المحاصرين", "العائلات", "عائلات"}, Displacement},
	// a gunman who kills («مسلح يقتل», «قتل مسلحون مجهولون»)
	{[]string{"مسلح", "مسلحون", "مجهول", "مجهولون"}, []string{"يقتل", "قتل", "يقتلون", "قتلوا", "تقتل"}, Attack},
	{[]string{"قتل", "يقتل", "قتلت"}, []string{"مسلحون", "مجهولون"}, Attack},
	// armour destroyed or disabled is a fight (تدمير دبابتين، إعطاب آلية)
	{[]string{"تدمير", "دمر", "دمرت", "دمروا", "إعطاب", "اعطاب", "أعطب", "أعطبت", "اعطب", "اعطبت"},
		[]string{"دبابة", "دبابتين", "دبابات", "آلية", "آليتين", "آليات", "عربة", "عربتين", "مدرعة", "مدرعات", "مدرعتين"}, ArmedClash},
	// fighting that raged (دار قتال في إدلب): «قتال» alone is often an aim (لقتال التنظيم)
	{[]string{"دار", "دارت", "يدور", "تدور", "اندلع", "اندلعت", "احتدم", "احتدمت", "استمر", "استمرت"}, []string{"قتال"}, ArmedClash},
	// ground cut off (عزل الجيش مدينة دوما عن سائر الغوطة)
	{[]string{"عزل", "عزلت", "عزلوا"}, []string{"عن"}, territory},
	// a military operation launched (أطلقت الفصائل عملية عسكرية)
	{[]string{"عملية"}, []string{"عسكرية"}, ArmedClash},
	// fighters taken prisoner in a fight (أوقعت الفصائل عناصر في الأسر)
	{[]string{"أوقع", "أوقعت", "أوقعوا", "اوقع", "اوقعت", "وقع", "وقعوا"}, []string{"الأسر", "الاسر"}, ArmedClash},
	// an arrest, a siege laid or broken, an aircraft brought down
	{[]string{"ألقى", "ألقت", "ألقوا", "القى", "القت", "إلقاء", "القاء", "يلقي", "تلقي"}, []string{"القبض"}, Otherwise},
	{[]string{"فرض", "فرضت", "فرضوا", "يفرض", "تفرض", "أطبق", "أطبقت"}, []string{"حصارا", "الحصار", "حصار"}, Otherwise},
	{[]string{"فك", "فكت", "كسر", "كسرت", "فكه", "كسروا", "فكوا"}, []string{"الحصار", "حصار", "حصارا"}, territory},
	{[]string{"أسقط", "أسقطت", "يسقط", "تسقط", "إسقاط", "اسقاط", "أسقطوا", "يسقطون"},
		[]string{"طائرة", "طائرتي", "طائرتين", "طائرات", "مروحية", "مروحيتين", "مقاتلة", "درون", "مسيرة", "مسيرتين"}, Otherwise},
}

// lapses after «بعد» at the head of a clause put it at a later time
// than the clause before (وبعد يومين، بعد ساعات).
var lapses = []string{
	"يوم", "يومين", "أيام", "ايام", "ساعة", "ساعتين", "ساعات", "أسبوع", "اسبوع", "أسبوعين", "اسبوعين",
	"أسابيع", "اسابيع", "شهر", "شهرين", "أشهر", "اشهر", "دقائق", "لحظات", "قليل",
}

// doerNouns before a trigger name who did a happening told elsewhere
// (منفذ الهجوم، منفذي التفجير): no new report.
var doerNouns = []string{"منفذ", "منفذي", "منفذو", "المنفذ"}

// memberNouns before «من» and an actor name its members, who act as it
// (عناصر من داعش سيطروا): «من» is partitive there, not «by» or «from».
var memberNouns = []string{
	"عناصر", "مقاتلون", "مقاتلين", "مسلحون", "مسلحين", "أفراد", "افراد", "مجموعة", "مجموعات", "وحدات", "قوات", "فصائل", "عدد",
}

// genericAttacks name an attack without saying how; a later trigger in
// the same run of words says how (هجوم نفذه انتحاريون، هجوم صاروخي).
var genericAttacks = []string{"هجوم", "هجوما", "الهجوم", "هجومين", "هجومان", "اعتداء"}

// ceasefireWords before a phrase trigger make it the name of a truce
// (وقف إطلاق النار), not a shooting.
var ceasefireWords = []string{"وقف", "لوقف", "بوقف", "ووقف", "خرق", "خروقات", "انتهاك"}

// artilleryWords name ground fire: beside air strikes in one clause they
// are a second event (قصف مدفعي، قذائف الهاون، راجمات الصواريخ).
var artilleryWords = []string{
	"قذائف", "القذائف", "قذيفة", "هاون", "الهاون", "مدفعي", "المدفعي", "مدفعية", "المدفعية", "مدفعيا",
	"راجمات", "راجمة", "مدافع", "المدافع", "المدفعيه",
}

// percentWords after a control word make it a share held (السيطرة على
// 80 في المئة منها), a state.
var percentWords = []string{"المئة", "المائة", "بالمئة", "بالمائة"}

// referenceWords before a place make it a point the event is measured
// from (شرق دمشق، قرب مدينة حلب), not where it happened, when the clause
// names another.
var referenceWords = []string{
	"شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "قرب", "بالقرب", "مقربة", "بمقربة",
}

// postWords name where the doers or the reporters are, not where it
// happened: «قصفت القوات المتمركزة في بلدة X …», «مراسلنا في X».
var postWords = []string{
	"المتمركزة", "المتمركز", "المتمركزين", "المتمركزون", "متمركزة", "المرابطة", "المرابطين",
	"المتواجدة", "المتواجدين", "المنتشرة", "المنتشرين", "مراسل", "مراسلنا", "مراسلة", "مراسلها", "مراسله",
}

// asideWords before a place relate the clause to it without putting the
// happening there (الحدودية مع العراق، نزحوا إلى إدلب، بعيدا عن حلب).
var asideWords = []string{"مع", "إلى", "الى", "نحو", "باتجاه", "عن", "حتى"}

// alongsideWords before «مع» and a trigger tell a second happening
// alongside the first (ترافقت الغارات مع قصف صاروخي).
var alongsideWords = []string{"ترافق", "ترافقت", "ترافقا", "تزامن", "تزامنت", "تزامنا", "بالتزامن", "متزامنا", "متزامنة", "ترافقا"}

// goingOn between «وسط» and a report tell it goes on (وسط استمرار القصف،
// وسط تواصل الغارات).
var goingOn = []string{"استمرار", "تواصل", "مواصلة", "تجدد", "تصاعد", "اشتداد"}

// relativePronouns open a description of what was named before them.
var relativePronouns = []string{"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"}

// copulas after a definite trigger noun make it the subject of a
// description (المعركة الحالية هي الأعنف، الاشتباكات تعد الأوسع).
var copulas = []string{"هي", "هو", "تعد", "يعد", "تعتبر", "يعتبر"}

// consequenceWords name what another happening did; they split no
// clause (قصف … خلف مجزرة).
var consequenceWords = []string{"مجزرة", "مجزره", "المجزرة", "مجازر"}

// forcingVerbs make a later «على + trigger» what the clause reports,
// the first trigger only its cause: «أجبرت المعارك الأهالي على النزوح».
var forcingVerbs = []string{"أجبر", "أجبرت", "اجبر", "اجبرت", "أرغم", "أرغمت", "اضطر", "اضطرت", "أجبروا", "اضطروا"}

// causeWords before a second trigger of a clause tie it to the first as
// its cause or its result (قتل مدنيون جراء القصف، فروا من المعارك،
// استهدفت القافلة، خلفت مجزرة): no new clause begins there.
var causeWords = []string{
	"من", "جراء", "إثر", "بسبب", "نتيجة", "خلال", "هربا",
	"خلفت", "خلف", "مخلفة", "أسفر", "أسفرت", "أدى", "أدت", "موقعا", "أوقع", "أوقعت", "في",
	// and the words of a place phrase: «في محيط قمة النبي يونس» goes on
	"محيط", "قرب", "عند", "باتجاه", "نحو", "أطراف", "اطراف", "داخل",
}

// becauseOf, two words before a later trigger, make it a cause with its
// noun of change between (جراء اقتراب المعارك، بسبب اشتداد القصف).
var becauseOf = []string{"جراء", "إثر", "اثر", "بسبب", "نتيجة", "شدة"}

// nonEvents mark a clause that reports no happening: negation, plans,
// threats, forecasts, conditions.
var nonEvents = []string{
	"لم", "لن", "لا", "نفى", "نفت", "ينفي", "تنفي", "سوف", "سيتم", "ستتم", "يعتزم", "تعتزم",
	"يخطط", "تخطط", "هدد", "هددت", "يهدد", "تهدد", "تهديد", "ربما", "المتوقع", "متوقع", "مرتقب",
	"مرتقبة", "المرتقب", "المرتقبة", "محتمل", "احتمال", "إذا", "اذا", "لو", "يجب", "ينبغي",
	"سترد", "سيرد", "ستشن", "سيشن", "ستبدأ", "سيبدأ", "تستعد", "يستعد", "تحذير", "حذر", "حذرت",
	"يمكن", "يمكنه", "ممكن", "إمكانية", "امكانية", "بهدف", "تهدف", "يهدف", "لإجراء", "لاجراء",
	// in range of fire is no fire (تحت مرمى المدفعية)
	"مرمى",
	// a happening called off or put off
	"إلغاء", "الغاء", "تأجيل", "تاجيل", "أرجأ", "أرجأت", "إرجاء",
	"أجل", "شرط", "كشرط", "بالمئة", "بالمائة", "المئة", "يحاول", "تحاول", "محاولة", "يسعى", "تسعى",
	// the future, told with سـ
	"ستقوم", "سيقوم", "ستكون", "سيكون", "ستؤدي", "سيؤدي", "سيؤثر", "ستؤثر", "ستعقد", "سيعقد",
	"ستجري", "سيجري", "ستستمر", "سيستمر", "ستعمل", "سيعمل", "ستنطلق", "سينطلق",
	// conditions, expectations and answers to an earlier happening
	"حال", "يفترض", "المفترض", "يتوقع", "تتوقع", "ردا", "رداً",
	// aims, wishes, plans and priorities; what was avoided
	"كي", "لكي", "تجنب", "لتجنب", "تفادي", "لتفادي",
	"تريد", "يريد", "يريدون", "رغبة", "يرغب", "ترغب", "خطة", "الخطة", "الأولوية", "أولوية",
	// the terms of an agreement, and what a report comes amid (تأتي هذه المواجهات بعد…)
	"بنود", "بند", "تأتي", "يأتي",
	// munitions stored, carried or seized are no fire (المستودعات تحتوي على قذائف)
	"تحتوي", "يحتوي", "تحوي", "يحوي", "مستودع", "مستودعات", "مخزن", "مخازن", "شحنة", "شحنات", "ضبط", "تهريب",
}

// supportWords name support for another's deed, no deed of its own
// (مدعومة من الطيران الروسي، بغطاء جوي): they take back the trigger
// nouns after them, not a verb that tells the supported deed («المدعومة
// من تركيا، سيطرت الفصائل…»).
var supportWords = []string{"مدعومة", "مدعوما", "مدعومين", "المدعومة", "المدعوم", "بدعم", "بغطاء", "غطاء", "بمساندة", "بإسناد", "باسناد"}

// attemptWords before a change of control or an attack make it a fight
// that did not take the ground (حاولت القوات استعادة السيطرة، صد محاولات
// تقدم، محاولة هجوم فاشلة).
var attemptWords = []string{"محاولة", "محاولات", "حاولت", "حاول", "حاولوا", "بمحاولة", "لمحاولة",
	// an advance stopped is a fight too (منعوا تقدمها)
	"منع", "منعت", "منعوا"}

// dropWords tell munitions dropped from the air: what they drop is the
// air strike's, whatever it is called (ألقت المروحيات الألغام البحرية).
var dropWords = []string{"ألقت", "ألقى", "القت", "القى", "ألقوا", "تلقي", "يلقي", "إلقاء", "القاء"}

// consecutiveControl are control verbs in the imperfect after ل or و: an
// aim or a state, but in a telling that gives dates what came next
// (ليسيطر في 19 تشرين الثاني على البوكمال، ليتابع تقدمه ويسيطر على…).
var consecutiveControl = []string{"ليسيطر", "لتسيطر", "ويسيطر", "وتسيطر", "ليستعيد", "لتستعيد", "ويستعيد", "وتستعيد"}

// meetingVerbs tell a meeting held (التقى، تحادث، اجتمع): reported by a
// source, it still happened.
var meetingVerbs = []string{"التقى", "التقت", "التقوا", "تحادث", "تحادثا", "اجتمع", "اجتمعت", "اجتمعوا", "استقبل", "استقبلت", "زار", "زارت"}

// officials arriving at or entering a place visit it (دخل محافظ ريف دمشق
// إلى المدينة، وصل وزير الخارجية إلى دمشق): arrivals before them.
var arrivals = []string{"دخل", "دخلت", "وصل", "وصلت", "يصل", "تصل", "عقد", "عقدت"}

var officials = []string{"محافظ", "وزير", "وفد", "مبعوث", "المبعوث", "سفير", "السفير", "رئيس", "الرئيس", "وفود"}

// idioms are triggers that, with the word after them, name no happening
// (انفجار الوضع، خطف الأضواء، معركة سياسية).
var idioms = map[string][]string{
	"انفجار":  {"الوضع", "الأوضاع", "الاوضاع", "الموقف", "الغضب"},
	"خطف":     {"الأضواء", "الاضواء", "الأنظار", "الانظار"},
	"خطفت":    {"الأضواء", "الاضواء", "الأنظار", "الانظار"},
	"اختطاف":  {"الثورة", "القرار"},
	"معركة":   {"سياسية", "دبلوماسية", "انتخابية", "إعلامية", "اعلامية"},
	"المعركة": {"السياسية", "الدبلوماسية", "الانتخابية", "الإعلامية", "الاعلامية"},
}

// resultVerbs before a definite trigger noun make it the subject of what
// a happening told before led to (وأدى القصف إلى…، كما تسبب القصف في…):
// the clause tells more of that happening. So do demonstratives (هذا
// القصف).
var resultVerbs = []string{
	"أدى", "أدت", "ادى", "ادت", "أسفر", "أسفرت", "اسفر", "اسفرت", "تسبب", "تسببت", "خلف", "خلفت",
	"أوقع", "أوقعت", "هذا", "هذه", "هذان", "هاتان",
}

// toldBefore before a definite trigger noun tie the clause to a happening
// told already (أثناء الهجوم، عقب القصف): no new report.
var toldBefore = []string{"أثناء", "اثناء", "إبان", "ابان", "عقب", "وعقب", "وأثناء"}

// aircraft name who strikes, not that they struck: alone in a clause
// they report nothing (تاركة وراءها عددا من الطائرات، طائرات الميغ بيد
// الفصائل); with another report, a toll or an air verb they make it an
// air strike.
var aircraft = []string{
	"الطيران", "طيران", "طائرات", "الطائرات", "طائرة", "المروحيات", "مروحيات", "المقاتلات", "مقاتلات",
}

// airVerbs tell aircraft striking (أغارت الطائرات، شن الطيران، نفذت
// المقاتلات).
var airVerbs = []string{"أغار", "أغارت", "اغار", "اغارت", "شن", "شنت", "شنوا", "نفذ", "نفذت", "ضرب", "ضربت", "تقصف", "يقصف"}

// mineClearing before mines make them what is cleared, not an explosion
// (نزع الألغام، كاسحات ألغام، فرق إزالة الألغام).
var mineClearing = []string{"نزع", "إزالة", "ازالة", "تفكيك", "كاسحة", "كاسحات", "كاسحتي", "كاسحتا", "لنزع", "لإزالة", "حقول", "حقل"}

// airMakers after a word of shelling say it came from the air (قصف روسي،
// القصف الحربي، قصف إسرائيلي): Russia's, the jets', Israel's strikes.
var airMakers = []string{
	"روسي", "الروسي", "روسية", "الروسية", "حربي", "الحربي", "إسرائيلي", "الإسرائيلي", "اسرائيلي", "الاسرائيلي",
}

// airDefences before an air word make it the defence against aircraft,
// not a strike (الدفاعات الجوية، مضادات الطيران).
var airDefences = []string{"الدفاعات", "دفاعات", "الدفاع", "دفاع", "مضادات", "المضادات", "مضاد", "المضاد", "مضادة", "المضادة"}

// months after «منذ» make a clause a standing state from then (تسيطر منذ
// أيلول 2014). A happening dated to a past month («في شباط الماضي
// قصفت…», a timeline's item) is still an event.
var months = []string{
	"كانون", "شباط", "آذار", "اذار", "نيسان", "أيار", "ايار", "حزيران", "تموز", "آب", "أيلول", "ايلول",
	"تشرين", "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس",
	"سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "عام", "العام", "سنوات", "أشهر", "اشهر",
}

// backgroundWords anywhere in a clause make it background, not news:
// a standing state or something told again from months before (منذ أيلول،
// في شباط الماضي، في الآونة الأخيرة).
var backgroundWords = []string{
	"الآونة", "عادة", "غالبا", "دائما", "سابقا",
}

// longSpans after «خلال» or «طوال» make a clause a total over months or
// years (خلال سنوات النزاع), not a happening.
var longSpans = []string{"سنوات", "السنوات", "أشهر", "الأشهر", "اشهر", "الاشهر", "أعوام", "الأعوام", "عام", "العام", "سنة",
	"أسابيع", "الأسابيع", "اسابيع", "الاسابيع", "الفترة", "فترة"}

// stretches after «في» make a clause a total over them (في الأشهر
// الأخيرة); a singular «في العام الماضي» dates a happening instead.
var stretches = []string{"الأشهر", "الاشهر", "الأسابيع", "الاسابيع", "السنوات", "الأعوام", "الاعوام"}

// aboutWords come between «خلال» and the length of a stretch (خلال أكثر
// من ألف يوم، طوال نحو عامين).
var aboutWords = []string{"أكثر", "اكثر", "من", "نحو", "قرابة", "حوالي", "زهاء", "ما", "يزيد", "عن", "على", "مدى"}

// sinceWords after «منذ» date a clause to the start of a long stretch
// (منذ بدء النزاع، منذ اندلاع الثورة): a total, not a happening.
var sinceWords = []string{"بدء", "بداية", "اندلاع", "مطلع", "انطلاق", "بدايه",
	// a season or a stretch (منذ صيف 2014، منذ فترة، منذ سنوات)
	"صيف", "شتاء", "ربيع", "خريف", "فترة", "مدة", "سنوات", "أشهر", "اشهر", "أعوام", "اعوام", "عقود"}

// afterNonEvents, right after a trigger, make it a plan or a prospect
// (زيارة مرتقبة، اجتماع محتمل).
var afterNonEvents = []string{"مرتقبة", "مرتقب", "المرتقبة", "المرتقب", "محتملة", "محتمل", "مقبلة", "المقبلة", "مقبل", "المقبل", "مقررة", "مقرر",
	// a rate, no one happening (20 غارة كمعدل يومي، غارات يوميا)
	"كمعدل", "بمعدل", "يوميا", "يومياً"}

// clauseNegators take back every trigger after them in the clause: a
// denial or an opinion reports no happening (نفى المتحدث … قصف أي قاعدة).
var clauseNegators = []string{
	"نفى", "نفت", "ينفي", "تنفي", "اعتبر", "اعتبرت", "وصف", "وصفت", "اتهم", "اتهمت", "يرى", "ترى",
	"رأى", "طالب", "طالبت", "ناشد", "ناشدت", "دعا", "دعت", "يدعو", "تدعو", "اقترح", "اقترحت", "يقترح", "تقترح",
	"يعتبر", "تعتبر", "يعتقد", "تعتقد", "يذكر", "يشار", "الجدير", "تجدر", "يجدر", "يتهم", "تتهم", "يتهمون",
	// a plan governs its clause (والخطة هي تحرير الضفة الشرقية)
	"الخطة", "خطة",
	// a wish governs all of its clause (تريد قطع الطرق بالسيطرة على…),
	// and so does an aim (بهدف صد تقدم القوات واستعادة مناطق…)
	"تريد", "يريد", "يريدون", "ترغب", "يرغب", "بهدف", "بغية", "سعيا",
	// a claim names an attack told elsewhere (تبنى التنظيم الهجوم)
	"تبنى", "تبنت", "يتبنى", "تتبنى", "تبنيه", "تبني",
	// a condition makes all of its clause hypothetical
	"حال", "إذا", "اذا", "لو",
}

// futureVerbs after a definite trigger noun make it the subject of a
// prospect (السيطرة على المدينة ستؤدي إلى…).
var futureVerbs = []string{
	"ستؤدي", "سيؤدي", "سيؤثر", "ستؤثر", "ستكون", "سيكون", "ستسمح", "سيسمح", "ستفتح", "سيفتح",
	"ستتوسع", "سيتوسع", "ستنتهي", "سينتهي", "ستستمر", "سيستمر", "سوف",
}

// purposeKinds are the sub-types whose trigger, with the preposition ل,
// is an aim, not a happening (تقدمت القوات للسيطرة على البلدة، لطرد
// التنظيم). With the other kinds it is what was suffered (تعرضت لقصف).
var purposeKinds = map[string]bool{territory: true, advance: true, Displacement: true}

// stateWords before a control word make it a standing state, not a
// change (مناطق سيطرة النظام، تحت سيطرة التنظيم).
var stateWords = []string{"مناطق", "منطقة", "تحت", "الخاضعة", "الواقعة", "نفوذ", "خارج", "معاقل", "معقل", "مقابل"}

// deathNouns and injuryNouns count people after a number.
var deathNouns = []string{
	"قتيل", "قتيلا", "قتلى", "القتلى", "شهيد", "شهيدا", "شهداء", "الشهداء", "شهيدة", "ضحية", "ضحايا",
	"قتيلان", "قتيلين", "شهيدان", "شهيدين",
}

var injuryNouns = []string{
	"جريح", "جريحا", "جرحى", "الجرحى", "مصاب", "مصابا", "مصابين", "إصابة", "اصابة", "إصابات", "اصابات",
	"جريحان", "جريحين", "مصابان",
}

// dualPeople are nouns in the dual: «استشهاد شخصين» is two dead.
var dualPeople = []string{
	"شخصين", "شخصان", "طفلين", "طفلان", "عنصرين", "عنصران", "مدنيين اثنين", "امرأتين", "رجلين",
	"مقاتلين اثنين", "جنديين", "جنديان", "مسلحين اثنين",
}

// deathVerbs come before the number of dead (مقتل 37، قتل ثمانية).
var deathVerbs = []string{"مقتل", "قتل", "قتلهم", "استشهاد", "مصرع", "سقوط", "وفاة", "حصيلة", "قتلت", "لقي", "لقوا", "ارتقى", "قتلوا", "استشهدوا",
	"استشهد", "قضى", "ضحيتها", "ضحيته", "ضحيتهم", "بحياة",
	// the killing of the one named after (إعدام محام، اغتيال قائد) or of a count (أعدم 12 شخصا)
	"إعدام", "اعدام", "أعدم", "أعدمت", "أعدموا", "يعدم", "تعدم", "اغتيال", "اغتال", "اغتالت", "اغتالوا", "يقتل", "تقتل"}

// oneDeath are the death verbs whose noun names one person when no count
// follows: «مقتل قيادي», «اغتيال محام».
var oneDeath = []string{"مقتل", "استشهاد", "مصرع", "إعدام", "اعدام", "اغتيال"}

// oneDead are singular nouns of the dead: heading a headline with no
// number («قتيل وعشرة جرحى») they count one.
var oneDead = []string{"قتيل", "شهيد", "شهيدة"}

// onePerson are singular nouns of people: after a death verb, or before
// one, they count one dead («قتلت امرأة», «أن مدنيا قتل»).
var onePerson = []string{
	"امرأة", "سيدة", "طفل", "طفلا", "طفلة", "رجل", "رجلا", "شخص", "شخصا", "مدني", "مدنيا", "عنصر", "عنصرا",
	"جندي", "جنديا", "مقاتل", "مقاتلا", "شاب", "شابا", "فتاة", "مسن", "مسنا", "ضابط", "ضابطا", "مواطن", "مواطنا",
	"قيادي", "قياديا", "ناشط", "ناشطا", "قائد", "قائدا",
}

// noHarm are the words of a report that nobody was hurt, after a
// negation («دون ورود أنباء عن إصابات», «ولم تسجل خسائر بشرية»): 0 dead
// and 0 wounded, as ACLED codes it. «لا معلومات عن قتلى» says nothing.
var noHarm = []string{"إصابات", "اصابات", "إصابة", "اصابة", "خسائر", "ضحايا", "قتلى", "جرحى", "إصابه"}

// noHarmNegators open such a report.
var noHarmNegators = []string{"دون", "بدون", "لم", "ولم", "لا", "ودون"}

// injuryVerbs come before the number of wounded (وإصابة 50، جرح ثلاثة).
var injuryVerbs = []string{"إصابة", "اصابة", "جرح", "اصيب", "أصيب", "اصابه", "جراح", "إصابه"}

// numberWords are Arabic number words; عشرات counts as 20, مئات as 200.
var numberWords = map[string]int{
	"واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتين": 2, "اثنتان": 2,
	"ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "اربع": 4, "اربعة": 4, "خمس": 5, "خمسة": 5,
	"ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
	"عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40,
	"أربعين": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70,
	"سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئة": 100, "مائة": 100,
	"عشرات": 20, "العشرات": 20, "مئات": 200, "المئات": 200,
}

// actors maps words and phrases (up to three words, folded) to the actor
// codes of the gold guidelines. Longer phrases are tried first.
var actors = map[string]string{
	"قوات النظام": "government", "جيش النظام": "government", "قوات الأسد": "government",
	"الجيش السوري": "government", "الجيش العربي السوري": "government", "النظام": "government",
	"القوات الحكومية": "government", "الجيش النظامي": "government", "عناصر الأسد": "government",
	"الحكومة السورية": "government", "جيش الأسد": "government",
	// bare «الجيش» in Syrian news is Syria's; the other armies by name
	"الجيش": "government", "قوات الجيش": "government", "وحدات الجيش": "government", "قواتنا المسلحة": "government",
	"القوات الموالية": "government", "الميليشيات الموالية": "government", "قوات موالية": "government",
	"القوات النظامية": "government", "الجيش التركي": "turkey", "الجيش الأمريكي": "coalition",
	"الجيش الأميركي": "coalition", "الجيش الروسي": "russia", "الجيش العراقي": "other", "الجيش اللبناني": "other",
	"الجيش الإسرائيلي": "other", "الجيش الوطني": "opposition",
	"الثوار": "opposition", "الجيش الحر": "opposition", "الجيش السوري الحر": "opposition",
	"فصائل المعارضة": "opposition", "المعارضة المسلحة": "opposition", "المعارضة": "opposition",
	"الفصائل": "opposition", "أحرار الشام": "opposition", "جيش الإسلام": "opposition", "جيش الفتح": "opposition",
	"فيلق الرحمن": "opposition", "كتائب المعارضة": "opposition", "المسلحين": "opposition",
	"هيئة تحرير الشام": "hts", "جبهة النصرة": "hts", "النصرة": "hts", "فتح الشام": "hts",
	"داعش": "isis", "تنظيم الدولة": "isis", "الدولة الإسلامية": "isis", "التنظيم": "isis",
	"قسد": "sdf", "قوات سوريا الديمقراطية": "sdf", "وحدات حماية الشعب": "sdf", "الوحدات الكردية": "sdf",
	"روسيا": "russia", "الروسي": "russia", "الروسية": "russia", "الطيران الروسي": "russia", "موسكو": "russia",
	"التحالف الدولي": "coalition", "التحالف": "coalition", "الائتلاف الدولي": "coalition",
	"الأميركي": "coalition", "الأمريكي": "coalition", "الأميركية": "coalition", "واشنطن": "coalition",
	"تركيا": "turkey", "التركي": "turkey", "التركية": "turkey", "أنقرة": "turkey",
	"حزب الله": "hezbollah", "إيران": "iran", "الإيراني": "iran", "الإيرانية": "iran", "الحرس الثوري": "iran",
}

// narrativeVerbs open a clause that reports its own happening, even
// without a comma before «و» («… وتجري اشتباكات قرب …»).
var narrativeVerbs = []string{
	"شن", "شنت", "تجري", "جرت", "دارت", "اندلعت", "سقط", "سقطت", "تعرض", "تعرضت", "استهدف",
	"استهدفت", "القى", "ألقى", "ألقت", "القت", "قصف", "قصفت", "سيطر", "سيطرت", "تمكن", "تمكنت",
	"قتل", "قتلت", "فجر", "نفذ", "نفذت", "هاجم", "هاجمت", "اقتحم", "اقتحمت", "حرر", "حرروا",
	"نزح", "شهدت", "تواصلت", "استمرت", "سجل", "قامت", "قام", "قتلوا", "يشنون", "شنوا", "دمر",
	"دمرت", "تمكنوا", "تمكن", "حرروا", "سيطروا", "أسقط", "أسقطت", "تعرضت",
	// the verb before its subject, a trigger noun (هز انفجار عنيف، وقع انفجار، دوى انفجار)
	"هز", "هزت", "وقع", "وقعت", "دوى", "دوت",
	// a source's next report, in text scraped without full stops
	"ذكر", "أفاد", "أضاف", "أشار", "قال",
}

// speechVerbs mark a clause as someone's words: a political clause that
// is speech reports no meeting (أكد أن دمشق مستعدة للمفاوضات).
var speechVerbs = []string{
	"قال", "قالت", "أكد", "أكدت", "أوضح", "أوضحت", "أشار", "أشارت", "أضاف", "أضافت", "اعتبر",
	"اعتبرت", "صرح", "صرحت", "ذكر", "ذكرت", "أعلن", "أعلنت", "أظهرت", "تأمل", "يأمل",
}

// monthNumbers are the months' names in the Levantine and the Gregorian
// calendars, for dates a clause states (22 كانون الأول / ديسمبر 2016).
var monthNumbers = map[string]int{
	"كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5, "حزيران": 6,
	"تموز": 7, "آب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10, "تشرين الاول": 10,
	"تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
	"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
	"نوفمبر": 11, "ديسمبر": 12,
}

// monthLeads and monthTails are the words around a month's name that
// make it a date (في شباط، مطلع آذار، أيار الماضي).
var (
	monthLeads = []string{"في", "شهر", "منتصف", "مطلع", "أواخر", "أوائل", "بداية", "نهاية"}
	monthTails = []string{"الماضي", "الفائت", "المنصرم", "الجاري"}
)

// days are weekday names, Sunday first, for dates relative to an
// article's date.
var days = []string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}
