package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Print writes the report as score.py does. With groups (from Explain)
// it writes, before score.py's last line, the number of errors of each
// cause, largest first under each kind, and then every error under its
// cause: score.py's --show line (FALSE, MISS, WRONG-GOV; WRONG-COUNTRY for
// the other wrong countries), the evidence and the context.
func (r Report) Print(w io.Writer, groups []Group) {
	fmt.Fprintf(w, "gold mentions %d  predicted %d  matched %d  false alarms %d  missed %d\n",
		r.Gold, r.Predicted, r.Matched, len(r.FalseAlarms), r.Gold-r.Matched)
	fmt.Fprintf(w, "recognition precision %.3f  recall %.3f  F1 %.3f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(w, "governorate accuracy %.3f (%d/%d)  country accuracy %.3f (%d/%d)\n",
		r.GovAccuracy, r.GovOK, r.GovPairs, r.CountryAccuracy, r.CountryOK, r.Matched)
	if groups != nil {
		r.printCauses(w, groups)
		for _, g := range groups {
			fmt.Fprintf(w, "\n%s: %s (%d)\n", g.Kind, g.Cause, g.Count)
			for _, e := range g.Errors {
				line := "  " + e.scoreLine()
				if e.Evidence != "" {
					line += "  | " + e.Evidence
				}
				fmt.Fprintln(w, line+"  | "+e.Context)
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "f1=%.3f gov_acc=%.3f country_acc=%.3f\n", r.F1, r.GovAccuracy, r.CountryAccuracy)
}

// printCauses writes each kind's total and its causes' counts.
func (r Report) printCauses(w io.Writer, groups []Group) {
	for _, k := range kindOrder {
		n := 0
		for _, g := range groups {
			if g.Kind == k {
				n += g.Count
			}
		}
		switch k {
		case FalseAlarm:
			fmt.Fprintf(w, "\nfalse alarms %d\n", n)
		case Miss:
			fmt.Fprintf(w, "missed %d\n", n)
		case WrongPlace:
			fmt.Fprintf(w, "wrong places %d (wrong governorate %d, wrong country %d)\n",
				n, len(r.WrongGovernorate), r.Matched-r.CountryOK)
		}
		for _, g := range groups {
			if g.Kind == k {
				fmt.Fprintf(w, "  %5d  %s\n", g.Count, g.Cause)
			}
		}
	}
}

// scoreLine is the error as score.py --show lists it; a wrong country
// where the governorate is right or not scored (a foreign place) is
// WRONG-COUNTRY, which score.py does not list.
func (e Error) scoreLine() string {
	f := []string{}
	switch {
	case e.Kind == FalseAlarm:
		f = append(f, "FALSE", e.Doc, fmt.Sprint(e.Start), e.Surface, or(e.Pred.gov(), e.Pred.country()))
	case e.Kind == Miss:
		f = append(f, "MISS", e.Doc, fmt.Sprint(e.Start), e.Surface, or(e.Gold.gov(), e.Gold.country()))
	case e.Gold.country() == "SY" && e.Gold.gov() != "" && e.Pred.gov() != e.Gold.gov():
		f = append(f, "WRONG-GOV", e.Doc, fmt.Sprint(e.Start), e.Surface, "gold", e.Gold.gov(), "pred", or(e.Pred.gov(), ""))
	default:
		f = append(f, "WRONG-COUNTRY", e.Doc, fmt.Sprint(e.Start), e.Surface, "gold", or(e.Gold.country(), ""), "pred", or(e.Pred.country(), ""))
	}
	return strings.Join(f, " ")
}

// jsonReport is the report as --format json writes it.
type jsonReport struct {
	Gold            int     `json:"gold"`
	Predicted       int     `json:"predicted"`
	Matched         int     `json:"matched"`
	FalseAlarms     int     `json:"false_alarms"`
	Missed          int     `json:"missed"`
	Precision       float64 `json:"precision"`
	Recall          float64 `json:"recall"`
	F1              float64 `json:"f1"`
	GovAccuracy     float64 `json:"gov_accuracy"`
	GovOK           int     `json:"gov_ok"`
	GovPairs        int     `json:"gov_pairs"`
	CountryAccuracy float64 `json:"country_accuracy"`
	CountryOK       int     `json:"country_ok"`
	Groups          []Group `json:"groups,omitempty"`
}

// WriteJSON writes the report as one JSON object, with groups (from
// Explain) when given.
func (r Report) WriteJSON(w io.Writer, groups []Group) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonReport{
		Gold: r.Gold, Predicted: r.Predicted, Matched: r.Matched, FalseAlarms: len(r.FalseAlarms), Missed: r.Gold - r.Matched,
		Precision: r.Precision, Recall: r.Recall, F1: r.F1,
		GovAccuracy: r.GovAccuracy, GovOK: r.GovOK, GovPairs: r.GovPairs,
		CountryAccuracy: r.CountryAccuracy, CountryOK: r.CountryOK, Groups: groups,
	})
}
