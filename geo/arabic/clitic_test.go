package arabic

import (
	"slices"
	"strings"
	"testing"
)

func TestReadings(t *testing.T) {
	// Each reading as proclitic+word; an Article reading's word carries
	// the restored alef.
	tests := []struct {
		word string
		opt  Options
		want []string
	}{
		{"وبحمص", Options{MinRest: 2}, []string{"و+بحمص", "وب+حمص"}},
		{"فلدمشق", Options{MinRest: 2}, []string{"ف+لدمشق", "فل+دمشق"}},
		{"للقنيطره", Options{MinRest: 2}, []string{"ل+لقنيطره", "ل+القنيطره"}},
		{"وللقنيطره", Options{MinRest: 2}, []string{"و+للقنيطره", "ول+لقنيطره", "ول+القنيطره"}},
		{"كمدينه", Options{MinRest: 2}, []string{"ك+مدينه"}},
		{"كمدينه", Options{MinRest: 2, NoKaf: true}, nil},
		{"وكفر", Options{MinRest: 3, NoKaf: true}, []string{"و+كفر"}},
		// Too short a remainder: باب is no ب + اب.
		{"باب", Options{MinRest: 3}, nil},
		{"باب", Options{MinRest: 2}, []string{"ب+اب"}},
		// The article's ل does not count among the letters kept.
		{"للمه", Options{MinRest: 2}, []string{"ل+لمه", "ل+المه"}},
		{"للم", Options{MinRest: 2}, []string{"ل+لم"}},
		{"حلب", Options{MinRest: 2}, nil},
		{"و", Options{}, []string{"و+"}},
		{"", Options{}, nil},
	}
	for _, tt := range tests {
		var got []string
		for r := range Readings(tt.word, tt.opt) {
			got = append(got, r.Proclitic.Form+"+"+r.Word())
			if !r.Article && r.Proclitic.Form+r.Rest != tt.word {
				t.Errorf("Readings(%q): %q + %q is not the word", tt.word, r.Proclitic.Form, r.Rest)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Readings(%q, %+v) = %q, want %q", tt.word, tt.opt, got, tt.want)
		}
	}
}

func TestStripProclitics(t *testing.T) {
	tests := []struct {
		word string
		opt  Options
		want string
	}{
		{"وبشارع", Options{MinRest: 3}, "شارع"},
		{"فبساحه", Options{MinRest: 3}, "ساحه"},
		{"بساحه", Options{MinRest: 3}, "ساحه"},
		{"وبير", Options{MinRest: 3}, "بير"},
		{"باب", Options{MinRest: 3}, "باب"},
		{"كتيبه", Options{MinRest: 3, NoKaf: true}, "كتيبه"},
		{"كتيبه", Options{MinRest: 3}, "تيبه"},
		// The article stays as written.
		{"للمدينه", Options{MinRest: 2}, "لمدينه"},
		{"حماه", Options{MinRest: 2}, "حماه"},
	}
	for _, tt := range tests {
		if got := StripProclitics(tt.word, tt.opt); got != tt.want {
			t.Errorf("StripProclitics(%q, %+v) = %q, want %q", tt.word, tt.opt, got, tt.want)
		}
	}
}

// TestProcliticTable holds the table to its grammar: a conjunction, then
// a preposition, shortest first, folded, and ل alone elides the article.
func TestProcliticTable(t *testing.T) {
	n := 0
	for p := range Proclitics() {
		if p.Form != p.Conjunction+p.Preposition || p.Form == "" {
			t.Errorf("%+v: the form is not its parts", p)
		}
		if Fold(p.Form) != p.Form {
			t.Errorf("%+v: not folded", p)
		}
		if p.ElidesArticle != (p.Preposition == "ل") {
			t.Errorf("%+v: only ل drops the article's alef", p)
		}
		if p.Conjunction != "" && !strings.Contains("وف", p.Conjunction) || p.Preposition != "" && !strings.Contains("بلك", p.Preposition) {
			t.Errorf("%+v: not a conjunction and a preposition", p)
		}
		if i := slices.Index(proclitics[:], p); i > 0 && len(proclitics[i-1].Form) > len(p.Form) {
			t.Errorf("%+v comes after a longer form", p)
		}
		n++
	}
	if n != 2+3+2*3 {
		t.Errorf("%d proclitics, want every conjunction, preposition and pair of them", n)
	}
}
