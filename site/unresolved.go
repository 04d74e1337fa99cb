package site

import (
	"bytes"
	"encoding/csv"
	"strconv"
)

// writeUnresolved writes unresolved.csv: each name that a trigger word
// announced (بلدة X) and the gazetteer lacks, with how often it came, one
// sentence that has it, and the first file — what an editor needs to add
// it to the site's gazetteer. It returns the number of names.
func writeUnresolved(w *writer, list []*unresolvedName) (int, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"name", "count", "example", "file"})
	for _, r := range list {
		writeCSVRow(cw, []string{r.name, strconv.Itoa(r.count), r.example, r.file})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return 0, err
	}
	return len(list), w.write("unresolved.csv", buf.Bytes())
}
