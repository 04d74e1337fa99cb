// Package sitedir opens the folders a site is made of (its briefings,
// templates, assets and places) so that reading them stays inside them.
// A site's repository takes pull requests, and its CI builds them: a
// symbolic link in one of its folders must not publish a file from
// elsewhere on the machine (the runner's environment, a key). Links
// inside the folder are followed; only files and folders are read, not
// named pipes or devices, which would hang a build or never end.
package sitedir

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// FS is a folder opened with Open. It implements fs.ReadDirFS,
// fs.StatFS and fs.ReadLinkFS.
type FS struct {
	root  *os.Root
	fsys  fs.FS
	label string
}

// Open opens the folder dir; label names it in errors ("assets/", "the
// source folder").
func Open(dir, label string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: root, fsys: root.FS(), label: label}, nil
}

// Close lets go of the folder.
func (f *FS) Close() error { return f.root.Close() }

// Open opens a file or folder of the folder, refusing what check does.
func (f *FS) Open(name string) (fs.File, error) {
	if err := f.check(name); err != nil {
		return nil, err
	}
	return f.fsys.Open(name)
}

func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.fsys, name) }
func (f *FS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(f.fsys, name) }
func (f *FS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(f.fsys, name) }
func (f *FS) ReadLink(name string) (string, error)       { return fs.ReadLink(f.fsys, name) }

// check refuses a link that leaves the folder, naming where it points,
// and anything that is neither a file nor a folder. (os.Root refuses a
// path that leaves through a link to a folder by itself.)
func (f *FS) check(name string) error {
	if info, err := fs.Lstat(f.fsys, name); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target, err := fs.ReadLink(f.fsys, name)
		if err != nil {
			return &fs.PathError{Op: "open", Path: name, Err: err}
		}
		resolved := path.Join(path.Dir(name), filepath.ToSlash(target))
		if filepath.IsAbs(target) || path.IsAbs(target) || resolved == ".." || strings.HasPrefix(resolved, "../") {
			return &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("a symbolic link to %s, outside %s: not followed", target, f.label)}
		}
	}
	info, err := fs.Stat(f.fsys, name)
	if err != nil {
		return err
	}
	if m := info.Mode(); !m.IsRegular() && !m.IsDir() {
		return &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%s, not a file: not read", kind(m))}
	}
	return nil
}

// kind names a file that is not a regular file or a folder.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	default:
		return "a special file"
	}
}
