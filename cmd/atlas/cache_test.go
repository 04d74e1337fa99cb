package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rootDir is the repository's root: tests that change folder find
// atlas's own files through it.
var rootDir string

// TestMain keeps the tests' build caches out of the user's cache folder
// and closes the browser that the browser tests share.
func TestMain(m *testing.M) {
	// The interrupt test runs this binary as atlas itself.
	if os.Getenv("ATLAS_TEST_AS_MAIN") == "1" {
		asMain()
	}
	dir, err := os.MkdirTemp("", "atlas-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	if wd, err := os.Getwd(); err == nil {
		rootDir = filepath.Join(wd, "..", "..")
	}
	code := m.Run()
	closeBrowser()
	os.RemoveAll(dir)
	os.Exit(code)
}

// copyTree copies the files of src into dst with their modification
// times, which a rebuild compares with those its cache kept.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, rel), data, 0o644); err != nil {
			return err
		}
		return os.Chtimes(filepath.Join(dst, rel), st.ModTime(), st.ModTime())
	})
	if err != nil {
		t.Fatal(err)
	}
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func modTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	times := map[string]time.Time{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if st, err := d.Info(); err == nil {
				rel, _ := filepath.Rel(dir, p)
				times[filepath.ToSlash(rel)] = st.ModTime()
			}
		}
		return nil
	})
	return times
}

// A rebuild from the cache after one briefing changed gives, byte for
// byte, the site a --clean build gives; it analyses only that briefing
// and leaves the other article pages untouched on disk.
func TestCachedBuildMatchesClean(t *testing.T) {
	tmp := t.TempDir()
	src, cache := filepath.Join(tmp, "src"), filepath.Join(tmp, "cache")
	copyTree(t, "../../examples/briefings", src)
	cached := filepath.Join(tmp, "cached")
	if _, _, err := run(t, "build", "-s", src, "-o", cached, "--cache-dir", cache); err != nil {
		t.Fatal(err)
	}
	before := modTimes(t, cached)
	// Coarse file-system clocks must not hide a rewrite.
	time.Sleep(20 * time.Millisecond)

	names := briefings(t, src)
	changed := filepath.Join(src, names[len(names)/2])
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	added := "\n\nوقصفت طائرات حربية بلدة كفرنبل في ريف إدلب الجنوبي، ما أدى إلى مقتل ثلاثة مدنيين.\n"
	if err := os.WriteFile(changed, append(data, added...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := run(t, "build", "-s", src, "-o", cached, "--cache-dir", cache)
	if err != nil {
		t.Fatal(err)
	}
	if want := "unchanged from the cache"; !strings.Contains(stderr, want) {
		t.Fatalf("no cache line in %q", stderr)
	}
	if !strings.Contains(stderr, ", "+strconv.Itoa(len(names)-1)+" unchanged from the cache") {
		t.Errorf("want %d of %d briefings from the cache:\n%s", len(names)-1, len(names), stderr)
	}
	if !strings.Contains(stderr, "download rows of "+strconv.Itoa(len(names)-1)+" briefings copied from the last build") {
		t.Errorf("want the download rows of %d briefings copied:\n%s", len(names)-1, stderr)
	}

	// With nothing changed, every article, place and governorate page
	// comes from the cache.
	_, stderr, err = run(t, "build", "-s", src, "-o", cached, "--cache-dir", cache)
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for rel := range tree(t, cached) {
		for _, dir := range []string{"articles/", "places/", "governorates/"} {
			if strings.HasPrefix(rel, dir) {
				pages++
			}
		}
	}
	if want := fmt.Sprintf(", %d unchanged article, place and governorate pages from the cache", pages); !strings.Contains(stderr, want) {
		t.Errorf("want %q in:\n%s", want, stderr)
	}

	clean := filepath.Join(tmp, "clean")
	if _, _, err := run(t, "build", "-s", src, "-o", clean, "--cache-dir", cache, "--clean"); err != nil {
		t.Fatal(err)
	}
	a, b := tree(t, cached), tree(t, clean)
	if len(a) != len(b) {
		t.Errorf("cached build has %d files, clean build %d", len(a), len(b))
	}
	for rel, data := range b {
		if !bytes.Equal(a[rel], data) {
			t.Errorf("%s differs between the cached and the clean build", rel)
		}
	}
	if !bytes.Contains(a["index.html"], []byte("<")) {
		t.Fatal("no index.html")
	}

	// Article pages that are neither the changed one nor its neighbours
	// were not rewritten.
	after := modTimes(t, cached)
	kept, articles, placesKept, places := 0, 0, 0, 0
	for rel, mt := range after {
		switch {
		case strings.HasPrefix(rel, "articles/"):
			articles++
			if mt.Equal(before[rel]) {
				kept++
			}
		case strings.HasPrefix(rel, "places/"):
			places++
			if mt.Equal(before[rel]) {
				placesKept++
			}
		}
	}
	// Place pages the changed briefing does not touch stay too.
	if placesKept == 0 || placesKept == places {
		t.Errorf("%d of %d place pages kept their mtime", placesKept, places)
	}
	if kept < articles-3 || kept == articles {
		t.Errorf("%d of %d article pages kept their mtime; want all but the changed one and its neighbours", kept, articles)
	}

}

// A damaged cache costs time, not the build.
func TestDamagedCacheIsIgnored(t *testing.T) {
	tmp := t.TempDir()
	cache := filepath.Join(tmp, "cache")
	out := filepath.Join(tmp, "out")
	if _, _, err := run(t, "build", "-s", "../../examples/briefings", "-o", out, "--cache-dir", cache); err != nil {
		t.Fatal(err)
	}
	damaged := 0
	filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if err := os.WriteFile(p, []byte("not a cache"), 0o644); err != nil {
				t.Fatal(err)
			}
			damaged++
		}
		return nil
	})
	if damaged < 2 {
		t.Fatalf("only %d cache files", damaged)
	}
	_, stderr, err := run(t, "build", "-s", "../../examples/briefings", "-o", out, "--cache-dir", cache)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, ", 0 unchanged from the cache") {
		t.Errorf("a damaged cache was used:\n%s", stderr)
	}
	// The downloads, whose rows the cache also keeps, are whole.
	clean := filepath.Join(tmp, "clean")
	if _, _, err := run(t, "build", "-q", "-s", "../../examples/briefings", "-o", clean, "--cache-dir", "none"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"events.geojson", "events.csv", "mentions.csv"} {
		got, _ := os.ReadFile(filepath.Join(out, name))
		want, _ := os.ReadFile(filepath.Join(clean, name))
		if len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("%s differs from a build without cache", name)
		}
	}
}

