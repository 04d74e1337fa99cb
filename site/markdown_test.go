package site

import (
	"github.com/briefing-atlas/atlas/site/export"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/geo/arabic"
)

// spansOf marks each word of words in body, in order.
func spansOf(body string, words ...string) []span {
	var out []span
	from := 0
	for i, w := range words {
		at := strings.Index(body[from:], w) + from
		out = append(out, span{start: at, stop: at + len(w), index: i})
		from = at + len(w)
	}
	return out
}

func TestRenderMarkdownLinksMentions(t *testing.T) {
	md := newMarkdown(false)
	tests := []struct {
		name, body string
		words      []string
		want       []string // substrings of the output
		notWant    []string
	}{
		{"plain", "قصف على حلب وحماة.", []string{"حلب", "حماة"},
			[]string{`<a class="mention" id="m-0" href="#map" data-m="0">حلب</a>`, `و<a class="mention" id="m-1" href="#map" data-m="1">حماة</a>.`}, nil},
		{"inside bold", "في **حي جوبر** اليوم", []string{"جوبر"},
			[]string{`<strong>حي <a class="mention" id="m-0" href="#map" data-m="0">جوبر</a></strong>`}, nil},
		{"across lines", "حلب\nدمشق", []string{"حلب", "دمشق"},
			[]string{`data-m="0">حلب</a>`, `data-m="1">دمشق</a>`}, nil},
		{"crossing markup is left alone", "**حل**ب", []string{"حل**ب"}, nil, []string{"mention"}},
		{"raw html dropped", "<script>alert(1)</script>\n\nفي حلب", []string{"حلب"},
			[]string{`data-m="0">حلب</a>`}, []string{"<script>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := renderMarkdown(md, tt.body, spansOf(tt.body, tt.words...))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("output has %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestRenderText(t *testing.T) {
	body := "العنوان في حلب\n\nقصف <b>على</b> حماة\nوإدلب.\n\nفقرة ثانية"
	heading, got := renderText(body, spansOf(body, "حلب", "حماة", "إدلب"), true)
	if want := `العنوان في <a class="mention" id="m-0" href="#map" data-m="0">حلب</a>`; heading != want {
		t.Errorf("heading %q, want %q", heading, want)
	}
	want := `<p>قصف &lt;b&gt;على&lt;/b&gt; <a class="mention" id="m-1" href="#map" data-m="1">حماة</a><br>` + "\n" +
		`و<a class="mention" id="m-2" href="#map" data-m="2">إدلب</a>.</p>` + "\n<p>فقرة ثانية</p>\n"
	if got != want {
		t.Errorf("renderText =\n%s\nwant\n%s", got, want)
	}
}

// TestRenderTextUntitled: a first line too long to be the title stays
// in the body, whole and with its mentions' anchors.
func TestRenderTextUntitled(t *testing.T) {
	body := "تقرير طويل عن القصف في حلب\nوفي حماة"
	heading, got := renderText(body, spansOf(body, "حلب", "حماة"), false)
	if heading != "" {
		t.Errorf("heading %q, want none", heading)
	}
	want := `<p>تقرير طويل عن القصف في <a class="mention" id="m-0" href="#map" data-m="0">حلب</a><br>` + "\n" +
		`وفي <a class="mention" id="m-1" href="#map" data-m="1">حماة</a></p>` + "\n"
	if got != want {
		t.Errorf("renderText =\n%s\nwant\n%s", got, want)
	}
}

func TestFoldedStart(t *testing.T) {
	long := strings.Repeat("قَصْفٌ على حلبَ   وريفها، ", 400)
	for _, s := range []string{"", "حلب", long, long[:len(long)/3], strings.Repeat("ـ", 7000) + "حلب", "ab ", "abcd ﻻ", "abcﻻ", " a  b "} {
		for _, title := range []string{"", "ﻻ", "قصف حلب ", " a"} {
			for _, n := range []int{1, 2, 3, 4, 5, 100, 1500} {
				if got, want := foldedStart(title, s, n), export.Clip(arabic.Fold(title+" "+s), n); got != want {
					t.Errorf("foldedStart(%q, %.20q…, %d) = %.40q, want %.40q", title, s, n, got, want)
				}
			}
		}
	}
}

func TestClip(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"", 3, ""}, {"حلب", 3, "حلب"}, {"حلب", 2, "حل…"}, {"حلب", 0, "…"}, {"abc", 5, "abc"}, {"aحb", 2, "aح…"},
	} {
		if got := export.Clip(c.s, c.n); got != c.want {
			t.Errorf("export.Clip(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}
