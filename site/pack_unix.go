//go:build unix

package site

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockPack takes the pack for this build; false when another build holds
// it. The lock goes with the file's closing, or the process.
func lockPack(f *os.File) bool {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil
}
