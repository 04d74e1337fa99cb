package extract

import "strings"

// variant is a word with some proclitics taken off: skip is how many
// folded runes were dropped from the front.
type variant struct {
	word string
	skip int
}

// Proclitics attach to the next word in writing: a conjunction (و ف)
// then a preposition (ب ل ك). A word keeps at least two letters after
// stripping, so «بر» is never read as ب + «ر».
var (
	conjunctions = []string{"و", "ف"}
	prepositions = []string{"ب", "ل", "ك"}
)

// variants lists word as written, then every way of stripping its
// proclitics, shortest stripping first.
func variants(word string) []variant {
	out := []variant{{word, 0}}
	add := func(prefix string) {
		rest, ok := strings.CutPrefix(word, prefix)
		if !ok || len([]rune(rest)) < 2 {
			return
		}
		n := len([]rune(prefix))
		out = append(out, variant{rest, n})
		// ل before the article drops its alef: «للرقة» is ل + «الرقة».
		if strings.HasSuffix(prefix, "ل") && strings.HasPrefix(rest, "ل") {
			out = append(out, variant{"ا" + rest, n})
		}
	}
	for _, c := range conjunctions {
		add(c)
	}
	for _, p := range prepositions {
		add(p)
	}
	for _, c := range conjunctions {
		for _, p := range prepositions {
			add(c + p)
		}
	}
	return out
}
