package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/briefing-atlas/atlas/assets"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/site"
	"github.com/briefing-atlas/atlas/templates"
	"github.com/spf13/cobra"
)

func newBuildCmd() *cobra.Command {
	var (
		source, out, title, gazetteerDir, baseURL, language, tiles, cpuProfile string
		cacheDir, templatesDir, assetsDir, maxFileSize                         string
		quiet, clean, force, keepGoing                                         bool
	)
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the atlas website from a folder of briefings",
		Long: `Build reads every *.md and *.txt briefing under --source and writes the
atlas into --out: index.html, articles/<slug>.html, governorates/<pcode>.html,
assets/ and data/ (map data as scripts), and .nojekyll for GitHub Pages.

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
  atlas build --templates my-templates    # the site's own page templates over atlas's`,
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
			if language != "ar" && language != "en" {
				return fmt.Errorf("--language %q: want ar or en", language)
			}
			if tiles != "none" && tiles != "osm" {
				return fmt.Errorf("--tiles %q: want none or osm", tiles)
			}
			if tiles == "none" {
				tiles = ""
			}
			if err := checkBaseURL(baseURL); err != nil {
				return err
			}
			limit, err := parseSize(maxFileSize)
			if err != nil {
				return fmt.Errorf("--max-file-size: %w", err)
			}
			st, err := os.Stat(source)
			if err != nil {
				return fmt.Errorf("source folder: %w", err)
			}
			if !st.IsDir() {
				return fmt.Errorf("source %s is not a folder", source)
			}
			// Reading through an os.Root keeps every read inside the
			// source folder, whatever symbolic links it holds.
			root, err := os.OpenRoot(source)
			if err != nil {
				return fmt.Errorf("source folder: %w", err)
			}
			defer root.Close()
			tmpl, err := siteFolder("--templates", templatesDir, "templates", templates.FS())
			if err != nil {
				return err
			}
			static, err := siteFolder("--assets", assetsDir, "assets", assets.FS())
			if err != nil {
				return err
			}
			if err := assets.Check(static); err != nil {
				return err
			}
			g, ex, err := loadExtractor(gazetteerDir)
			if err != nil {
				return err
			}
			opt := site.Options{
				Content: root.FS(), Out: out, Title: title, BaseURL: baseURL,
				Language: site.Language(language), Tiles: tiles,
				Gazetteer: g, Extractor: ex, Events: events.New(),
				Templates: tmpl, Assets: static,
				Clean: clean, MaxFileSize: limit, KeepGoing: keepGoing, Force: force,
			}
			if cacheDir != "none" {
				if opt.CacheDir, err = buildCacheDir(cacheDir, out); err != nil {
					return err
				}
				if opt.Version, err = toolFingerprint(); err != nil {
					opt.CacheDir = "" // no fingerprint, no safe cache
				}
			}
			if !quiet {
				opt.Log = cmd.ErrOrStderr()
				if isTerminal(opt.Log) {
					opt.Live = opt.Log
				}
			}
			rep, err := site.Build(cmd.Context(), opt)
			if err != nil {
				return err
			}
			if len(rep.Skipped) > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "atlas: skipped %d (listed above)\n", len(rep.Skipped))
			}
			if !quiet {
				fmt.Fprintf(cmd.OutOrStdout(), "built %d briefings, %d place mentions (%d located), %d events, %d unresolved names into %s\n",
					rep.Articles, rep.Mentions, rep.Located, rep.Events, rep.Unresolved, out)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&source, "source", "s", "content", "folder of briefings (*.md, *.txt)")
	f.StringVarP(&out, "out", "o", "public", "folder to write the site to")
	f.StringVar(&title, "title", "أطلس النشرات السورية", "the site's title")
	f.BoolVarP(&quiet, "quiet", "q", false, "print nothing but errors")
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	f.StringVar(&language, "language", "ar", "interface language: ar or en (briefings are shown as written)")
	f.StringVar(&tiles, "tiles", "none", "online base map for hosted sites: none or osm (never used from file://)")
	f.StringVar(&baseURL, "base-url", "", "the site's address when hosted (https://org.github.io/repo/): adds sitemap.xml and feed.xml; pages stay relative")
	f.StringVar(&templatesDir, "templates", "templates", "folder of the site's own page templates, each replacing atlas's of the same name (ignored when absent)")
	f.StringVar(&assetsDir, "assets", "assets", "folder of the site's own static files, each replacing atlas's of the same name (ignored when absent)")
	f.BoolVar(&clean, "clean", false, "ignore the build cache and analyse and render everything afresh")
	f.StringVar(&cacheDir, "cache-dir", "", "folder for the build cache (default: the user cache folder, per output); none for no cache")
	f.StringVar(&maxFileSize, "max-file-size", "10MB", "largest briefing read (KB, MB or GB); larger files are an error")
	f.BoolVar(&keepGoing, "keep-going", false, "build every valid briefing and list the others as skipped, instead of stopping")
	f.BoolVar(&force, "force", false, "write into a non-empty folder atlas did not create (its other files are left alone)")
	addGazetteerFlag(cmd, &gazetteerDir)
	return cmd
}

// checkBaseURL accepts an absolute http(s) address with nothing in it
// that would need escaping: it is written into sitemap.xml, feed.xml and
// the 404 page as it is.
func checkBaseURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, "<>\"'` \\") {
		return fmt.Errorf("--base-url %q: want the site's http(s) address, such as https://org.github.io/repo/", s)
	}
	return nil
}

// parseSize reads a size such as 10MB, 512KB or 1048576 (bytes).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<40 {
		return 0, fmt.Errorf("%q: want a size such as 10MB, 512KB or 2GB", s)
	}
	return int64(n * float64(mult)), nil
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
func siteFolder(flag, dir, def string, embedded fs.FS) (fs.FS, error) {
	ok, err := siteDir(flag, dir, def)
	if err != nil {
		return nil, err
	}
	if !ok {
		return embedded, nil
	}
	return site.Overlay(os.DirFS(dir), embedded), nil
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
