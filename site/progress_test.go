package site

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func TestMeterRedrawsAndClears(t *testing.T) {
	var out lockedBuffer
	// The meter asks for the count when it redraws; the first time it
	// asks, it is about to draw.
	asked := make(chan struct{}, 1)
	m := startMeter(&out, "analysing", 10, func() int {
		select {
		case asked <- struct{}{}:
		default:
		}
		return 7
	})
	<-asked
	m.end()
	m.end() // twice is fine
	got := out.b.String()
	if !strings.Contains(got, "analysing 7/10 (") {
		t.Errorf("meter wrote %q", got)
	}
	if !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("meter did not clear its line: %q", got)
	}
	startMeter(nil, "x", 1, func() int { return 0 }).end()
}
