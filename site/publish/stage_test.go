package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestWriterRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("mine"), 0o644)
	if _, err := open(out, false); err == nil || !strings.Contains(err.Error(), "not written by atlas") {
		t.Fatalf("newWriter on a user's folder: %v", err)
	}
}

func TestWriterStagesAndCleansOnlyItsOwnFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build := func(files map[string]string) {
		t.Helper()
		withWriter(t, out, func(w *Stage) {
			for name, body := range files {
				if err := w.Write(name, []byte(body)); err != nil {
					t.Fatal(err)
				}
			}
			// Nothing reaches out until the whole build has succeeded.
			if _, ok := files["new.html"]; ok && exists(out, "new.html") {
				t.Error("new.html visible before finish")
			}
		})
	}
	build(map[string]string{"index.html": "1", "old.html": "old", "a/b.html": "b"})
	// A file the user put there is not atlas's.
	os.WriteFile(filepath.Join(out, "CNAME"), []byte("atlas.example"), 0o644)
	past := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(out, "a/b.html"), past, past)

	build(map[string]string{"index.html": "2", "a/b.html": "b", "new.html": "n"})
	for name, want := range map[string]string{"index.html": "2", "a/b.html": "b", "new.html": "n", "CNAME": "atlas.example"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if exists(out, "old.html") {
		t.Error("old.html, written by the first build only, was not removed")
	}
	if st, _ := os.Stat(filepath.Join(out, "a/b.html")); !st.ModTime().Equal(past) {
		t.Error("unchanged a/b.html was rewritten")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".atlas-*"))
	if len(left) != 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

