// Package devserver serves a built site while it is being edited: files
// from the output folder under the site's base path, a small live-reload
// script injected into every page (never written to the site itself),
// and, while the last build failed, its error over the page instead of a
// dead server.
//
// The site may hold unpublished drafts, and any web page open in the same
// browser can send requests to a local port. So the server answers only
// requests addressed to this machine by its own names (a page whose name
// an attacker points at 127.0.0.1, DNS rebinding, is refused), and gives
// its data and event stream only to its own pages.
package devserver

import (
	"bytes"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Server serves dir under base. Safe for concurrent use.
type Server struct {
	dir     string
	base    string     // "/" or "/sub/path/", as requests' decoded paths have it
	baseURL string     // base escaped, for the addresses the server writes
	port    string     // the port it listens on
	bound   netip.Addr // the address it listens on; unspecified: all of the machine's

	// source is the briefings' folder, whose files the overlay's links
	// show; english says the overlay in English (the site's language).
	source  string
	english bool

	mu      sync.Mutex
	version int   // counts builds, failed ones too
	err     error // the last build's error, nil when it succeeded
	built   bool  // whether any build succeeded
	changed chan struct{}
}

// New serves the site in dir under the URL path base ("/" when empty) to
// requests addressed to addr, the host:port it listens on
// (net.Listener.Addr), to localhost, 127.0.0.1 or [::1] on that port, and,
// when addr is 0.0.0.0 or [::], to the machine's own addresses and name.
// An addr that is no host:port lets nothing in.
func New(dir, base, addr string) *Server {
	base = "/" + strings.Trim(base, "/") + "/"
	if base == "//" {
		base = "/"
	}
	s := &Server{dir: dir, base: base, baseURL: (&url.URL{Path: base}).EscapedPath(), changed: make(chan struct{})}
	if host, port, err := net.SplitHostPort(addr); err == nil {
		if ip, err := netip.ParseAddr(host); err == nil {
			s.port, s.bound = port, ip.Unmap().WithZone("")
		}
	}
	return s
}

// ShowSources lets the error overlay link each problem to its line in the
// briefing, read from the folder source; english says the overlay in
// English, the site's language (Arabic otherwise). Call it before serving.
func (s *Server) ShowSources(source string, english bool) {
	s.source, s.english = source, english
}

// allowedHost reports whether a request's Host names this server: its
// port, and a name or address of this machine that it listens on.
func (s *Server) allowedHost(h string) bool {
	host, port, err := net.SplitHostPort(h)
	if err != nil { // no port: the scheme's default
		host, port = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]"), "80"
	}
	if s.port == "" || port != s.port {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	// An address typed as such cannot be rebound: it is its own origin.
	if ip, err := netip.ParseAddr(host); err == nil {
		ip = ip.Unmap().WithZone("")
		return ip.IsLoopback() || ip == s.bound || (s.bound.IsUnspecified() && ownAddr(ip))
	}
	if s.bound.IsUnspecified() {
		name, err := os.Hostname()
		return err == nil && name != "" && (strings.EqualFold(host, name) || strings.EqualFold(host, name+".local"))
	}
	return false
}

// ownAddr reports whether ip is one of the machine's addresses now: they
// may change while the server runs (a laptop joins another network).
func ownAddr(ip netip.Addr) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok {
			if own, ok := netip.AddrFromSlice(ipn.IP); ok && own.Unmap() == ip {
				return true
			}
		}
	}
	return false
}

// private reports whether the file at p (cleaned, under the base) holds
// the drafts' data in a form another site could take: a script it could
// include (data/*.js), a download, or the event stream.
func private(p string) bool {
	p = strings.ToLower(p) // a case-insensitive file system serves DATA/ too
	return p == "/__atlas/events" || (strings.HasPrefix(p, "/data/") && strings.HasSuffix(p, ".js")) ||
		strings.HasSuffix(p, ".geojson") || strings.HasSuffix(p, ".csv")
}

// ownRequest reports whether a request comes from the server's own pages
// or from the user (a typed address, a tool), not from another site.
// Browsers send Sec-Fetch-Site with every request, and Origin with most
// but a script tag's.
func ownRequest(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site": // same-site: another port of localhost
		return false
	}
	origin := r.Header.Get("Origin")
	return origin == "" || strings.EqualFold(origin, "http://"+r.Host)
}

