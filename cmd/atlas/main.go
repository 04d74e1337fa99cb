// Command atlas turns a folder of Arabic news briefings about the war in
// Syria into a static briefing atlas with Leaflet maps.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
)

// heapBudget is how large atlas lets its heap grow before the garbage
// collector works hard. A build allocates gigabytes over its run but keeps
// a few hundred megabytes live; collecting each time the heap doubled (Go's
// default) took a sixth of a build's CPU. GOGC or GOMEMLIMIT in the
// environment take precedence.
const heapBudget = 768 << 20

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := atlas(ctx, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// atlas runs the command line in os.Args until ctx ends and returns the
// process's exit status.
func atlas(ctx context.Context, stdout, stderr io.Writer) int {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(heapBudget)
	}
	root := newRootCmd(stdout, stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(stderr, "atlas:", err)
		return 1
	}
	return 0
}
