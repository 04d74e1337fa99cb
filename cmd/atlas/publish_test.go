package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOneBuildAtATime: while a build writes an output folder, a second
// build of it refuses and names the first one's process; once the first
// is over, building works again.
func TestOneBuildAtATime(t *testing.T) {
	tmp := t.TempDir()
	src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
	copyTree(t, "../../examples/briefings", src)
	cmd := exec.Command(os.Args[0], "build", "--cache-dir", "none", "-s", src, "-o", out)
	cmd.Env = append(os.Environ(), "ATLAS_TEST_AS_MAIN=1", "ATLAS_TEST_PAUSE_AFTER=analysed ")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "analysed ") {
	}
	_, _, err = run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out)
	want := "(process " + strconv.Itoa(cmd.Process.Pid) + ") is writing"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a second build while the first writes: %v; want %q", err, want)
	}
	cmd.Process.Signal(os.Interrupt)
	for sc.Scan() {
	}
	cmd.Wait()
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out); err != nil {
		t.Fatalf("after the first build ended: %v", err)
	}
	if left := outsideOut(t, tmp); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// TestLinkInOutputDeletesNothingOutside: a folder of the site replaced by
// a link to a folder elsewhere loses nothing there when a later build no
// longer makes one of its pages.
func TestLinkInOutputDeletesNothingOutside(t *testing.T) {
	tmp := t.TempDir()
	src, out, elsewhere := filepath.Join(tmp, "src"), filepath.Join(tmp, "out"), filepath.Join(tmp, "elsewhere")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "a.md"), []byte("---\ntitle: أ\ndate: 2016-01-01\n---\nقصف على مدينة حماة.\n"), 0o644)
	os.WriteFile(filepath.Join(src, "b.md"), []byte("---\ntitle: ب\ndate: 2016-01-02\n---\nقصف على مدينة إدلب.\n"), 0o644)
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out); err != nil {
		t.Fatal(err)
	}
	before := tree(t, filepath.Join(out, "places"))
	if err := os.Rename(filepath.Join(out, "places"), elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "places")); err != nil {
		t.Skip(err)
	}
	// Without b.md, Idlib's page is no longer made; Hama's is unchanged,
	// so the build writes nothing into places/.
	os.Remove(filepath.Join(src, "b.md"))
	run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out)
	if after := tree(t, elsewhere); !sameTree(before, after) {
		t.Errorf("the folder behind the link changed: %d files before, %d after", len(before), len(after))
	}
}
