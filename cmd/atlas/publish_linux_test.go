package main

import (
	"io/fs"
	"os"
	"os/exec"
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

// chattr sets or clears the immutable flag of path, or skips the test
// where that cannot be done (not root, a file system without it).
func chattr(t *testing.T, flag, path string) {
	t.Helper()
	if out, err := exec.Command("chattr", flag, path).CombinedOutput(); err != nil {
		t.Skipf("chattr %s: %v %s", flag, err, out)
	}
}

// TestImmutableFolders: an output folder, or a folder in it, that cannot
// be changed (chattr +i) leaves the site old or new, never a mix: a
// folder inside is replaced with the rest; an immutable --out refuses the
// build and keeps the old site.
func TestImmutableFolders(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	copyTree(t, "../../examples/briefings", src)
	names := briefings(t, src)
	old := filepath.Join(tmp, "old")
	os.MkdirAll(old, 0o755)
	for _, n := range names[:len(names)-3] {
		data, _ := os.ReadFile(filepath.Join(src, n))
		os.WriteFile(filepath.Join(old, n), data, 0o644)
	}
	want := filepath.Join(tmp, "want")
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", want); err != nil {
		t.Fatal(err)
	}
	wantTree := tree(t, want)
	t.Cleanup(func() { // let TempDir remove what stayed immutable
		filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
			exec.Command("chattr", "-i", p).Run()
			return nil
		})
	})

	t.Run("places", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", old, "-o", out); err != nil {
			t.Fatal(err)
		}
		chattr(t, "+i", filepath.Join(out, "places"))
		defer exec.Command("chattr", "-R", "-i", filepath.Dir(out)).Run()
		_, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out)
		if err != nil {
			t.Fatalf("the build with an immutable places/: %v", err)
		}
		if !sameTree(wantTree, tree(t, out)) {
			t.Error("the output is not the new site")
		}
	})
	t.Run("out", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", old, "-o", out); err != nil {
			t.Fatal(err)
		}
		before := tree(t, out)
		chattr(t, "+i", out)
		defer exec.Command("chattr", "-i", out).Run()
		_, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out)
		if err == nil || !strings.Contains(err.Error(), "publishing "+out) {
			t.Errorf("error %v", err)
		}
		if !sameTree(before, tree(t, out)) {
			t.Error("the refused build changed the site")
		}
	})
}
