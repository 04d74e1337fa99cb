package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// TestServeSignalsRemoveTemp stops `atlas serve`, run as its own process,
// with each signal that ends a process in a terminal, on CI or in a
// container (SIGINT, SIGTERM, SIGHUP): it exits by itself, successfully,
// and leaves nothing in the temporary folder it built the site in.
func TestServeSignalsRemoveTemp(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "my-atlas")
			if _, _, err := run(t, "new", "site", dir); err != nil {
				t.Fatal(err)
			}
			tmp := t.TempDir()
			cmd := exec.Command(os.Args[0], "serve", "--port", "0")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "ATLAS_TEST_AS_MAIN=1", "TMPDIR="+tmp)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := false
			t.Cleanup(func() {
				if !exited {
					cmd.Process.Kill()
					cmd.Wait()
				}
			})
			serving, eof := make(chan string, 1), make(chan struct{})
			go func() {
				defer close(eof)
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					if strings.HasPrefix(sc.Text(), "serving at ") {
						serving <- sc.Text()
					}
				}
			}()
			select {
			case <-serving:
			case <-eof:
				t.Fatalf("serve ended before serving:\n%s", stderr.String())
			case <-time.After(stepBudget):
				t.Fatalf("serve did not say it was serving within %s:\n%s", stepBudget, stderr.String())
			}
			if entries, _ := os.ReadDir(tmp); len(entries) == 0 {
				t.Fatal("serve built the site somewhere other than TMPDIR")
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-eof:
			case <-time.After(stepBudget):
				t.Fatalf("serve did not stop within %s of %v:\n%s", stepBudget, sig, stderr.String())
			}
			err = cmd.Wait()
			exited = true
			if err != nil {
				t.Errorf("serve stopped by %v: %v\n%s", sig, err, stderr.String())
			}
			entries, _ := os.ReadDir(tmp)
			var left []string
			for _, e := range entries {
				left = append(left, e.Name())
			}
			if len(left) > 0 {
				t.Errorf("serve stopped by %v left %v in TMPDIR", sig, left)
			}
		})
	}
}
