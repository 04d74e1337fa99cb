// Package data embeds atlas's bundled gazetteer: GeoJSON layers written by
// cmd/gazetteer-import from the sources credited in README.md.
package data

import (
	"embed"
	"io/fs"
)

//go:embed *.geojson
var layers embed.FS

// Gazetteer returns the bundled gazetteer layers.
func Gazetteer() fs.FS { return layers }
