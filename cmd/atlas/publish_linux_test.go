package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// smallDisk mounts a tmpfs of size bytes for the test, where the test may
// mount (as root, as CI runs); elsewhere the test is skipped.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v): run as root to test a full disk", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// TestFullDisk: a build that fills its disk fails with one line that
// names the output folder, and leaves the site it would have replaced
// as it was, with nothing beside it; the next build that fits succeeds.
func TestFullDisk(t *testing.T) {
	disk := smallDisk(t, "1600k")
	tmp := t.TempDir()
	one, all := filepath.Join(tmp, "one"), filepath.Join(tmp, "all")
	copyTree(t, "../../examples/briefings", all)
	os.MkdirAll(one, 0o755)
	data, _ := os.ReadFile(filepath.Join(all, "01-aleppo-barrel-bombs.md"))
	os.WriteFile(filepath.Join(one, "01-aleppo-barrel-bombs.md"), data, 0o644)
	out := filepath.Join(disk, "out")
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", one, "-o", out); err != nil {
		t.Fatalf("the small site does not fit: %v", err)
	}
	before := tree(t, out)
	_, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", all, "-o", out)
	if err == nil {
		t.Fatal("the sample fit on the small disk: make it smaller")
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, out) || !strings.Contains(msg, "no space left on device") {
		t.Errorf("the error is not one line naming %s and the full disk:\n%s", out, msg)
	}
	if !sameTree(before, tree(t, out)) {
		t.Error("the failed build changed the site")
	}
	if entries, _ := os.ReadDir(disk); len(entries) != 1 {
		t.Errorf("beside the output: %v", entries)
	}
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", one, "-o", out); err != nil {
		t.Errorf("the next build that fits: %v", err)
	}
}
