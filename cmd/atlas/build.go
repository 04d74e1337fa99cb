package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/briefing-atlas/atlas/site"
	"github.com/briefing-atlas/atlas/site/sitedir"
	"github.com/spf13/cobra"
)

func newBuildCmd() *cobra.Command {
	var set buildSettings
	var cpuProfile string
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the atlas website from a folder of briefings",
		Long: `Build reads every *.md and *.txt briefing under --source and writes the
atlas into --out: index.html, articles/<slug>.html, governorates/<pcode>.html,
assets/ and data/ (map data as scripts), and .nojekyll for GitHub Pages.

Settings come from atlas.toml in the current folder (or --config), and
flags override them; see README for every key.

Markdown briefings may start with YAML front matter (title, date, source,
slug, tags). A .txt briefing has no metadata: its first line is its title
and its file name gives its slug.

A site changes its look by putting files in templates/ and assets/ (or
the folders --templates and --assets name): each replaces atlas's file of
the same name.

Input is checked before anything is written: briefings may be UTF-8 (with
or without a byte-order mark), UTF-16 with one, or Windows-1256; anything
else, malformed front matter, a file over --max-file-size, a symbolic link
leading out of --source or two briefings with one slug is an error naming
the file (and line, column or byte). Every problem is listed at once and
--out is left as it was; --keep-going builds the valid briefings and lists
the others as skipped.

The build is staged and moved into --out only when it has succeeded: a
failed or interrupted (Ctrl-C) build leaves the previous site untouched.
atlas refuses to write into a non-empty folder it did not create unless
--force, and on a rebuild it removes only files it wrote itself.

Rebuilds are incremental: atlas keeps, in --cache-dir, what it extracted
from each briefing and which article pages are current, keyed by content
hashes and by the versions of atlas, the gazetteer and the templates. An
unchanged briefing is not analysed again, and files whose bytes did not
change are not rewritten (their modification times stay, so a deploy
uploads only what changed). --clean ignores the cache; the output is the
same byte for byte.`,
		Example: `  atlas build
  atlas build --source examples/briefings --out public
  atlas build --source ~/briefings --out /tmp/site --title "أطلس النشرات"
  atlas build --clean                     # everything afresh, ignoring the cache
  atlas build --templates my-templates    # the site's own page templates over atlas's
  atlas build --keep-going                # build what is valid, list what is not`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			rep, err := set.build(cmd)
			if err != nil {
				return err
			}
			set.report(cmd, rep)
			return skipped(rep)
		},
	}
	set.register(cmd)
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	return cmd
}

// isTerminal says whether w is a terminal, where running counts may be
// redrawn in place; logs and pipes get plain lines only.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// siteFolder lays the site's own folder dir over atlas's embedded files.
// The folder is read through sitedir: links inside it are followed,
// links out of it refused. close lets go of it.
func siteFolder(flag, dir, def string, embedded fs.FS) (fsys fs.FS, close func(), err error) {
	ok, err := siteDir(flag, dir, def)
	if err != nil || !ok {
		return embedded, func() {}, err
	}
	folder, err := sitedir.Open(dir, filepath.ToSlash(dir)+"/")
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", flag, err)
	}
	return site.Overlay(folder, embedded), func() { folder.Close() }, nil
}

// buildCacheDir is where the cache for output folder out lives: dir if
// given, else a folder per output under the user's cache folder, so the
// cache never lands in the published site.
func buildCacheDir(dir, out string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", nil // no cache folder on this system: build without
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "atlas", fmt.Sprintf("%x", sum[:8])), nil
}
