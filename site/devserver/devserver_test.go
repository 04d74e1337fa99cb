package devserver

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func get(t *testing.T, h http.Handler, p string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body), rec.Result().Header
}

func TestServer(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html><body><h1>الأطلس</h1></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<html><body>not here</body></html>"), 0o644)
	os.WriteFile(filepath.Join(t.TempDir(), "secret.txt"), []byte("secret"), 0o644)
	s := New(dir, "/repo")
	if code, body, _ := get(t, s, "/repo/"); code != http.StatusServiceUnavailable || !strings.Contains(body, "Building") {
		t.Errorf("before a build: %d %q", code, body)
	}
	s.Built(nil)
	code, body, _ := get(t, s, "/repo/")
	if code != 200 || !strings.Contains(body, `<h1>الأطلس</h1><script src="/repo/__atlas/live.js" data-events="/repo/__atlas/events"></script></body>`) {
		t.Errorf("index: %d %q", code, body)
	}
	if code, _, h := get(t, s, "/"); code != http.StatusFound || h.Get("Location") != "/repo/" {
		t.Errorf("/: %d to %q", code, h.Get("Location"))
	}
	if code, body, _ := get(t, s, "/repo/../../secret.txt"); code == 200 && strings.Contains(body, "secret") {
		t.Error("a path climbed out of the site")
	}
	if code, body, _ := get(t, s, "/repo/missing.html"); code != 404 || !strings.Contains(body, "not here") {
		t.Errorf("missing page: %d %q", code, body)
	}
	os.WriteFile(filepath.Join(dir, "sw.js"), []byte("self.addEventListener('fetch', cacheFirst)"), 0o644)
	if _, body, _ := get(t, s, "/repo/sw.js"); strings.Contains(body, "fetch") || !strings.Contains(body, "caches.delete") {
		t.Errorf("while serving, sw.js must cache nothing: %q", body)
	}
	s.Built(errors.New("a.md:2:7: date \"<script>\" is not a date"))
	_, body, _ = get(t, s, "/repo/index.html")
	if !strings.Contains(body, "atlas-build-error") || !strings.Contains(body, "date &#34;&lt;script&gt;&#34;") || !strings.Contains(body, "<h1>الأطلس</h1>") {
		t.Errorf("after a failed build: %q", body)
	}
}

// TestHostileBaseEscaped: atlas refuses such a base_url, but if one ever
// got through, the pages the server writes must still hold one script,
// its own, whose addresses lead under that base.
func TestHostileBaseEscaped(t *testing.T) {
	const base = `/"><script>alert(1)</script><img src=x onerror=alert(2)>'/`
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html><body><h1>الأطلس</h1></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<html><body>not here</body></html>"), 0o644)
	s := New(dir, base)
	escaped := (&url.URL{Path: base}).EscapedPath()
	// Building, built, a page missing, and a failed build over the site.
	for i, p := range []string{escaped, escaped, escaped + "missing.html", escaped} {
		switch i {
		case 1:
			s.Built(nil)
		case 3:
			s.Built(errors.New("a.md: <b>bad</b>"))
		}
		code, body, _ := get(t, s, p)
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var scripts, injected []string
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script":
					src, events := "", ""
					for _, a := range n.Attr {
						switch a.Key {
						case "src":
							src = a.Val
						case "data-events":
							events = a.Val
						}
					}
					scripts = append(scripts, src+" "+events)
				case "img", "b":
					injected = append(injected, n.Data)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if len(injected) > 0 || len(scripts) != 1 {
			t.Errorf("%s (%d): elements %v and scripts %q:\n%s", p, code, injected, scripts, body)
			continue
		}
		src, events, _ := strings.Cut(scripts[0], " ")
		for _, u := range []struct{ got, want string }{{src, base + "__atlas/live.js"}, {events, base + "__atlas/events"}} {
			if pu, err := url.Parse(u.got); err != nil || pu.Path != u.want {
				t.Errorf("%s: script address %q, want the path %q", p, u.got, u.want)
			}
		}
	}
	if code, _, h := get(t, s, "/"); code != http.StatusFound || h.Get("Location") != escaped {
		t.Errorf("/: %d to %q, want %q", code, h.Get("Location"), escaped)
	}
}
