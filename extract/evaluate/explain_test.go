package evaluate

import (
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/geo"
)

var _ Lexicon = (*extract.Extractor)(nil)

// lexicon is an extractor over a hand-made gazetteer: its word lists are
// the extractor's own.
func lexicon() *extract.Extractor {
	sy := func(id, name string, kind geo.Kind, adm1, gov string, capital int) *geo.Place {
		return &geo.Place{ID: id, NameAr: name, Kind: kind, Country: "SY", Adm1: adm1, Adm1En: gov, Capital: capital}
	}
	g := geo.New([]*geo.Place{
		sy("SY02", "حلب", geo.Governorate, "SY02", "Aleppo", 0),
		sy("C1007", "حلب", geo.City, "SY02", "Aleppo", 1),
		sy("R1", "ريف حلب", geo.Region, "SY02", "Aleppo", 0),
		sy("SY05", "حماة", geo.Governorate, "SY05", "Hama", 0),
		sy("C2", "الصفصافة", geo.Village, "SY02", "Aleppo", 0),
		sy("C3", "الصفصافة", geo.Village, "SY10", "Tartous", 0),
		sy("C4", "رقة", geo.Village, "SY05", "Hama", 0),
		sy("C5", "جوبر", geo.Neighborhood, "SY01", "Damascus", 0),
		sy("C6", "برزة", geo.Neighborhood, "SY01", "Damascus", 0),
	})
	return extract.New(g, extract.WithCommonWords([]string{"الصفصافة"}))
}

// marked reads a fixture: [predicted] and {gold} spans in a text. It
// returns the text without the marks and the spans, in the order they
// open, with where each lies: a governorate, or a country's code.
func marked(t *testing.T, doc, text string, goldWhere, predWhere []string) (string, []Mention, []Mention) {
	t.Helper()
	var plain []rune
	var gold, pred []Mention
	var openGold, openPred []int
	for _, r := range text {
		switch r {
		case '{':
			openGold = append(openGold, len(gold))
			gold = append(gold, Mention{Doc: doc, Start: len(plain)})
		case '[':
			openPred = append(openPred, len(pred))
			pred = append(pred, Mention{Doc: doc, Start: len(plain)})
		case '}':
			k := openGold[len(openGold)-1]
			openGold = openGold[:len(openGold)-1]
			gold[k].End = len(plain)
		case ']':
			k := openPred[len(openPred)-1]
			openPred = openPred[:len(openPred)-1]
			pred[k].End = len(plain)
		default:
			plain = append(plain, r)
		}
	}
	where := func(ms []Mention, ws []string) {
		if len(ws) != len(ms) {
			t.Fatalf("%d spans, %d places", len(ms), len(ws))
		}
		for i := range ms {
			ms[i].Surface = string(plain[ms[i].Start:ms[i].End])
			w := ws[i]
			if len(w) == 2 && strings.ToUpper(w) == w {
				ms[i].Country = &w
				continue
			}
			sy := "SY"
			ms[i].Governorate, ms[i].Country = &w, &sy
		}
	}
	where(gold, goldWhere)
	where(pred, predWhere)
	return string(plain), gold, pred
}

