package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func TestParseMarkdown(t *testing.T) {
	src := "---\ntitle: \"قصف على حلب\"\ndate: 2015-10-12\nsource: نشرة\nslug: aleppo-shelling\ntags: [حلب, قصف]\n---\nنص النشرة في حلب.\n"
	a, err := Parse("x/one.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "قصف على حلب" || a.Slug != "aleppo-shelling" || a.Source != "نشرة" || a.Format != Markdown {
		t.Errorf("got title %q slug %q source %q format %q", a.Title, a.Slug, a.Source, a.Format)
	}
	if a.Date.Format("2006-01-02") != "2015-10-12" || len(a.Tags) != 2 {
		t.Errorf("date %v tags %v", a.Date, a.Tags)
	}
	if a.Body != "نص النشرة في حلب.\n" {
		t.Errorf("body %q", a.Body)
	}
	// BodyOffset converts body offsets to offsets into the file's text.
	if got := string([]rune(a.Raw)[a.BodyOffset:]); got != a.Body {
		t.Errorf("BodyOffset %d points at %q", a.BodyOffset, got)
	}
}

func TestParseMarkdownCRLF(t *testing.T) {
	src := "---\r\ntitle: حماة\r\n---\r\nفي حماة\r\n"
	a, err := Parse("b.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "حماة" || a.Body != "في حماة\n" {
		t.Errorf("title %q body %q", a.Title, a.Body)
	}
	if a.BodyOffset != utf8.RuneCountInString(a.Raw)-utf8.RuneCountInString(a.Body) {
		t.Errorf("BodyOffset %d", a.BodyOffset)
	}
}

