package extract

import "testing"

func TestEvalLookups(t *testing.T) {
	ex := New(small(), WithCommonWords([]string{"حماه", "الشام"}))
	tests := []struct {
		word                        string
		common, trap, cue, knownAny bool
		gov                         string // NamedGovernorate
	}{
		{word: "حلب", knownAny: true, gov: "Aleppo"},
		{word: "بحلب", knownAny: true, gov: "Aleppo"},
		{word: "وبحلب", knownAny: true, gov: "Aleppo"},
		{word: "للرقة", knownAny: true, gov: "Ar-Raqqa"},
		{word: "دير الزور", knownAny: true, gov: "Deir-ez-Zor"},
		{word: "معضمية الشام", knownAny: true}, // a village fixes no governorate
		{word: "الزور"},
		{word: "حلبي"},
		{word: "الشام", common: true, knownAny: true}, // a village: it wants a cue
		{word: "حماة", knownAny: true, gov: "Hama"},   // on the list, but a governorate
		{word: "إن", common: true},                    // a word that follows no trigger as a name
		{word: "مدينة", common: true},
		{word: "بمدينة", common: true},
		{word: "وقرب", common: true, cue: true},
		{word: "في", common: true, cue: true},
		{word: "اللواء", common: true, trap: true},
		{word: "وشبكة", common: true, trap: true},
		{word: "أحمد", trap: true},
		{word: "قصف"},
		{word: ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := ex.CommonWord(tt.word); got != tt.common {
				t.Errorf("CommonWord = %v, want %v", got, tt.common)
			}
			if got := ex.TrapWord(tt.word); got != tt.trap {
				t.Errorf("TrapWord = %v, want %v", got, tt.trap)
			}
			if got := ex.CueWord(tt.word); got != tt.cue {
				t.Errorf("CueWord = %v, want %v", got, tt.cue)
			}
			if got := ex.KnownName(tt.word); got != tt.knownAny {
				t.Errorf("KnownName = %v, want %v", got, tt.knownAny)
			}
			if got := ex.NamedGovernorate(tt.word); got != tt.gov {
				t.Errorf("NamedGovernorate = %q, want %q", got, tt.gov)
			}
		})
	}
}
