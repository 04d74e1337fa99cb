package site

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/assets"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/templates"
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

// Every phrase the templates translate ({{t "…"}}) and every one atlas.js
// asks for (ui('…')) has its English, and atlas.js gets those it asks for:
// a phrase without one stayed Arabic in an English atlas.
func TestEveryPhraseTranslated(t *testing.T) {
	phrase := regexp.MustCompile(`\{\{-?\s*t\s+"([^"]+)"`)
	err := fs.WalkDir(templates.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		data, err := fs.ReadFile(templates.FS(), path)
		if err != nil {
			return err
		}
		for _, m := range phrase.FindAllStringSubmatch(string(data), -1) {
			if _, ok := english[m[1]]; !ok {
				t.Errorf("%s: %q has no English", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	js, err := fs.ReadFile(assets.FS(), "atlas.js")
	if err != nil {
		t.Fatal(err)
	}
	ui := (Page{Lang: English}).UI()
	asked := regexp.MustCompile(`\bui\('([^']+)'\)`).FindAllStringSubmatch(string(js), -1)
	if len(asked) < 10 {
		t.Fatalf("only %d phrases found in atlas.js", len(asked))
	}
	for _, m := range asked {
		if _, ok := english[m[1]]; !ok {
			t.Errorf("atlas.js: %q has no English", m[1])
		} else if _, ok := ui[m[1]]; !ok {
			t.Errorf("atlas.js: %q is not in Page.UI, so an English page shows it in Arabic", m[1])
		}
	}
}
