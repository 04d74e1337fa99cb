package content

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds any bytes to the reader of briefings: it never
// panics, every error is an *Error naming the file, and an article's
// parts are consistent (body inside the text, a safe slug).
func FuzzParse(f *testing.F) {
	f.Add("a.md", []byte("---\ntitle: عنوان\ndate: 2016-01-02\ntags: [حلب]\n---\nنص.\n"))
	f.Add("b.txt", []byte("\xFF\xFEa\x00"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" || strings.ContainsAny(name, "/\x00") {
			return
		}
		a, err := Parse(name, data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Path != name {
				t.Fatalf("error %v (%T) does not name %q", err, err, name)
			}
			return
		}
		if !strings.HasSuffix(a.Raw, a.Body) || utf8.RuneCountInString(a.Raw)-utf8.RuneCountInString(a.Body) != a.BodyOffset {
			t.Fatalf("body %q at %d is not the end of %q", a.Body, a.BodyOffset, a.Raw)
		}
		if strings.ContainsAny(a.Raw, "\r\x00") || !utf8.ValidString(a.Raw) {
			t.Fatalf("decoded text %q has CR, NUL or invalid UTF-8", a.Raw)
		}
		if a.Slug == "" || strings.ContainsAny(a.Slug, "/\\.") || strings.HasPrefix(a.Slug, "-") || strings.HasSuffix(a.Slug, "-") || utf8.RuneCountInString(a.Slug) > maxSlug {
			t.Fatalf("slug %q", a.Slug)
		}
	})
}
