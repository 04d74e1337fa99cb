package site

import (
	"bytes"
	"encoding/csv"
	"github.com/briefing-atlas/atlas/site/publish"
	"strconv"

	"github.com/briefing-atlas/atlas/geo"
)

// writeUnresolved writes unresolved.csv: each name that a trigger word
// announced (بلدة X) and the gazetteer lacks, with how often it came, one
// sentence that has it, the first file, and a GeoJSON feature ready to
// paste into a file of the site's gazetteer/ folder (placed where the
// text was about, to be corrected) — what an editor needs to add it. It
// returns the number of names.
func writeUnresolved(w *publish.Stage, list []*unresolvedName) (int, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"name", "count", "example", "file", "feature"})
	for _, r := range list {
		feature := ""
		if r.draft != nil {
			line, err := geo.Feature(r.draft)
			if err != nil {
				return 0, err
			}
			feature = string(line)
		}
		writeCSVRow(cw, []string{r.name, strconv.Itoa(r.count), r.example, r.file, feature})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return 0, err
	}
	return len(list), w.Write("unresolved.csv", buf.Bytes())
}