// Base is the URL path the site is served under.
func (s *Server) Base() string { return s.base }

// Built records the outcome of a build and tells open pages to reload.
func (s *Server) Built(err error) {
	s.mu.Lock()
	s.version++
	s.err = err
	if err == nil {
		s.built = true
	}
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

func (s *Server) state() (int, error, bool, chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version, s.err, s.built, s.changed
}

// liveScript reloads the page when the server says a build finished.
const liveScript = `(function () {
  var seen = null;
  var es = new EventSource(document.currentScript.dataset.events);
  es.onmessage = function (e) {
    if (seen !== null && e.data !== seen) { location.reload(); }
    seen = e.data;
  };
})();
`

// noServiceWorker takes the place of the site's sw.js while serving.
const noServiceWorker = `self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
`

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		http.Error(w, fmt.Sprintf("atlas serve answers only at http://localhost:%s/ and the addresses it listens on, not to the host %q.", s.port, r.Host), http.StatusForbidden)
		return
	}
	if r.URL.Path == "/" && s.base != "/" {
		http.Redirect(w, r, s.baseURL, http.StatusFound)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, s.base)
	if !ok {
		http.NotFound(w, r)
		return
	}
	clean := path.Clean("/" + rest)
	if private(clean) && !ownRequest(r) {
		http.Error(w, "atlas serve gives the site's data and events only to its own pages, not to another site's.", http.StatusForbidden)
		return
	}
	switch rest {
	case "__atlas/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(liveScript))
		return
	case "__atlas/events":
		s.events(w, r)
		return
	case "__atlas/source":
		if !ownRequest(r) {
			http.Error(w, "atlas serve shows the briefings only to its own pages.", http.StatusForbidden)
			return
		}
		s.sourceLine(w, r)
		return
	case "sw.js":
		// The site's service worker caches pages for offline reading,
		// which would show stale pages while editing: serve one that
		// caches nothing and replaces any installed before.
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(noServiceWorker))
		return
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	_, buildErr, built, _ := s.state()
	if !built {
		s.page(w, http.StatusServiceUnavailable, nil, buildErr)
		return
	}
	clean = path.Clean("/" + rest)
	file := filepath.Join(s.dir, filepath.FromSlash(clean))
	if !strings.HasSuffix(clean, ".html") {
		// Whatever keeps a file from being opened (absent, a name over
		// 255 bytes, a file where a folder should be), there is no such
		// file to serve: ServeFile would answer 500 to some.
		if _, err := os.Stat(file); err != nil {
			s.notFound(w, r, buildErr)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		http.ServeFile(w, r, file)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		s.notFound(w, r, buildErr)
		return
	}
	s.page(w, http.StatusOK, data, buildErr)
}

// notFound answers with the site's 404 page.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, buildErr error) {
	data, err := os.ReadFile(filepath.Join(s.dir, "404.html"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.page(w, http.StatusNotFound, data, buildErr)
}

// page writes an HTML page with the live-reload script and, when the last
// build failed, its error on top.
func (s *Server) page(w http.ResponseWriter, status int, data []byte, buildErr error) {
	var inject bytes.Buffer
	if buildErr != nil {
		s.overlay(&inject, buildErr)
	}
	// atlas checks base_url, but whatever the base, it stays an address
	// inside an attribute.
	attr := html.EscapeString(s.baseURL)
	fmt.Fprintf(&inject, `<script src="%s__atlas/live.js" data-events="%s__atlas/events"></script>`, attr, attr)
	if data == nil {
		data = []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>atlas</title></head><body><p>Building…</p></body></html>")
	}
	if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
		data = append(data[:i:i], append(inject.Bytes(), data[i:]...)...)
	} else {
		data = append(data, inject.Bytes()...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(data)
}

// events streams the build count as server-sent events: a page reloads
// when it changes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	for {
		version, _, _, changed := s.state()
		fmt.Fprintf(w, "data: %d\n\n", version)
		flusher.Flush()
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		}
	}
}

