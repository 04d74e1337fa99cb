package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/assets"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/site"
	"github.com/briefing-atlas/atlas/site/config"
	"github.com/briefing-atlas/atlas/site/sitedir"
	"github.com/briefing-atlas/atlas/templates"
	"github.com/spf13/cobra"
)

// buildSettings are the settings of a build, shared by build, serve and
// check: flags over atlas.toml over the defaults.
type buildSettings struct {
	configFile                                 string
	source, out, title, gazetteerDir, baseURL  string
	language, tiles, cacheDir, templatesDir    string
	assetsDir, maxFileSize                     string
	quiet, clean, force, keepGoing, unsafeHTML bool
	cfg                                        config.Config
	// serveOut and serveCache, when set (atlas serve), replace the
	// output and cache folders whatever the flags and file say.
	serveOut, serveCache string
	// sourceFromFile: atlas.toml, not a flag, named the source folder.
	sourceFromFile bool
}

func (s *buildSettings) register(cmd *cobra.Command) {
	d := config.Default()
	f := cmd.Flags()
	addConfigFlag(cmd, &s.configFile)
	f.StringVarP(&s.source, "source", "s", d.Source, "folder of briefings (*.md, *.txt)")
	f.StringVarP(&s.out, "out", "o", d.Out, "folder to write the site to")
	f.StringVar(&s.title, "title", d.Title, "the site's title")
	f.BoolVarP(&s.quiet, "quiet", "q", false, "print nothing but errors")
	f.StringVar(&s.language, "language", d.Language, "interface language: ar or en (briefings are shown as written)")
	f.StringVar(&s.tiles, "tiles", d.Tiles, "online base map for hosted sites: none or osm (never used from file://)")
	f.StringVar(&s.baseURL, "base-url", "", "the site's address when hosted (https://org.github.io/repo/): adds sitemap.xml and feed.xml; pages stay relative")
	f.StringVar(&s.templatesDir, "templates", "templates", "folder of the site's own page templates, each replacing atlas's of the same name (ignored when absent)")
	f.StringVar(&s.assetsDir, "assets", "assets", "folder of the site's own static files, each replacing atlas's of the same name (ignored when absent)")
	f.BoolVar(&s.clean, "clean", false, "ignore the build cache and analyse and render everything afresh")
	f.StringVar(&s.cacheDir, "cache-dir", "", "folder for the build cache (default: the user cache folder, per output); none for no cache")
	f.StringVar(&s.maxFileSize, "max-file-size", d.MaxFileSize, "largest briefing read (KB, MB or GB); larger files are an error")
	f.BoolVar(&s.keepGoing, "keep-going", false, "build every valid briefing and list the others as skipped, instead of stopping")
	f.BoolVar(&s.force, "force", false, "write into a non-empty folder atlas did not create (its other files are left alone)")
	f.BoolVar(&s.unsafeHTML, "unsafe-html", false, "let raw HTML in Markdown briefings through (trusted content only)")
	addGazetteerFlag(cmd, &s.gazetteerDir)
}

// addConfigFlag adds --config, the site's settings file.
func addConfigFlag(cmd *cobra.Command, file *string) {
	cmd.Flags().StringVar(file, "config", config.FileName, "the site's settings file (ignored when it is the default and absent)")
}

// siteConfig reads the settings --config names: the file itself when
// the flag was given (it must exist), else atlas.toml in the current
// folder or the nearest one above it (as git finds its repository), else
// the defaults.
func siteConfig(cmd *cobra.Command, file string) (config.Config, error) {
	if cmd.Flags().Changed("config") {
		return config.Load(file)
	}
	dir := filepath.Dir(file)
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) && file == config.FileName {
		if up := findSite(dir); up != "" {
			dir = up
		}
	}
	return config.Find(dir)
}

