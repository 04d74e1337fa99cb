package site

import (
	"bytes"
	"encoding/csv"
	"sort"
	"strconv"
)

// writeUnresolved writes unresolved.csv: each name that a trigger word
// announced (بلدة X) and the gazetteer lacks, with how often it came, one
// sentence that has it, and the first file — what an editor needs to add
// it to the site's gazetteer. It returns the number of names.
func writeUnresolved(w *writer, articles []*Article) (int, error) {
	type row struct {
		name, example, file string
		count               int
	}
	rows := map[string]*row{}
	for _, a := range articles {
		for _, u := range a.Unresolved {
			r := rows[u.Name]
			if r == nil {
				r = &row{name: u.Name, example: u.Sentence, file: a.Path}
				rows[u.Name] = r
			}
			r.count++
		}
	}
	list := make([]*row, 0, len(rows))
	for _, r := range rows {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].name < list[j].name
	})
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"name", "count", "example", "file"})
	for _, r := range list {
		cw.Write([]string{r.name, strconv.Itoa(r.count), r.example, r.file})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return 0, err
	}
	return len(list), w.write("unresolved.csv", buf.Bytes())
}
