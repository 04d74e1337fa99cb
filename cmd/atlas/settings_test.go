package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheckBaseURL: base_url is written into pages, sitemap.xml, feed.xml
// and the dev server's script tags, so it must be a plain address whose
// path, decoded, is a plain path.
func TestCheckBaseURL(t *testing.T) {
	tests := []struct {
		url  string
		want string // "" when the address is fine, else a part of the error
	}{
		{"", ""},
		{"https://org.github.io/repo/", ""},
		{"https://org.github.io/repo", ""},
		{"http://localhost:8080/", ""},
		{"https://example.org", ""},
		{"https://example.org/a-b/c_d/e.f/~g/2026/", ""},
		{"https://example.org/أطلس-سوريا/", ""},
		{"https://example.org/%D8%A3%D8%B7%D9%84%D8%B3/", ""},
		{"https://[2001:db8::1]:8443/atlas/", ""},

		{"javascript:alert(1)", "http(s) address"},
		{"ftp://example.org/", "http(s) address"},
		{"example.org", "http(s) address"},
		{"https:///repo/", "http(s) address"},
		{"https://example.org/<script>alert(1)</script>/", "http(s) address"},
		{"https://x.github.io/%22%3E%3Cscript%3Ealert(1)%3C/script%3E/", "path"},
		{"https://x.github.io/%3Cscript%3E/", "path"},
		{"https://x.github.io/a%27b/", "path"},
		{"https://x.github.io/a%20b/", "path"},
		{"https://x.github.io/a%5Cb/", "path"},
		{"https://x.github.io/a%0Ab/", "path"},
		{"https://x.github.io/a%00b/", "path"},
		{"https://x.github.io/a%E2%80%AEb/", "path"}, // a right-to-left override
		{"https://x.github.io/a%FFb/", "path"},       // not UTF-8
		{"https://x.github.io/a%252Fb/", "path"},     // % itself, encoded
		{"https://x.github.io/a(b)/", "path"},
		{"https://x.github.io/a%2Fb/", "encoded slash"},
		{"https://x.github.io/a%2fb/", "encoded slash"},
		{"https://x.github.io/repo/../other/", `".."`},
		{"https://x.github.io/repo/%2E%2E/other/", `".."`},
		{"https://x.github.io/./repo/", `"."`},
		{"https://x.github.io/a//b/", "empty"},
		{"https://x.github.io/repo/?a=1&b=2", "query"},
		{"https://x.github.io/repo/?", "query"},
		{"https://x.github.io/repo/#top", "fragment"},
		{"https://user:secret@x.github.io/repo/", "user"},
		{"https://a&b.example/", "host"},
	}
	for _, tt := range tests {
		err := checkBaseURL(tt.url)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.url, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: error %v, want one that says %q", tt.url, err, tt.want)
		}
	}
}

// TestBaseURLRefused: build and serve refuse a hostile base_url before
// doing anything, naming where it came from (atlas.toml or --base-url).
func TestBaseURLRefused(t *testing.T) {
	const hostile = "https://x.github.io/%22%3E%3Cscript%3Ealert(1)%3C/script%3E/"
	tests := []struct {
		name   string
		inFile bool // base_url in atlas.toml, else --base-url
		args   []string
		want   string
	}{
		{"build, atlas.toml", true, []string{"build", "-q"}, `atlas.toml: base_url "` + hostile + `": `},
		{"build, flag", false, []string{"build", "-q", "--base-url", hostile}, `--base-url "` + hostile + `": `},
		{"serve, atlas.toml", true, []string{"serve", "--port", "0"}, `atlas.toml: base_url "` + hostile + `": `},
		{"serve, flag", false, []string{"serve", "--port", "0", "--base-url", hostile}, `--base-url "` + hostile + `": `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newSite(t)
			if tt.inFile {
				cfg, _ := os.ReadFile("atlas.toml")
				os.WriteFile("atlas.toml", []byte(strings.Replace(string(cfg), `# base_url = "https://ORG.github.io/REPO/"`, `base_url = "`+hostile+`"`, 1)), 0o644)
			}
			err := runUntilServing(t, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one that says %q", err, tt.want)
			}
			if _, serr := os.Stat(filepath.Join(dir, "public")); serr == nil {
				t.Error("the refused build wrote public/")
			}
		})
	}
}

// runUntilServing runs the command in-process and returns its error; a
// server that starts instead is stopped and reported.
func runUntilServing(t *testing.T, args ...string) error {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	root := newRootCmd(pw, io.Discard)
	root.SetArgs(args)
	done := make(chan error, 1)
	go func() { err := root.ExecuteContext(ctx); pw.Close(); done <- err }()
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "serving at ") {
				lines <- sc.Text()
			}
		}
	}()
	select {
	case err := <-done:
		return err
	case line := <-lines:
		t.Errorf("%v started: %s", args, line)
		cancel()
		return <-done
	case <-time.After(stepBudget):
		t.Fatalf("%v neither failed nor served within %s", args, stepBudget)
		return nil
	}
}
