//go:build unix

package publish

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// lockOutput takes the lock of the output folder out, a file beside it
// that holds the owner's PID. A second build into out refuses, naming
// that PID; the operating system drops the lock with its process, so a
// killed build never leaves out locked.
func lockOutput(out string) (*outputLock, error) {
	path := lockPath(out)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("locking %s: %w", out, err)
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			holder := make([]byte, 32)
			n, _ := f.ReadAt(holder, 0)
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, busy(out, holder[:n])
			}
			return nil, fmt.Errorf("locking %s: %w", out, err)
		}
		// The last owner removes the file as it lets go: the lock
		// counts only on the file that is there now.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			f.Truncate(0)
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
			return &outputLock{f: f, path: path}, nil
		}
		f.Close()
	}
}

// release removes the lock file, then lets go of the lock.
func (l *outputLock) release() {
	os.Remove(l.path)
	l.f.Close()
}
