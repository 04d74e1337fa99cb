package evaluate

import (
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	gold, err := Read(strings.NewReader(`{"doc":"a.txt","start":0,"end":3,"surface":"حلب","governorate":"Aleppo","country":"SY"}
{"doc":"a.txt","start":10,"end":14,"surface":"حماة","governorate":"Hama","country":"SY"}
{"doc":"a.txt","start":20,"end":25,"surface":"جنيف","governorate":null,"country":"CH","borderline":true}
{"doc":"a.txt","start":30,"end":35,"surface":"موسكو","governorate":null,"country":"RU"}
`))
	if err != nil {
		t.Fatal(err)
	}
	pred, _ := Read(strings.NewReader(`{"doc":"dir/a.txt","start":0,"end":3,"governorate":"Aleppo","country":"SY"}
{"doc":"a.txt","start":1,"end":2,"governorate":"Aleppo","country":"SY"}
{"doc":"a.txt","start":10,"end":14,"governorate":"Homs","country":"SY"}
{"doc":"a.txt","start":21,"end":24,"governorate":null,"country":"CH"}
{"doc":"a.txt","start":40,"end":44,"governorate":null,"country":"SY"}
{"doc":"other.txt","start":0,"end":3,"governorate":null,"country":"SY"}
`))
	for i := range pred {
		pred[i].Doc = strings.TrimPrefix(pred[i].Doc, "dir/")
	}
	r := Score(gold, pred)
	// matched: حلب, حماة; false: the second حلب (a duplicate) and the one
	// at 40; ignored: the borderline جنيف and the other document.
	if r.Gold != 3 || r.Matched != 2 || len(r.FalseAlarms) != 2 || len(r.Misses) != 1 {
		t.Fatalf("gold %d matched %d false %d missed %d", r.Gold, r.Matched, len(r.FalseAlarms), len(r.Misses))
	}
	if r.Precision != 0.5 || r.GovOK != 1 || r.GovPairs != 2 || len(r.WrongGovernorate) != 1 {
		t.Errorf("precision %.2f gov %d/%d", r.Precision, r.GovOK, r.GovPairs)
	}
	var b strings.Builder
	r.Print(&b, true)
	if !strings.Contains(b.String(), "WRONG-GOV a.txt 10 حماة gold Hama pred Homs") || !strings.HasSuffix(b.String(), "f1=0.571 gov_acc=0.500 country_acc=1.000\n") {
		t.Errorf("printed:\n%s", b.String())
	}
}
