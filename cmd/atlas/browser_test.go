package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium returns Debian's Chromium, or $ATLAS_CHROMIUM. On CI a missing
// browser fails the test; elsewhere it skips with the reason.
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("ATLAS_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Chromium not found at %s (.ci/run installs Debian's chromium)", path)
		}
		t.Skipf("Chromium not found at %s; install Debian's chromium to run browser tests", path)
	}
	return path
}

// browser starts headless Chromium with no network access of its own.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	return alloc
}

// pageReport is what a page did while it loaded.
type pageReport struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (r *pageReport) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			r.errors = append(r.errors, fmt.Sprintf("console.%s", e.Type))
		}
	case *runtime.EventExceptionThrown:
		r.errors = append(r.errors, "exception: "+e.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			r.errors = append(r.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, e.Request.URL)
	}
}

// TestBrowserOfflineAtlas opens the built sample atlas from file:// in
// headless Chromium: the Leaflet map must start, show markers, log no
// error, and ask for nothing but local files.
func TestBrowserOfflineAtlas(t *testing.T) {
	alloc := browser(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, _, err := run(t, "build", "--quiet", "--source", "../../examples/briefings", "--out", out); err != nil {
		t.Fatal(err)
	}
	articles, _ := filepath.Glob(filepath.Join(out, "articles", "*.html"))
	if len(articles) == 0 {
		t.Fatal("no article pages built")
	}
	pages := []string{
		filepath.Join(out, "index.html"),
		articles[0],
		filepath.Join(out, "governorates", "SY02.html"),
	}
	for _, p := range pages {
		t.Run(filepath.Base(p), func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(alloc)
			defer cancel()
			rep := &pageReport{}
			if err := chromedp.Listen(ctx, rep.listen); err != nil {
				t.Fatal(err)
			}
			u := (&url.URL{Scheme: "file", Path: p}).String()
			if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
				t.Fatal(err)
			}
			// The map is up when Leaflet has drawn the outlines and markers.
			n, err := chromedp.Run(ctx, chromedp.Poll[int](
				`window.atlasMap && document.querySelectorAll('.leaflet-overlay-pane path.atlas-marker, .leaflet-marker-pane .marker-cluster').length`,
				chromedp.WithPollingTimeout(20*time.Second)))
			if err != nil {
				t.Fatalf("map did not start with markers: %v (errors: %v)", err, rep.errors)
			}
			if n < 1 {
				t.Errorf("%d markers on the map", n)
			}
			outlines, err := chromedp.Run(ctx, chromedp.Evaluate[int](
				`document.querySelectorAll('.leaflet-overlay-pane path:not(.atlas-marker)').length`))
			if err != nil || outlines < 14 {
				t.Errorf("governorate outlines drawn: %d (%v)", outlines, err)
			}
			// Let late scripts and images settle before judging.
			chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond))
			rep.mu.Lock()
			defer rep.mu.Unlock()
			if len(rep.errors) > 0 {
				t.Errorf("console errors: %v", rep.errors)
			}
			for _, r := range rep.requests {
				if !strings.HasPrefix(r, "file://") && !strings.HasPrefix(r, "data:") {
					t.Errorf("request to %s", r)
				}
			}
			t.Logf("%d markers, %d outlines, %d local requests", n, outlines, len(rep.requests))
		})
	}
}
