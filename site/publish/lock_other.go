//go:build !unix

package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

// lockOutput takes the lock of the output folder out, a file beside it
// that holds the owner's PID; a second build into out refuses, naming
// that PID. Here the file itself is the lock, so a build that was killed
// leaves it behind, and the message says so.
func lockOutput(out string) (*outputLock, error) {
	path := lockPath(out)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		holder, _ := os.ReadFile(path)
		return nil, fmt.Errorf("%w (if no atlas is running, remove %s)", busy(out, holder), path)
	}
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", out, err)
	}
	f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	return &outputLock{f: f, path: path}, nil
}

func (l *outputLock) release() {
	l.f.Close()
	os.Remove(l.path)
}
