package site

import (
	"fmt"
	"io"
	"time"
)

// meter redraws a stage's running count in place, a few times a second,
// for a person watching a terminal; the stage's closing line in the log
// is what stays. Off a terminal there is no meter: logs get plain lines.
type meter struct {
	stop, done chan struct{}
}

// startMeter shows "label n/total (rate)" on w until end, or "label n
// (rate)" when the total is not known (0); nil w shows nothing.
func startMeter(w io.Writer, label string, total int, count func() int) *meter {
	m := &meter{stop: make(chan struct{}), done: make(chan struct{})}
	if w == nil {
		close(m.done)
		return m
	}
	go func() {
		defer close(m.done)
		t0 := time.Now()
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-m.stop:
				fmt.Fprint(w, "\r\033[K")
				return
			case <-tick.C:
				n := count()
				of := ""
				if total > 0 {
					of = fmt.Sprintf("/%d", total)
				}
				fmt.Fprintf(w, "\r\033[K%s %d%s (%s)", label, n, of, rate(n, time.Since(t0)))
			}
		}
	}()
	return m
}

// end removes the meter's line.
func (m *meter) end() {
	select {
	case <-m.done:
		return
	default:
	}
	close(m.stop)
	<-m.done
}
