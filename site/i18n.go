package site

import "github.com/briefing-atlas/atlas/geo"

// Language is the language of a site's interface: the briefings keep
// their own. Templates are written in Arabic, atlas's first language;
// T returns the English of each Arabic phrase in an English site.
type Language string

// Interface languages.
const (
	Arabic  Language = "ar"
	English Language = "en"
)

// english translates the interface's Arabic phrases, keyed by the
// Arabic exactly as the templates and atlas.js write it.
var english = map[string]string{
	// base
	"انتقل إلى المحتوى": "Skip to content", "أقسام الموقع": "Site sections", "الخريطة": "Map",
	"الأحداث": "Events", "البحث": "Search",
	"الحدود الإدارية والمواقع: مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (OCHA، CC BY-IGO) وGeoNames (CC BY 4.0). الخريطة: Leaflet. الخط: Noto Naskh Arabic (SIL OFL).": "Boundaries and places: OCHA (CC BY-IGO) and GeoNames (CC BY 4.0). Map: Leaflet. Font: Noto Naskh Arabic (SIL OFL).",
	// index and filters
	"تصفية الأحداث": "Filter events", "نوع الحدث": "Event type", "المحافظة": "Governorate", "الكل": "All",
	"الجهة": "Actor", "من": "From", "إلى": "To", "المعروض:": "Shown:",
	"خريطة الأحداث في سوريا": "Map of events in Syria", "أحدث النشرات": "Latest briefings",
	"الأحداث حسب النوع": "Events by type", "جدول الأحداث والتنزيلات": "Table of events and downloads",
	"المحافظات": "Governorates",
	// article
	"خريطة النشرة": "Map of the briefing", "أحداث النشرة": "Events in this briefing",
	"المحافظات:": "Governorates:", "الأماكن:": "Places:", "النشرات المجاورة": "Neighbouring briefings",
	"، ": ", ",
	// governorate
	"محافظة": "Governorate", "خريطة المحافظة": "Map of the governorate", "عدد الأحداث حسب النوع": "Number of events by type",
	"لا أحداث مسجلة في هذه المحافظة بعد.": "No events recorded in this governorate yet.",
	"الأحداث عبر الزمن":                   "Events over time", "أحداث بلا تاريخ لا يظهرها الرسم:": "Undated events, not in the chart:", "عدد الأحداث في كل شهر": "Number of events per month",
	"النشرات": "Briefings", "لا نشرات تذكر هذه المحافظة بعد.": "No briefing names this governorate yet.",
	"الأماكن الأكثر ذكرًا":                   "Most mentioned places",
	"أحدثها أدناه؛ وتذكرها نشرات أقدم عددها": "The latest are listed below; older briefings that name it:",
	// place
	"الموقع تقريبي": "approximate location", "موقع المكان": "Location of the place",
	"الذكر في النشرات": "Mentions in briefings", "لا أحداث في هذا المكان.": "No events at this place.",
	"إشارات أخرى لا تظهر هنا:": "Mentions not shown here:",
	// events
	"تنزيل:": "Download:", "يعرض الجدول أحدث": "The table shows the latest", "من أصل": "of",
	"الملفات أدناه تضم الأحداث كلها.": "the files below hold them all.", "التاريخ": "Date", "النوع": "Type", "المكان": "Place", "القتلى": "Killed",
	"الجهات": "Actors", "الدليل": "Evidence", "خريطة الأحداث المعروضة في الجدول": "Map of the events the table shows",
	// archive
	"الأرشيف": "Archive", "كل النشرات حسب الشهر": "All briefings by month", "أرشيف النشرات": "Archive of briefings",
	"نشرات": "Briefings of", "بلا تاريخ": "Undated", "الأشهر المجاورة": "Neighbouring months", "كل الأشهر": "All months",
	"لا نشرات بعد.": "No briefings yet.",
	// search and 404
	"ابحث في النشرات والأماكن": "Search briefings and places", "مثلًا: حلب، دير الزور، غارات": "e.g. Aleppo, Deir ez-Zor, air strikes",
	"النتائج": "Results", "الصفحة غير موجودة": "Page not found",
	"لم نجد الصفحة المطلوبة. جرّب": "We could not find that page. Try", "خريطة الأطلس": "the atlas map", "أو": "or",
	// atlas.js
	"أنواع الأحداث": "Event types", "موقع دقيق": "exact location", "موقع تقريبي": "approximate location",
	"تلوين المحافظات حسب عدد الأحداث": "Governorates shaded by number of events", "عدد الذكر: ": "Mentions: ",
	"صفحة المكان": "Page of the place", "القتلى: ": "Killed: ", "لا نتائج.": "No results.",
	"الثقة: ": "Confidence: ", "على الخريطة: ": "On the map: ", "خارج سوريا:": "Outside Syria:",
	"الفترة": "Period", "بداية الفترة": "From", "نهاية الفترة": "To", "تشغيل": "Play", "إيقاف": "Pause",
	"آخر 7 أيام": "Last 7 days", "آخر 30 يومًا": "Last 30 days", "آخر سنة": "Last year", "كل الفترة": "All",
	"بلا تاريخ: ": "undated: ", "لا أحداث": "No events", "تظهر أولاها: ": "showing the first ",
}

