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
	w, err := NewWatcher(paths)
	if err != nil {
		return err
	}
	return w.Run(ctx, changed)
}

// A Watcher is Watch in two steps: NewWatcher watches the paths before it
// returns, so that no change made after it is missed (a server should
// watch before it says it serves); Run reports the changes.
type Watcher struct {
	w           *fsnotify.Watcher
	files, dirs map[string]bool
}

// NewWatcher starts watching paths (see Watch).
func NewWatcher(paths []string) (*Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	wa := &Watcher{w: w, files: map[string]bool{}, dirs: map[string]bool{}}
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			w.Close()
			return nil, err
		case st.IsDir():
			if err := wa.add(p); err != nil {
				w.Close()
				return nil, err
			}
			wa.dirs[filepath.Clean(p)] = true
		default:
			// A file (atlas.toml): watch its folder, since editors
			// replace files rather than write them in place.
			if err := w.Add(filepath.Dir(p)); err != nil {
				w.Close()
				return nil, err
			}
			wa.files[filepath.Clean(p)] = true
		}
	}
	return wa, nil
}

// add watches root and the folders under it, hidden ones left out.
func (wa *Watcher) add(root string) error {
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
			return wa.w.Add(p)
		}
		return nil
	})
}

// relevant reports a change to a watched file or inside a watched folder.
func (wa *Watcher) relevant(name string) bool {
	if hidden(filepath.Base(name)) {
		return false
	}
	if wa.files[filepath.Clean(name)] {
		return true
	}
	for d := range wa.dirs {
		if strings.HasPrefix(name, d+string(filepath.Separator)) || name == d {
			return true
		}
	}
	return false
}

// Run calls changed once after every burst of changes until ctx is done,
// then stops watching.
func (wa *Watcher) Run(ctx context.Context, changed func()) error {
	defer wa.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-wa.w.Events:
			if !ok {
				return nil
			}
			if !wa.relevant(ev.Name) {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					wa.add(ev.Name)
				}
			}
			timer.Reset(Debounce)
		case err, ok := <-wa.w.Errors:
			if !ok {
				return nil
			}
			return err
		case <-timer.C:
			changed()
		}
	}
}

// Close stops watching; Run does it when it returns.
func (wa *Watcher) Close() error { return wa.w.Close() }

// hidden says whether a name is a dot-file or an editor's backup.
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")
}
