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
	if len(r.Pairs) != 2 || len(r.Predictions) != 5 {
		t.Errorf("%d pairs, %d predictions scored", len(r.Pairs), len(r.Predictions))
	}
	var b strings.Builder
	r.Print(&b, nil)
	want := "gold mentions 3  predicted 5  matched 2  false alarms 2  missed 1\n" +
		"recognition precision 0.500  recall 0.667  F1 0.571\n" +
		"governorate accuracy 0.500 (1/2)  country accuracy 1.000 (2/2)\n" +
		"f1=0.571 gov_acc=0.500 country_acc=1.000\n"
	if b.String() != want {
		t.Errorf("printed:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestScoreEvents(t *testing.T) {
	gold, err := ReadEvents(strings.NewReader(`{"doc":"a.txt","start":0,"end":40,"evidence":"x","type":"Battles","sub_type":"Armed clash","governorate":"Hama","country":"SY","fatalities":3}
{"doc":"a.txt","start":50,"end":90,"type":"Explosions/Remote violence","sub_type":"Air/drone strike","governorate":"Idleb","country":"SY","fatalities":null}
{"doc":"a.txt","start":100,"end":120,"type":"Political developments","sub_type":"Meeting or visit","governorate":null,"country":"RU","borderline":true}
`))
	if err != nil {
		t.Fatal(err)
	}
	pred, _ := ReadEvents(strings.NewReader(`{"doc":"a.txt","start":10,"end":30,"type":"Battles","sub_type":"Non-state actor overtakes territory","governorate":"Hama","country":"SY","fatalities":3}
{"doc":"a.txt","start":55,"end":60,"type":"Explosions/Remote violence","sub_type":"Air/drone strike","governorate":"Aleppo","country":"SY"}
{"doc":"a.txt","start":105,"end":110,"type":"Political developments","sub_type":"Meeting or visit","governorate":null,"country":"RU"}
`))
	r := ScoreEvents(gold, pred)
	// matched: the clash (right type, wrong sub-type, right toll); false:
	// the strike placed in the wrong governorate; ignored: the borderline
	// meeting.
	if r.Gold != 2 || r.Matched != 1 || len(r.FalseAlarms) != 1 || len(r.Misses) != 1 {
		t.Fatalf("gold %d matched %d false %d missed %d", r.Gold, r.Matched, len(r.FalseAlarms), len(r.Misses))
	}
	if r.TypeAccuracy != 1 || r.SubAccuracy != 0 || r.FatalAccuracy != 1 {
		t.Errorf("type %.2f sub %.2f fatal %.2f", r.TypeAccuracy, r.SubAccuracy, r.FatalAccuracy)
	}
	var b strings.Builder
	r.Print(&b, true)
	if !strings.HasSuffix(b.String(), "f1=0.500 type_acc=1.000 sub_acc=0.000 fatal_acc=1.000\n") {
		t.Errorf("printed:\n%s", b.String())
	}
	// Per sub-type: the clash is gold's and was missed as a clash (the
	// pair's sub-type is wrong); the strike was predicted once, wrongly
	// placed; the borderline meeting counts on neither side.
	want := map[string]TypeScore{
		"Armed clash":                         {SubType: "Armed clash", Gold: 1},
		"Non-state actor overtakes territory": {SubType: "Non-state actor overtakes territory", Predicted: 1},
		"Air/drone strike":                    {SubType: "Air/drone strike", Gold: 1, Predicted: 1},
	}
	if len(r.PerType) != len(want) {
		t.Errorf("per type %+v", r.PerType)
	}
	for _, s := range r.PerType {
		if s != want[s.SubType] {
			t.Errorf("%s: %+v, want %+v", s.SubType, s, want[s.SubType])
		}
	}
	if r.Confusion["Armed clash"]["Non-state actor overtakes territory"] != 1 {
		t.Errorf("confusion %v", r.Confusion)
	}
	// The strike is a false alarm at another place than gold's, and gold's
	// strike a miss for the same reason.
	if r.FalseCause[0] != causeOtherPlace || r.MissCause[0] != causeOtherPlace {
		t.Errorf("causes %v %v", r.FalseCause, r.MissCause)
	}
	for _, line := range []string{"Armed clash → Non-state actor overtakes territory  1", "| another place |"} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("printed output lacks %q:\n%s", line, b.String())
		}
	}
}
