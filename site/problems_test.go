package site

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestSafelyNamesThePanickingFile(t *testing.T) {
	err := parallel(context.Background(), 8, func(i int) error {
		return safely("news/bad.md", func() error {
			if i == 5 {
				var m map[string]int
				m["x"] = 1 // a panic, as a bug would cause
			}
			return nil
		})
	})
	if err == nil || !strings.HasPrefix(err.Error(), "news/bad.md: internal error while processing it (assignment to entry in nil map)") {
		t.Errorf("error %v", err)
	}
	if err := safely("ok.md", func() error { return errors.New("plain") }); err == nil || err.Error() != "plain" {
		t.Errorf("a plain error became %v", err)
	}
}

func TestProblemsListEveryError(t *testing.T) {
	p := Problems{errors.New("a.md:2:7: date"), errors.New("b.md: at byte 3: bytes")}
	want := "2 problems, so nothing was written (--keep-going builds the rest):\n  a.md:2:7: date\n  b.md: at byte 3: bytes"
	if p.Error() != want {
		t.Errorf("got %q", p.Error())
	}
	if got := flatten(errors.Join(errors.New("x"), errors.Join(errors.New("y"), errors.New("z")))); len(got) != 3 {
		t.Errorf("flatten gave %d errors", len(got))
	}
}

func TestParallelStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := 0
	parallel(ctx, 1000, func(int) error { calls++; return nil })
	if calls != 0 {
		t.Errorf("%d calls after cancel", calls)
	}
}