// resolve reads atlas.toml and takes from it every setting no flag set.
// Paths in the file are relative to its folder.
func (s *buildSettings) resolve(cmd *cobra.Command) error {
	cfg, err := siteConfig(cmd, s.configFile)
	if err != nil {
		return err
	}
	for _, w := range cfg.Warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning:", w)
	}
	s.cfg = cfg
	fromFile := func(flag string, dst *string, val string) {
		if !cmd.Flags().Changed(flag) {
			*dst = val
		}
	}
	fromFile("source", &s.source, cfg.Path(cfg.Source))
	s.sourceFromFile = !cmd.Flags().Changed("source")
	if _, err := os.Stat(s.source); errors.Is(err, fs.ErrNotExist) && s.sourceFromFile && findSite(cfg.Dir) == "" {
		// No site here: say how to make one, not that content/ is missing.
		return notASite(".")
	}
	fromFile("out", &s.out, cfg.Path(cfg.Out))
	fromFile("title", &s.title, cfg.Title)
	fromFile("language", &s.language, cfg.Language)
	fromFile("tiles", &s.tiles, cfg.Tiles)
	fromFile("base-url", &s.baseURL, cfg.BaseURL)
	if err := checkBaseURL(s.baseURL); err != nil {
		from := "--base-url"
		if !cmd.Flags().Changed("base-url") {
			from = s.configFile + ": base_url"
		}
		return fmt.Errorf("%s %q: %w", from, s.baseURL, err)
	}
	fromFile("max-file-size", &s.maxFileSize, cfg.MaxFileSize)
	fromFile("templates", &s.templatesDir, cfg.Path("templates"))
	fromFile("assets", &s.assetsDir, cfg.Path("assets"))
	fromFile("gazetteer", &s.gazetteerDir, cfg.Path(defaultGazetteerDir))
	if !cmd.Flags().Changed("unsafe-html") {
		s.unsafeHTML = cfg.UnsafeHTML
	}
	if s.serveOut != "" {
		s.out, s.cacheDir = s.serveOut, s.serveCache
	}
	return nil
}

// options turns the settings into site.Options. done releases what the
// options hold open (the source folder).
func (s *buildSettings) options(cmd *cobra.Command) (opt site.Options, done func(), err error) {
	if err := s.resolve(cmd); err != nil {
		return opt, nil, err
	}
	if s.language != "ar" && s.language != "en" {
		return opt, nil, fmt.Errorf("--language %q: want ar or en", s.language)
	}
	if s.tiles != "none" && s.tiles != "osm" {
		return opt, nil, fmt.Errorf("--tiles %q: want none or osm", s.tiles)
	}
	tiles := s.tiles
	if tiles == "none" {
		tiles = ""
	}
	limit, err := parseSize(s.maxFileSize)
	if err != nil {
		return opt, nil, fmt.Errorf("--max-file-size: %w", err)
	}
	st, err := os.Stat(s.source)
	if err != nil {
		return opt, nil, fmt.Errorf("source folder: %w", err)
	}
	if !st.IsDir() {
		return opt, nil, fmt.Errorf("source %s is not a folder", s.source)
	}
	if err := s.checkFolders(); err != nil {
		return opt, nil, err
	}
	// What the options hold open, let go by done.
	var closers []func()
	release := func() {
		for _, c := range closers {
			c()
		}
	}
	defer func() {
		if err != nil {
			release()
		}
	}()
	tmpl, closeTmpl, err := siteFolder("--templates", s.templatesDir, s.cfg.Path("templates"), templates.FS())
	if err != nil {
		return opt, nil, err
	}
	closers = append(closers, closeTmpl)
	static, closeStatic, err := siteFolder("--assets", s.assetsDir, s.cfg.Path("assets"), assets.FS())
	if err != nil {
		return opt, nil, err
	}
	closers = append(closers, closeStatic)
	if err := assets.Check(static); err != nil {
		return opt, nil, err
	}
	extra, err := s.extraLayers()
	if err != nil {
		return opt, nil, err
	}
	g, ex, err := loadExtractorDefault(s.gazetteerDir, s.cfg.Path(defaultGazetteerDir), extra...)
	if err != nil {
		return opt, nil, err
	}
	// The briefings are read inside their folder, whatever links it
	// holds, and only as files.
	source, err := sitedir.Open(s.source, "the source folder")
	if err != nil {
		return opt, nil, fmt.Errorf("source folder: %w", err)
	}
	closers = append(closers, func() { source.Close() })
	opt = site.Options{
		Content: source, Out: s.out, Title: s.title, BaseURL: s.baseURL,
		Language: site.Language(s.language), Tiles: tiles,
		Gazetteer: g, Extractor: ex, Events: events.New(),
		Templates: tmpl, Assets: static, Colors: s.cfg.Colors, UnsafeHTML: s.unsafeHTML,
		Clean: s.clean, MaxFileSize: limit, KeepGoing: s.keepGoing, Force: s.force,
	}
	if s.cacheDir != "none" {
		if opt.CacheDir, err = buildCacheDir(s.cacheDir, s.out); err != nil {
			return opt, nil, err
		}
		if opt.Version, err = toolFingerprint(); err != nil {
			opt.CacheDir, err = "", nil // no fingerprint, no safe cache
		}
	}
	if !s.quiet {
		opt.Log = cmd.ErrOrStderr()
		if isTerminal(opt.Log) {
			opt.Live = opt.Log
		}
	}
	return opt, release, nil
}

