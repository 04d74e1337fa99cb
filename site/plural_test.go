package site

import "testing"

func TestCount(t *testing.T) {
	ar, en := Page{Lang: Arabic}, Page{Lang: English}
	for _, c := range []struct {
		n          int
		noun       string
		arabic, en string
	}{
		{0, "event", "لا أحداث", "0 events"},
		{1, "event", "حدث واحد", "1 event"},
		{2, "event", "حدثان", "2 events"},
		{3, "event", "3 أحداث", "3 events"},
		{10, "event", "10 أحداث", "10 events"},
		{11, "event", "11 حدثًا", "11 events"},
		{99, "event", "99 حدثًا", "99 events"},
		{100, "event", "100 حدث", "100 events"},
		{101, "event", "101 حدث", "101 events"},
		{102, "event", "102 حدث", "102 events"},
		{103, "event", "103 أحداث", "103 events"},
		{111, "event", "111 حدثًا", "111 events"},
		{1000, "event", "1000 حدث", "1000 events"},
		{7, "killed", "7 قتلى", "7 killed"},
		{25, "killed", "25 قتيلًا", "25 killed"},
		{2, "wounded", "جريحان", "2 wounded"},
		{1, "mention", "إشارة واحدة", "1 mention"},
		{12, "briefing", "12 نشرةً", "12 briefings"},
	} {
		if got, err := ar.Count(c.n, c.noun); err != nil || got != c.arabic {
			t.Errorf("Arabic %d %s: %q (%v), want %q", c.n, c.noun, got, err, c.arabic)
		}
		if got, err := en.Count(c.n, c.noun); err != nil || got != c.en {
			t.Errorf("English %d %s: %q (%v), want %q", c.n, c.noun, got, err, c.en)
		}
	}
	if _, err := ar.Count(3, "tank"); err == nil {
		t.Error("a noun without forms counted")
	}
}
