package site

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// manifestName lists, inside the output folder, every file atlas wrote
// there, so a later build removes only what atlas itself put there.
const manifestName = ".atlas-manifest"

// writer stages a build's files in a temporary folder beside the output
// and moves them into place only when the whole build has succeeded: a
// failed build leaves the previous site as it was.
type writer struct {
	out, stage string
	files      map[string]bool
	count      int
	bytes      int64 // total size of the staged files
}

func newWriter(out string) (*writer, error) {
	if out == "" {
		return nil, errors.New("no output folder given")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if err := checkOutput(abs); err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	stage, err := os.MkdirTemp(parent, ".atlas-staging-")
	if err != nil {
		return nil, err
	}
	return &writer{out: abs, stage: stage, files: map[string]bool{}}, nil
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
		return fmt.Errorf("output folder %s is not empty and was not written by atlas (no %s); choose another --out or empty it", out, manifestName)
	}
	return nil
}

// write stages one file; rel is slash-separated and must stay inside the
// output folder.
func (w *writer) write(rel string, data []byte) error {
	clean := path.Clean(rel)
	if clean != rel || path.IsAbs(rel) || strings.HasPrefix(clean, "../") || clean == ".." || clean == "." {
		return fmt.Errorf("refusing to write %q: not a plain path inside the output folder", rel)
	}
	if w.files[rel] {
		return fmt.Errorf("two outputs want the same file %s", rel)
	}
	dst := filepath.Join(w.stage, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return err
	}
	w.files[rel] = true
	w.count++
	w.bytes += int64(len(data))
	return nil
}

// finish moves the staged files into the output folder, leaving files
// whose content did not change untouched (their mtimes stay), and removes
// files that an earlier build wrote and this one did not.
func (w *writer) finish() error {
	defer os.RemoveAll(w.stage)
	old, err := readManifest(w.out)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(w.files))
	for rel := range w.files {
		names = append(names, rel)
	}
	sort.Strings(names)
	for _, rel := range names {
		src := filepath.Join(w.stage, filepath.FromSlash(rel))
		dst := filepath.Join(w.out, filepath.FromSlash(rel))
		if same(src, dst) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(src, dst); err != nil {
			return err
		}
	}
	for _, rel := range old {
		if !w.files[rel] {
			os.Remove(filepath.Join(w.out, filepath.FromSlash(rel)))
		}
	}
	var b bytes.Buffer
	for _, rel := range names {
		b.WriteString(rel)
		b.WriteByte('\n')
	}
	return os.WriteFile(filepath.Join(w.out, manifestName), b.Bytes(), 0o644)
}

func readManifest(out string) ([]string, error) {
	f, err := os.Open(filepath.Join(out, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rels []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rel := sc.Text()
		// Only plain relative paths: a tampered manifest cannot point
		// outside the output folder.
		if rel != "" && path.Clean(rel) == rel && !path.IsAbs(rel) && !strings.HasPrefix(rel, "../") {
			rels = append(rels, rel)
		}
	}
	return rels, sc.Err()
}

func same(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 != nil || err2 != nil || ia.Size() != ib.Size() {
		return false
	}
	da, err1 := os.ReadFile(a)
	db, err2 := os.ReadFile(b)
	return err1 == nil && err2 == nil && bytes.Equal(da, db)
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
