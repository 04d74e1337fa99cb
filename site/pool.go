package site

import (
	"context"
	"runtime"
	"sync"
)

// parallel calls fn for 0…n-1 on every core and returns the first error;
// it stops handing out work when ctx is done.
func parallel(ctx context.Context, n int, fn func(i int) error) error {
	jobs := make(chan int)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := fn(i); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// inOrder calls work for 0…n-1 on every core and hands each result to
// consume in index order, on one goroutine at a time, so that consume
// can write a file in order or gather without locks. At most window
// results wait for an earlier one, which bounds what is held. It stops
// handing out work when ctx is done or consume fails, and returns
// consume's first error.
func inOrder[T any](ctx context.Context, n, window int, work func(i int) T, consume func(i int, v T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu        sync.Mutex
		moved     = sync.NewCond(&mu)
		ready     = map[int]T{}
		next      int  // the index consume wants
		consuming bool // a goroutine is draining ready
		failed    error
	)
	// drain consumes the results ready in order; it runs with mu held
	// and releases it while consuming.
	drain := func() {
		consuming = true
		for failed == nil {
			v, ok := ready[next]
			if !ok {
				break
			}
			delete(ready, next)
			i := next
			mu.Unlock()
			err := consume(i, v)
			mu.Lock()
			if err != nil {
				failed = err
				cancel()
			}
			next++
			moved.Broadcast()
		}
		consuming = false
	}
	parallelErr := parallel(ctx, n, func(i int) error {
		mu.Lock()
		for i >= next+window && failed == nil {
			moved.Wait()
		}
		stopped := failed != nil
		mu.Unlock()
		if stopped {
			return nil
		}
		v := work(i)
		mu.Lock()
		ready[i] = v
		if !consuming {
			drain()
		}
		mu.Unlock()
		return nil
	})
	if failed != nil {
		return failed
	}
	return parallelErr
}
