package devserver

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// testAddr is the address the servers of these tests listen on.
const testAddr = "127.0.0.1:1717"

func get(t *testing.T, h http.Handler, p string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	r := httptest.NewRequest("GET", p, nil)
	r.Host = testAddr
	h.ServeHTTP(rec, r)
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body), rec.Result().Header
}

func TestServer(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html><body><h1>الأطلس</h1></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<html><body>not here</body></html>"), 0o644)
	os.WriteFile(filepath.Join(t.TempDir(), "secret.txt"), []byte("secret"), 0o644)
	s := New(dir, "/repo", testAddr)
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
	s := New(dir, base, testAddr)
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

// do sends h a request for p addressed to host with the given headers
// (name, value, name, value…). The request is already cancelled, so that
// the event stream writes its first event and returns.
func do(h http.Handler, host, p string, header ...string) (int, string) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequest("GET", p, nil).WithContext(ctx)
	r.Host = host
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec.Code, rec.Body.String()
}

// site writes a small built site: a page, data, downloads and an asset.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"index.html":      "<html><body><h1>الأطلس</h1></body></html>",
		"404.html":        "<html><body>not here</body></html>",
		"data/search.js":  "window.ATLAS_SEARCH = [\"مسودة\"];",
		"events.geojson":  `{"type":"FeatureCollection","features":[]}`,
		"mentions.csv":    "name,file\n",
		"assets/atlas.js": "// atlas",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestHosts: the server answers only requests addressed to it by a name
// or address of this machine and its port, so that a web page whose name
// an attacker points at 127.0.0.1 (DNS rebinding) cannot read the drafts.
func TestHosts(t *testing.T) {
	hostname, _ := os.Hostname()
	// This machine's addresses: one is let in when bound to all of them;
	// a foreign one, which it does not have, never is.
	mine := map[string]bool{}
	other := ""
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok {
				mine[ipn.IP.String()] = true
				if other == "" && !ipn.IP.IsLoopback() && ipn.IP.To4() != nil {
					other = ipn.IP.String()
				}
			}
		}
	}
	foreign := ""
	for _, ip := range []string{"203.0.113.99", "198.51.100.99", "192.0.2.99"} {
		if !mine[ip] {
			foreign = ip
			break
		}
	}
	type test struct {
		addr  string // the server's
		hosts []string
		ok    bool
	}
	tests := []test{
		{"127.0.0.1:1717", []string{"127.0.0.1:1717", "localhost:1717", "LocalHost:1717", "[::1]:1717"}, true},
		{"127.0.0.1:1717", []string{"evil.example", "evil.example:1717", "localhost:1718", "127.0.0.1", "localhost",
			"localhost.evil.example:1717", "127.0.0.1.nip.io:1717", "", "0.0.0.0:1717", foreign + ":1717", hostname + ":1717"}, false},
		{"127.0.0.1:80", []string{"localhost", "127.0.0.1", "localhost:80"}, true},
		{"127.0.0.1:80", []string{"evil.example", "localhost:8080"}, false},
		{"[::1]:1717", []string{"[::1]:1717", "localhost:1717", "127.0.0.1:1717"}, true},
		{"[::1]:1717", []string{"evil.example:1717", "[2001:db8::1]:1717"}, false},
		{foreign + ":1717", []string{foreign + ":1717", "localhost:1717"}, true},
		{foreign + ":1717", []string{"evil.example:1717", foreign + ":1718"}, false},
		// --bind 0.0.0.0: also the machine's own addresses and name.
		{"0.0.0.0:1717", []string{"127.0.0.1:1717", "localhost:1717", hostname + ":1717"}, true},
		{"[::]:1717", []string{"127.0.0.1:1717", "[::1]:1717", hostname + ":1717"}, true},
		{"0.0.0.0:1717", []string{"evil.example:1717", foreign + ":1717", hostname + ":1718", "evil.example"}, false},
	}
	if other != "" {
		tests = append(tests, test{"0.0.0.0:1717", []string{other + ":1717"}, true}, test{"127.0.0.1:1717", []string{other + ":1717"}, false})
	}
	dir := site(t)
	for _, tt := range tests {
		s := New(dir, "/", tt.addr)
		s.Built(nil)
		for _, host := range tt.hosts {
			for _, p := range []string{"/", "/index.html", "/data/search.js", "/events.geojson", "/__atlas/events", "/__atlas/live.js"} {
				code, body := do(s, host, p)
				switch {
				case tt.ok && code != http.StatusOK:
					t.Errorf("server at %s, Host %q, %s: %d %q, want 200", tt.addr, host, p, code, body)
				case !tt.ok && (code != http.StatusForbidden || !strings.Contains(body, "atlas serve")):
					t.Errorf("server at %s, Host %q, %s: %d %q, want 403", tt.addr, host, p, code, body)
				}
			}
		}
	}
}

