package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// status runs atlas as main does, in dir, and returns its exit status
// and what it wrote.
func status(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var stdout, stderr bytes.Buffer
	code := atlas(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestMistakes: each mistake of issue 21 gets the message that says what
// to do, and the exit status README documents.
func TestMistakes(t *testing.T) {
	empty := t.TempDir()
	for _, c := range []struct {
		name string
		args []string
		code int
		say  []string
	}{
		{"a misspelt command", []string{"biuld"}, exitError, []string{`unknown command "biuld"`, "Did you mean this?\n\tbuild"}},
		{"a misspelt flag", []string{"build", "--sourse", "x"}, exitError, []string{"unknown flag: --sourse", "Did you mean this?\n\t--source"}},
		{"an unknown flag", []string{"build", "--zzzzzz"}, exitError, []string{"unknown flag: --zzzzzz", "Run 'atlas build --help'"}},
		{"build outside a site", []string{"build"}, exitError, []string{"no atlas.toml in " + empty + " or above: run `atlas new site NAME`", "or pass --source"}},
		{"serve outside a site", []string{"serve", "--port", "0"}, exitError, []string{"no atlas.toml in " + empty + " or above"}},
		{"new briefing outside a site", []string{"new", "briefing", "عنوان"}, exitError, []string{"no atlas.toml in " + empty + " or above"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := status(t, empty, c.args...)
			if code != c.code {
				t.Errorf("atlas %s: status %d, want %d\n%s", strings.Join(c.args, " "), code, c.code, stderr)
			}
			for _, s := range c.say {
				if !strings.Contains(stderr, s) {
					t.Errorf("atlas %s says:\n%s\nwithout %q", strings.Join(c.args, " "), stderr, s)
				}
			}
		})
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("the commands run outside a site left %d files behind", len(entries))
	}
}

// In a site's sub-folder, atlas finds the site above, as git does.
func TestSiteFoundAbove(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := status(t, dir, "new", "site", "s"); code != 0 {
		t.Fatalf("new site: %d %s", code, stderr)
	}
	sub := filepath.Join(dir, "s", "content")
	if code, stdout, stderr := status(t, sub, "new", "briefing", "--date", "2016-02-14", "اجتماع"); code != 0 || !strings.Contains(stdout, "2016-02-14-") {
		t.Fatalf("new briefing in content/: %d %s %s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "s", "content", "content")); err == nil {
		t.Error("the briefing went into a new content/content/")
	}
}

// --keep-going that skipped briefings builds the site and exits 3.
func TestKeepGoingStatus(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "good.md"), []byte("---\ntitle: جيد\ndate: 2016-01-01\n---\nقصف على حلب.\n"), 0o644)
	os.WriteFile(filepath.Join(src, "bad.md"), []byte("---\ntitle: \"مكسور\ndate: 2016-01-02\n---\nنص\n"), 0o644)
	code, _, stderr := status(t, "", "build", "--quiet", "--keep-going", "-s", src, "-o", out)
	if code != exitSkipped || !strings.Contains(stderr, "bad.md:2:8: front matter is not valid YAML: the quote «\"» that opens here is never closed") {
		t.Errorf("status %d, want %d; stderr:\n%s", code, exitSkipped, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "articles", "good.html")); err != nil {
		t.Errorf("the good briefing was not built: %v", err)
	}
	if code, _, stderr := status(t, "", "build", "--quiet", "-s", src, "-o", filepath.Join(dir, "out2")); code != exitError {
		t.Errorf("without --keep-going: status %d, want %d\n%s", code, exitError, stderr)
	}
}

// atlas extract with no file reads standard input.
func TestExtractReadsStandardInput(t *testing.T) {
	var stdout, stderr bytes.Buffer
	root := newRootCmd(&stdout, &stderr)
	root.SetIn(strings.NewReader("قصفت الطائرات مدينة حلب صباح اليوم.\n"))
	root.SetArgs([]string{"extract"})
	if err := root.ExecuteContext(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), `"doc":"-"`) || !strings.Contains(stdout.String(), `"place_en":"Aleppo"`) {
		t.Errorf("atlas extract < text printed:\n%s", stdout.String())
	}
}
