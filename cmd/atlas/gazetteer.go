package main

import (
	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"
)

// loadGazetteer loads the bundled gazetteer.
func loadGazetteer() (*geo.Gazetteer, error) {
	return geo.Load(data.Gazetteer())
}
