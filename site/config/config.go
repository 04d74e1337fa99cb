// Package config reads a site's atlas.toml: the settings a site keeps
// with its content so that `atlas build` needs no flags. Flags given on
// the command line win over the file; the file wins over the defaults.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/site/sitedir"
)

// FileName is the configuration file atlas looks for in the current
// folder.
const FileName = "atlas.toml"

// EventTypes are the keys of [colors]: one per ACLED event type, as the
// CSS classes and the legend name them (events.Types).
var EventTypes = func() []string {
	var keys []string
	for _, t := range events.Types() {
		keys = append(keys, t.Key)
	}
	return keys
}()

// Config is a site's settings. Paths are relative to the folder of the
// file they came from (Dir), and resolved by Path.
type Config struct {
	Title       string            `toml:"title"`
	Language    string            `toml:"language"`
	BaseURL     string            `toml:"base_url"`
	Source      string            `toml:"source"`
	Out         string            `toml:"out"`
	Tiles       string            `toml:"tiles"`
	UnsafeHTML  bool              `toml:"unsafe_html"`
	MaxFileSize string            `toml:"max_file_size"`
	Colors      map[string]string `toml:"colors"`
	Gazetteer   Gazetteer         `toml:"gazetteer"`

	// Dir is the folder of the file read; "" for the defaults alone.
	Dir string `toml:"-"`
	// File is the file read; "" when there was none.
	File string `toml:"-"`
	// Warnings are problems that did not stop reading (unknown keys).
	Warnings []string `toml:"-"`
}

// Gazetteer is the [gazetteer] table.
type Gazetteer struct {
	// Extra lists GeoJSON files of the site's own places and aliases,
	// merged over the bundled gazetteer (after the gazetteer/ folder).
	Extra []string `toml:"extra"`
}

// Default is the configuration of a site without atlas.toml.
func Default() Config {
	return Config{
		Title:       "أطلس النشرات السورية",
		Language:    "ar",
		Source:      "content",
		Out:         "public",
		Tiles:       "none",
		MaxFileSize: "10MB",
	}
}

// colour is what [colors] accepts: a hex colour or a CSS colour name,
// nothing that could break out of a style sheet.
var colour = regexp.MustCompile(`^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$`)

// Load reads the file at path over the defaults. A missing file is an
// error wrapping fs.ErrNotExist; use Find to look for one.
func Load(path string) (Config, error) {
	c := Default()
	// Read inside its folder: an atlas.toml that is a link out of the
	// site, or a named pipe, is refused.
	folder, err := sitedir.Open(filepath.Dir(path), "the site's folder")
	if err != nil {
		return c, err
	}
	defer folder.Close()
	data, err := fs.ReadFile(folder, filepath.Base(path))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Path = path
		}
		return c, err
	}
	// Read as plain values first, to check [colors]'s types: the toml
	// package decodes a table given a string (colors = "red") as
	// nothing, and names a wrong value only by its Go type.
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return c, fmt.Errorf("%s:%d:%d: %s", path, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return c, fmt.Errorf("%s: %w", path, err)
	}
	if err := checkColorTypes(raw["colors"]); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	c.Dir, c.File = filepath.Dir(path), path
	var unknown []string
	for _, k := range md.Undecoded() {
		unknown = append(unknown, k.String())
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%s: unknown key %q ignored", path, k))
	}
	if err := c.check(); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// Find returns the configuration in dir's atlas.toml, or the defaults
// (with Dir set to dir) when there is none.
func Find(dir string) (Config, error) {
	c, err := Load(filepath.Join(dir, FileName))
	if errors.Is(err, fs.ErrNotExist) {
		c = Default()
		c.Dir = dir
		return c, nil
	}
	return c, err
}

func (c Config) check() error {
	if c.Language != "ar" && c.Language != "en" {
		return fmt.Errorf("language = %q: want \"ar\" or \"en\"", c.Language)
	}
	if c.Tiles != "none" && c.Tiles != "osm" {
		return fmt.Errorf("tiles = %q: want \"none\" or \"osm\"", c.Tiles)
	}
	for k, v := range c.Colors {
		known := false
		for _, t := range EventTypes {
			known = known || k == t
		}
		if !known {
			return fmt.Errorf("colors.%s: not an event type (%s)", k, strings.Join(EventTypes, ", "))
		}
		if !colour.MatchString(v) {
			return fmt.Errorf("colors.%s = %q: want a colour such as \"#c0392b\" or \"teal\"", k, v)
		}
	}
	return nil
}

// checkColorTypes checks that colors, as the file gives it, is a table
// of strings; nil is no [colors] at all.
func checkColorTypes(colors any) error {
	if colors == nil {
		return nil
	}
	table, ok := colors.(map[string]any)
	if !ok {
		return fmt.Errorf("colors: want a table of colours ([colors] with battles = \"#c0392b\" and the like), found %s", tomlKind(colors))
	}
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, ok := table[k].(string); !ok {
			return fmt.Errorf("colors.%s: want a colour such as \"#c0392b\" or \"teal\", found %s", k, tomlKind(table[k]))
		}
	}
	return nil
}

// tomlKind names the kind of a value the toml package decoded, in the
// file's terms.
func tomlKind(v any) string {
	switch v := v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return fmt.Sprint(v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	}
	return "a date" // the last of TOML's kinds: time.Time and toml's local dates and times
}

// Path resolves a path from the file against the file's folder.
func (c Config) Path(p string) string {
	if p == "" || filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}
