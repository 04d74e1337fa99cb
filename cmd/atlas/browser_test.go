package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The budgets of the browser tests bound one step each, never a whole
// suite: a step that takes longer has hung, and fails naming its page and
// what it waited for. They are generous because CI's machine may be busy;
// how fast pages are is measured by benchmarks, not here.
const (
	startBudget = 90 * time.Second // starting Chromium
	stepBudget  = 30 * time.Second // opening a tab, a page load, one wait or evaluation
)

// settled is true once an atlas page has drawn what it shows (atlas.js's
// own flag) and its fonts and images have arrived.
const settled = `window.atlasReady === true && document.readyState === 'complete' &&
	document.fonts.status === 'loaded' &&
	Array.prototype.every.call(document.images, function (i) { return i.complete; })`

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

// sharedBrowser is the one headless Chromium of this test binary: started
// by the first test that needs it, closed by TestMain. Each page opens in
// a tab of its own, so tests may use it in parallel; a tab whose page is
// done waits in idle for the next one, since opening and closing a tab
// costs more than loading an atlas page.
var sharedBrowser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    error

	mu   sync.Mutex
	idle []*browserTab
}

// browserTab is a tab of the shared browser; its events go to the report
// of the page it shows now.
type browserTab struct {
	ctx    context.Context
	cancel context.CancelFunc
	mu     sync.Mutex
	rep    *pageReport
}

func (bt *browserTab) listen(ev any) {
	bt.mu.Lock()
	rep := bt.rep
	bt.mu.Unlock()
	if rep != nil {
		rep.listen(ev)
	}
}

// show makes rep the report of the tab's events.
func (bt *browserTab) show(rep *pageReport) {
	bt.mu.Lock()
	bt.rep = rep
	bt.mu.Unlock()
}

// browser starts the shared browser, if no test has, and returns its
// context.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromium(t)
	b := &sharedBrowser
	b.once.Do(func() {
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(path),
			chromedp.Flag("headless", true),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("no-first-run", true),
			chromedp.Flag("disable-sync", true),
			// A busy machine must not make Chromium throttle the tabs
			// that tests open side by side.
			chromedp.Flag("disable-background-timer-throttling", true),
			chromedp.Flag("disable-renderer-backgrounding", true),
			chromedp.Flag("disable-backgrounding-occluded-windows", true),
			chromedp.WindowSize(1200, 900),
		}
		dir, err := os.MkdirTemp("", "atlas-test-chromium-")
		if err != nil {
			b.err = err
			return
		}
		opts = append(opts, chromedp.UserDataDir(dir))
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		b.ctx = ctx
		b.cancel = func() {
			cancelCtx()
			cancelAlloc()
			os.RemoveAll(dir)
		}
		b.err = within(ctx, startBudget, func(ctx context.Context) error { return chromedp.Do(ctx) })
		if b.err != nil {
			b.err = fmt.Errorf("starting %s: %w", path, b.err)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.ctx
}

// takeTab returns an idle tab, or opens one.
func takeTab(t *testing.T) (*browserTab, error) {
	ctx := browser(t)
	b := &sharedBrowser
	b.mu.Lock()
	if n := len(b.idle); n > 0 {
		bt := b.idle[n-1]
		b.idle = b.idle[:n-1]
		b.mu.Unlock()
		return bt, nil
	}
	b.mu.Unlock()
	bt := &browserTab{}
	bt.ctx, bt.cancel = chromedp.NewContext(ctx, chromedp.WithListener(bt.listen))
	if err := within(bt.ctx, stepBudget, func(ctx context.Context) error { return chromedp.Do(ctx) }); err != nil {
		bt.cancel()
		return nil, err
	}
	return bt, nil
}

// putTab makes a tab idle once its page is gone; a tab that does not
// leave its page in time is closed.
func putTab(bt *browserTab) {
	bt.show(nil)
	ctx, cancel := context.WithTimeout(bt.ctx, stepBudget)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		bt.cancel()
		return
	}
	b := &sharedBrowser
	b.mu.Lock()
	b.idle = append(b.idle, bt)
	b.mu.Unlock()
}

// closeBrowser stops the shared browser, if a test started it, with its
// tabs.
func closeBrowser() {
	if sharedBrowser.cancel != nil {
		sharedBrowser.cancel()
	}
}

// within runs step with a context that is cancelled if step has not
// returned after budget. A chromedp context's first Run binds the life of
// its browser or tab to the context it is given, so a deadline on that
// context would close the tab later; this one only ever fires while step
// runs.
func within(ctx context.Context, budget time.Duration, step func(context.Context) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	late := errors.New("no answer within " + budget.String())
	timer := time.AfterFunc(budget, func() { cancel(late) })
	err := step(ctx)
	if !timer.Stop() && err != nil {
		return fmt.Errorf("%w (%w)", late, err)
	}
	return err
}

// pageReport is what a page did: its errors and the requests it made.
type pageReport struct {
	mu       sync.Mutex
	errors   []string
	requests []string
	failed   context.CancelCauseFunc // set while a wait should stop at the first error
}

