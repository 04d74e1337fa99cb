// Package publish writes a build's files into a stage beside the output
// folder and, once the whole build has succeeded, puts the stage in the
// output's place in one step, with a manifest of what atlas wrote: a
// failed or killed build leaves the old site as it was, a rebuild leaves
// unchanged files untouched (their times too), and nothing atlas did not
// write is ever removed. It knows files and folders, not sites.
package publish

import (
	"bufio"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"
)

// manifestName lists, inside the output folder, every file atlas wrote
// there, so a later build removes only what atlas itself put there.
const manifestName = ".atlas-manifest"

// writer stages a build's files in a folder beside the output and, once
// the whole build has succeeded, publishes them. The stage is completed
// with the previous build's unchanged files (hard links, so they keep
// their bytes and times and cost no copy) and with the files that atlas
// did not write, then it and the output folder swap names in one step:
// whatever happens, even a kill, the output is the old site or the new
// one, never a mix. A file whose content the previous build already
// wrote (same hash in the manifest, same size on disk) is not written
// again, so a rebuild changes only what changed and deploys upload only
// that. Safe for concurrent use.
type Stage struct {
	out, stage string
	lock       *outputLock
	old        map[string]string    // the previous build's files and hashes
	present    map[string]fileEntry // what the output holds, links not followed
	// oldTimes are the modification times (UnixNano) the previous build
	// left its files with, where the build cache kept them; times are
	// this build's, for the next.
	oldTimes map[string]int64
	// step, when set (by tests), is called at each step of publishing.
	step func(what string)
	// openFile opens the files the writer writes: os.OpenFile, or a
	// test's, which fails where a full disk would.
	openFile func(name string, flag int, perm fs.FileMode) (*os.File, error)

	mu     sync.Mutex
	files  map[string]string // this build's files and hashes
	times  map[string]int64
	kept   map[string]bool // files kept from the output, unchanged
	dirs   map[string]bool // staging folders made
	failed error           // the first error writing the stage
	count  int
	bytes  int64 // total size of the build's files
	// Staged counts the files this build writes (new or changed).
	staged int
}

// fileEntry is what the output folder holds at a path.
type fileEntry struct {
	mode  fs.FileMode // type bits only
	size  int64
	mtime int64 // UnixNano
}

// Options are how a build opens its stage.
type Options struct {
	// Force builds into a non-empty folder that atlas did not write;
	// atlas still removes nothing there that it did not write.
	Force bool
	// OldTimes are the modification times (UnixNano) the previous build
	// left its files with, as the caller kept them (Times): a file edited
	// since, even to the same size, is then not taken for unchanged.
	OldTimes map[string]int64
	// Step, when set, is called at each step of publishing: tests kill a
	// build there.
	Step func(what string)
}

// Open locks the output folder out, mends what an interrupted build left
// beside it, reads its manifest and makes a new stage.
func Open(out string, opt Options) (*Stage, error) {
	w, err := open(out, opt.Force)
	if err != nil {
		return nil, err
	}
	if opt.OldTimes != nil {
		w.oldTimes = opt.OldTimes
	}
	w.step = opt.Step
	return w, nil
}

func open(out string, force bool) (w *Stage, err error) {
	if out == "" {
		return nil, errors.New("no output folder given")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	// An output folder that is a link (public -> /srv/www) is published
	// where it points, and stays a link.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if !force {
		if err := checkOutput(abs); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, err
	}
	lock, err := lockOutput(abs)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			lock.release()
		}
	}()
	if err := recoverOutput(abs); err != nil {
		return nil, err
	}
	old, err := readManifest(abs)
	if err != nil {
		return nil, err
	}
	present, err := scanOutput(abs)
	if err != nil {
		return nil, err
	}
	stage := stagePath(abs)
	if err := os.Mkdir(stage, 0o755); err != nil {
		return nil, fmt.Errorf("making the stage beside %s: %w", abs, err)
	}
	return &Stage{out: abs, stage: stage, lock: lock, old: old, present: present, oldTimes: map[string]int64{},
		openFile: os.OpenFile, files: map[string]string{}, times: map[string]int64{}, kept: map[string]bool{}, dirs: map[string]bool{}}, nil
}

// close removes the stage and lets go of the output. A build calls it
// whether it published or not.
func (w *Stage) Close() {
	os.RemoveAll(w.stage)
	w.lock.release()
}

