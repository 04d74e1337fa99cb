// Command atlas turns a folder of Arabic news briefings about the war in
// Syria into a static briefing atlas with Leaflet maps.
package main

import (
	"context"
	"fmt"
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
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(heapBudget)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := newRootCmd(os.Stdout, os.Stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "atlas:", err)
		os.Exit(1)
	}
}
