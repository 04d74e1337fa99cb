// Command pagetimes opens pages of a built atlas from file:// in headless
// Chromium and prints how long each took to become usable: the time from
// the start of its load until atlas.js says it has drawn everything
// (window.atlasReadyAt: the map drawn, its markers added, the table
// filled). bench/pages runs it on a 10,000-briefing atlas.
//
//	go run ./bench/pagetimes [--runs 3] SITE PAGE...
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	runs := flag.Int("runs", 3, "loads of each page; the median is printed")
	browser := flag.String("chromium", "/usr/bin/chromium", "the browser")
	budget := flag.Duration("budget", 2*time.Second, "the target; a page over it is marked")
	flag.Parse()
	if flag.NArg() < 2 {
		fmt.Fprintln(os.Stderr, "usage: pagetimes [--runs N] SITE PAGE...")
		os.Exit(2)
	}
	site, err := filepath.Abs(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	dir, err := os.MkdirTemp("", "atlas-pagetimes-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(*browser), chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.WindowSize(1280, 800), chromedp.UserDataDir(dir),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil {
		fail(fmt.Errorf("starting %s: %w", *browser, err))
	}
	over := 0
	for _, page := range flag.Args()[1:] {
		u := (&url.URL{Scheme: "file", Path: filepath.Join(site, page)}).String()
		var times, parsed []float64
		for range *runs {
			ms, html, err := load(bctx, u)
			if err != nil {
				fail(fmt.Errorf("%s: %w", page, err))
			}
			times, parsed = append(times, ms), append(parsed, html)
		}
		slices.Sort(times)
		slices.Sort(parsed)
		med := times[len(times)/2]
		mark := ""
		if med > float64(budget.Milliseconds()) {
			mark, over = "  over the target", over+1
		}
		fmt.Printf("%-34s usable in %6.0f ms   (median of %d: %v; target <= %v; its HTML and scripts read in %.0f ms)%s\n",
			page, med, len(times), times, *budget, parsed[len(parsed)/2], mark)
	}
	if over > 0 {
		os.Exit(1)
	}
}

// load opens u in a new tab, with an empty cache, and returns when it
// became usable and when its HTML and scripts had been read and run
// (DOMContentLoaded), in ms from the start of its load.
func load(bctx context.Context, u string) (float64, float64, error) {
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
		return 0, 0, err
	}
	ready, err := chromedp.Run(ctx, chromedp.Poll[float64](`window.atlasReadyAt`, chromedp.WithPollingInterval(20*time.Millisecond)))
	if errors.Is(err, context.DeadlineExceeded) {
		return 0, 0, errors.New("not usable after 60 s")
	}
	if err != nil {
		return 0, 0, err
	}
	html, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByType('navigation')[0].domContentLoadedEventStart`))
	return ready, html, err
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "pagetimes:", err)
	os.Exit(1)
}
