package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestGovernorateListIsBounded builds 370 dated briefings that all name
// Aleppo: its governorate page lists the latest 365, oldest first, and
// says how many older ones name it; Hama's, named by two, lists both.
func TestGovernorateListIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a few hundred briefings")
	}
	tmp := t.TempDir()
	src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
	os.MkdirAll(src, 0o755)
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 370 {
		body := "قصفت الطائرات أحياء في مدينة حلب صباح اليوم."
		if i < 2 {
			body += "\n\nوسقطت قذائف على مدينة حماة."
		}
		doc := fmt.Sprintf("---\ntitle: \"نشرة %d\"\ndate: %s\n---\n%s\n", i, start.AddDate(0, 0, i).Format("2006-01-02"), body)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("b%03d.md", i)), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pcode       string
		first, last string // titles of the first and last listed briefing
		listed      int
		more        string
	}{
		{"SY02", "نشرة 5", "نشرة 369", 365, "5"},
		{"SY05", "نشرة 0", "نشرة 1", 2, ""},
	} {
		titles, more := governorateList(t, filepath.Join(out, "governorates", c.pcode+".html"))
		if len(titles) != c.listed || titles[0] != c.first || titles[len(titles)-1] != c.last {
			t.Errorf("%s lists %d briefings, %q … %q; want %d, %q … %q", c.pcode, len(titles), titles[0], titles[len(titles)-1], c.listed, c.first, c.last)
		}
		if c.more == "" && more != "" || c.more != "" && !strings.Contains(more, " "+c.more+".") {
			t.Errorf("%s: the note on older briefings is %q, want one giving %q", c.pcode, more, c.more)
		}
	}
}

// governorateList returns the titles a governorate page lists and the
// text of its note on older briefings.
func governorateList(t *testing.T, page string) (titles []string, more string) {
	t.Helper()
	f, err := os.Open(page)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node, inList bool)
	walk = func(n *html.Node, inList bool) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "ol" && attr(n, "class") == "article-list":
				inList = true
			case n.Data == "a" && inList:
				titles = append(titles, text(n))
			case n.Data == "p" && attr(n, "class") == "more":
				more = text(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inList)
		}
	}
	walk(doc, false)
	if len(titles) == 0 {
		t.Fatalf("%s lists no briefings", page)
	}
	return titles, more
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}