// checkFolders refuses an output folder inside the source folder, whose
// pages the next build would read as briefings, and a source folder that
// atlas.toml places outside the site's folder.
func (s *buildSettings) checkFolders() error {
	src, err := realPath(s.source)
	if err != nil {
		return fmt.Errorf("source folder: %w", err)
	}
	if out, err := realPath(s.out); err == nil && isInside(src, out) {
		return fmt.Errorf("the output folder %s is inside the source folder %s: the next build would read the site as briefings; write it elsewhere (--out, or out in %s)", s.out, s.source, config.FileName)
	}
	if s.cfg.File != "" && s.sourceFromFile {
		site, err := realPath(s.cfg.Dir)
		if err == nil && !isInside(site, src) {
			return fmt.Errorf("%s: source %q is outside the site's folder %s: a site reads only its own files (give another folder with --source)", s.cfg.File, s.cfg.Source, s.cfg.Dir)
		}
	}
	return nil
}

// realPath is p made absolute with its links resolved, as far as it
// exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	dir, rest := abs, ""
	for {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		dir, rest = parent, filepath.Join(filepath.Base(dir), rest)
	}
}

// isInside says whether path p is dir or inside it.
func isInside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// extraLayers reads the GeoJSON files gazetteer.extra names, each as a
// layer of its own. They are read inside the site's folder (the one that
// holds atlas.toml): links in it are followed, links out refused.
func (s *buildSettings) extraLayers() ([]fs.FS, error) {
	if len(s.cfg.Gazetteer.Extra) == 0 {
		return nil, nil
	}
	folder, err := sitedir.Open(s.cfg.Dir, "the site's folder "+s.cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("gazetteer.extra: %w", err)
	}
	defer folder.Close()
	var layers []fs.FS
	for _, name := range s.cfg.Gazetteer.Extra {
		p := s.cfg.Path(name)
		rel, err := filepath.Rel(s.cfg.Dir, p)
		if err != nil || !isInside(s.cfg.Dir, p) {
			return nil, fmt.Errorf("gazetteer.extra: %s is outside the site's folder %s: a site reads only its own files (copy it into the site)", name, s.cfg.Dir)
		}
		data, err := fs.ReadFile(folder, filepath.ToSlash(rel))
		if err != nil {
			return nil, fmt.Errorf("gazetteer.extra: %w", err)
		}
		base := filepath.Base(p)
		if !strings.HasSuffix(base, ".geojson") {
			base += ".geojson"
		}
		layers = append(layers, extraLayer{fstest.MapFS{base: {Data: data}}, p})
	}
	return layers, nil
}

