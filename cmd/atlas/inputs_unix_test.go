//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSiteFoldersStayInside: a link in a site's assets/, templates/ or
// gazetteer/ to a file outside the site is refused, naming the file, and
// nothing of it is published; a link inside the folder is read.
func TestSiteFoldersStayInside(t *testing.T) {
	for _, c := range []struct{ folder, file string }{
		{"assets", "env.css"},
		{"templates", "article.html"},
		{"gazetteer", "places.geojson"},
	} {
		t.Run(c.folder, func(t *testing.T) {
			dir := newSite(t)
			secret := filepath.Join(t.TempDir(), "secret")
			os.WriteFile(secret, []byte(`SECRET_TOKEN=hunter2`), 0o644)
			os.MkdirAll(filepath.Join(dir, c.folder), 0o755)
			if err := os.Symlink(secret, filepath.Join(dir, c.folder, c.file)); err != nil {
				t.Skip(err)
			}
			_, _, err := run(t, "build", "-q", "--cache-dir", "none")
			want := c.file + ": a symbolic link to " + secret + ", outside " + c.folder + "/: not followed"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v; want %q", err, want)
			}
			if leaked := grepTree(t, filepath.Join(dir, "public"), "hunter2"); leaked != "" {
				t.Errorf("the secret was published in %s", leaked)
			}
		})
	}
	t.Run("link inside", func(t *testing.T) {
		dir := newSite(t)
		os.MkdirAll(filepath.Join(dir, "assets", "css"), 0o755)
		os.WriteFile(filepath.Join(dir, "assets", "css", "mine.css"), []byte("body{color:teal}"), 0o644)
		os.Symlink("css/mine.css", filepath.Join(dir, "assets", "extra.css"))
		if _, _, err := run(t, "build", "-q", "--cache-dir", "none"); err != nil {
			t.Fatal(err)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "public", "assets", "extra.css")); string(data) != "body{color:teal}" {
			t.Errorf("the linked asset reads %q", data)
		}
	})
}

// grepTree names a file under dir that contains s, or "".
func grepTree(t *testing.T, dir, s string) string {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	for name, data := range tree(t, dir) {
		if strings.Contains(string(data), s) {
			return name
		}
	}
	return ""
}

// TestConfigPathsStayInside: atlas.toml cannot have atlas read files
// outside the site's folder, through gazetteer.extra, source, or by
// being itself a link out of it.
func TestConfigPathsStayInside(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "places.geojson"), []byte(`{"type":"FeatureCollection","features":[]}`), 0o644)
	os.MkdirAll(filepath.Join(outside, "briefings"), 0o755)
	os.WriteFile(filepath.Join(outside, "briefings", "x.md"), []byte(goodBriefing), 0o644)
	climb := func(dir, target string) string {
		rel, err := filepath.Rel(dir, target)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(rel)
	}
	cases := []struct {
		name string
		toml func(dir string) string
		want string
	}{
		{"extra absolute", func(string) string {
			return "[gazetteer]\nextra = [\"" + filepath.Join(outside, "places.geojson") + "\"]\n"
		}, "is outside the site's folder"},
		{"extra climbing", func(dir string) string {
			return "[gazetteer]\nextra = [\"" + climb(dir, filepath.Join(outside, "places.geojson")) + "\"]\n"
		}, "is outside the site's folder"},
		{"source", func(dir string) string {
			return "source = \"" + climb(dir, filepath.Join(outside, "briefings")) + "\"\n"
		}, "is outside the site's folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := newSite(t)
			os.WriteFile("atlas.toml", []byte(c.toml(dir)), 0o644)
			_, _, err := run(t, "build", "-q", "--cache-dir", "none")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v; want %q", err, c.want)
			}
		})
	}
	t.Run("atlas.toml a link out", func(t *testing.T) {
		newSite(t)
		os.WriteFile(filepath.Join(outside, "evil.toml"), []byte("title = \"x\"\n"), 0o644)
		os.Remove("atlas.toml")
		os.Symlink(filepath.Join(outside, "evil.toml"), "atlas.toml")
		_, _, err := run(t, "build", "-q", "--cache-dir", "none")
		if err == nil || !strings.Contains(err.Error(), "outside the site's folder: not followed") {
			t.Errorf("error %v", err)
		}
	})
	t.Run("flags may", func(t *testing.T) {
		newSite(t)
		if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "--source", filepath.Join(outside, "briefings")); err != nil {
			t.Errorf("a source folder given on the command line: %v", err)
		}
	})
}

// TestOutInsideSource: an output folder inside the source folder is
// refused before anything is written, with the way out.
func TestOutInsideSource(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	copyTree(t, "../../examples/briefings", src)
	_, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", filepath.Join(src, "public"))
	if err == nil || !strings.Contains(err.Error(), "is inside the source folder") {
		t.Fatalf("error %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("the refused build wrote its output")
	}
}

// TestNamedPipeInSource: a named pipe among the briefings is an error
// naming it, not a build that waits for ever.
func TestNamedPipeInSource(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "good.md"), []byte(goodBriefing), 0o644)
	if err := syscall.Mkfifo(filepath.Join(src, "pipe.md"), 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", filepath.Join(tmp, "out"))
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "pipe.md: a named pipe, not a file: not read") {
			t.Errorf("error %v", err)
		}
	case <-time.After(stepBudget):
		// Unblock the reader so the test binary can end.
		if f, err := os.OpenFile(filepath.Join(src, "pipe.md"), os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatalf("the build still waits on the pipe after %s", stepBudget)
	}
}