func TestWriterRejectsEscapingPaths(t *testing.T) {
	w, err := open(filepath.Join(t.TempDir(), "out"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, p := range []string{"../x.html", "/etc/x", "a/../../x", "./a", ""} {
		if err := w.Write(p, nil); err == nil {
			t.Errorf("write(%q) accepted", p)
		}
	}
}

// withWriter runs one build into out: stage with fn, then finish.
func withWriter(t *testing.T, out string, fn func(w *Stage)) {
	t.Helper()
	w, err := open(out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	fn(w)
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
}

func exists(dir, name string) bool {
	_, err := os.Stat(filepath.Join(dir, name))
	return err == nil
}

// A streamed file behaves like a written one: unchanged bytes leave the
// old file (and its mtime) alone, changed bytes replace it.
func TestWriterStreamsLargeFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build := func(files map[string]string) {
		t.Helper()
		withWriter(t, out, func(w *Stage) {
			for name, body := range files {
				f, err := w.Create(name)
				if err != nil {
					t.Fatal(err)
				}
				for _, part := range strings.SplitAfter(body, ",") {
					f.Write([]byte(part))
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := w.Create("same.csv"); err == nil {
				t.Error("a second create of same.csv was accepted")
			}
		})
	}
	build(map[string]string{"same.csv": "a,b,c", "grows.csv": "1,2"})
	past := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(out, "same.csv"), past, past)
	os.Chtimes(filepath.Join(out, "grows.csv"), past, past)
	build(map[string]string{"same.csv": "a,b,c", "grows.csv": "1,2,3"})
	if st, _ := os.Stat(filepath.Join(out, "same.csv")); !st.ModTime().Equal(past) {
		t.Error("unchanged same.csv was rewritten")
	}
	got, _ := os.ReadFile(filepath.Join(out, "grows.csv"))
	if string(got) != "1,2,3" {
		t.Errorf("grows.csv = %q", got)
	}
	manifest, _ := os.ReadFile(filepath.Join(out, manifestName))
	if want := "same.csv\t" + hashOf([]byte("a,b,c")); !strings.Contains(string(manifest), want) {
		t.Errorf("manifest %q lacks %q", manifest, want)
	}
}

// TestWriterRefusesSymlinkedFolders: a link planted in the output folder
// cannot send the site's files elsewhere, and the refusal moves nothing.
func TestWriterRefusesSymlinkedFolders(t *testing.T) {
	tmp := t.TempDir()
	out, elsewhere := filepath.Join(tmp, "out"), filepath.Join(tmp, "elsewhere")
	os.MkdirAll(elsewhere, 0o755)
	w, err := open(out, false)
	if err != nil {
		t.Fatal(err)
	}
	w.Write("index.html", []byte("one"))
	w.Write("articles/a.html", []byte("a"))
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	os.RemoveAll(filepath.Join(out, "articles"))
	if err := os.Symlink(elsewhere, filepath.Join(out, "articles")); err != nil {
		t.Skip(err)
	}
	w, err = open(out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.Write("index.html", []byte("two"))
	w.Write("articles/a.html", []byte("b"))
	err = w.Finish()
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("error %v", err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Error("a file was written through the link")
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "one" {
		t.Errorf("index.html = %q: the refused build moved files", data)
	}
}

// TestWriterLocksTheOutput: one build at a time writes an output folder;
// a second is told which process holds it.
func TestWriterLocksTheOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	w, err := open(out, false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = open(out, false)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("(process %d) is writing %s", os.Getpid(), out)) {
		t.Fatalf("a second writer of the same folder: %v", err)
	}
	w.Close()
	w, err = open(out, false)
	if err != nil {
		t.Fatalf("after the first let go: %v", err)
	}
	w.Close()
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".atlas-*")); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// TestWriterKeepsWhatAtlasDidNotWrite: the user's files, folders and
// links in the output survive a rebuild as they were; a link pointing
// out of the output is kept as a link, and nothing behind it is touched.
func TestWriterKeepsWhatAtlasDidNotWrite(t *testing.T) {
	tmp := t.TempDir()
	out, elsewhere := filepath.Join(tmp, "public"), filepath.Join(tmp, "elsewhere")
	os.MkdirAll(elsewhere, 0o755)
	os.WriteFile(filepath.Join(elsewhere, "a.html"), []byte("not atlas's"), 0o644)
	withWriter(t, out, func(w *Stage) {
		w.Write("index.html", []byte("1"))
		w.Write("places/a.html", []byte("a"))
	})
	os.WriteFile(filepath.Join(out, "CNAME"), []byte("atlas.example"), 0o644)
	os.MkdirAll(filepath.Join(out, "notes", "empty"), 0o755)
	os.WriteFile(filepath.Join(out, "notes", "todo.txt"), []byte("todo"), 0o600)
	os.WriteFile(filepath.Join(out, "places", "mine.txt"), []byte("mine"), 0o644)
	if err := os.Symlink(elsewhere, filepath.Join(out, "shared")); err != nil {
		t.Skip(err)
	}
	withWriter(t, out, func(w *Stage) {
		w.Write("index.html", []byte("2"))
	})
	for name, want := range map[string]string{"index.html": "2", "CNAME": "atlas.example", "notes/todo.txt": "todo", "places/mine.txt": "mine", "shared/a.html": "not atlas's"} {
		if got, err := os.ReadFile(filepath.Join(out, name)); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if exists(out, "places/a.html") {
		t.Error("places/a.html, written by the first build only, is still there")
	}
	if st, err := os.Stat(filepath.Join(out, "notes", "empty")); err != nil || !st.IsDir() {
		t.Errorf("the user's empty folder: %v", err)
	}
	if st, _ := os.Stat(filepath.Join(out, "notes", "todo.txt")); st == nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the user's file lost its mode: %v", st)
	}
	if target, err := os.Readlink(filepath.Join(out, "shared")); err != nil || target != elsewhere {
		t.Errorf("the user's link: %q, %v", target, err)
	}
}

// TestWriterDeletesNothingThroughALink: a folder of the last build
// replaced by a link to another place on the disk loses nothing there
// when the next build no longer makes its files.
func TestWriterDeletesNothingThroughALink(t *testing.T) {
	tmp := t.TempDir()
	out, elsewhere := filepath.Join(tmp, "public"), filepath.Join(tmp, "elsewhere")
	withWriter(t, out, func(w *Stage) {
		w.Write("index.html", []byte("1"))
		w.Write("places/a.html", []byte("a"))
		w.Write("places/b.html", []byte("b"))
	})
	if err := os.Rename(filepath.Join(out, "places"), elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "places")); err != nil {
		t.Skip(err)
	}
	withWriter(t, out, func(w *Stage) {
		w.Write("index.html", []byte("2"))
	})
	for _, name := range []string{"a.html", "b.html"} {
		if _, err := os.Stat(filepath.Join(elsewhere, name)); err != nil {
			t.Errorf("%s behind the link: %v", name, err)
		}
	}
}

// diskFull fails every file opened after the first n, as a full disk
// fails writes.
func diskFull(n int) func(string, int, fs.FileMode) (*os.File, error) {
	var mu sync.Mutex
	return func(name string, flag int, perm fs.FileMode) (*os.File, error) {
		mu.Lock()
		defer mu.Unlock()
		if n--; n < 0 {
			return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.ENOSPC}
		}
		return os.OpenFile(name, flag, perm)
	}
}

// TestWriterFullDisk: when the disk fills up, every write fails with one
// error that names the output folder, once; publishing refuses, and the
// old site stays as it was, manifest included.
func TestWriterFullDisk(t *testing.T) {
	for _, n := range []int{0, 3, 40} { // early, in the middle, at the manifest
		out := filepath.Join(t.TempDir(), "public")
		withWriter(t, out, func(w *Stage) {
			w.Write("index.html", []byte("1"))
			w.Write("places/gone.html", []byte("gone"))
		})
		before := readTree(t, out)
		w, err := open(out, false)
		if err != nil {
			t.Fatal(err)
		}
		w.openFile = diskFull(n)
		var errs []error
		for i := range 40 {
			if err := w.Write(fmt.Sprintf("places/p%02d.html", i), []byte("p")); err != nil {
				errs = append(errs, err)
			}
		}
		err = w.Finish()
		w.Close()
		if err == nil {
			t.Fatalf("n=%d: finish on a full disk succeeded", n)
		}
		errs = append(errs, err)
		for _, e := range errs {
			if e != errs[0] {
				t.Fatalf("n=%d: two different errors: %v and %v", n, errs[0], e)
			}
		}
		if msg := err.Error(); msg != "writing the site into "+out+": no space left on device" {
			t.Errorf("n=%d: %q", n, msg)
		}
		if after := readTree(t, out); !sameFiles(before, after) {
			t.Errorf("n=%d: the failed build changed the output", n)
		}
		// The next build, with room, makes the site and drops what it no
		// longer makes.
		withWriter(t, out, func(w *Stage) { w.Write("index.html", []byte("2")) })
		if exists(out, "places/gone.html") {
			t.Errorf("n=%d: a page the next build no longer makes stayed", n)
		}
	}
}

// readTree reads every file under dir, by slash-separated path; a dir
// that does not exist holds none.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return files
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
