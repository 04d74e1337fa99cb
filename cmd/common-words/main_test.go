package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInLexicon(t *testing.T) {
	lex := map[string]string{"باب": "hunspell-ar", "شريع": "hunspell-ar", "جديد": "hunspell-ar", "حرب": "freedict-ara-eng"}
	tests := []struct{ name, want string }{
		{"الباب", "باب"},    // the article off
		{"جديده", "جديد"},   // feminine ending
		{"الشريعه", "شريع"}, // both
		{"الحربي", "حرب"},   // nisba ending
		{"مارع", ""},        // a name, not a word
		{"ب", ""},           // too short to judge
	}
	for _, tt := range tests {
		if got, _ := inLexicon(tt.name, lex); got != tt.want {
			t.Errorf("inLexicon(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestReadWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ar.dic")
	os.WriteFile(path, []byte("3\n::::::\nstopwords.dic\n::::::\nأسد/76\nباب\nabc/1\nب/2\n"), 0o644)
	lex := map[string]string{}
	err := readWords(path, "test", lex, func(line string) string {
		if strings.HasPrefix(line, ":") {
			return ""
		}
		w, _, _ := strings.Cut(line, "/")
		return w
	})
	if err != nil {
		t.Fatal(err)
	}
	// Folded (أسد → اسد); Latin, digits and one-letter words left out.
	if len(lex) != 2 || lex["اسد"] != "test" || lex["باب"] != "test" {
		t.Errorf("lexicon %v", lex)
	}
}
