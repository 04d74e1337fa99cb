package evaluate

import (
	"fmt"
	"io"
	"sort"
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
	// PerType scores each sub-type, gold's and atlas's, by name.
	PerType []TypeScore
	// Confusion counts the matched pairs by gold sub-type, then by
	// predicted sub-type.
	Confusion map[string]map[string]int
	// FalseCause and MissCause say why each false alarm and miss (same
	// index) is one: "another place" when an event of the other side
	// overlaps it in another governorate or country, else "no gold
	// event there" / "not detected".
	FalseCause, MissCause []string
}

// TypeScore is the detection of one sub-type: a pair counts when both
// sides have the sub-type.
type TypeScore struct {
	SubType                string
	Gold, Predicted, Right int
	Precision, Recall, F1  float64
}

// The causes of false alarms and misses.
const (
	causeOtherPlace = "another place"
	causeNoGold     = "no gold event there"
	causeUndetected = "not detected"
)

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
	for _, p := range r.FalseAlarms {
		cause := causeNoGold
		for _, i := range byDoc[p.Doc] {
			if g := gold[i]; !g.Borderline && g.Start < p.End && p.Start < g.End {
				cause = causeOtherPlace
				break
			}
		}
		r.FalseCause = append(r.FalseCause, cause)
	}
	for _, g := range r.Misses {
		cause := causeUndetected
		for _, p := range preds {
			if p.Doc == g.Doc && g.Start < p.End && p.Start < g.End {
				cause = causeOtherPlace
				break
			}
		}
		r.MissCause = append(r.MissCause, cause)
	}
	r.PerType, r.Confusion = perType(gold, r.FalseAlarms, pairs)
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

// perType scores each sub-type and counts the pairs' confusion. The
// predictions counted are those scored: the matched and the false alarms
// (not those left out for overlapping only borderline gold).
func perType(gold, falseAlarms []Event, pairs []EventPair) ([]TypeScore, map[string]map[string]int) {
	scores := map[string]*TypeScore{}
	get := func(st string) *TypeScore {
		if scores[st] == nil {
			scores[st] = &TypeScore{SubType: st}
		}
		return scores[st]
	}
	for _, g := range gold {
		if !g.Borderline {
			get(g.SubType).Gold++
		}
	}
	for _, p := range falseAlarms {
		get(p.SubType).Predicted++
	}
	confusion := map[string]map[string]int{}
	for _, pr := range pairs {
		get(pr.Pred.SubType).Predicted++
		if pr.Gold.SubType == pr.Pred.SubType {
			get(pr.Gold.SubType).Right++
		}
		if confusion[pr.Gold.SubType] == nil {
			confusion[pr.Gold.SubType] = map[string]int{}
		}
		confusion[pr.Gold.SubType][pr.Pred.SubType]++
	}
	out := make([]TypeScore, 0, len(scores))
	for _, s := range scores {
		if s.Predicted > 0 {
			s.Precision = float64(s.Right) / float64(s.Predicted)
		}
		if s.Gold > 0 {
			s.Recall = float64(s.Right) / float64(s.Gold)
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Gold != out[j].Gold {
			return out[i].Gold > out[j].Gold
		}
		return out[i].SubType < out[j].SubType
	})
	return out, confusion
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
	r.printTypes(w)
	if show {
		for _, cause := range []string{causeOtherPlace, causeUndetected} {
			for i, g := range r.Misses {
				if r.MissCause[i] == cause {
					ev := []rune(g.Evidence)
					fmt.Fprintln(w, "MISS", g.Doc, g.Start, g.Type, "/", g.SubType, "|", cause, "|", string(ev[:min(80, len(ev))]))
				}
			}
		}
		for _, cause := range []string{causeOtherPlace, causeNoGold} {
			for i, p := range r.FalseAlarms {
				if r.FalseCause[i] == cause {
					fmt.Fprintln(w, "FALSE", p.Doc, p.Start, p.Type, "/", p.SubType, or(str(p.Governorate), str(p.Country)), "|", cause)
				}
			}
		}
		for _, pr := range r.WrongType {
			fmt.Fprintln(w, "WRONG-TYPE", pr.Gold.Doc, pr.Gold.Start, "gold", pr.Gold.SubType, "pred", pr.Pred.SubType)
		}
	}
	fmt.Fprintf(w, "f1=%.3f type_acc=%.3f sub_acc=%.3f fatal_acc=%.3f\n", r.F1, r.TypeAccuracy, r.SubAccuracy, r.FatalAccuracy)
}

// printTypes writes the per-sub-type table and, for the matched pairs
// whose sub-type is wrong, the confusion: gold → atlas (count).
func (r EventReport) printTypes(w io.Writer) {
	fmt.Fprintf(w, "\n%-40s %5s %5s %5s %6s %6s %6s\n", "sub-type", "gold", "pred", "right", "P", "R", "F1")
	for _, s := range r.PerType {
		fmt.Fprintf(w, "%-40s %5d %5d %5d %6.3f %6.3f %6.3f\n", s.SubType, s.Gold, s.Predicted, s.Right, s.Precision, s.Recall, s.F1)
	}
	type cell struct {
		gold, pred string
		n          int
	}
	var cells []cell
	for g, row := range r.Confusion {
		for p, n := range row {
			if g != p {
				cells = append(cells, cell{g, p, n})
			}
		}
	}
	sort.Slice(cells, func(i, j int) bool {
		if cells[i].n != cells[j].n {
			return cells[i].n > cells[j].n
		}
		return cells[i].gold+cells[i].pred < cells[j].gold+cells[j].pred
	})
	if len(cells) > 0 {
		fmt.Fprintln(w, "\nconfusion (gold → atlas, matched pairs):")
		for _, c := range cells {
			fmt.Fprintf(w, "  %s → %s  %d\n", c.gold, c.pred, c.n)
		}
	}
	fmt.Fprintln(w)
}
