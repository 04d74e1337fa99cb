//go:build unix

package sitedir

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOpenStaysInside(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "assets")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(tmp, "secret.txt"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(dir, "site.css"), []byte("body{}"), 0o644)
	links := map[string]string{
		"env.css":    "/proc/self/environ",
		"secret.css": filepath.Join(tmp, "secret.txt"),
		"up.css":     "../secret.txt",
		"sub/up.css": "../../secret.txt",
		"in.css":     "site.css",
		"sub/in.css": "../site.css",
		"outside":    tmp,
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.css"), 0o644); err != nil {
		t.Skip(err)
	}
	f, err := Open(dir, "assets/")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for name, want := range map[string]string{
		"env.css":            "env.css: a symbolic link to /proc/self/environ, outside assets/: not followed",
		"secret.css":         "secret.css: a symbolic link to " + filepath.Join(tmp, "secret.txt") + ", outside assets/: not followed",
		"up.css":             "up.css: a symbolic link to ../secret.txt, outside assets/: not followed",
		"sub/up.css":         "sub/up.css: a symbolic link to ../../secret.txt, outside assets/: not followed",
		"outside/secret.txt": "outside/secret.txt",
		"pipe.css":           "pipe.css: a named pipe, not a file: not read",
		"in.css":             "",
		"sub/in.css":         "",
		"site.css":           "",
	} {
		data, err := fs.ReadFile(f, name)
		switch {
		case want == "" && (err != nil || string(data) != "body{}"):
			t.Errorf("%s: %q, %v", name, data, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: read %q, error %v; want an error with %q", name, data, err, want)
		}
	}
	// Listing shows every entry; walking does not enter the link.
	var walked []string
	fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
		walked = append(walked, p)
		return err
	})
	if strings.Contains(strings.Join(walked, " "), "outside/") {
		t.Errorf("walked through a link: %v", walked)
	}
}
