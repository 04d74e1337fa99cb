package main

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionlint runs actionlint (a tool of go.mod: go tool actionlint) on a
// workflow file.
func actionlint(t *testing.T, file string) {
	t.Helper()
	cmd := exec.Command("go", "tool", "actionlint", file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("actionlint %s: %v\n%s", file, err, out)
	}
}

// TestWorkflowsLint: atlas's release workflow and the Pages workflow a
// new site gets pass actionlint.
func TestWorkflowsLint(t *testing.T) {
	actionlint(t, "../../.github/workflows/release.yml")
	site := filepath.Join(t.TempDir(), "s")
	if _, _, err := run(t, "new", "site", "--atlas-version", "v1.2.0", site); err != nil {
		t.Fatal(err)
	}
	actionlint(t, filepath.Join(site, ".github", "workflows", "pages.yml"))
	if _, _, err := run(t, "new", "site", "--atlas-version", "1.2", filepath.Join(t.TempDir(), "x")); err == nil {
		t.Error("--atlas-version 1.2 accepted")
	}
}

// TestPagesWorkflowBuildsTheSite runs the shell steps of a new site's
// Pages workflow against a release served from 127.0.0.1 (a stand-in for
// GitHub's release host): it downloads the archive, checks it against
// SHA256SUMS, and builds the site with the binary alone. A pinned release
// and "latest" are both tried, and an archive that does not match its
// checksum must stop the workflow.
func TestPagesWorkflowBuildsTheSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds atlas")
	}
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("the workflow runs on linux/amd64")
	}
	const version = "v9.9.9"
	releases := t.TempDir()
	name := "atlas-" + version + "-linux-amd64"
	bin := filepath.Join(t.TempDir(), "atlas")
	build := exec.Command("go", "build", "-ldflags", "-X main.releaseVersion="+version, "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	archive := filepath.Join(releases, name+".tar.gz")
	writeTarGz(t, archive, name+"/atlas", bin)
	data, _ := os.ReadFile(archive)
	sums := fmt.Sprintf("%x  %s\n", sha256.Sum256(data), name+".tar.gz")
	os.WriteFile(filepath.Join(releases, "SHA256SUMS"), []byte(sums), 0o644)
	corrupt := false
	mux := http.NewServeMux()
	mux.HandleFunc("/latest", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/tag/"+version, http.StatusFound)
	})
	mux.HandleFunc("/tag/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "release page") })
	mux.HandleFunc("/download/"+version+"/", func(w http.ResponseWriter, r *http.Request) {
		file := filepath.Join(releases, filepath.Base(r.URL.Path))
		if corrupt && strings.HasSuffix(file, ".tar.gz") {
			w.Write([]byte("not the archive"))
			return
		}
		http.ServeFile(w, r, file)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	for _, c := range []struct {
		pin     string
		corrupt bool
	}{{version, false}, {"latest", false}, {version, true}} {
		t.Run(fmt.Sprintf("%s corrupt=%v", c.pin, c.corrupt), func(t *testing.T) {
			corrupt = c.corrupt
			site := filepath.Join(t.TempDir(), "site")
			if _, _, err := run(t, "new", "site", "--atlas-version", c.pin, site); err != nil {
				t.Fatal(err)
			}
			steps, env := workflowSteps(t, filepath.Join(site, ".github", "workflows", "pages.yml"))
			if env["ATLAS_VERSION"] != c.pin {
				t.Errorf("the workflow pins %q, want %q", env["ATLAS_VERSION"], c.pin)
			}
			runner := t.TempDir()
			var failed error
			var said strings.Builder
			for _, s := range steps {
				script := strings.ReplaceAll(s, "${{ steps.pages.outputs.base_url }}", "https://example.org/site")
				sh := exec.Command("bash", "-e", "-o", "pipefail", "-c", script)
				sh.Dir = site
				// Only what a runner has: no atlas on the PATH.
				sh.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + runner, "RUNNER_TEMP=" + runner,
					"ATLAS_VERSION=" + env["ATLAS_VERSION"], "ATLAS_RELEASES=" + srv.URL}
				out, err := sh.CombinedOutput()
				said.Write(out)
				if err != nil {
					failed = fmt.Errorf("%v: %s", err, out)
					break
				}
			}
			if c.corrupt {
				if failed == nil || !strings.Contains(failed.Error(), "FAILED") {
					t.Errorf("an archive that does not match SHA256SUMS was used: %v", failed)
				}
				return
			}
			if failed != nil {
				t.Fatalf("the workflow's steps failed: %v", failed)
			}
			if !strings.Contains(said.String(), "atlas "+version) {
				t.Errorf("the downloaded atlas says:\n%s", said.String())
			}
			index, err := os.ReadFile(filepath.Join(site, "public", "index.html"))
			if err != nil || !strings.Contains(string(index), "<html") {
				t.Fatalf("no site built: %v", err)
			}
			if _, err := os.Stat(filepath.Join(site, "public", "sitemap.xml")); err != nil {
				t.Errorf("built without the base URL (no sitemap.xml): %v", err)
			}
		})
	}
}

// workflowSteps returns the run scripts of a workflow's build job, in
// order, and the workflow's env.
func workflowSteps(t *testing.T, file string) ([]string, map[string]string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Env  map[string]string `yaml:"env"`
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	var runs []string
	for _, s := range wf.Jobs["build"].Steps {
		if s.Run != "" {
			runs = append(runs, s.Run)
		}
	}
	if len(runs) < 2 {
		t.Fatalf("the build job has %d shell steps", len(runs))
	}
	return runs, wf.Env
}

// writeTarGz writes an archive holding one executable file.
func writeTarGz(t *testing.T, archive, name, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	tw.WriteHeader(&tar.Header{Name: filepath.Dir(name) + "/", Typeflag: tar.TypeDir, Mode: 0o755})
	tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(data))})
	tw.Write(data)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
}
