package site

import (
	"testing"

	"github.com/briefing-atlas/atlas/geo"
)

// Every kind of place has a name in both languages: a kind without one
// showed as its code («foreign_city») on place pages.
func TestKindLabels(t *testing.T) {
	for _, k := range geo.Kinds() {
		if l, ok := kindLabels[k]; !ok || l[0] == "" || l[1] == "" {
			t.Errorf("kind %s has no label in both languages: %q", k, l)
		}
	}
	if l := (Page{Lang: Arabic}).KindLabel(geo.ForeignCity); l != "مدينة خارج سوريا" {
		t.Errorf("Arabic label of foreign_city: %q", l)
	}
}
