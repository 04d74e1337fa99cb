package site

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for a build that is killed at a
// given step of publishing (TestPublishingSurvivesKill).
func TestMain(m *testing.M) {
	if spec := os.Getenv("ATLAS_SITE_STOP_AT"); spec != "" {
		os.Exit(buildUntil(spec))
	}
	os.Exit(m.Run())
}

// buildUntil builds the briefings of folder SRC into OUT ("N SRC OUT");
// at the Nth step of publishing it says so on stdout and waits on stdin
// for the kill that ends it.
func buildUntil(spec string) int {
	parts := strings.SplitN(spec, " ", 3)
	n, _ := strconv.Atoi(parts[0])
	opt, err := newTestOptions(os.DirFS(parts[1]), parts[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	steps := 0
	opt.publishStep = func(what string) {
		if steps == n {
			fmt.Println("at", what)
			os.Stdin.Read(make([]byte, 1))
		}
		steps++
	}
	if _, err := Build(context.Background(), opt); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// TestPublishingSurvivesKill kills a build with SIGKILL at 20 steps spread
// over publishing a rebuild, and at every step of a first build: each
// time, the output folder is the old site or the new one, byte for byte,
// never a mix, and the next build succeeds and leaves nothing beside it.
func TestPublishingSurvivesKill(t *testing.T) {
	tmp := t.TempDir()
	oldSrc, newSrc := filepath.Join(tmp, "old"), filepath.Join(tmp, "new")
	brief := func(dir, name, title, text string) {
		os.MkdirAll(dir, 0o755)
		doc := "---\ntitle: " + title + "\ndate: 2016-02-0" + name[:1] + "\n---\n" + text + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	brief(oldSrc, "1.md", "حلب", "قصف على مدينة حلب وريفها الشمالي.")
	brief(oldSrc, "2.md", "حماة", "اشتباكات في مدينة حماة.")
	brief(oldSrc, "3.md", "إدلب", "غارات على مدينة إدلب.")
	brief(newSrc, "1.md", "حلب", "قصف على مدينة حلب وريفها الشمالي، ثم على مدينة الباب.")
	brief(newSrc, "3.md", "إدلب", "غارات على مدينة إدلب.")
	brief(newSrc, "4.md", "درعا", "انفجار في مدينة درعا.")

	base := testOptions(t, nil, "")
	build := func(src, out string, step func(string)) error {
		opt := base
		opt.Content, opt.Out, opt.publishStep = os.DirFS(src), out, step
		_, err := Build(context.Background(), opt)
		return err
	}
	// The old site, with a file of the user's in it.
	prepare := func(out string) {
		t.Helper()
		if err := build(oldSrc, out, nil); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(out, "CNAME"), []byte("atlas.example\n"), 0o644)
	}
	ref := filepath.Join(tmp, "ref", "out")
	prepare(ref)
	oldTree := siteFiles(t, ref)
	var steps []string
	if err := build(newSrc, ref, func(what string) { steps = append(steps, what) }); err != nil {
		t.Fatal(err)
	}
	newTree := siteFiles(t, ref)
	first := filepath.Join(tmp, "first", "out")
	firstSteps := 0
	if err := build(newSrc, first, func(string) { firstSteps++ }); err != nil {
		t.Fatal(err)
	}
	firstTree := siteFiles(t, first)
	if len(steps) < 40 || maps.Equal(oldTree, newTree) {
		t.Fatalf("publishing the rebuild takes %d steps; the sites differ: %v", len(steps), !maps.Equal(oldTree, newTree))
	}

	// Every step that moves folders, and steps spread over those that
	// fill the stage, 20 at least.
	type point struct {
		step  int
		first bool
	}
	var points []point
	var filling []int
	for i, what := range steps {
		if strings.HasPrefix(what, "keep ") || strings.HasPrefix(what, "carry ") {
			filling = append(filling, i)
		} else {
			points = append(points, point{step: i})
		}
	}
	for i, n := 0, 20-len(points); i < n; i++ {
		points = append(points, point{step: filling[i*(len(filling)-1)/(n-1)]})
	}
	for i := range firstSteps {
		points = append(points, point{step: i, first: true})
	}
	for _, p := range points {
		name := fmt.Sprintf("rebuild-step-%d", p.step)
		if p.first {
			name = fmt.Sprintf("first-build-step-%d", p.step)
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "out")
			if !p.first {
				prepare(out)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), fmt.Sprintf("ATLAS_SITE_STOP_AT=%d %s %s", p.step, newSrc, out))
			stdin, _ := cmd.StdinPipe()
			defer stdin.Close()
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(stdout).ReadString('\n')
			if !strings.HasPrefix(line, "at ") {
				cmd.Wait()
				t.Fatalf("the build did not stop at step %d: %q", p.step, line)
			}
			cmd.Process.Kill()
			cmd.Wait()
			got := siteFiles(t, out)
			old, nu := oldTree, newTree
			if p.first {
				old, nu = map[string]string{}, firstTree
			}
			if !maps.Equal(got, old) && !maps.Equal(got, nu) {
				t.Errorf("killed %s: the output is neither the old site nor the new (%d files; old %d, new %d)", line[3:len(line)-1], len(got), len(old), len(nu))
			}
			if err := build(newSrc, out, nil); err != nil {
				t.Fatalf("the build after the kill: %v", err)
			}
			if got := siteFiles(t, out); !maps.Equal(got, nu) {
				t.Errorf("the build after the kill made another site (%d files, want %d)", len(got), len(nu))
			}
			if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
				t.Errorf("beside the output after the next build: %v", entries)
			}
		})
	}
}

// siteFiles is every file of the site in dir, by slash-separated path,
// with its bytes; none when dir does not exist.
func siteFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == "." {
			return fs.SkipAll
		}
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