// TestCrossOrigin: a page of another origin may link to the served site,
// but neither read its data (data/*.js, *.geojson, *.csv, which a script
// tag could include) nor follow its event stream.
func TestCrossOrigin(t *testing.T) {
	s := New(site(t), "/repo/", testAddr)
	s.Built(nil)
	private := []string{"/repo/__atlas/events", "/repo/data/search.js", "/repo/events.geojson", "/repo/mentions.csv",
		"/repo/data/./search.js", "/repo/assets/../data/search.js", "/repo/DATA/Search.JS", "/repo/Events.GeoJSON"}
	public := []string{"/repo/", "/repo/index.html", "/repo/assets/atlas.js", "/repo/__atlas/live.js"}
	tests := []struct {
		name   string
		header []string
		ok     bool // for the private paths; public ones are always served
	}{
		{"no header", nil, true},
		{"own origin", []string{"Origin", "http://" + testAddr}, true},
		{"same-origin fetch", []string{"Sec-Fetch-Site", "same-origin", "Origin", "http://" + testAddr}, true},
		{"typed address", []string{"Sec-Fetch-Site", "none"}, true},
		{"another site", []string{"Origin", "http://evil.example"}, false},
		{"another port", []string{"Origin", "http://127.0.0.1:8080"}, false},
		{"another name", []string{"Origin", "http://localhost:1717"}, false},
		{"https", []string{"Origin", "https://" + testAddr}, false},
		{"opaque origin", []string{"Origin", "null"}, false},
		{"script tag from another site", []string{"Sec-Fetch-Site", "cross-site"}, false},
		{"script tag from another port", []string{"Sec-Fetch-Site", "same-site"}, false},
		{"own origin but cross-site", []string{"Origin", "http://" + testAddr, "Sec-Fetch-Site", "cross-site"}, false},
	}
	for _, tt := range tests {
		for i, p := range private {
			code, body := do(s, testAddr, p, tt.header...)
			switch {
			// The first four are the site's files; the others are odd
			// spellings of them, which only must not get through.
			case tt.ok && i < 4 && code != http.StatusOK:
				t.Errorf("%s: %s: %d %q, want 200", tt.name, p, code, body)
			case tt.ok && code == http.StatusForbidden:
				t.Errorf("%s: %s: %d %q, refused", tt.name, p, code, body)
			case !tt.ok && (code != http.StatusForbidden || !strings.Contains(body, "atlas serve")):
				t.Errorf("%s: %s: %d %q, want 403", tt.name, p, code, body)
			}
		}
		for _, p := range public {
			if code, body := do(s, testAddr, p, tt.header...); code != http.StatusOK {
				t.Errorf("%s: %s: %d %q, want 200", tt.name, p, code, body)
			}
		}
	}
}

// TestMissingFiles: whatever a missing file's address, the answer is the
// site's 404 page, even where the file system refuses the name itself
// (over 255 bytes: ENAMETOOLONG) or a folder is a file (ENOTDIR).
func TestMissingFiles(t *testing.T) {
	s := New(site(t), "/repo/", testAddr)
	s.Built(nil)
	long := strings.Repeat("a", 300)
	arabic := strings.Repeat("حلب", 50) // 300 bytes in 150 letters
	for _, p := range []string{
		"/repo/missing.png",
		"/repo/" + long + ".png",
		"/repo/" + long + ".html",
		"/repo/" + long + "/",
		"/repo/" + long,
		"/repo/data/" + long + ".js",
		"/repo/places/" + url.PathEscape(arabic) + ".html",
		"/repo/places/" + url.PathEscape(arabic) + ".jpg",
		"/repo/index.html/x.png",
		"/repo/index.html/x.html",
	} {
		if code, body, _ := get(t, s, p); code != http.StatusNotFound || !strings.Contains(body, "not here") {
			t.Errorf("%.60s…: %d %q, want the site's 404 page", p, code, body)
		}
	}
}