// checkOutput refuses an existing, non-empty folder that atlas did not
// write: building into it could overwrite someone's files.
func checkOutput(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, manifestName)); err != nil {
		return fmt.Errorf("output folder %s is not empty and was not written by atlas (no %s); choose another --out, empty it, or pass --force (atlas then removes nothing it did not write)", out, manifestName)
	}
	return nil
}

// write stages one file; rel is slash-separated and must stay inside the
// output folder.
func (w *Stage) Write(rel string, data []byte) error {
	_, err := w.WriteSum(rel, data)
	return err
}

// writeSum is write that also returns the hash it recorded.
func (w *Stage) WriteSum(rel string, data []byte) (string, error) {
	if err := w.claim(rel); err != nil {
		return "", err
	}
	sum := hashOf(data)
	w.record(rel, sum, int64(len(data)))
	if w.unchanged(rel, sum, int64(len(data))) {
		return sum, nil // the previous build's file is kept, with its mtime
	}
	dst := filepath.Join(w.stage, filepath.FromSlash(rel))
	if err := w.mkdir(filepath.Dir(dst)); err != nil {
		return "", err
	}
	if err := w.writeFile(dst, data); err != nil {
		return "", w.Fail(err)
	}
	w.mu.Lock()
	w.staged++
	w.mu.Unlock()
	return sum, nil
}

// writeFile writes a new file of the stage.
func (w *Stage) writeFile(name string, data []byte) error {
	f, err := w.openFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// fail records the first error writing the stage and returns it. It is
// the disk's, not a briefing's: a full disk fails every write after it,
// and the build reports it once, in one line.
func (w *Stage) Fail(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.failed == nil {
		w.failed = &outputError{out: w.out, err: err}
	}
	return w.failed
}

// err is the first error writing the stage, if any.
func (w *Stage) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.failed
}

// outputError is a failure to write the site (a full disk, a folder
// without write permission), for which the build stops.
type outputError struct {
	out string
	err error
}

func (e *outputError) Error() string {
	return fmt.Sprintf("writing the site into %s: %v", e.out, e.err)
}
func (e *outputError) Unwrap() error { return e.err }

// record notes a file of this build.
func (w *Stage) record(rel, sum string, size int64) {
	w.mu.Lock()
	w.files[rel] = sum
	w.count++
	w.bytes += size
	w.mu.Unlock()
}

// unchanged says whether the previous build wrote rel with these bytes
// (same hash in the manifest, same size on disk); such a file is kept.
func (w *Stage) unchanged(rel, sum string, size int64) bool {
	mt, ok := w.Intact(rel, sum, size)
	if ok {
		w.mu.Lock()
		w.times[rel] = mt
		w.kept[rel] = true
		w.mu.Unlock()
	}
	return ok
}

// intact says whether the file at rel is still the one the previous
// build wrote there with hash sum and this size, and gives its
// modification time. A file edited since (even to the same size) is not,
// when the cache kept the time the build left it with.
func (w *Stage) Intact(rel, sum string, size int64) (int64, bool) {
	if w.old[rel] != sum {
		return 0, false
	}
	e, ok := w.present[rel]
	if !ok || !e.mode.IsRegular() || e.size != size {
		return 0, false
	}
	if t, ok := w.oldTimes[rel]; ok && t != e.mtime {
		return 0, false
	}
	return e.mtime, true
}

// OpenOld opens the previous build's file at rel for reading, if it is
// still the one that build wrote with hash sum and this size, and its
// time was kept (Options.OldTimes): only then are its bytes known to be
// atlas's own.
func (w *Stage) OpenOld(rel, sum string, size int64) (*os.File, bool) {
	if _, timed := w.oldTimes[rel]; !timed {
		return nil, false
	}
	if _, ok := w.Intact(rel, sum, size); !ok {
		return nil, false
	}
	f, err := os.Open(filepath.Join(w.out, filepath.FromSlash(rel)))
	return f, err == nil
}

// Staged counts the files this build wrote, new or changed.
func (w *Stage) Staged() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.staged
}

// Times are the modification times of the build's files once published,
// for the next build's Options.OldTimes.
func (w *Stage) Times() map[string]int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return maps.Clone(w.times)
}

// Files are the build's files so far, each with the hash of its bytes.
func (w *Stage) Files() map[string]string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return maps.Clone(w.files)
}

// Written counts the files recorded so far.
func (w *Stage) Written() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.count
}

