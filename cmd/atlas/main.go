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
	"syscall"
)

// heapBudget is how large atlas lets its heap grow before the garbage
// collector works hard. A build allocates gigabytes over its run but keeps
// a few hundred megabytes live; collecting each time the heap doubled (Go's
// default) took a sixth of a build's CPU. GOGC or GOMEMLIMIT in the
// environment take precedence.
const heapBudget = 768 << 20

func main() {
	ctx, stop := stoppable(context.Background())
	code := atlas(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// stoppable returns a context that ends at the first signal that asks
// a process to stop: Ctrl-C (SIGINT), CI's time-outs and `docker stop`
// (SIGTERM), a closed terminal (SIGHUP). A build then leaves the
// previous site as it was and removes its stage; serve its folder.
func stoppable(parent context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
}

// atlas runs the command line args until ctx ends and returns the
// process's exit status (see exitStatus).
func atlas(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(heapBudget)
	}
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(stderr, "atlas:", err)
		return exitStatus(err)
	}
	return 0
}