// TestFlippedCacheByteIsAMiss: one byte flipped anywhere in any of the
// cache's files costs time, never the build and never the site's
// content: the rebuild gives, byte for byte, the site a build without
// cache gives, and says once that the cache was damaged.
func TestFlippedCacheByteIsAMiss(t *testing.T) {
	tmp := t.TempDir()
	const src = "../../examples/briefings"
	want := filepath.Join(tmp, "want")
	if _, _, err := run(t, "build", "-q", "-s", src, "-o", want, "--cache-dir", "none"); err != nil {
		t.Fatal(err)
	}
	wantFiles := tree(t, want)
	// The site and cache of a first build, copied afresh for each
	// damaged rebuild so that each starts from them.
	base, baseCache := filepath.Join(tmp, "base"), filepath.Join(tmp, "base-cache")
	if _, _, err := run(t, "build", "-q", "-s", src, "-o", base, "--cache-dir", baseCache); err != nil {
		t.Fatal(err)
	}
	// Files of a folder (analyses/) are one kind, each other file a
	// kind of its own.
	kinds := map[string][]string{}
	for rel := range tree(t, baseCache) {
		kind, _, _ := strings.Cut(rel, "/")
		kinds[kind] = append(kinds[kind], rel)
	}
	if len(kinds) < 3 {
		t.Fatalf("cache files of only %d kinds: %v", len(kinds), kinds)
	}
	names := make([]string, 0, len(kinds))
	for kind, files := range kinds {
		names = append(names, kind)
		sort.Strings(files)
	}
	sort.Strings(names)

	rng := rand.New(rand.NewPCG(16, 1807)) // a fixed seed: the same positions and bits each run
	const flips = 3                        // per kind (FuzzFlippedEntry flips many more)
	type flip struct {
		rel  string
		at   int
		mask byte
	}
	var all []flip
	for _, kind := range names {
		for i := range flips {
			rel := kinds[kind][i%len(kinds[kind])]
			info, err := os.Stat(filepath.Join(baseCache, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, flip{rel, rng.IntN(int(info.Size())), byte(1 + rng.IntN(255))})
		}
	}
	// Each damaged rebuild has its own copies: they run side by side.
	for n, f := range all {
		name := fmt.Sprintf("%s: byte %d ^ %#02x", f.rel, f.at, f.mask)
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			t.Parallel()
			out, cache := filepath.Join(tmp, fmt.Sprint("out", n)), filepath.Join(tmp, fmt.Sprint("cache", n))
			copyTree(t, base, out)
			copyTree(t, baseCache, cache)
			file := filepath.Join(cache, filepath.FromSlash(f.rel))
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			data[f.at] ^= f.mask
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, stderr, err := run(t, "build", "-s", src, "-o", out, "--cache-dir", cache)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got := tree(t, out)
			for rel, data := range wantFiles {
				if !bytes.Equal(got[rel], data) {
					t.Errorf("%s: %s differs from a build without cache", name, rel)
				}
			}
			if len(got) != len(wantFiles) {
				t.Errorf("%s: %d files, want %d", name, len(got), len(wantFiles))
			}
			warnings := 0
			for _, line := range strings.Split(stderr, "\n") {
				if strings.HasPrefix(line, "warning: ") && strings.Contains(line, "cache") {
					warnings++
				}
			}
			if warnings != 1 {
				t.Errorf("%s: %d warnings about the cache, want 1:\n%s", name, warnings, stderr)
			}
		})
	}
}

