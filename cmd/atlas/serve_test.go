package main

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestServeHostAndOrigin drives `atlas serve` over HTTP: a request
// addressed to another host (DNS rebinding) is refused, and so is another
// site's request for drafts' data or the event stream; the site's own
// requests are answered.
func TestServeHostAndOrigin(t *testing.T) {
	newSite(t)
	base := startServe(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: stepBudget}
	tests := []struct {
		name, path, host string
		header           []string
		want             int
	}{
		{"a page", "index.html", "", nil, http.StatusOK},
		{"a page by name", "index.html", "localhost:" + u.Port(), nil, http.StatusOK},
		{"search data", "data/search.js", "", []string{"Sec-Fetch-Site", "same-origin"}, http.StatusOK},
		{"a page, rebound", "index.html", "evil.example:" + u.Port(), nil, http.StatusForbidden},
		{"search data, rebound", "data/search.js", "evil.example", nil, http.StatusForbidden},
		{"events, rebound", "__atlas/events", "evil.example:" + u.Port(), nil, http.StatusForbidden},
		{"search data in another site's script tag", "data/search.js", "", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"events for another site", "__atlas/events", "", []string{"Origin", "http://evil.example"}, http.StatusForbidden},
		{"downloads for another site", "events.geojson", "", []string{"Origin", "http://evil.example"}, http.StatusForbidden},
	}
	for _, tt := range tests {
		req, err := http.NewRequest("GET", base+tt.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if tt.host != "" {
			req.Host = tt.host
		}
		for i := 0; i+1 < len(tt.header); i += 2 {
			req.Header.Set(tt.header[i], tt.header[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		// The event stream, if answered, never ends: read only a refusal.
		body := ""
		if resp.StatusCode != http.StatusOK {
			b, _ := io.ReadAll(resp.Body)
			body = string(b)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want || (tt.want == http.StatusForbidden && !strings.Contains(body, "atlas serve")) {
			t.Errorf("%s: %d %q, want %d", tt.name, resp.StatusCode, body, tt.want)
		}
	}
}
