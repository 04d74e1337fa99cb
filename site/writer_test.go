package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriterRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("mine"), 0o644)
	if _, err := newWriter(out, false); err == nil || !strings.Contains(err.Error(), "not written by atlas") {
		t.Fatalf("newWriter on a user's folder: %v", err)
	}
}

func TestWriterStagesAndCleansOnlyItsOwnFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build := func(files map[string]string) {
		t.Helper()
		withWriter(t, out, func(w *writer) {
			for name, body := range files {
				if err := w.write(name, []byte(body)); err != nil {
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
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".atlas-staging-*"))
	if len(left) != 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

func TestWriterRejectsEscapingPaths(t *testing.T) {
	w, err := newWriter(filepath.Join(t.TempDir(), "out"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(w.stage)
	for _, p := range []string{"../x.html", "/etc/x", "a/../../x", "./a", ""} {
		if err := w.write(p, nil); err == nil {
			t.Errorf("write(%q) accepted", p)
		}
	}
}

// withWriter runs one build into out: stage with fn, then finish.
func withWriter(t *testing.T, out string, fn func(w *writer)) {
	t.Helper()
	w, err := newWriter(out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(w.stage)
	fn(w)
	if err := w.finish(); err != nil {
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
		withWriter(t, out, func(w *writer) {
			for name, body := range files {
				f, err := w.create(name)
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
			if _, err := w.create("same.csv"); err == nil {
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
	w, err := newWriter(out, false)
	if err != nil {
		t.Fatal(err)
	}
	w.write("index.html", []byte("one"))
	w.write("articles/a.html", []byte("a"))
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(out, "articles"))
	if err := os.Symlink(elsewhere, filepath.Join(out, "articles")); err != nil {
		t.Skip(err)
	}
	w, err = newWriter(out, false)
	if err != nil {
		t.Fatal(err)
	}
	w.write("index.html", []byte("two"))
	w.write("articles/a.html", []byte("b"))
	err = w.finish()
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
