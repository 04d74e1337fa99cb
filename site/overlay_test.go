package site

import (
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	base := fstest.MapFS{
		"base.html":         {Data: []byte("atlas base")},
		"article.html":      {Data: []byte("atlas article")},
		"vendor/leaflet.js": {Data: []byte("L")},
	}
	top := fstest.MapFS{
		"article.html":    {Data: []byte("site article")},
		"vendor/logo.svg": {Data: []byte("<svg/>")},
	}
	o := Overlay(top, base)
	for name, want := range map[string]string{"base.html": "atlas base", "article.html": "site article", "vendor/leaflet.js": "L", "vendor/logo.svg": "<svg/>"} {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	var files []string
	fs.WalkDir(o, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	want := []string{"article.html", "base.html", "vendor/leaflet.js", "vendor/logo.svg"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("walk = %v, want %v", files, want)
	}
	if _, err := o.Open("missing.html"); err == nil {
		t.Error("missing.html opened")
	}
}
