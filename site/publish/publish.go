package publish

// Publishing: a build's stage completed with what the new site keeps
// from the old, and put in the output folder's place in one step.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The names beside an output folder OUT that a build uses: its lock, its
// stage (one per build: a stage that cannot be removed, say a file made
// immutable, is left for a later build to try again), and the place an
// old site waits while a new one moves in where folders cannot be
// swapped in one step.
func lockPath(out string) string  { return beside(out, ".atlas-lock-") }
func asidePath(out string) string { return beside(out, ".atlas-old-") }
func stagePath(out string) string {
	return beside(out, stagePrefix+strconv.Itoa(os.Getpid())+".")
}

const stagePrefix = ".atlas-stage-"

func beside(out, prefix string) string {
	return filepath.Join(filepath.Dir(out), prefix+filepath.Base(out))
}

// isStageOf says whether name, beside out, is a stage of a build of out.
func isStageOf(name, out string) bool {
	rest, ok := strings.CutPrefix(name, stagePrefix)
	pid, base, found := strings.Cut(rest, ".")
	if !ok || !found || pid == "" || strings.Trim(pid, "0123456789") != "" {
		return false
	}
	return base == filepath.Base(out)
}

// outputLock is a build's hold on its output folder (lock_*.go).
type outputLock struct {
	f    *os.File
	path string
}

// busy says who holds the lock of out.
func busy(out string, holder []byte) error {
	who := "another atlas build"
	if pid := strings.TrimSpace(string(holder)); pid != "" {
		who += " (process " + pid + ")"
	}
	return fmt.Errorf("%s is writing %s; wait for it to finish", who, out)
}

// errNoExchange: the file system cannot swap two folders in one step.
var errNoExchange = errors.New("folders cannot be exchanged here")

// recoverOutput clears what earlier builds of out left beside it (the
// lock is ours, so they are over): stages, and an old site a killed
// build had moved aside, which goes back in place if the new one never
// came.
func recoverOutput(out string) error {
	aside := asidePath(out)
	if _, err := os.Lstat(aside); err == nil {
		if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
			if err := os.Rename(aside, out); err != nil {
				return fmt.Errorf("putting back the site a stopped build left in %s: %w", aside, err)
			}
		} else if err := os.RemoveAll(aside); err != nil {
			return fmt.Errorf("removing %s, left by a stopped build: %w", aside, err)
		}
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		return err
	}
	for _, e := range entries {
		if isStageOf(e.Name(), out) {
			os.RemoveAll(filepath.Join(filepath.Dir(out), e.Name())) // else the next build tries again
		}
	}
	return nil
}

// scanOutput lists what out holds, by slash-separated path, without
// following a link: a link planted in the output can neither lend a
// file to the site nor have one outside removed.
func scanOutput(out string) (map[string]fileEntry, error) {
	present := map[string]fileEntry{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == out && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if p == out {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		present[filepath.ToSlash(rel)] = fileEntry{mode: info.Mode().Type(), size: info.Size(), mtime: info.ModTime().UnixNano()}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the output folder %s: %w", out, err)
	}
	return present, nil
}

// stepped tells a test where publishing is.
func (w *Stage) stepped(what string) {
	if w.step != nil {
		w.step(what)
	}
}

// finish publishes the build: it completes the stage with the files it
// keeps from the output (this build's unchanged files and every file
// atlas did not write), writes the manifest there, and swaps the stage
// with the output folder. The previous build's files that this build
// does not make go with the old folder.
func (w *Stage) Finish() error {
	if err := w.Err(); err != nil {
		return err
	}
	names := make([]string, 0, len(w.files))
	for rel := range w.files {
		names = append(names, rel)
	}
	sort.Strings(names)
	if err := w.complete(names); err != nil {
		return err
	}
	w.stepped("manifest")
	if err := w.writeManifest(names); err != nil {
		return err
	}
	return w.publish()
}

// complete adds to the stage what the new site keeps from the output,
// after checking that nothing the user put there is in the way, and
// notes the times of the files this build wrote.
func (w *Stage) complete(names []string) error {
	// The folders this build makes, and those the previous one made.
	ours, theirs := map[string]bool{}, map[string]bool{}
	for _, rel := range names {
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			ours[d] = true
		}
	}
	for rel := range w.old {
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			theirs[d] = true
		}
	}
	var carried []string
	for rel, e := range w.present {
		if rel == manifestName {
			continue
		}
		_, atlas := w.old[rel]
		_, rebuilt := w.files[rel]
		where := filepath.Join(w.out, filepath.FromSlash(rel))
		switch {
		case ours[rel] && !e.mode.IsDir():
			if atlas {
				continue // a file of the last build where this one makes a folder
			}
			what := "it is not a folder"
			if e.mode&fs.ModeSymlink != 0 {
				what = "it is a symbolic link"
			}
			return fmt.Errorf("refusing to write into %s: %s, and atlas did not put it there", where, what)
		case e.mode.IsDir():
			if rebuilt && !theirs[rel] {
				return fmt.Errorf("refusing to replace the folder %s, which atlas did not make, with a file", where)
			}
			if !rebuilt && !ours[rel] && !theirs[rel] {
				carried = append(carried, rel) // a folder of the user's
			}
		case !atlas && !rebuilt:
			carried = append(carried, rel) // a file of the user's
		}
	}
	sort.Strings(carried)
	for _, rel := range names {
		if w.kept[rel] {
			w.stepped("keep " + rel)
			if err := w.carry(rel); err != nil {
				return err
			}
			continue
		}
		info, err := os.Lstat(filepath.Join(w.stage, filepath.FromSlash(rel)))
		if err != nil {
			return w.Fail(err)
		}
		w.times[rel] = info.ModTime().UnixNano()
	}
	for _, rel := range carried {
		w.stepped("carry " + rel)
		if err := w.carry(rel); err != nil {
			return err
		}
	}
	return nil
}