func TestEvalCauses(t *testing.T) {
	lx := lexicon()
	type want struct {
		kind     ErrorKind
		cause    Cause
		surface  string
		evidence string // a part of it
	}
	tests := []struct {
		name            string
		text            string
		gold, pred      []string
		want            []want
		wantLine, wantN string
	}{
		{
			name: "after an organisation word",
			text: "قال المتحدث باسم لواء [الصفصافة] إن الهجوم فشل.",
			pred: []string{"Aleppo"},
			want: []want{{FalseAlarm, PersonOrOrganisation, "الصفصافة", "after «لواء»"}},
		},
		{
			name: "two words after an organisation word",
			text: "أعلنت جبهة «ثوار [حماة]» انسحابها.",
			pred: []string{"Hama"},
			want: []want{{FalseAlarm, PersonOrOrganisation, "حماة", "after «جبهة ثوار»"}},
		},
		{
			name: "a name that begins with a given name",
			text: "ظهر [أبو حماة] في تسجيل جديد.",
			pred: []string{"Hama"},
			want: []want{{FalseAlarm, PersonOrOrganisation, "أبو حماة", "begins with «أبو»"}},
		},
		{
			name: "a nisba after an indefinite noun",
			text: "شاركت فصائل [سورية] في الهجوم.",
			pred: []string{"SY"},
			want: []want{{FalseAlarm, AdjectiveOrDemonym, "سورية", "after «فصائل»"}},
		},
		{
			name: "a definite nisba after a definite noun",
			text: "أعلنت الطائرات [السعودية] عودتها.",
			pred: []string{"SA"},
			want: []want{{FalseAlarm, AdjectiveOrDemonym, "السعودية", "after «الطائرات»"}},
		},
		{
			name: "a common word",
			text: "جلس الرجل تحت ظل [الصفصافة] طويلا.",
			pred: []string{"Aleppo"},
			want: []want{{FalseAlarm, CommonWord, "الصفصافة", ""}},
		},
		{
			name: "split off a proclitic: the part is a word",
			text: "قال إنه و[إن] تأخر الرد فلن يتوقف.",
			pred: []string{"Hama"},
			want: []want{{FalseAlarm, CommonWord, "إن", ""}},
		},
		{
			name: "split off a proclitic: the whole word is a word",
			text: "أعلنت ف[رقة] المشاة وصولها.",
			pred: []string{"Hama"},
			want: []want{{FalseAlarm, CommonWord, "رقة", "part of «فرقة»"}},
		},
		{
			name: "a definite nisba after an indefinite noun is a name",
			text: "دخلوا قرية [الحميدية] فجرا.",
			pred: []string{"Hama"},
			want: []want{{FalseAlarm, OtherFalseAlarm, "الحميدية", ""}},
		},
		{
			name: "an organisation word before a preposition",
			text: "انتشرت قوات في [الصفصافة] أمس.",
			pred: []string{"Aleppo"},
			want: []want{{FalseAlarm, CommonWord, "الصفصافة", ""}},
		},
		{
			name: "a nisba after a preposition is no adjective",
			text: "وصل الوفد إلى [سورية] أمس.",
			pred: []string{"SY"},
			want: []want{{FalseAlarm, OtherFalseAlarm, "سورية", ""}},
		},
		{
			name: "a longer span took one gold mention",
			text: "قصف على حيي [{جوبر} و{برزة}] صباحا.",
			gold: []string{"Damascus", "Damascus"},
			pred: []string{"Damascus"},
			want: []want{{Miss, PartlyFound, "برزة", "atlas found «جوبر وبرزة»"}},
		},
		{
			name: "the gazetteer lacks the place",
			text: "اشتباكات عند {تل المشمش} ليلا.",
			gold: []string{"Hama"},
			want: []want{{Miss, GazetteerLacks, "تل المشمش", ""}},
		},
		{
			name: "the gazetteer has it with its proclitic stripped",
			text: "اشتباكات عند {بحماة} ليلا.",
			gold: []string{"Hama"},
			want: []want{{Miss, KnownNameDropped, "بحماة", ""}},
		},
		{
			name: "a known common word dropped",
			text: "وصلت التعزيزات إلى {الصفصافة} ليلا.",
			gold: []string{"Aleppo"},
			want: []want{{Miss, KnownNameDropped, "الصفصافة", "also an ordinary word"}},
		},
		{
			name:     "a foreign place put in Syria",
			text:     "عقد الاجتماع في مدينة {[سوتشي]} أمس.",
			gold:     []string{"RU"},
			pred:     []string{"Aleppo"},
			want:     []want{{WrongPlace, ForeignVsSyrian, "سوتشي", "gold RU, atlas SY"}},
			wantLine: "WRONG-COUNTRY d.txt 22 سوتشي gold RU pred SY",
		},
		{
			name:     "the sentence names the governorate",
			text:     "قصفت الطائرات {[الصفصافة]} ب{[ريف حلب]} الغربي.",
			gold:     []string{"Aleppo", "Aleppo"},
			pred:     []string{"Tartous", "Aleppo"},
			want:     []want{{WrongPlace, NamesakeAgainstContainer, "الصفصافة", "in the sentence «ريف حلب»"}},
			wantLine: "WRONG-GOV d.txt 14 الصفصافة gold Aleppo pred Tartous",
		},
		{
			name: "the section header names the governorate",
			text: "{[حلب]}:\nقصف مدفعي على {[الصفصافة]} صباحا.\nوقتل مدني.",
			gold: []string{"Aleppo", "Aleppo"},
			pred: []string{"Aleppo", "Tartous"},
			want: []want{{WrongPlace, NamesakeAgainstContainer, "الصفصافة", "under the header «حلب»"}},
		},
		{
			name: "another governorate in the sentence",
			text: "قصف على {[الصفصافة]} وعلى {[حماة]} صباحا.",
			gold: []string{"Aleppo", "Hama"},
			pred: []string{"Tartous", "Hama"},
			want: []want{{WrongPlace, Namesake, "الصفصافة", ""}},
		},
		{
			name: "a header below is no header of the sentence",
			text: "قصف على {[الصفصافة]} صباحا.\n{[حلب]}:\nهدوء.",
			gold: []string{"Aleppo", "Aleppo"},
			pred: []string{"Tartous", "Aleppo"},
			want: []want{{WrongPlace, Namesake, "الصفصافة", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, gold, pred := marked(t, "d.txt", tt.text, tt.gold, tt.pred)
			// A borderline mention that overlaps nothing, so that the
			// document is scored when it has no other gold.
			gold = append(gold, Mention{Doc: "d.txt", Borderline: true})
			r := Score(gold, pred)
			groups := Explain(r, map[string]string{"d.txt": text}, lx)
			var got []Error
			for _, g := range groups {
				if g.Count != len(g.Errors) {
					t.Errorf("group %s/%s counts %d of %d errors", g.Kind, g.Cause, g.Count, len(g.Errors))
				}
				got = append(got, g.Errors...)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d errors %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				e := got[i]
				if e.Kind != w.kind || e.Cause != w.cause || e.Surface != w.surface || !strings.Contains(e.Evidence, w.evidence) {
					t.Errorf("got %s/%s %q (%s), want %s/%s %q (%s)", e.Kind, e.Cause, e.Surface, e.Evidence, w.kind, w.cause, w.surface, w.evidence)
				}
				if !strings.Contains(e.Context, "["+e.Surface+"]") || strings.Contains(e.Context, "\n") {
					t.Errorf("context %q", e.Context)
				}
			}
			if tt.wantLine != "" {
				var b strings.Builder
				r.Print(&b, groups)
				if !strings.Contains(b.String(), "\n  "+tt.wantLine+"  | ") {
					t.Errorf("no line %q in:\n%s", tt.wantLine, b.String())
				}
			}
		})
	}
}

// TestEvalGroups: groups come by kind, the largest cause first, and
// the summary counts them under the referee's totals.
func TestEvalGroups(t *testing.T) {
	text, gold, pred := marked(t, "d.txt",
		"جلس تحت [الصفصافة] ثم تحت [الصفصافة] ودعمته فصائل [سورية]، وقصف {تل المشمش} و{[حماة]}.",
		[]string{"Hama", "Hama"}, []string{"Aleppo", "Aleppo", "SY", "Hama"})
	r := Score(gold, pred)
	groups := Explain(r, map[string]string{"d.txt": text}, lexicon())
	var got []string
	for _, g := range groups {
		got = append(got, string(g.Kind)+"/"+string(g.Cause))
	}
	want := []string{"false alarm/common word", "false alarm/adjective or demonym", "miss/gazetteer lacks the place"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Fatalf("groups %v, want %v", got, want)
	}
	if groups[0].Count != 2 || groups[0].Errors[0].Start > groups[0].Errors[1].Start {
		t.Errorf("first group %+v", groups[0])
	}
	// Without the texts the causes that need no context stand.
	blind := Explain(r, nil, lexicon())
	if len(blind) != 3 || blind[0].Cause != CommonWord || blind[1].Cause != OtherFalseAlarm || blind[0].Errors[0].Context != "" {
		t.Errorf("without texts: %+v", blind)
	}
	var b strings.Builder
	r.Print(&b, groups)
	out := b.String()
	for _, line := range []string{
		"\nfalse alarms 3\n      2  common word\n      1  adjective or demonym\nmissed 1\n      1  gazetteer lacks the place\nwrong places 0 (wrong governorate 0, wrong country 0)\n",
		"\nfalse alarm: common word (2)\n  FALSE d.txt 8 الصفصافة Aleppo  | جلس تحت [الصفصافة] ثم",
		"\nmiss: gazetteer lacks the place (1)\n  MISS d.txt 58 تل المشمش Hama  | ",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("no %q in:\n%s", line, out)
		}
	}
	if !strings.HasSuffix(out, "\nf1=0.333 gov_acc=1.000 country_acc=1.000\n") {
		t.Errorf("last line of:\n%s", out)
	}
	var j strings.Builder
	if err := r.WriteJSON(&j, groups); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"false_alarms": 3`, `"cause": "adjective or demonym"`, `"context": "…`, `"surface": "تل المشمش"`} {
		if !strings.Contains(j.String(), s) {
			t.Errorf("no %s in JSON:\n%s", s, j.String())
		}
	}
}
