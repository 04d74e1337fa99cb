package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFold checks what lookups rely on: folding is idempotent, yields
// valid UTF-8 from valid UTF-8, and leaves no outer or doubled spaces;
// AppendFold is Fold, and a word's readings put it back together.
func FuzzFold(f *testing.F) {
	f.Add("دير الزور")
	f.Add("ﺣﻠﺐ ﻻﺫﻗﻴﺔ")
	f.Add("وللقنيطرة")
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if again := Fold(got); again != got {
			t.Errorf("Fold(%q) = %q, but folding that gives %q", s, got, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("Fold(%q) = %q: invalid UTF-8", s, got)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Errorf("Fold(%q) = %q: stray spaces", s, got)
		}
		if appended := string(AppendFold([]byte("x"), s)); appended != "x"+got {
			t.Errorf("AppendFold(x, %q) = %q, want x + %q", s, appended, got)
		}
		// Every reading of a word is the word: its proclitic, then the
		// rest; the article's alef comes back only after a ل.
		for r := range Readings(got, Options{MinRest: 2}) {
			if r.Proclitic.Form+r.Rest != got || r.Article && !strings.HasPrefix(r.Rest, "ل") {
				t.Errorf("Readings(%q): %+v", got, r)
			}
		}
	})
}
