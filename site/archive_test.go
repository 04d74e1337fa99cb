package site

import (
	"testing"
	"time"

	"github.com/briefing-atlas/atlas/site/content"
)

func TestArchiveMonths(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	brief := func(slug string, date time.Time) *Article {
		return &Article{Article: &content.Article{Slug: slug, Date: date}}
	}
	articles := []*Article{
		brief("a", day("2015-12-30")), brief("b", time.Time{}), brief("c", day("2016-02-01")),
		brief("d", day("2015-12-02")), brief("e", day("2014-07-09")),
	}
	months := archiveMonths(articles)
	var got []string
	for _, m := range months {
		s := archiveHref(m) + ":"
		for _, a := range m.Articles {
			s += a.Slug
		}
		got = append(got, s)
	}
	want := []string{"archive/2014-07.html:e", "archive/2015-12.html:ad", "archive/2016-02.html:c", "archive/undated.html:b"}
	if len(got) != len(want) {
		t.Fatalf("months %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("month %d: %s, want %s", i, got[i], want[i])
		}
	}
	years := archiveYears(months)
	var order []int
	for _, y := range years {
		order = append(order, y.Year)
	}
	if len(years) != 4 || order[0] != 2016 || order[1] != 2015 || order[2] != 2014 || order[3] != 0 {
		t.Errorf("years %v: want the latest first and the undated last", order)
	}
	ar, en := Page{Lang: Arabic}, Page{Lang: English}
	if n := ar.MonthName(months[2]); n != "شباط (فبراير) 2016" {
		t.Errorf("Arabic name of 2016-02: %q", n)
	}
	if n := en.MonthName(months[2]); n != "February 2016" {
		t.Errorf("English name of 2016-02: %q", n)
	}
}
