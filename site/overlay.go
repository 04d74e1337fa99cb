package site

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay reads each file from top when top has it and from base
// otherwise, and lists folders as the union of both: how a site's own
// templates/ or assets/ replace atlas's file by file.
func Overlay(top, base fs.FS) fs.FS { return overlay{top, base} }

type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, errTop := fs.ReadDir(o.top, name)
	base, errBase := fs.ReadDir(o.base, name)
	if errTop != nil && errBase != nil {
		return nil, errBase
	}
	seen := map[string]bool{}
	var all []fs.DirEntry
	for _, e := range top {
		seen[e.Name()] = true
		all = append(all, e)
	}
	for _, e := range base {
		if !seen[e.Name()] {
			all = append(all, e)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name() < all[j].Name() })
	return all, nil
}
