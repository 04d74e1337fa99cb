package site

// Arabic labels of ACLED's event types and sub-types and of the actor
// codes, for pages and legends. The data files keep the English codes.
var (
	typeLabels = map[string]string{
		"Battles":                    "معارك",
		"Explosions/Remote violence": "قصف وتفجيرات",
		"Violence against civilians": "عنف ضد المدنيين",
		"Strategic developments":     "تطورات استراتيجية",
		"Political developments":     "تطورات سياسية",
		"Protests":                   "احتجاجات",
	}
	subTypeLabels = map[string]string{
		"Armed clash":                         "اشتباك مسلح",
		"Government regains territory":        "استعادة القوات الحكومية لمنطقة",
		"Non-state actor overtakes territory": "سيطرة فصيل غير حكومي على منطقة",
		"Air/drone strike":                    "غارة جوية",
		"Shelling/artillery/missile attack":   "قصف مدفعي أو صاروخي",
		"Remote explosive/landmine/IED":       "تفجير عبوة أو مفخخة",
		"Suicide bomb":                        "تفجير انتحاري",
		"Attack":                              "هجوم على مدنيين",
		"Abduction/forced disappearance":      "اختطاف أو إخفاء قسري",
		"Agreement":                           "اتفاق",
		"Non-violent transfer of territory":   "انتقال غير عنيف للسيطرة",
		"Displacement":                        "نزوح",
		"Other":                               "تطور آخر",
		"Meeting or visit":                    "اجتماع أو زيارة",
		"Negotiations":                        "مفاوضات",
		"Statement":                           "تصريح",
		"Peaceful protest":                    "احتجاج سلمي",
	}
	actorLabels = map[string]string{
		"government": "قوات النظام", "opposition": "فصائل المعارضة", "hts": "هيئة تحرير الشام/النصرة",
		"isis": "تنظيم الدولة", "sdf": "قوات سوريا الديمقراطية", "russia": "روسيا",
		"coalition": "التحالف الدولي", "turkey": "تركيا", "hezbollah": "حزب الله", "iran": "إيران",
		"unknown": "جهة مجهولة", "other": "أخرى",
	}
	// typeOrder is the order of types in legends and charts.
	typeOrder = []string{
		"Battles", "Explosions/Remote violence", "Violence against civilians",
		"Strategic developments", "Political developments", "Protests",
	}
	// typeClass is the CSS class (and colour) of each type.
	typeClass = map[string]string{
		"Battles": "t-battles", "Explosions/Remote violence": "t-explosions",
		"Violence against civilians": "t-civilians", "Strategic developments": "t-strategic",
		"Political developments": "t-political", "Protests": "t-protests",
	}
)
