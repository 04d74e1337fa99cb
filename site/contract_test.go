package site

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/templates"
)

// TestEveryTemplateHasItsData: each of atlas's page templates is listed
// with what it is given, and what a template uses of its data (.Name
// right after {{ or a space) is in that list.
func TestEveryTemplateHasItsData(t *testing.T) {
	names, err := fs.Glob(templates.FS(), "*.html")
	if err != nil || len(names) < 8 {
		t.Fatalf("templates: %v, %v", names, err)
	}
	for _, name := range names {
		data := TemplateData(name)
		if len(data) == 0 {
			t.Errorf("%s: no data listed", name)
			continue
		}
		listed := map[string]bool{}
		for _, m := range data {
			listed[strings.Fields(m)[0]] = true
		}
		if !listed[".Title"] || !listed[".Root"] {
			t.Errorf("%s: the page's members are missing: %v", name, data)
		}
		src, _ := fs.ReadFile(templates.FS(), name)
		// The data's members the template names at the top level (in
		// {{.X or {{if .X …}}, outside with/range blocks, which change
		// the dot, are checked by execution; here the plain ones).
		for _, use := range strings.Split(string(src), "{{")[1:] {
			use = strings.TrimLeft(use, "-  ")
			if !strings.HasPrefix(use, ".") {
				continue
			}
			end := strings.IndexAny(use[1:], " .}|)")
			if end < 0 {
				continue
			}
			if m := use[:end+1]; !listed[m] && !strings.HasPrefix(m, "..") {
				// Inside {{with}} or {{range}} the dot is another value;
				// those are not the page's.
				if !inBlock(string(src), use) {
					t.Errorf("%s uses %s, which TemplateData does not list", name, m)
				}
			}
		}
	}
	if TemplateData("atlas.css") != nil {
		t.Error("a stylesheet listed as a page template")
	}
}

// inBlock says whether the action starting use sits inside a with or a
// range block of src, where the dot is not the page.
func inBlock(src, use string) bool {
	at := strings.Index(src, use)
	var open []bool // the blocks open there: true for with and range
	for _, a := range strings.Split(src[:at], "{{")[1:] {
		a = strings.TrimLeft(a, "- ")
		switch {
		case strings.HasPrefix(a, "with "), strings.HasPrefix(a, "range "):
			open = append(open, true)
		case strings.HasPrefix(a, "if "), strings.HasPrefix(a, "define "), strings.HasPrefix(a, "block "):
			open = append(open, false)
		case strings.HasPrefix(a, "end") && len(open) > 0:
			open = open[:len(open)-1]
		}
	}
	for _, dotChanged := range open {
		if dotChanged {
			return true
		}
	}
	return false
}