// T returns phrase in the page's language.
func (p Page) T(phrase string) string {
	if p.Lang == English {
		if en, ok := english[phrase]; ok {
			return en
		}
	}
	return phrase
}

// Dir is the page's writing direction.
func (p Page) Dir() string {
	if p.Lang == English {
		return "ltr"
	}
	return "rtl"
}

// TypeLabel, SubTypeLabel and ActorLabel name events in the page's
// language: ACLED's English names, or their Arabic.
func (p Page) TypeLabel(t string) string {
	if p.Lang == English {
		return t
	}
	return typeLabels[t]
}

func (p Page) SubTypeLabel(t string) string {
	if p.Lang == English {
		return t
	}
	return subTypeLabels[t]
}

func (p Page) ActorLabel(a string) string {
	if p.Lang == English {
		return englishActors[a]
	}
	return actorLabels[a]
}

// kindLabels name the kinds of place, in Arabic and English.
var kindLabels = map[geo.Kind][2]string{
	geo.Country: {"دولة", "country"}, geo.Governorate: {"محافظة", "governorate"},
	geo.District: {"منطقة", "district"}, geo.Subdistrict: {"ناحية", "subdistrict"},
	geo.Region: {"منطقة جغرافية", "region"}, geo.City: {"مدينة", "city"}, geo.Town: {"بلدة", "town"},
	geo.Village: {"قرية", "village"}, geo.Neighborhood: {"حي", "neighbourhood"}, geo.Camp: {"مخيم", "camp"},
	geo.Landmark: {"معلم", "landmark"}, geo.ForeignCity: {"مدينة خارج سوريا", "city outside Syria"},
	geo.ForeignRegion: {"إقليم خارج سوريا", "region outside Syria"},
}

// KindLabel names a kind of place in the page's language.
func (p Page) KindLabel(k geo.Kind) string {
	l, ok := kindLabels[k]
	if !ok {
		return string(k)
	}
	if p.Lang == English {
		return l[1]
	}
	return l[0]
}

var englishActors = map[string]string{
	"government": "Government forces", "opposition": "Opposition", "hts": "HTS/Nusra", "isis": "Islamic State",
	"sdf": "SDF", "russia": "Russia", "coalition": "International coalition", "turkey": "Turkey",
	"hezbollah": "Hezbollah", "iran": "Iran", "unknown": "Unknown", "other": "Other",
}

// UI is the translation table atlas.js needs, empty for Arabic.
func (p Page) UI() map[string]string {
	if p.Lang != English {
		return map[string]string{}
	}
	out := map[string]string{}
	for _, k := range []string{"أنواع الأحداث", "موقع دقيق", "موقع تقريبي", "تلوين المحافظات حسب عدد الأحداث",
		"عدد الذكر: ", "صفحة المكان", "القتلى: ", "لا نتائج.", "الثقة: ", "على الخريطة: ", "خارج سوريا:",
		"الفترة", "بداية الفترة", "نهاية الفترة", "تشغيل", "إيقاف", "آخر 7 أيام", "آخر 30 يومًا", "آخر سنة", "كل الفترة",
		"بلا تاريخ: ", "لا أحداث", "تظهر أولاها: "} {
		out[k] = english[k]
	}
	return out
}
