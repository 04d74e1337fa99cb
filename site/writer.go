package site

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"
)

// manifestName lists, inside the output folder, every file atlas wrote
// there, so a later build removes only what atlas itself put there.
const manifestName = ".atlas-manifest"

// writer stages a build's files in a temporary folder beside the output
// and moves them into place only when the whole build has succeeded: a
// failed build leaves the previous site as it was. A file whose content
// the previous build already wrote (same hash in the manifest, same size
// on disk) is not staged again, so a rebuild touches only what changed
// and deploys upload only that. Safe for concurrent use.
type writer struct {
	out, stage string
	old        map[string]string // the previous build's files and hashes
	// oldTimes are the modification times (UnixNano) the previous build
	// left its files with, where the build cache kept them; times are
	// this build's, for the next.
	oldTimes map[string]int64

	mu    sync.Mutex
	files map[string]string // this build's files and hashes
	times map[string]int64
	dirs  map[string]bool // staging folders made
	count int
	bytes int64 // total size of the build's files
	// Staged counts the files this build writes (new or changed).
	staged int
}

func newWriter(out string, force bool) (*writer, error) {
	if out == "" {
		return nil, errors.New("no output folder given")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if !force {
		if err := checkOutput(abs); err != nil {
			return nil, err
		}
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	old, err := readManifest(abs)
	if err != nil {
		return nil, err
	}
	stage, err := mkdirStage(parent)
	if err != nil {
		return nil, err
	}
	return &writer{out: abs, stage: stage, old: old, oldTimes: map[string]int64{}, files: map[string]string{},
		times: map[string]int64{}, dirs: map[string]bool{}}, nil
}

// mkdirStage makes a new staging folder in parent. Unlike os.MkdirTemp's
// 0700, it has the mode a new output folder would have: a first build
// renames the whole stage into place (see finish).
func mkdirStage(parent string) (string, error) {
	for i := 0; ; i++ {
		dir := filepath.Join(parent, fmt.Sprintf(".atlas-staging-%d-%d", os.Getpid(), i))
		err := os.Mkdir(dir, 0o755)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, fs.ErrExist) || i == 9999 {
			return "", err
		}
	}
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
func (w *writer) write(rel string, data []byte) error {
	_, err := w.writeSum(rel, data)
	return err
}

// writeSum is write that also returns the hash it recorded.
func (w *writer) writeSum(rel string, data []byte) (string, error) {
	if err := w.claim(rel); err != nil {
		return "", err
	}
	sum := hashOf(data)
	w.record(rel, sum, int64(len(data)))
	if w.unchanged(rel, sum, int64(len(data))) {
		return sum, nil // leave it, and its mtime, alone
	}
	dst := filepath.Join(w.stage, filepath.FromSlash(rel))
	if err := w.mkdir(filepath.Dir(dst)); err != nil {
		return "", err
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return "", err
	}
	w.mu.Lock()
	w.staged++
	w.mu.Unlock()
	return sum, nil
}

// record notes a file of this build.
func (w *writer) record(rel, sum string, size int64) {
	w.mu.Lock()
	w.files[rel] = sum
	w.count++
	w.bytes += size
	w.mu.Unlock()
}

// unchanged says whether the previous build wrote rel with these bytes
// (same hash in the manifest, same size on disk).
func (w *writer) unchanged(rel, sum string, size int64) bool {
	mt, ok := w.intact(rel, sum, size)
	if ok {
		w.mu.Lock()
		w.times[rel] = mt
		w.mu.Unlock()
	}
	return ok
}

// intact says whether the file at rel is still the one the previous
// build wrote there with hash sum and this size, and gives its
// modification time. A file edited since (even to the same size) is not,
// when the cache kept the time the build left it with.
func (w *writer) intact(rel, sum string, size int64) (int64, bool) {
	if w.old[rel] != sum {
		return 0, false
	}
	st, err := os.Stat(filepath.Join(w.out, filepath.FromSlash(rel)))
	if err != nil || st.Size() != size {
		return 0, false
	}
	mt := st.ModTime().UnixNano()
	if t, ok := w.oldTimes[rel]; ok && t != mt {
		return 0, false
	}
	return mt, true
}

// written counts the files recorded so far.
func (w *writer) written() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.count
}

// create stages a large file written piece by piece, so that it is
// never whole in memory; Close finishes it. Like write, it leaves the
// previous build's file in place when the bytes are the same.
func (w *writer) create(rel string) (*stagedFile, error) {
	if err := w.claim(rel); err != nil {
		return nil, err
	}
	dst := filepath.Join(w.stage, filepath.FromSlash(rel))
	if err := w.mkdir(filepath.Dir(dst)); err != nil {
		return nil, err
	}
	f, err := os.Create(dst)
	if err != nil {
		return nil, err
	}
	sf := &stagedFile{w: w, rel: rel, path: dst, f: f, hash: xxhash.New()}
	sf.buf = bufio.NewWriterSize(io.MultiWriter(f, sf.hash), 1<<16)
	return sf, nil
}

// claim reserves rel for this build: two outputs may not share a file.
func (w *writer) claim(rel string) error {
	clean := path.Clean(rel)
	if clean != rel || path.IsAbs(rel) || strings.HasPrefix(clean, "../") || clean == ".." || clean == "." {
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

// stagedFile is a file being written by create.
type stagedFile struct {
	w         *writer
	rel, path string
	f         *os.File
	hash      hash.Hash64
	buf       *bufio.Writer
	size      int64  // bytes written so far
	sum       string // the content's hash, once closed
}

func (sf *stagedFile) Write(p []byte) (int, error) {
	n, err := sf.buf.Write(p)
	sf.size += int64(n)
	return n, err
}

// Close finishes the file and records it; an unchanged file is dropped
// from the stage so the previous one, and its mtime, stay.
func (sf *stagedFile) Close() error {
	err := sf.buf.Flush()
	if cerr := sf.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", sf.rel, err)
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
func (w *writer) keep(rel, sum string, size int64) bool {
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

func (w *writer) mkdir(dir string) error {
	w.mu.Lock()
	made := w.dirs[dir]
	w.mu.Unlock()
	if made {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	w.mu.Lock()
	w.dirs[dir] = true
	w.mu.Unlock()
	return nil
}

// finish moves the staged files into the output folder, removes files
// that an earlier build wrote and this one did not, and writes the
// manifest.
func (w *writer) finish() error {
	defer os.RemoveAll(w.stage)
	names := make([]string, 0, len(w.files))
	for rel := range w.files {
		names = append(names, rel)
	}
	sort.Strings(names)
	// A first build into a folder that does not exist yet: the stage
	// becomes the output in one rename, not one for each of its files.
	if len(w.old) == 0 {
		if _, err := os.Lstat(w.out); errors.Is(err, fs.ErrNotExist) {
			if times, err := stagedTimes(w.stage); err == nil && os.Rename(w.stage, w.out) == nil {
				for rel, t := range times {
					w.times[rel] = t
				}
				return w.writeManifest(names)
			}
		}
	}
	// List what is staged and check every folder it goes to before
	// moving anything, so a refusal leaves the old site whole.
	if err := os.MkdirAll(w.out, 0o755); err != nil {
		return err
	}
	var staged []string
	made := map[string]bool{}
	err := filepath.WalkDir(w.stage, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(w.stage, p)
		staged = append(staged, rel)
		if dir := filepath.Dir(filepath.Join(w.out, rel)); !made[dir] {
			if err := w.outputDir(dir); err != nil {
				return err
			}
			made[dir] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, rel := range staged {
		dst := filepath.Join(w.out, rel)
		if err := os.Rename(filepath.Join(w.stage, rel), dst); err != nil {
			return err
		}
		if st, err := os.Stat(dst); err == nil {
			w.times[filepath.ToSlash(rel)] = st.ModTime().UnixNano()
		}
	}
	for rel := range w.old {
		if _, ok := w.files[rel]; !ok {
			os.Remove(filepath.Join(w.out, filepath.FromSlash(rel)))
		}
	}
	return w.writeManifest(names)
}

// writeManifest lists the build's files, names sorted, in the output.
func (w *writer) writeManifest(names []string) error {
	var b bytes.Buffer
	for _, rel := range names {
		b.WriteString(rel)
		b.WriteByte('\t')
		b.WriteString(w.files[rel])
		b.WriteByte('\n')
	}
	return os.WriteFile(filepath.Join(w.out, manifestName), b.Bytes(), 0o644)
}

// stagedTimes returns the modification times of the files in the stage,
// by slash-separated path; a rename keeps them.
func stagedTimes(stage string) (map[string]int64, error) {
	times := map[string]int64{}
	err := filepath.WalkDir(stage, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(stage, p)
		times[filepath.ToSlash(rel)] = info.ModTime().UnixNano()
		return nil
	})
	return times, err
}

// outputDir makes dir, a folder inside the output, refusing to go
// through a symbolic link: one planted in the output folder must not
// send the site's files elsewhere on the disk.
func (w *writer) outputDir(dir string) error {
	rel, err := filepath.Rel(w.out, dir)
	if err != nil {
		return err
	}
	cur := w.out
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if part == "." {
			continue
		}
		cur = filepath.Join(cur, part)
		st, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Mkdir(cur, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
		case err != nil:
			return err
		case st.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("refusing to write through %s: it is a symbolic link", cur)
		case !st.IsDir():
			return fmt.Errorf("refusing to write into %s: it is not a folder", cur)
		}
	}
	return nil
}

// hashOf names content in the manifest. xxHash, because a build hashes
// every byte it writes (about a GB at 10k briefings): FNV-1a took over a
// second of that build's CPU, xxHash a tenth of it.
func hashOf(data []byte) string {
	return fmt.Sprintf("%016x", xxhash.Sum64(data))
}

func readManifest(out string) (map[string]string, error) {
	f, err := os.Open(filepath.Join(out, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
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

// copyAssets stages every file of assets under assets/.
func copyAssets(w *writer, assets fs.FS) error {
	return fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := fs.ReadFile(assets, p)
		if err != nil {
			return err
		}
		return w.write("assets/"+p, data)
	})
}