// create stages a large file written piece by piece, so that it is
// never whole in memory; Close finishes it. Like write, it keeps the
// previous build's file when the bytes are the same.
func (w *Stage) Create(rel string) (*File, error) {
	if err := w.claim(rel); err != nil {
		return nil, err
	}
	dst := filepath.Join(w.stage, filepath.FromSlash(rel))
	if err := w.mkdir(filepath.Dir(dst)); err != nil {
		return nil, err
	}
	f, err := w.openFile(dst, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, w.Fail(err)
	}
	sf := &File{w: w, rel: rel, path: dst, f: f, hash: xxhash.New()}
	sf.buf = bufio.NewWriterSize(io.MultiWriter(f, sf.hash), 1<<16)
	return sf, nil
}

// claim reserves rel for this build: two outputs may not share a file.
func (w *Stage) claim(rel string) error {
	clean := path.Clean(rel)
	if clean != rel || path.IsAbs(rel) || strings.HasPrefix(clean, "../") || clean == ".." || clean == "." || rel == manifestName {
		return fmt.Errorf("refusing to write %q: not a plain path inside the output folder", rel)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, dup := w.files[rel]; dup {
		return fmt.Errorf("two outputs want the same file %s", rel)
	}
	w.files[rel] = ""
	return nil
}

// File is a file being written by create.
type File struct {
	w         *Stage
	rel, path string
	f         *os.File
	hash      hash.Hash64
	buf       *bufio.Writer
	size      int64  // bytes written so far
	sum       string // the content's hash, once closed
}

// Size is how many bytes the file has so far.
func (sf *File) Size() int64 { return sf.size }

// Sum is the hash of the file's bytes, once closed.
func (sf *File) Sum() string { return sf.sum }

func (sf *File) Write(p []byte) (int, error) {
	n, err := sf.buf.Write(p)
	sf.size += int64(n)
	if err != nil {
		err = sf.w.Fail(err)
	}
	return n, err
}

// Close finishes the file and records it; an unchanged file is dropped
// from the stage, and the previous one is kept.
func (sf *File) Close() error {
	err := sf.buf.Flush()
	if cerr := sf.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return sf.w.Fail(err)
	}
	sum := fmt.Sprintf("%016x", sf.hash.Sum64())
	sf.sum = sum
	w := sf.w
	w.record(sf.rel, sum, sf.size)
	if w.unchanged(sf.rel, sum, sf.size) {
		return os.Remove(sf.path)
	}
	w.mu.Lock()
	w.staged++
	w.mu.Unlock()
	return nil
}

// keep records a file that the previous build wrote with hash sum and
// size and that this build would write again unchanged, without making
// it again. It is false when the file on disk is not that one: then the
// caller must write it.
func (w *Stage) Keep(rel, sum string, size int64) bool {
	if !w.unchanged(rel, sum, size) {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, dup := w.files[rel]; dup {
		return false // write reports the clash
	}
	w.files[rel] = sum
	w.count++
	w.bytes += size
	return true
}

func (w *Stage) mkdir(dir string) error {
	w.mu.Lock()
	made := w.dirs[dir]
	w.mu.Unlock()
	if made {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return w.Fail(err)
	}
	w.mu.Lock()
	w.dirs[dir] = true
	w.mu.Unlock()
	return nil
}

// hashOf names content in the manifest. xxHash, because a build hashes
// every byte it writes (about a GB at 10k briefings): FNV-1a took over a
// second of that build's CPU, xxHash a tenth of it.
func hashOf(data []byte) string {
	return fmt.Sprintf("%016x", xxhash.Sum64(data))
}

// readManifest reads the manifest of the site in out; one that is not a
// regular file (a planted link) is not atlas's.
func readManifest(out string) (map[string]string, error) {
	file := filepath.Join(out, manifestName)
	if info, err := os.Lstat(file); errors.Is(err, fs.ErrNotExist) || (err == nil && !info.Mode().IsRegular()) {
		return map[string]string{}, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	files := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rel, sum, _ := strings.Cut(sc.Text(), "\t")
		// Only plain relative paths: a tampered manifest cannot point
		// outside the output folder.
		if rel != "" && path.Clean(rel) == rel && !path.IsAbs(rel) && !strings.HasPrefix(rel, "../") && rel != ".." {
			files[rel] = sum
		}
	}
	return files, sc.Err()
}
