package site

import (
	"fmt"
	"strconv"
	"strings"
)

// Counted nouns agree with their number, as Arabic grammar asks: «حدث
// واحد، حدثان، 3 أحداث، 11 حدثًا، 100 حدث». The categories are CLDR's
// cardinal plural rules for Arabic; English needs only one of them told
// apart (1 event, n events), so every language's forms fill the same six
// slots and atlas.js chooses among them with the same rule.

// pluralSlot is the CLDR plural category of n in Arabic, as an index
// into a noun's forms: zero, one, two, few (n % 100 in 3..10), many
// (n % 100 in 11..99) and other.
func pluralSlot(n int) int {
	if n < 0 {
		n = -n
	}
	switch r := n % 100; {
	case n == 0:
		return 0
	case n == 1:
		return 1
	case n == 2:
		return 2
	case r >= 3 && r <= 10:
		return 3
	case r >= 11 && r <= 99:
		return 4
	}
	return 5
}

// countedNoun holds a noun's six forms in each language; %d stands for
// the number, and forms without it say the number in words.
type countedNoun struct {
	ar [6]string
	en [6]string
}

// englishForms fills the six slots from English's two forms.
func englishForms(one, other string) [6]string {
	return [6]string{other, one, other, other, other, other}
}

// countedNouns are the nouns the interface counts, by key.
var countedNouns = map[string]countedNoun{
	"event": {
		ar: [6]string{"لا أحداث", "حدث واحد", "حدثان", "%d أحداث", "%d حدثًا", "%d حدث"},
		en: englishForms("1 event", "%d events"),
	},
	"mention": {
		ar: [6]string{"لا إشارات", "إشارة واحدة", "إشارتان", "%d إشارات", "%d إشارةً", "%d إشارة"},
		en: englishForms("1 mention", "%d mentions"),
	},
	"killed": {
		ar: [6]string{"لا قتلى", "قتيل واحد", "قتيلان", "%d قتلى", "%d قتيلًا", "%d قتيل"},
		en: englishForms("1 killed", "%d killed"),
	},
	"wounded": {
		ar: [6]string{"لا جرحى", "جريح واحد", "جريحان", "%d جرحى", "%d جريحًا", "%d جريح"},
		en: englishForms("1 wounded", "%d wounded"),
	},
	"result": {
		ar: [6]string{"لا نتائج", "نتيجة واحدة", "نتيجتان", "%d نتائج", "%d نتيجةً", "%d نتيجة"},
		en: englishForms("1 result", "%d results"),
	},
	"briefing": {
		ar: [6]string{"لا نشرات", "نشرة واحدة", "نشرتان", "%d نشرات", "%d نشرةً", "%d نشرة"},
		en: englishForms("1 briefing", "%d briefings"),
	},
}

// forms is the six forms of noun in the page's language.
func (p Page) forms(noun string) ([6]string, error) {
	c, ok := countedNouns[noun]
	if !ok {
		return [6]string{}, fmt.Errorf("count: no counted noun %q (have event, mention, killed, wounded, result, briefing)", noun)
	}
	if p.Lang == English {
		return c.en, nil
	}
	return c.ar, nil
}

// Count says n of noun ("event", "mention", "killed", "wounded",
// "briefing") in the page's language, the noun agreeing with the number.
func (p Page) Count(n int, noun string) (string, error) {
	f, err := p.forms(noun)
	return strings.Replace(f[pluralSlot(n)], "%d", strconv.Itoa(n), 1), err
}

// count is Count of a noun the code names, which is always there.
func (p Page) count(n int, noun string) string {
	s, _ := p.Count(n, noun)
	return s
}

// Counts is every counted noun's forms in the page's language, for
// atlas.js.
func (p Page) Counts() map[string][6]string {
	out := make(map[string][6]string, len(countedNouns))
	for k := range countedNouns {
		out[k], _ = p.forms(k)
	}
	return out
}