// A site's own templates/ and assets/ replace atlas's files of the same
// name; a broken template fails the build, naming the file, and leaves
// the previous site whole, with no staging folder behind.
func TestSiteOverridesAndFailedBuild(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "public")
	if _, _, err := run(t, "build", "-s", "../../examples/briefings", "-o", out); err != nil {
		t.Fatal(err)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))

	tdir, adir := filepath.Join(tmp, "templates"), filepath.Join(tmp, "assets")
	os.MkdirAll(tdir, 0o755)
	os.MkdirAll(adir, 0o755)
	page, err := os.ReadFile("../../templates/404.html")
	if err != nil {
		t.Fatal(err)
	}
	marked := strings.Replace(string(page), "<h1>", "<p class=\"site-404\"></p><h1>", 1)
	if marked == string(page) {
		t.Fatal("404.html has no <h1>")
	}
	os.WriteFile(filepath.Join(tdir, "404.html"), []byte(marked), 0o644)
	os.WriteFile(filepath.Join(adir, "atlas.css"), []byte("/* the site's own style */\n"), 0o644)
	if _, _, err := run(t, "build", "-s", "../../examples/briefings", "-o", out, "--templates", tdir, "--assets", adir); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "404.html")); !strings.Contains(string(got), "site-404") {
		t.Error("the site's 404.html was not used")
	}
	if got, _ := os.ReadFile(filepath.Join(out, "assets/atlas.css")); string(got) != "/* the site's own style */\n" {
		t.Errorf("assets/atlas.css = %.40q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "assets/atlas.js")); err != nil {
		t.Error("atlas's own atlas.js is missing beside the site's css")
	}

	// Back to atlas's look, then a broken template.
	if _, _, err := run(t, "build", "-s", "../../examples/briefings", "-o", out); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(tdir, "article.html"), []byte(`{{define "main"}}{{.Article.NoSuchField}}{{end}}`), 0o644)
	_, _, err = run(t, "build", "-s", "../../examples/briefings", "-o", out, "--templates", tdir)
	if err == nil || !strings.Contains(err.Error(), "articles/") {
		t.Fatalf("broken template: err = %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Equal(got, index) {
		t.Error("a failed build changed index.html")
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, ".atlas-staging-*")); len(left) > 0 {
		t.Errorf("a failed build left %v", left)
	}
}

// TestEditedDownloadsAreNotCopied: rows are copied from the last build's
// downloads only while those are the files it wrote; an edit of the same
// size is noticed and everything is encoded afresh.
func TestEditedDownloadsAreNotCopied(t *testing.T) {
	tmp := t.TempDir()
	cache, out, clean := filepath.Join(tmp, "cache"), filepath.Join(tmp, "out"), filepath.Join(tmp, "clean")
	if _, _, err := run(t, "build", "-q", "-s", "../../examples/briefings", "-o", out, "--cache-dir", cache); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(out, "events.csv")
	data, _ := os.ReadFile(file)
	i := bytes.LastIndexByte(data, ',')
	data[i+1] ^= 1 // same size, different bytes
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, data, 0o644)
	// Saved a second later, whatever the file system's clock resolution.
	os.Chtimes(file, st.ModTime().Add(time.Second), st.ModTime().Add(time.Second))
	_, stderr, err := run(t, "build", "-s", "../../examples/briefings", "-o", out, "--cache-dir", cache)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "download rows of 0 briefings copied") {
		t.Errorf("rows were copied from an edited file:\n%s", stderr)
	}
	if _, _, err := run(t, "build", "-q", "-s", "../../examples/briefings", "-o", clean, "--cache-dir", "none"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"events.geojson", "events.csv", "mentions.csv"} {
		got, _ := os.ReadFile(filepath.Join(out, name))
		want, _ := os.ReadFile(filepath.Join(clean, name))
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a build without cache", name)
		}
	}
}
