package site

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"
)

func TestInOrder(t *testing.T) {
	for _, tc := range []struct {
		name      string
		n, window int
		failAt    int // consume fails at this index; -1 never
	}{
		{"none", 0, 4, -1},
		{"one", 1, 1, -1},
		{"window of one", 50, 1, -1},
		{"many", 500, 8, -1},
		{"consume fails", 200, 8, 37},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var running, started atomic.Int64
			var got []int
			tooFar := false
			err := inOrder(context.Background(), tc.n, tc.window, func(i int) int {
				started.Add(1)
				// Uneven work, so that results come out of order.
				time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
				running.Add(1)
				return i * i
			}, func(i, v int) error {
				if v != i*i {
					t.Errorf("result %d handed to consume as %d's", v, i)
				}
				// Nothing may run more than window ahead of what is
				// consumed.
				if int(running.Load()) > i+tc.window {
					tooFar = true
				}
				got = append(got, i)
				if i == tc.failAt {
					return errors.New("full disk")
				}
				return nil
			})
			want := tc.n
			if tc.failAt >= 0 {
				if err == nil || err.Error() != "full disk" {
					t.Fatalf("err = %v, want consume's", err)
				}
				want = tc.failAt + 1
				if int(started.Load()) >= tc.n {
					t.Errorf("work went on to all %d after consume failed at %d", started.Load(), tc.failAt)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if len(got) != want {
				t.Fatalf("consumed %d, want %d", len(got), want)
			}
			for i, v := range got {
				if v != i {
					t.Fatalf("consumed %v…: out of order at %d", got[:i+1], i)
				}
			}
			if tooFar {
				t.Errorf("work ran more than %d ahead of consume", tc.window)
			}
		})
	}
}

func TestLatestKeepsTheNewest(t *testing.T) {
	for _, n := range []int{0, 1, maxListed - 1, maxListed, maxListed + 1, 3*maxListed + 7} {
		var l latest[ListedMention]
		for i := range n {
			l.add(ListedMention{N: i})
		}
		got := l.newest()
		if len(got) != min(n, maxListed) {
			t.Fatalf("%d mentions: %d listed", n, len(got))
		}
		for k, m := range got {
			if want := n - 1 - k; m.N != want {
				t.Fatalf("%d mentions: listed[%d] is mention %d, want %d (newest first)", n, k, m.N, want)
			}
		}
	}
}
