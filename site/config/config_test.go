package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, `title = "أطلس إدلب"
language = "en"
base_url = "https://org.github.io/atlas/"
source = "briefings"
out = "/srv/site"
tiles = "osm"
unsafe_html = true
max_file_size = "20MB"
colour = "red"

[colors]
battles = "#aa0000"
protests = "teal"

[gazetteer]
extra = ["places/villages.geojson"]
`)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "أطلس إدلب" || c.Language != "en" || c.Tiles != "osm" || !c.UnsafeHTML || c.MaxFileSize != "20MB" {
		t.Errorf("read %+v", c)
	}
	if c.Path(c.Source) != filepath.Join(dir, "briefings") || c.Path(c.Out) != "/srv/site" || c.Path(c.Gazetteer.Extra[0]) != filepath.Join(dir, "places/villages.geojson") {
		t.Errorf("paths %q %q %q", c.Path(c.Source), c.Path(c.Out), c.Path(c.Gazetteer.Extra[0]))
	}
	if c.Colors["battles"] != "#aa0000" || c.Colors["protests"] != "teal" {
		t.Errorf("colors %v", c.Colors)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], `unknown key "colour"`) {
		t.Errorf("warnings %q", c.Warnings)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"title = \"x\"\nlanguage = \n", "atlas.toml:2:"},
		{"language = \"fr\"\n", `language = "fr": want "ar" or "en"`},
		{"tiles = \"google\"\n", `tiles = "google"`},
		{"[colors]\nbattles = \"red;}body{display:none\"\n", "colors.battles"},
		{"[colors]\nwars = \"red\"\n", "colors.wars: not an event type"},
		{"title = 3\n", "atlas.toml"},
		// A value of the wrong type in [colors], or colors not a table,
		// is named, not dropped.
		{"[colors]\nbattles = 12\n", `atlas.toml: colors.battles: want a colour such as "#c0392b" or "teal", found an integer`},
		{"[colors]\nprotests = \"teal\"\nbattles = true\n", "atlas.toml: colors.battles: want a colour such as \"#c0392b\" or \"teal\", found true"},
		{"colors = {battles = 1979-05-27}\n", "atlas.toml: colors.battles: want a colour such as \"#c0392b\" or \"teal\", found a date"},
		{"colors = \"red\"\n", `atlas.toml: colors: want a table of colours ([colors] with battles = "#c0392b" and the like), found a string`},
		{"colors = 3\n", "atlas.toml: colors: want a table of colours"},
		{"colors = [\"red\"]\n", "atlas.toml: colors: want a table of colours ([colors] with battles = \"#c0392b\" and the like), found a list"},
	}
	for _, tt := range tests {
		_, err := Load(write(t, t.TempDir(), tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	c, err := Find(dir)
	if err != nil || c.Title != Default().Title || c.Dir != dir {
		t.Errorf("no file: %+v, %v", c, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.toml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file given by name: %v", err)
	}
	write(t, dir, "title = \"موقع\"\n")
	if c, err := Find(dir); err != nil || c.Title != "موقع" {
		t.Errorf("found %+v, %v", c, err)
	}
}
