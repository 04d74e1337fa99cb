package devserver

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long Watch waits after a change for more: an editor's
// save is often several writes, a git checkout many.
const Debounce = 150 * time.Millisecond

// Watch calls changed once after every burst of changes to the files and
// folders in paths (folders recursively, new ones included; paths that do
// not exist are skipped), until ctx is done. Hidden files and editors'
// backup files do not count.
func Watch(ctx context.Context, paths []string, changed func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	add := func(root string) error {
		return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				if p != root && hidden(d.Name()) {
					return fs.SkipDir
				}
				return w.Add(p)
			}
			return nil
		})
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return err
		case st.IsDir():
			if err := add(p); err != nil {
				return err
			}
		default:
			// A file (atlas.toml): watch its folder, since editors
			// replace files rather than write them in place.
			if err := w.Add(filepath.Dir(p)); err != nil {
				return err
			}
		}
	}
	files := map[string]bool{}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			files[filepath.Clean(p)] = true
		}
	}
	dirs := map[string]bool{}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			dirs[filepath.Clean(p)] = true
		}
	}
	relevant := func(name string) bool {
		if hidden(filepath.Base(name)) {
			return false
		}
		if files[filepath.Clean(name)] {
			return true
		}
		for d := range dirs {
			if strings.HasPrefix(name, d+string(filepath.Separator)) || name == d {
				return true
			}
		}
		return false
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !relevant(ev.Name) {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					add(ev.Name)
				}
			}
			timer.Reset(Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			return err
		case <-timer.C:
			changed()
		}
	}
}

// hidden says whether a name is a dot-file or an editor's backup.
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")
}
