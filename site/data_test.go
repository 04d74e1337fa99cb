package site

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/geo"
	"github.com/briefing-atlas/atlas/site/content"
)

// quoteOf is what a place page quotes with the first mention of name in
// body.
func quoteOf(body, name string) string {
	at := strings.Index(body, name)
	p := &geo.Place{NameAr: name, Kind: geo.City}
	a := &Article{Article: &content.Article{Body: body},
		Mentions: []extract.Mention{{Name: name, Kind: geo.City, Place: p}},
		spans:    []span{{start: at, stop: at + len(name)}}}
	a.setQuotes()
	return a.quotes()[0]
}

// TestQuotes: a place page quotes the sentence the extractor read,
// ending at every sentence end of geo/arabic (؟ ؛ ; … too), trimmed, and
// clipped with an ellipsis past quoteChars.
func TestQuotes(t *testing.T) {
	tests := []struct{ body, mention, want string }{
		{"قصف على حمص. سقط قتيل في درعا. ثم هدأت", "درعا", "سقط قتيل في درعا"},
		{"هل وصلت القافلة إلى حلب؟ نعم", "حلب", "هل وصلت القافلة إلى حلب"},
		{"اشتباكات في إدلب؛ وقصف على حماة", "حماة", "وقصف على حماة"},
		{"اشتباكات في إدلب; وقصف على حماة", "إدلب", "اشتباكات في إدلب"},
		{"غارات على دوما… ونزوح من حرستا", "حرستا", "ونزوح من حرستا"},
		{"عنوان عن الرقة\nنص الخبر", "الرقة", "عنوان عن الرقة"},
	}
	for _, tt := range tests {
		if got := quoteOf(tt.body, tt.mention); got != tt.want {
			t.Errorf("%q: quotes %q, want %q", tt.body, got, tt.want)
		}
	}
	long := "قصف على بلدة كفرنبل " + strings.Repeat("ثم تجدد القصف ", 40) + "."
	got := quoteOf(long, "كفرنبل")
	if !strings.HasSuffix(got, "…") || utf8.RuneCountInString(got) != quoteChars+1 || !strings.HasPrefix(got, "قصف على بلدة كفرنبل") {
		t.Errorf("a long sentence quotes %q (%d code points)", got, utf8.RuneCountInString(got))
	}
}

// TestQuotesShareASentence: mentions of one sentence quote it once.
func TestQuotesShareASentence(t *testing.T) {
	body := "قصف على حمص وحماة. هدوء."
	p1, p2 := &geo.Place{NameAr: "حمص", Kind: geo.City}, &geo.Place{NameAr: "حماة", Kind: geo.City}
	i, j := strings.Index(body, "حمص"), strings.Index(body, "حماة")
	a := &Article{Article: &content.Article{Body: body},
		Mentions: []extract.Mention{{Name: "حمص", Kind: geo.City, Place: p1}, {Name: "حماة", Kind: geo.City, Place: p2}},
		spans:    []span{{start: i, stop: i + len("حمص")}, {start: j, stop: j + len("حماة")}}}
	a.setQuotes()
	q := a.quotes()
	if q[0] != "قصف على حمص وحماة" || q[1] != q[0] {
		t.Errorf("quotes %q", q)
	}
}