func (r *pageReport) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var problem string
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			problem = fmt.Sprintf("console.%s", e.Type)
			for _, a := range e.Args {
				problem += " " + string(a.Value) + a.Description
			}
		}
	case *runtime.EventExceptionThrown:
		problem = "exception: " + e.ExceptionDetails.Text
		if x := e.ExceptionDetails.Exception; x != nil {
			problem += " " + x.Description
		}
		problem += fmt.Sprintf(" at %s:%d", e.ExceptionDetails.URL, e.ExceptionDetails.LineNumber+1)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			problem = "log: " + e.Entry.Text + " " + e.Entry.URL
		}
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, e.Request.URL)
	}
	if problem != "" {
		r.errors = append(r.errors, problem)
		if r.failed != nil {
			r.failed(errors.New(problem))
		}
	}
}

// problems returns the page's errors so far.
func (r *pageReport) problems() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...)
}

// requestsOutside returns the requests that did not start with one of
// the prefixes.
func (r *pageReport) requestsOutside(prefixes ...string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, u := range r.requests {
		inside := false
		for _, p := range prefixes {
			inside = inside || strings.HasPrefix(u, p)
		}
		if !inside {
			out = append(out, u)
		}
	}
	return out
}

// tab is one page open in the shared browser.
type tab struct {
	t   *testing.T
	ctx context.Context
	url string
	rep *pageReport
}

// openTab opens u in a tab, after the setup actions (a viewport, say),
// and waits until the JavaScript expression ready is true; an error the
// page reports fails the test at once. The tab is the test's until it
// ends; a tab that was set up, or whose test failed, is closed then.
func openTab(t *testing.T, u, ready string, setup ...chromedp.Action[chromedp.Void]) *tab {
	t.Helper()
	bt, err := takeTab(t)
	if err != nil {
		t.Fatalf("%s: opening a tab: %v", u, err)
	}
	rep := &pageReport{}
	bt.show(rep)
	t.Cleanup(func() {
		if len(setup) > 0 || t.Failed() {
			bt.cancel()
			return
		}
		putTab(bt)
	})
	tb := &tab{t: t, ctx: bt.ctx, url: u, rep: rep}
	if len(setup) > 0 {
		tb.do("setting the tab up", setup...)
	}
	tb.do("loading", chromedp.Navigate(u))
	if ready != "" {
		tb.waitFor(ready)
	}
	return tb
}

// fail ends the test with the page's address, the step and its errors.
func (tb *tab) fail(what string, err error) {
	tb.t.Helper()
	msg := fmt.Sprintf("%s: %s: %v", tb.url, what, err)
	if errs := tb.rep.problems(); len(errs) > 0 {
		msg += fmt.Sprintf("\npage errors: %v", errs)
	}
	tb.t.Fatal(msg)
}

// do runs actions within one step's budget.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepBudget)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.fail(what, err)
	}
}

// waitFor waits until the JavaScript expression is true, or the page
// reports an error, or the step's budget is spent.
func (tb *tab) waitFor(expr string) {
	tb.t.Helper()
	if _, err := pollTab[bool](tb, expr, stepBudget); err != nil {
		tb.fail("waiting for "+expr, err)
	}
}

// pollTab waits until expr is truthy, at most for budget, and returns its
// value; it stops at the page's first error. A page that replaces its
// document meanwhile (a reload, or a navigation whose new document
// chromedp has not seen yet) ends the poll under way, which then starts
// again in the new document.
func pollTab[T any](tb *tab, expr string, budget time.Duration) (T, error) {
	ctx, cancel := context.WithTimeoutCause(tb.ctx, budget, errors.New("still false after "+budget.Round(time.Second).String()))
	defer cancel()
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	tb.rep.mu.Lock()
	if len(tb.rep.errors) > 0 {
		stop(errors.New(tb.rep.errors[0]))
	}
	tb.rep.failed = stop
	tb.rep.mu.Unlock()
	defer func() {
		tb.rep.mu.Lock()
		tb.rep.failed = nil
		tb.rep.mu.Unlock()
	}()
	retry := time.NewTicker(10 * time.Millisecond)
	defer retry.Stop()
	var replaced error
	for {
		v, err := chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(0)))
		if ctx.Err() == nil && (err == nil || !documentReplaced(err)) {
			return v, err
		}
		if ctx.Err() == nil {
			replaced = err
			select {
			case <-ctx.Done():
			case <-retry.C:
				continue
			}
		}
		if replaced != nil {
			return v, fmt.Errorf("%w (before that: %v)", context.Cause(ctx), replaced)
		}
		return v, context.Cause(ctx)
	}
}

// documentReplaced tells whether err says that the page's JavaScript
// context went away under a call.
func documentReplaced(err error) bool {
	msg := err.Error()
	for _, s := range []string{"Execution context was destroyed", "Cannot find context with specified id", "Inspected target navigated or closed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// evalIn runs expr in the page within one step's budget.
func evalIn[T any](tb *tab, expr string, opts ...chromedp.EvaluateOption) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepBudget)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		tb.fail("evaluating "+firstLine(expr), err)
	}
	return v
}

// firstLine shortens a script for a message.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// settle waits until the page is settled and fails on any error it
// reported, or any request it made outside the given prefixes.
func (tb *tab) settle(prefixes ...string) {
	tb.t.Helper()
	tb.waitFor(settled)
	if errs := tb.rep.problems(); len(errs) > 0 {
		tb.t.Errorf("%s: page errors %v", tb.url, errs)
	}
	for _, r := range tb.rep.requestsOutside(prefixes...) {
		tb.t.Errorf("%s: request outside the site: %s", tb.url, r)
	}
}
