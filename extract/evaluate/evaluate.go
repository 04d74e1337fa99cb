// Package evaluate scores predicted place mentions against hand-checked
// gold mentions, with the matching rules of the gold set's score.py: a
// prediction matches a gold mention of the same document when their spans
// overlap; borderline gold mentions are left out, and so are predictions
// that overlap only borderline gold.
package evaluate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Mention is a gold or predicted mention, as in the JSON lines files.
type Mention struct {
	Doc         string  `json:"doc"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Surface     string  `json:"surface"`
	Governorate *string `json:"governorate"`
	Country     *string `json:"country"`
	Borderline  bool    `json:"borderline,omitempty"`
}

func (m Mention) gov() string {
	if m.Governorate == nil {
		return ""
	}
	return *m.Governorate
}

func (m Mention) country() string {
	if m.Country == nil {
		return ""
	}
	return *m.Country
}

// Pair is a gold mention and the prediction that matched it.
type Pair struct{ Gold, Pred Mention }

// Report is the outcome of Score.
type Report struct {
	Gold, Predicted, Matched     int
	Precision, Recall, F1        float64
	GovOK, GovPairs, CountryOK   int
	GovAccuracy, CountryAccuracy float64
	Misses, FalseAlarms          []Mention
	WrongGovernorate             []Pair
	// Pairs are all the matches, and Predictions every prediction
	// scored (those of the documents the gold set covers), in document
	// and offset order.
	Pairs       []Pair
	Predictions []Mention
}

// Score compares predictions with gold. Predictions for documents the
// gold set does not cover are ignored.
func Score(gold, pred []Mention) Report {
	byDoc := map[string][]Mention{}
	for _, g := range gold {
		byDoc[g.Doc] = append(byDoc[g.Doc], g)
	}
	preds := covered(pred, func(m Mention) (string, int) { return m.Doc, m.Start }, func(doc string) bool { return byDoc[doc] != nil })
	type key struct {
		doc string
		i   int
	}
	used := map[key]bool{}
	var r Report
	var pairs []Pair
	for _, p := range preds {
		outcome := "" // "", gold, border, dup
		var hit Mention
		for i, g := range byDoc[p.Doc] {
			if !(g.Start < p.End && p.Start < g.End) {
				continue
			}
			if g.Borderline {
				if outcome == "" {
					outcome = "border"
				}
				continue
			}
			k := key{p.Doc, i}
			if !used[k] {
				used[k], outcome, hit = true, "gold", g
				break
			}
			if outcome == "" {
				outcome = "dup"
			}
		}
		switch outcome {
		case "gold":
			pairs = append(pairs, Pair{hit, p})
		case "", "dup":
			r.FalseAlarms = append(r.FalseAlarms, p)
		}
	}
	matched := map[key]bool{}
	for _, pr := range pairs {
		matched[key{pr.Gold.Doc, pr.Gold.Start}] = true
	}
	for _, g := range gold {
		if g.Borderline {
			continue
		}
		r.Gold++
		if !matched[key{g.Doc, g.Start}] {
			r.Misses = append(r.Misses, g)
		}
	}
	r.Predicted, r.Matched = len(preds), len(pairs)
	r.Pairs, r.Predictions = pairs, preds
	r.Precision, r.Recall, r.F1 = prf(len(pairs), len(r.FalseAlarms), r.Gold)
	for _, pr := range pairs {
		if pr.Pred.country() == pr.Gold.country() {
			r.CountryOK++
		}
		if pr.Gold.country() == "SY" && pr.Gold.gov() != "" {
			r.GovPairs++
			if pr.Pred.gov() == pr.Gold.gov() {
				r.GovOK++
			} else {
				r.WrongGovernorate = append(r.WrongGovernorate, pr)
			}
		}
	}
	if r.GovPairs > 0 {
		r.GovAccuracy = float64(r.GovOK) / float64(r.GovPairs)
	}
	if len(pairs) > 0 {
		r.CountryAccuracy = float64(r.CountryOK) / float64(len(pairs))
	}
	return r
}

// covered keeps the predictions for documents the gold set covers
// (known), in document and offset order.
func covered[T any](pred []T, at func(T) (doc string, start int), known func(doc string) bool) []T {
	var out []T
	for _, p := range pred {
		if doc, _ := at(p); known(doc) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, si := at(out[i])
		dj, sj := at(out[j])
		if di != dj {
			return di < dj
		}
		return si < sj
	})
	return out
}

// prf is precision, recall and F1 from matches, false alarms and gold.
func prf(tp, fp, gold int) (precision, recall, f1 float64) {
	if tp+fp > 0 {
		precision = float64(tp) / float64(tp+fp)
	}
	if gold > 0 {
		recall = float64(tp) / float64(gold)
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

// Read reads JSON lines of mentions.
func Read(r io.Reader) ([]Mention, error) { return readLines[Mention](r) }

// readLines reads one JSON value a line, skipping blank lines; errors
// name the line.
func readLines[T any](r io.Reader) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

func or(a, b string) string {
	switch {
	case a != "":
		return a
	case b != "":
		return b
	}
	return "None"
}