// extraLayer is a file gazetteer.extra names, as a layer of its own;
// errors name it by path.
type extraLayer struct {
	fstest.MapFS
	path string
}

// build builds the site with these settings.
func (s *buildSettings) build(cmd *cobra.Command) (*site.Report, error) {
	opt, done, err := s.options(cmd)
	if err != nil {
		return nil, err
	}
	defer done()
	return site.Build(cmd.Context(), opt)
}

// report prints what a build did.
func (s *buildSettings) report(cmd *cobra.Command, rep *site.Report) {
	if len(rep.Skipped) > 0 && s.quiet { // else the build's log listed them
		for _, msg := range rep.Skipped {
			fmt.Fprintln(cmd.ErrOrStderr(), "skipped  ", msg)
		}
	}
	if !s.quiet {
		fmt.Fprintf(cmd.OutOrStdout(), "built %d briefings, %d place mentions (%d located), %d events, %d unresolved names into %s\n",
			rep.Articles, rep.Mentions, rep.Located, rep.Events, rep.Unresolved, s.out)
	}
}

// skipped is the error of a --keep-going build that left briefings out:
// the site is published, but the status says so (exitSkipped), so that a
// deploy does not go out with briefings missing unless told to.
func skipped(rep *site.Report) error {
	if len(rep.Skipped) == 0 {
		return nil
	}
	return statusError{exitSkipped, fmt.Errorf("skipped %d briefings (listed above); the site was built without them, and the exit status is %d", len(rep.Skipped), exitSkipped)}
}

// checkBaseURL accepts an absolute http(s) address with nothing in it
// that would need escaping: it is written into sitemap.xml, feed.xml and
// the 404 page as it is, and its path, decoded, into the dev server's
// pages. So the path must decode to a plain path: letters, digits and
// "-._~/", no "." or ".." segments, no encoded slash.
func checkBaseURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, "<>\"'` \\") {
		return errors.New("want the site's http(s) address, such as https://org.github.io/repo/")
	}
	switch {
	case u.User != nil:
		return errors.New("a site's address has no user or password")
	case u.RawQuery != "" || u.ForceQuery:
		return errors.New("a site's address has no query (?…)")
	case u.Fragment != "" || strings.Contains(s, "#"):
		return errors.New("a site's address has no fragment (#…)")
	}
	if _, err := netip.ParseAddr(u.Hostname()); err != nil && strings.IndexFunc(u.Hostname(), func(r rune) bool {
		return !plainRune(r) || r == '~'
	}) >= 0 {
		return fmt.Errorf("host %q: want a name such as org.github.io", u.Hostname())
	}
	// Percent-decoding a slash would make a different path on the host.
	if strings.Contains(strings.ToUpper(u.EscapedPath()), "%2F") {
		return fmt.Errorf("path %q: an encoded slash (%%2F)", u.EscapedPath())
	}
	if i := strings.IndexFunc(u.Path, func(r rune) bool { return !plainRune(r) && r != '/' }); i >= 0 {
		return fmt.Errorf("path %q: %q is not a letter, a digit or one of -._~/", u.Path, []rune(u.Path[i:])[0])
	}
	segs := strings.Split(strings.TrimPrefix(u.Path, "/"), "/")
	for i, seg := range segs {
		switch {
		case seg == "." || seg == "..":
			return fmt.Errorf("path %q: a %q segment", u.Path, seg)
		case seg == "" && i < len(segs)-1:
			return fmt.Errorf("path %q: an empty segment (//)", u.Path)
		}
	}
	return nil
}

// plainRune is a letter or digit of any script, a combining mark (Arabic
// vowel signs), or one of -._~, the characters a URL never escapes.
func plainRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("-._~", r)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
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
