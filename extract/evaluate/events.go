package evaluate

import (
	"fmt"
	"io"
)

// Event is a gold or predicted event, as in the JSON lines files.
type Event struct {
	Doc         string  `json:"doc"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Evidence    string  `json:"evidence"`
	Type        string  `json:"type"`
	SubType     string  `json:"sub_type"`
	Governorate *string `json:"governorate"`
	Country     *string `json:"country"`
	Fatalities  *int    `json:"fatalities"`
	Borderline  bool    `json:"borderline"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// samePlace: the same governorate inside Syria, the same country outside.
func samePlace(g, p Event) bool {
	if str(g.Governorate) != "" {
		return str(p.Governorate) == str(g.Governorate)
	}
	return str(p.Country) == str(g.Country)
}

// EventPair is a gold event and the prediction that matched it.
type EventPair struct{ Gold, Pred Event }

// EventReport is the outcome of ScoreEvents.
type EventReport struct {
	Gold, Predicted, Matched  int
	Precision, Recall, F1     float64
	TypeOK, SubTypeOK         int
	FatalOK, FatalPairs       int
	TypeAccuracy, SubAccuracy float64
	FatalAccuracy             float64
	Misses, FalseAlarms       []Event
	WrongType                 []EventPair
}

// ScoreEvents compares predicted events with gold ones, with the rules of
// the gold set's score_events.py: a prediction matches an unused gold
// event of the same document when the evidence spans overlap and the
// place agrees; borderline gold is left out, and so are predictions that
// overlap only borderline gold.
func ScoreEvents(gold, pred []Event) EventReport {
	byDoc := map[string][]int{}
	for i, g := range gold {
		byDoc[g.Doc] = append(byDoc[g.Doc], i)
	}
	preds := covered(pred, func(e Event) (string, int) { return e.Doc, e.Start }, func(doc string) bool { return byDoc[doc] != nil })
	used := map[int]bool{}
	var r EventReport
	var pairs []EventPair
	for _, p := range preds {
		hit, border := -1, false
		for _, i := range byDoc[p.Doc] {
			g := gold[i]
			if g.Start < p.End && p.Start < g.End && samePlace(g, p) {
				if g.Borderline {
					border = true
				} else if !used[i] {
					hit = i
					break
				}
			}
		}
		switch {
		case hit >= 0:
			used[hit] = true
			pairs = append(pairs, EventPair{gold[hit], p})
		case !border:
			r.FalseAlarms = append(r.FalseAlarms, p)
		}
	}
	for i, g := range gold {
		if g.Borderline {
			continue
		}
		r.Gold++
		if !used[i] {
			r.Misses = append(r.Misses, g)
		}
	}
	r.Predicted, r.Matched = len(preds), len(pairs)
	tp := len(pairs)
	r.Precision, r.Recall, r.F1 = prf(tp, len(r.FalseAlarms), r.Gold)
	for _, pr := range pairs {
		if pr.Pred.Type == pr.Gold.Type {
			r.TypeOK++
			if pr.Pred.SubType == pr.Gold.SubType {
				r.SubTypeOK++
			}
		}
		if pr.Pred.Type != pr.Gold.Type || pr.Pred.SubType != pr.Gold.SubType {
			r.WrongType = append(r.WrongType, pr)
		}
		if pr.Gold.Fatalities != nil {
			r.FatalPairs++
			if pr.Pred.Fatalities != nil && *pr.Pred.Fatalities == *pr.Gold.Fatalities {
				r.FatalOK++
			}
		}
	}
	if tp > 0 {
		r.TypeAccuracy = float64(r.TypeOK) / float64(tp)
		r.SubAccuracy = float64(r.SubTypeOK) / float64(tp)
	}
	if r.FatalPairs > 0 {
		r.FatalAccuracy = float64(r.FatalOK) / float64(r.FatalPairs)
	}
	return r
}

// ReadEvents reads JSON lines of events.
func ReadEvents(r io.Reader) ([]Event, error) { return readLines[Event](r) }

// Print writes the report as score_events.py does.
func (r EventReport) Print(w io.Writer, show bool) {
	fmt.Fprintf(w, "gold events %d  predicted %d  matched %d  false alarms %d  missed %d\n",
		r.Gold, r.Predicted, r.Matched, len(r.FalseAlarms), r.Gold-r.Matched)
	fmt.Fprintf(w, "detection precision %.3f  recall %.3f  F1 %.3f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(w, "type accuracy %.3f  sub-type accuracy %.3f  fatalities exact %.3f (%d/%d)\n",
		r.TypeAccuracy, r.SubAccuracy, r.FatalAccuracy, r.FatalOK, r.FatalPairs)
	if show {
		for _, g := range r.Misses {
			ev := []rune(g.Evidence)
			fmt.Fprintln(w, "MISS", g.Doc, g.Start, g.Type, "/", g.SubType, string(ev[:min(80, len(ev))]))
		}
		for _, p := range r.FalseAlarms {
			fmt.Fprintln(w, "FALSE", p.Doc, p.Start, p.Type, "/", p.SubType, or(str(p.Governorate), str(p.Country)))
		}
		for _, pr := range r.WrongType {
			fmt.Fprintln(w, "WRONG-TYPE", pr.Gold.Doc, pr.Gold.Start, "gold", pr.Gold.SubType, "pred", pr.Pred.SubType)
		}
	}
	fmt.Fprintf(w, "f1=%.3f type_acc=%.3f sub_acc=%.3f fatal_acc=%.3f\n", r.F1, r.TypeAccuracy, r.SubAccuracy, r.FatalAccuracy)
}
