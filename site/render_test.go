package site

import (
	"bytes"
	"context"
	"html"
	"strings"
	"testing"

	"github.com/briefing-atlas/atlas/site/content"
)

// BenchmarkPlacePage measures rendering one place page through the
// templates: an archive has thousands, and most of their cost is the
// template machinery.
func BenchmarkPlacePage(b *testing.B) {
	opt := testOptions(b, nil, "")
	r, err := newRenderer(context.Background(), opt, nil)
	if err != nil {
		b.Fatal(err)
	}
	place := opt.Gazetteer.Governorates()[0]
	s := &PlaceSummary{Place: place, Mentions: 60, Events: 3, named: true}
	for i := range 60 {
		a := &Article{Article: &content.Article{Slug: "b" + string(rune('a'+i%26)), Title: "عنوان النشرة"}}
		s.mentions.add(ListedMention{Article: a, N: i, Surface: place.NameAr, Sentence: "قصفت طائرات حربية مدينة في ريف المحافظة صباح اليوم."})
	}
	p := PlacePage{Page: r.base("../", place.NameAr, "place"), Place: s, Mentions: s.mentions.newest()}
	p.Govs = nil
	m := newMarker(place, "../")
	p.Map = &MapData{Mode: "mentions", Place: place.ID, Markers: []Marker{m}}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := r.pages["place.html"].ExecuteTemplate(&buf, "base", p); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func TestEscapeToIsEscapeString(t *testing.T) {
	for _, s := range []string{"", "حلب", `<b>"قال" & 'رد'</b>`, "&&", "a<", ">b", "قصف «عنيف» على حي الوعر"} {
		var b strings.Builder
		escapeTo(&b, s)
		if want := html.EscapeString(s); b.String() != want {
			t.Errorf("escapeTo(%q) = %q, want %q", s, b.String(), want)
		}
	}
}

// The chart of months runs from the first to the last without gaps, so
// that the space between bars is time, and labels each year.
func TestMonthCounts(t *testing.T) {
	got, most := monthCounts(map[string]int{"2015-11": 2, "2016-02": 4})
	var months, years []string
	for _, m := range got {
		months = append(months, m.Month)
		if m.Year != "" {
			years = append(years, m.Year)
		}
	}
	if strings.Join(months, " ") != "2015-11 2015-12 2016-01 2016-02" || most != 4 {
		t.Errorf("months %v, most %d", months, most)
	}
	if strings.Join(years, " ") != "2015 2016" {
		t.Errorf("year labels %v", years)
	}
	if got[1].Height != 0 || got[0].Height != 30 || got[3].Height != 60 {
		t.Errorf("heights %+v", got)
	}
	if got, most := monthCounts(nil); got != nil || most != 0 {
		t.Errorf("no months: %v %d", got, most)
	}
}
