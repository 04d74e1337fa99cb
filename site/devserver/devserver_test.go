package devserver

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