// carry puts the output's entry at rel into the stage: a hard link to a
// file (a copy where links fail), the same link for a link, a folder
// with its mode.
func (w *Stage) carry(rel string) error {
	src := filepath.Join(w.out, filepath.FromSlash(rel))
	dst := filepath.Join(w.stage, filepath.FromSlash(rel))
	if err := w.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	e := w.present[rel]
	switch {
	case e.mode.IsDir():
		info, err := os.Lstat(src)
		if err != nil {
			return fmt.Errorf("keeping %s: %w", src, err)
		}
		if err := os.MkdirAll(dst, info.Mode().Perm()); err != nil {
			return w.Fail(err)
		}
		return nil
	case e.mode&fs.ModeSymlink != 0:
		target, err := os.Readlink(src)
		if err != nil {
			return fmt.Errorf("keeping %s: %w", src, err)
		}
		if err := os.Symlink(target, dst); err != nil {
			return w.Fail(err)
		}
		return nil
	}
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	if !e.mode.IsRegular() {
		return fmt.Errorf("keeping %s: it is not a regular file and cannot be linked", src)
	}
	return w.copyKept(src, dst)
}

// copyKept copies a file the site keeps where a hard link cannot be
// made (another file system, a protected file), with its mode and time.
func (w *Stage) copyKept(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("keeping %s: %w", src, err)
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return fmt.Errorf("keeping %s: %w", src, err)
	}
	out, err := w.openFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return w.Fail(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return w.Fail(err)
	}
	if err := out.Close(); err != nil {
		return w.Fail(err)
	}
	return os.Chtimes(dst, info.ModTime(), info.ModTime())
}

// writeManifest lists the build's files, names sorted, in the stage, and
// syncs it: the manifest goes into place with the site it lists.
func (w *Stage) writeManifest(names []string) error {
	var b bytes.Buffer
	for _, rel := range names {
		b.WriteString(rel)
		b.WriteByte('\t')
		b.WriteString(w.files[rel])
		b.WriteByte('\n')
	}
	f, err := w.openFile(filepath.Join(w.stage, manifestName), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return w.Fail(err)
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return w.Fail(err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return w.Fail(err)
	}
	if err := f.Close(); err != nil {
		return w.Fail(err)
	}
	return nil
}

// publish puts the stage in the output's place. A first build renames
// it; later ones swap the two folders in one step where the file system
// can, else move the old site aside, the new one in, and remove the old
// (a crash between the two moves is mended by the next build).
func (w *Stage) publish() error {
	w.stepped("publish")
	if _, err := os.Lstat(w.out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(w.stage, w.out); err != nil {
			return fmt.Errorf("publishing %s: %w", w.out, err)
		}
		w.stepped("published")
		return nil
	}
	if info, err := os.Stat(w.out); err == nil {
		os.Chmod(w.stage, info.Mode().Perm()) // the mode the user gave it
	}
	err := exchange(w.stage, w.out)
	if errors.Is(err, errNoExchange) {
		aside := asidePath(w.out)
		if err := os.Rename(w.out, aside); err != nil {
			return fmt.Errorf("publishing %s: moving the old site aside: %w", w.out, err)
		}
		w.stepped("aside")
		if err := os.Rename(w.stage, w.out); err != nil {
			if back := os.Rename(aside, w.out); back != nil {
				return fmt.Errorf("publishing %s: %w; the old site is in %s", w.out, err, aside)
			}
			return fmt.Errorf("publishing %s: %w", w.out, err)
		}
		w.stepped("published")
		os.RemoveAll(aside)
		return nil
	}
	if err != nil {
		return fmt.Errorf("publishing %s (atlas replaces the output folder as a whole, so it must be a folder it can rename, not a mount point): %w", w.out, err)
	}
	w.stepped("published")
	os.RemoveAll(w.stage) // the old site, under the stage's name now
	return nil
}
