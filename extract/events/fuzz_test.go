package events

import (
	"strconv"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzNumbers checks the number reader on any text: digits read back
// what they say, and no event gets a negative or absurd toll.
func FuzzNumbers(f *testing.F) {
	f.Add("قتل 12 مدنيا وأصيب ثلاثة عشر في قصف على مدينة سراقب.", 12)
	f.Add("مقتل ما لا يقل عن ١٥ شخصا في غارة على بلدة داريا.", 999999)
	f.Fuzz(func(t *testing.T, text string, n int) {
		if n >= 0 && n <= 1_000_000 {
			if got, ok := digits(strconv.Itoa(n)); !ok || got != n {
				t.Fatalf("digits(%d) = %d, %v", n, got, ok)
			}
		}
		if !utf8.ValidString(text) {
			return
		}
		ex, err := pipeline()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range New().Detect("fuzz.txt", text, ex.Extract(text), time.Time{}) {
			for _, p := range []*int{e.Fatalities, e.Injured} {
				if p != nil && (*p < 0 || *p > 1_000_000) {
					t.Fatalf("%q: a toll of %d", text, *p)
				}
			}
		}
	})
}
