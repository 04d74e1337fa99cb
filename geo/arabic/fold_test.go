package arabic

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"حماة", "حماه"},
		{"حماه", "حماه"},
		{"إدلب", "ادلب"},
		{"أعزاز", "اعزاز"},
		{"آل", "ال"},
		{"سوريا", "سوريا"},
		{"مستشفى", "مستشفي"},
		{"دَيْرُ الزُّور", "دير الزور"},
		{"حـــلب", "حلب"},
		{"دير  \t الزور ", "دير الزور"},
		{"\u200fحلب\u200e", "حلب"},
		{"کوباني", "كوباني"},
		{"ی", "ي"},
		{"٢٠١٥", "2015"},
		{"۱۲", "12"},
		{"Aleppo", "aleppo"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsLetter(t *testing.T) {
	for _, r := range "حلبABz09٣" {
		if !IsLetter(r) {
			t.Errorf("IsLetter(%q) = false", r)
		}
	}
	for _, r := range " ،؛؟.:«»()-\n" {
		if IsLetter(r) {
			t.Errorf("IsLetter(%q) = true", r)
		}
	}
}

// TestFastAgrees: the table gives what the functions give.
func TestFastAgrees(t *testing.T) {
	for r := rune(0); r < 0x2100; r++ {
		e := Fast(r)
		f, letter, keep := e.Folded, e.Letter, e.Keep
		wf, wk := FoldRune(r)
		if f != wf || keep != wk || letter != IsLetter(r) {
			t.Fatalf("Fast(%U) = %U %v %v, want %U %v %v", r, f, letter, keep, wf, IsLetter(r), wk)
		}
	}
}

func TestFoldPresentationForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ﺣﻠﺐ", "حلب"},             // isolated, initial, medial and final forms
		{"ﺩﻳﺮ ﺍﻟﺰﻭﺭ", "دير الزور"}, // two words
		{"ﻻﺫﻗﻴﺔ", "لاذقيه"},        // the lam-alef ligature folds to two letters
		{"ﺇﺩﻟﺐ", "ادلب"},           // hamza forms fold as their letters do
		{"ﮐﻮﺑﺎﻧﻲ", "كوباني"},       // Persian keheh
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, r := range "ﺣﻠﺐﻻ" {
		if !Fast(r).Letter {
			t.Errorf("%q is not a letter", r)
		}
	}
}

func TestAppendFold(t *testing.T) {
	buf := []byte("قبل:")
	buf = AppendFold(buf, "  دَيْرُ   الزُّور ")
	buf = AppendFold(buf, "")
	buf = AppendFold(buf, "\u200fحماة")
	if got, want := string(buf), "قبل:دير الزورحماه"; got != want {
		t.Errorf("AppendFold = %q, want %q", got, want)
	}
	long := strings.Repeat("مدينة حلب ", 40)
	if got, want := string(AppendFold(nil, long)), strings.TrimSpace(strings.Repeat("مدينه حلب ", 40)); got != want {
		t.Errorf("AppendFold of a long text = %q, want %q", got, want)
	}
}
