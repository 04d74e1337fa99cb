// Command gazetteer-import rebuilds atlas's bundled gazetteer (data/*.geojson)
// from the public source files described in gazetteer-src/PROVENANCE.md.
//
//	go run ./cmd/gazetteer-import --from ../shared/gazetteer-src --out data
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/briefing-atlas/atlas/geo/importer"
)

func main() {
	from := flag.String("from", "../shared/gazetteer-src", "folder of gazetteer source files")
	out := flag.String("out", "data", "folder to write the GeoJSON layers to (holds aliases.tsv)")
	flag.Parse()
	if err := importer.Run(*from, *out, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer-import:", err)
		os.Exit(1)
	}
}