// overlayText is what the error overlay says, in Arabic and English.
var overlayText = map[string][2]string{
	"failed": {"فشل البناء الأخير؛ هذا هو الموقع السابق.", "atlas: the last build failed; this is the previous site."},
	"fix":    {"أصلح الملف واحفظه: تُحدَّث الصفحة من تلقاء نفسها.", "Fix the file and save: the page reloads by itself."},
	"line":   {"السطر", "line"},
}

func (s *Server) say(key string) string {
	if s.english {
		return overlayText[key][1]
	}
	return overlayText[key][0]
}

// problemLine is one problem of a build error: "a.md:2:7: message",
// "a.md: message".
var problemLine = regexp.MustCompile(`^\s*([^:\n]+?\.(?:md|txt|markdown|toml|geojson|html)):(?:(\d+)(?::(\d+))?:)?\s*(.*)$`)

// overlay writes the error of the last build over the page: in the
// site's language, one problem a line, each file name isolated from the
// text around it (an Arabic name among Latin words was jumbled) and
// linked to its line.
func (s *Server) overlay(w *bytes.Buffer, buildErr error) {
	dir, lang := "rtl", "ar"
	if s.english {
		dir, lang = "ltr", "en"
	}
	fmt.Fprintf(w, `<div id="atlas-build-error" role="alert" dir="%s" lang="%s" style="position:fixed;inset:0;z-index:100000;overflow:auto;background:rgba(30,10,10,.95);color:#fff;font:15px/1.6 system-ui,sans-serif;padding:2em"><p><strong>%s</strong></p><ul style="list-style:none;padding:0">`,
		dir, lang, html.EscapeString(s.say("failed")))
	for _, l := range strings.Split(buildErr.Error(), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		w.WriteString(`<li style="margin:.4em 0">`)
		m := problemLine.FindStringSubmatch(l)
		if m == nil {
			fmt.Fprintf(w, `<bdi dir="ltr">%s</bdi></li>`, html.EscapeString(strings.TrimSpace(l)))
			continue
		}
		where := m[1]
		if m[2] != "" {
			where += ":" + m[2]
			if m[3] != "" {
				where += ":" + m[3]
			}
		}
		label := `<bdi dir="ltr" style="font-family:monospace">` + html.EscapeString(where) + `</bdi>`
		if s.source != "" && m[2] != "" {
			q := url.Values{"file": {m[1]}, "line": {m[2]}}
			fmt.Fprintf(w, `<a style="color:#ffd28a" href="%s__atlas/source?%s#L%s">%s</a>`, html.EscapeString(s.baseURL), html.EscapeString(q.Encode()), m[2], label)
		} else {
			w.WriteString(label)
		}
		fmt.Fprintf(w, ` <bdi dir="auto">%s</bdi></li>`, html.EscapeString(m[4]))
	}
	fmt.Fprintf(w, `</ul><p>%s</p></div>`, html.EscapeString(s.say("fix")))
}

// sourceLine shows a briefing with the line a problem names marked: the
// overlay's links lead here. Only files inside the source folder are
// read (os.Root).
func (s *Server) sourceLine(w http.ResponseWriter, r *http.Request) {
	file, line := r.URL.Query().Get("file"), r.URL.Query().Get("line")
	n, err := strconv.Atoi(line)
	if s.source == "" || err != nil || n < 1 {
		http.NotFound(w, r)
		return
	}
	root, err := os.OpenRoot(s.source)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer root.Close()
	data, err := root.ReadFile(filepath.FromSlash(file))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>%s:%d</title></head><body style="font:15px/1.6 monospace;margin:1em"><h1 style="font-size:1.1em" dir="ltr"><bdi>%s</bdi>:%d</h1><ol dir="auto">`,
		html.EscapeString(file), n, html.EscapeString(file), n)
	for i, l := range strings.Split(string(data), "\n") {
		style := ""
		if i+1 == n {
			style = ` style="background:#ffe9a8"`
		}
		fmt.Fprintf(&b, `<li id="L%d"%s><bdi dir="auto">%s</bdi></li>`, i+1, style, html.EscapeString(l))
	}
	b.WriteString("</ol></body></html>")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}