// TestWatcherMissesNothingAfterNew: a change made as soon as NewWatcher
// returns, before Run has started, is still reported (serve watches
// before it says it serves, and the first edit may come at once).
func TestWatcherMissesNothingAfterNew(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.md")
	if err := os.WriteFile(file, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := NewWatcher([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changed := make(chan struct{}, 1)
	go w.Run(ctx, func() {
		select {
		case changed <- struct{}{}:
		default:
		}
	})
	select {
	case <-changed:
	case <-time.After(30 * time.Second):
		t.Fatal("the change made before Run was not reported")
	}
}

// TestOverlay: a failed build's overlay speaks the site's language, puts
// each problem on a line of its own with its file name isolated for bidi,
// and links it to the line in the briefing, which the server shows from
// the source folder and from nowhere else.
func TestOverlay(t *testing.T) {
	dir, src := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html><body><h1>الأطلس</h1></body></html>"), 0o644)
	os.WriteFile(filepath.Join(src, "نشرة.md"), []byte("---\ntitle: \"قصف\ndate: 2016-01-01\n---\n"), 0o644)
	secret := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(secret, []byte("secret"), 0o644)
	for _, english := range []bool{false, true} {
		s := New(dir, "/", testAddr)
		s.ShowSources(src, english)
		s.Built(nil)
		s.Built(errors.New("2 problems, so nothing was written (--keep-going builds the rest):\n  نشرة.md:2:8: front matter is not valid YAML\n  b.md: at byte 3: bytes"))
		_, body, _ := get(t, s, "/index.html")
		want := []string{`dir="rtl" lang="ar"`, "فشل البناء الأخير", "أصلح الملف واحفظه"}
		if english {
			want = []string{`dir="ltr" lang="en"`, "the last build failed", "Fix the file and save"}
		}
		want = append(want,
			`<a style="color:#ffd28a" href="/__atlas/source?file=%D9%86%D8%B4%D8%B1%D8%A9.md&amp;line=2#L2"><bdi dir="ltr" style="font-family:monospace">نشرة.md:2:8</bdi></a> <bdi dir="auto">front matter is not valid YAML</bdi>`,
			`<bdi dir="ltr" style="font-family:monospace">b.md</bdi> <bdi dir="auto">at byte 3: bytes</bdi>`)
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("english=%v: the overlay lacks %q:\n%s", english, w, body)
			}
		}
	}
	s := New(dir, "/", testAddr)
	s.ShowSources(src, false)
	s.Built(nil)
	code, body, _ := get(t, s, "/__atlas/source?file=%D9%86%D8%B4%D8%B1%D8%A9.md&line=2")
	if code != 200 || !strings.Contains(body, `<li id="L2" style="background:#ffe9a8"><bdi dir="auto">title: &#34;قصف</bdi></li>`) {
		t.Errorf("the source view: %d %q", code, body)
	}
	rel, err := filepath.Rel(src, secret)
	if err != nil || !strings.HasPrefix(rel, "..") {
		t.Fatalf("the secret's path from the source: %q %v", rel, err)
	}
	if code, body, _ := get(t, s, "/__atlas/source?file="+url.QueryEscape(filepath.ToSlash(rel))+"&line=1"); code == 200 || strings.Contains(body, "secret") {
		t.Errorf("a file outside the source folder was shown: %d", code)
	}
	rec := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/__atlas/source?file=%D9%86%D8%B4%D8%B1%D8%A9.md&line=2", nil)
	r.Host, r.Header["Sec-Fetch-Site"] = testAddr, []string{"cross-site"}
	s.ServeHTTP(rec, r)
	if rec.Code != http.StatusForbidden {
		t.Errorf("another site read a briefing: %d", rec.Code)
	}
}
