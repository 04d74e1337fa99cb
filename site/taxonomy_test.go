package site

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/assets"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/site/config"
)

// TestEveryKindIsShown: every sub-type the detector reports has an Arabic
// label, and its type a label, a place in legends, a CSS class that the
// stylesheet and the map script colour, and a key of atlas.toml's
// [colors] — a kind that lacks one shows as an empty badge or a grey dot.
func TestEveryKindIsShown(t *testing.T) {
	css, err := fs.ReadFile(assets.FS(), "atlas.css")
	if err != nil {
		t.Fatal(err)
	}
	js, err := fs.ReadFile(assets.FS(), "atlas.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range events.SubTypes() {
		if subTypeLabels[k.Name] == "" {
			t.Errorf("%s: no Arabic label", k.Name)
		}
		if typeLabels[k.Type] == "" || !slices.Contains(typeOrder, k.Type) {
			t.Errorf("%s (of %s): no label or no place in the legend", k.Type, k.Name)
		}
		class := typeClass[k.Type]
		if class == "" {
			t.Errorf("%s: no CSS class", k.Type)
			continue
		}
		if !strings.Contains(string(css), "."+class+" ") || !strings.Contains(string(js), "'"+class+"'") {
			t.Errorf("%s: the stylesheet or the map script does not colour .%s", k.Type, class)
		}
		if !slices.Contains(config.EventTypes, strings.TrimPrefix(class, "t-")) {
			t.Errorf("%s: no key of [colors] for %s", k.Type, class)
		}
	}
	// The stylesheet's default colours and the map script's fallbacks are
	// the taxonomy's.
	for _, ty := range events.Types() {
		if !strings.Contains(string(css), "--"+ty.Key+": "+ty.Colour+";") {
			t.Errorf("atlas.css: --%s is not %s", ty.Key, ty.Colour)
		}
		if !strings.Contains(string(js), "cssColour('"+ty.Key+"', '"+ty.Colour+"')") {
			t.Errorf("atlas.js: the fallback of %s is not %s", ty.Key, ty.Colour)
		}
	}
}