func TestParseText(t *testing.T) {
	a, err := Parse("news/2015 Aleppo Report.txt", []byte("\xEF\xBB\xBFعنوان النشرة\n\nالنص.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "عنوان النشرة" || a.Slug != "2015-aleppo-report" || a.Format != Text || a.BodyOffset != 0 {
		t.Errorf("got %q %q %q %d", a.Title, a.Slug, a.Format, a.BodyOffset)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unclosed", "---\ntitle: x\n", "never closed"},
		{"bad yaml", "---\ntitle: x\n  bad: [x\n---\n", "bad.md:3:1: front matter is not valid YAML"},
		{"bad date", "---\ndate: 12/10/2015\n---\n", `bad.md:2:7: date "12/10/2015" is not a date`},
	}
	for _, tt := range tests {
		_, err := Parse("bad.md", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad.md") {
			t.Errorf("%s: error %v, want one naming bad.md and %q", tt.name, err, tt.want)
		}
	}
	if _, err := Parse("x.txt", []byte{0xff, 0xfe, 0x00}); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
}

func TestReadAll(t *testing.T) {
	fsys := fstest.MapFS{
		"b.txt":           {Data: []byte("ب\n")},
		"a.md":            {Data: []byte("# أ\n")},
		"README.md":       {Data: []byte("not a briefing")},
		".hidden/c.md":    {Data: []byte("x")},
		"sub/d.markdown":  {Data: []byte("# د\n")},
		"notes/image.png": {Data: []byte{1}},
	}
	as, err := ReadAll(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		got = append(got, a.Path+"="+a.Title)
	}
	if strings.Join(got, " ") != "a.md=أ b.txt=ب sub/d.markdown=د" {
		t.Errorf("ReadAll = %v", got)
	}
	fsys["c.md"] = &fstest.MapFile{Data: []byte("---\nslug: b\n---\n")}
	fsys["e.txt"] = &fstest.MapFile{Data: []byte{'a', 0xff, 'b'}}
	as, err = ReadAll(fsys, Options{})
	if err == nil || !strings.Contains(err.Error(), "b.txt") || !strings.Contains(err.Error(), "c.md") {
		t.Errorf("duplicate slug: error %v, want one naming both files", err)
	}
	// Every bad file is reported, and the good ones are still read.
	if err == nil || !strings.Contains(err.Error(), "e.txt: at byte 1") || len(as) != 3 {
		t.Errorf("got %d articles and error %v, want 3 and one naming e.txt too", len(as), err)
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Aleppo Report", "aleppo-report"},
		{"../../etc/passwd", "etc-passwd"},
		{"قصف حلب", "قصف-حلب"},
		{"a\u202eb", "a-b"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// With a TextBudget, ReadAll keeps every text or none: none once they
// total more than the budget, including those read before it was passed.
func TestReadAllTextBudget(t *testing.T) {
	fsys := fstest.MapFS{}
	total := 0
	for i := range 40 {
		data := "# عنوان\n\n" + strings.Repeat("نص النشرة. ", 10+i)
		fsys[string(rune('a'+i%26))+strings.Repeat("x", i/26)+".md"] = &fstest.MapFile{Data: []byte(data)}
		total += len(data)
	}
	for _, tc := range []struct {
		budget int64
		kept   bool
	}{
		{0, true},
		{int64(total), true},
		{int64(total) - 1, false},
		{100, false},
		{-1, false},
	} {
		as, err := ReadAll(fsys, Options{TextBudget: tc.budget})
		if err != nil || len(as) != 40 {
			t.Fatalf("budget %d: %d articles, %v", tc.budget, len(as), err)
		}
		for _, a := range as {
			if has := a.Body != "" && a.Raw != ""; has != tc.kept {
				t.Fatalf("budget %d of %d: %s has its text: %t, want %t", tc.budget, total, a.Path, has, tc.kept)
			}
			if a.Title != "عنوان" {
				t.Fatalf("budget %d: %s lost its title", tc.budget, a.Path)
			}
		}
	}
}

// TestReread: a briefing read again for its text keeps the metadata read
// first when its front matter is the same bytes, and is parsed afresh
// when it is not.
func TestReread(t *testing.T) {
	fsys := fstest.MapFS{"a.md": {Data: []byte("---\ntitle: قصف على حلب\ndate: 2016-02-01\ntags: [حلب]\n---\nالنص الأول.\n")}}
	first, err := Read(fsys, "a.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	fsys["a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: قصف على حلب\ndate: 2016-02-01\ntags: [حلب]\n---\nالنص الثاني، أطول.\n")}
	again, err := Reread(fsys, "a.md", Options{}, first)
	if err != nil {
		t.Fatal(err)
	}
	if again.Title != first.Title || !again.Date.Equal(first.Date) || again.Tags[0] != "حلب" || again.Body != "النص الثاني، أطول.\n" || again.BodyOffset != first.BodyOffset {
		t.Errorf("same front matter: %+v", again)
	}
	again.Tags[0] = "x"
	if first.Tags[0] != "حلب" {
		t.Error("the article read again shares its tags with the first")
	}
	fsys["a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: عنوان آخر\n---\nنص.\n")}
	if again, err = Reread(fsys, "a.md", Options{}, first); err != nil || again.Title != "عنوان آخر" || !again.Date.IsZero() {
		t.Errorf("changed front matter: %+v, %v", again, err)
	}
	fsys["a.md"] = &fstest.MapFile{Data: []byte("بلا مقدمة\n")}
	if again, err = Reread(fsys, "a.md", Options{}, first); err != nil || again.Body != "بلا مقدمة\n" || !again.Date.IsZero() {
		t.Errorf("front matter gone: %+v, %v", again, err)
	}
	fsys["a.md"] = &fstest.MapFile{Data: []byte("--")}
	if _, err := Reread(fsys, "a.md", Options{}, first); err != nil {
		t.Errorf("a file cut short: %v", err)
	}
}

// TestRereadSameBytes: a file read again unchanged gives the text it gave
// first, with or without a byte-order mark and CRLF line ends.
func TestRereadSameBytes(t *testing.T) {
	for _, data := range []string{
		"---\ntitle: حلب\n---\nنص.\n",
		"\xEF\xBB\xBF---\r\ntitle: حلب\r\n---\r\nنص.\r\n",
	} {
		fsys := fstest.MapFS{"a.md": {Data: []byte(data)}}
		first, err := Read(fsys, "a.md", Options{})
		if err != nil {
			t.Fatal(err)
		}
		again, err := Reread(fsys, "a.md", Options{}, first)
		if err != nil {
			t.Fatal(err)
		}
		if again.Raw != first.Raw || again.Body != first.Body || again.BodyOffset != first.BodyOffset || again.Title != "حلب" {
			t.Errorf("%q read again: %+v, first %+v", data, again, first)
		}
	}
}
