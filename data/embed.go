// Package data embeds atlas's bundled gazetteer: GeoJSON layers written by
// cmd/gazetteer-import from the sources credited in README.md.
package data

import (
	"embed"
	"io"
	"io/fs"
	"strings"
)

//go:embed *.geojson
var layers embed.FS

//go:embed common-words.tsv
var commonWords string

// Gazetteer returns the bundled gazetteer layers.
func Gazetteer() fs.FS { return layers }

// CommonWords returns the gazetteer names that are also ordinary words
// (common-words.tsv, made by cmd/common-words).
func CommonWords() io.Reader { return strings.NewReader(commonWords) }
