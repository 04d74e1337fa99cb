package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-atlas/atlas/site/sitedir"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// encode writes s in enc, as Word, old sites and Macs do.
func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	utf16LE = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	utf16BE = xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
)

func TestDecode(t *testing.T) {
	const text = "قصف على حلب وريف إدلب، وسقوط ضحايا.\nسطر ثان 𝄞."
	const arabic = "قصف على حلب وريف إدلب، وسقوط ضحايا.\nسطر ثان."
	tests := []struct {
		name string
		in   []byte
		want string
		enc  Encoding
	}{
		{"utf-8", []byte(text), text, UTF8},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), text...), text, UTF8BOM},
		{"utf-16le", encode(t, utf16LE, text), text, UTF16LE},
		{"utf-16be", encode(t, utf16BE, text), text, UTF16BE},
		{"windows-1256", encode(t, charmap.Windows1256, arabic), arabic, Windows1256},
		{"crlf", []byte("أ\r\nب\r\n"), "أ\nب\n", UTF8},
		{"cr", []byte("أ\rب\r"), "أ\nب\n", UTF8},
		{"utf-16 crlf", encode(t, utf16LE, "أ\r\nب"), "أ\nب", UTF16LE},
		{"empty", nil, "", UTF8},
	}
	for _, tt := range tests {
		got, enc, err := Decode(tt.in)
		if err != nil || got != tt.want || enc != tt.enc {
			t.Errorf("%s: Decode = %q, %s, %v; want %q, %s", tt.name, got, enc, err, tt.want, tt.enc)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	damaged := []byte("قصف على حلب")
	damaged[5] = 0xFF // the second byte of «ع»: the letter starting at byte 4 is broken
	latin1 := encode(t, charmap.ISO8859_1, "Frappe aérienne près d'Alep, à l'aube")
	tests := []struct {
		name   string
		in     []byte
		offset int64
		want   string
	}{
		{"damaged utf-8", damaged, 4, "bytes 0xD9 0xFF are not UTF-8"},
		{"latin-1", latin1, 8, "does not read as Windows-1256"},
		{"utf-16 without bom", []byte{'a', 0, 'b', 0}, 1, "NUL"},
		{"odd utf-16", append(encode(t, utf16LE, "ab"), 'c'), 6, "half a character"},
		{"lone surrogate", append(encode(t, utf16LE, "ab"), 0x00, 0xD8, 'c', 0), 6, "unpaired"},
		{"bom then bad", []byte("\xEF\xBB\xBFab\xC0"), 5, "not valid UTF-8"},
	}
	for _, tt := range tests {
		_, _, err := Decode(tt.in)
		var e *Error
		if !errors.As(err, &e) || !e.HasOffset || e.Offset != tt.offset || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q at byte %d", tt.name, err, tt.want, tt.offset)
		}
	}
	_, err := Parse("old/news.txt", damaged)
	if err == nil || !strings.HasPrefix(err.Error(), "old/news.txt: at byte 4: ") {
		t.Errorf("Parse error %v, want it to start with the file and byte", err)
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"title is a list", "---\ntitle: [a, b]\n---\n", "f.md:2:8: title: expected text, found a list"},
		{"syntax", "---\ntitle: a\ndate: 2015-01-01\n  x: : y\n---\n", "f.md:4:1: front matter is not valid YAML"},
		{"not a mapping", "---\n- a\n- b\n---\n", "f.md:2:1: front matter is a list"},
		{"twice", "---\ntitle: a\ntitle: b\n---\n", "f.md:3:1: title is set twice"},
		{"bad date", "---\ntitle: a\ndate: 2015-02-30\n---\n", `f.md:3:7: date "2015-02-30" is not a date`},
		{"tags mapping", "---\ntags: {a: b}\n---\n", "f.md:2:7: tags: expected a list of words"},
		{"unclosed", "---\ntitle: a\n", "f.md:1:1: front matter opened with «---» is never closed"},
		{"after fence", "---\ntitle: a\n--- x\nbody\n", "f.md:3:4: expected nothing after the closing «---»"},
		// The quote is reported where it opens, not at the block's end.
		{"unclosed quote", "---\ntitle: \"قصف على حلب\ndate: 2016-01-01\nsource: x\n---\nنص\n", "f.md:2:8: front matter is not valid YAML: the quote «\"» that opens here is never closed"},
		{"unclosed single quote", "---\ndate: 2016-01-01\ntitle:   'it''s\n---\n", "f.md:3:10: front matter is not valid YAML: the quote «'» that opens here is never closed"},
	}
	for _, tt := range tests {
		_, err := Parse("f.md", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestFrontMatterWarningsAndForms(t *testing.T) {
	a, err := Parse("w.md", []byte("---\ntitel: خطأ\ntitle: عنوان\ntags: حلب\ndate: 2015-10-12T08:30:00+03:00\n---\nنص\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0], `w.md:2:1: unknown front matter key "titel"`) {
		t.Errorf("warnings %q", a.Warnings)
	}
	if a.Title != "عنوان" || len(a.Tags) != 1 || a.Tags[0] != "حلب" || a.Date.Hour() != 8 || a.Body != "نص\n" {
		t.Errorf("title %q tags %q date %v body %q", a.Title, a.Tags, a.Date, a.Body)
	}
	// An empty front matter block is allowed.
	if a, err := Parse("e.md", []byte("---\n---\n# عنوان\n")); err != nil || a.Title != "عنوان" {
		t.Errorf("empty block: %v, title %q", err, a.Title)
	}
}

// TestFrontMatterDateRange: a date the site cannot show as written
// (before 1900 or after 2100: year 1 is Go's zero time, year 0 prints as
// -0001) is dropped with a warning at its line; the briefing still reads.
func TestFrontMatterDateRange(t *testing.T) {
	tests := []struct {
		date string
		keep bool
	}{
		{"0000-01-01", false},
		{"0001-01-01", false},
		{"1899-12-31", false},
		{"2101-01-01", false},
		{"9999-12-31T23:59:59+03:00", false},
		{"1900-01-01", true},
		{"2100-12-31", true},
		{"2015-10-12", true},
	}
	for _, tt := range tests {
		a, err := Parse("d.md", []byte("---\ntitle: عنوان\ndate: "+tt.date+"\n---\nنص\n"))
		if err != nil {
			t.Errorf("%s: %v", tt.date, err)
			continue
		}
		if tt.keep {
			if len(a.Warnings) != 0 || a.Date.Format("2006-01-02") != tt.date {
				t.Errorf("%s: date %v, warnings %q", tt.date, a.Date, a.Warnings)
			}
			continue
		}
		want := `d.md:3:7: date "` + tt.date + `" is outside 1900–2100: dropped`
		if len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0], want) || !a.Date.IsZero() || a.Title != "عنوان" {
			t.Errorf("%s: date %v, title %q, warnings %q; want the date dropped and a warning %q", tt.date, a.Date, a.Title, a.Warnings, want)
		}
	}
}

func TestReadLimitsAndLinks(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("سر\n"), 0o644)
	os.WriteFile(filepath.Join(src, "ok.txt"), []byte("نشرة\n"), 0o644)
	os.WriteFile(filepath.Join(src, "big.txt"), []byte(strings.Repeat("ا", 600)), 0o644)
	if err := os.Symlink("../secret.txt", filepath.Join(src, "out.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	os.Symlink("ok.txt", filepath.Join(src, "in.txt"))
	folder, err := sitedir.Open(src, "the source folder")
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	as, err := ReadAll(folder, Options{MaxFileSize: 1000})
	var got []string
	for _, a := range as {
		got = append(got, a.Path)
	}
	if strings.Join(got, " ") != "in.txt ok.txt" {
		t.Errorf("read %v, want the file and the link inside the folder", got)
	}
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	for _, want := range []string{
		"big.txt: 1 KB is over the 1000 bytes limit",
		"out.txt: a symbolic link to ../secret.txt, outside the source folder: not followed",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	// A file far over the limit is refused without being read whole.
	huge := fstest.MapFS{"huge.txt": {Data: make([]byte, 11<<20)}}
	if _, err := Read(huge, "huge.txt", Options{}); err == nil || !strings.Contains(err.Error(), "11 MB is over the 10 MB limit") {
		t.Errorf("huge file: %v", err)
	}
}
