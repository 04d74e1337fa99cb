package site

import "github.com/briefing-atlas/atlas/extract/events"

// Arabic labels of the actor codes, and the event types and sub-types as
// pages and legends show them, read from the detector's taxonomy
// (events.Types, events.SubTypes). The data files keep the English codes.
var (
	typeLabels, typeClass, typeOrder = typeTables()
	subTypeLabels                    = subTypeTable()

	actorLabels = map[string]string{
		"government": "قوات النظام", "opposition": "فصائل المعارضة", "hts": "هيئة تحرير الشام/النصرة",
		"isis": "تنظيم الدولة", "sdf": "قوات سوريا الديمقراطية", "russia": "روسيا",
		"coalition": "التحالف الدولي", "turkey": "تركيا", "hezbollah": "حزب الله", "iran": "إيران",
		"unknown": "جهة مجهولة", "other": "أخرى",
	}
)

// typeTables are the types' Arabic labels, their CSS classes (which
// colour them: t-battles and the like) and their order in legends and
// charts.
func typeTables() (labels, classes map[string]string, order []string) {
	labels, classes = map[string]string{}, map[string]string{}
	for _, t := range events.Types() {
		labels[t.Name], classes[t.Name] = t.Label, "t-"+t.Key
		order = append(order, t.Name)
	}
	return labels, classes, order
}

// subTypeTable is the sub-types' Arabic labels.
func subTypeTable() map[string]string {
	labels := map[string]string{}
	for _, s := range events.SubTypes() {
		labels[s.Name] = s.Label
	}
	return labels
}
