package main

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/briefing-atlas/atlas/site/content"
	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

// skeleton is the folder `atlas new site` writes. Dot-files are stored
// without their dot (go:embed leaves dot-files out) and renamed on the way.
//
//go:embed skeleton
var skeleton embed.FS

// skeletonName maps a file of the skeleton to its place in a new site.
func skeletonName(p string) string {
	p = strings.TrimPrefix(p, "skeleton/")
	if rest, ok := strings.CutPrefix(p, "dot-github/"); ok {
		return ".github/" + rest
	}
	if p == "gitignore" {
		return ".gitignore"
	}
	return p
}

func newNewCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create a new site, or a new briefing in this site",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(newNewSiteCmd(), newNewBriefingCmd())
	return cmd
}

func newNewSiteCmd() *cobra.Command {
	var atlasVersion string
	cmd := &cobra.Command{
		Use:   "site DIR",
		Short: "Create a ready site folder: atlas.toml, content/, gazetteer/, a Pages workflow",
		Long: `Create DIR with everything a site needs: atlas.toml (every setting,
documented), content/ with one example briefing, an empty gazetteer/ for
the site's own places, .github/workflows/pages.yml (build with atlas and
publish on GitHub Pages) and a short README in Arabic and English.

The Pages workflow downloads the atlas release --atlas-version names
(by default this atlas's own release, or the latest for a build from
source), checks it against the release's SHA256SUMS and builds with it.

DIR must not exist or be empty.`,
		Example: `  atlas new site my-atlas && cd my-atlas && atlas build
  atlas new site --atlas-version v1.2.0 my-atlas`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
				return fmt.Errorf("%s is not empty: choose a new folder", dir)
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			err := fs.WalkDir(skeleton, "skeleton", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := skeleton.ReadFile(p)
				if err != nil {
					return err
				}
				data = bytes.ReplaceAll(data, []byte("{{ATLAS_VERSION}}"), []byte(atlasVersion))
				dst := filepath.Join(dir, filepath.FromSlash(skeletonName(p)))
				if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
					return err
				}
				return os.WriteFile(dst, data, 0o644)
			})
			if err != nil {
				return fmt.Errorf("new site: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "created the site %s\nnext:\n  cd %s\n  atlas serve      # see it at http://127.0.0.1:1717/\n  atlas new briefing \"العنوان\"\n", dir, dir)
			return nil
		},
	}
	// This atlas's own release by default; a build that is no release
	// (from source, or an untagged make dist) pins the latest.
	pin := "latest"
	if releaseTag.MatchString(releaseVersion) {
		pin = releaseVersion
	}
	cmd.Flags().StringVar(&atlasVersion, "atlas-version", pin,
		"the atlas release the site's Pages workflow downloads and builds with (vX.Y.Z, or latest)")
	cmd.PreRunE = func(*cobra.Command, []string) error {
		if atlasVersion != "latest" && !releaseTag.MatchString(atlasVersion) {
			return fmt.Errorf("--atlas-version %q: want a release tag such as v1.2.0, or latest", atlasVersion)
		}
		return nil
	}
	return cmd
}

// releaseTag is what a release of atlas is called.
var releaseTag = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)

func newNewBriefingCmd() *cobra.Command {
	var date, configFile string
	cmd := &cobra.Command{
		Use:   "briefing TITLE",
		Short: "Add a dated Markdown briefing with front matter to the site's content folder",
		Long: `Add content/<date>-<slug>.md (the content folder is atlas.toml's
source) with the title, today's date and empty source and tags in its
front matter, ready to be written. An existing file is never replaced.`,
		Example: `  atlas new briefing "قصف على ريف حلب الجنوبي"
  atlas new briefing --date 2016-02-14 "اجتماع في فيينا"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			title := strings.TrimSpace(args[0])
			if title == "" {
				return errors.New("the briefing needs a title")
			}
			day := time.Now()
			if date != "" {
				var err error
				if day, err = time.Parse("2006-01-02", date); err != nil {
					return fmt.Errorf("--date %q: want YYYY-MM-DD", date)
				}
			}
			cfg, err := siteConfig(cmd, configFile)
			if err != nil {
				return err
			}
			// Outside a site, a briefing went into a content/ folder made
			// on the spot, and the command said nothing of it.
			if !cmd.Flags().Changed("config") && findSite(cfg.Dir) == "" {
				return notASite(".")
			}
			slug := content.Slugify(title)
			if slug == "" {
				slug = "briefing"
			}
			name := day.Format("2006-01-02") + "-" + slug + ".md"
			dst := filepath.Join(cfg.Path(cfg.Source), name)
			// Quoting through YAML keeps any title valid front matter.
			quoted, err := yaml.Marshal(map[string]string{"title": title})
			if err != nil {
				return err
			}
			text := "---\n" + string(quoted) + "date: " + day.Format("2006-01-02") + "\nsource: \"\"\ntags: []\n---\n\n"
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s exists already", dst)
			}
			if err != nil {
				return err
			}
			if _, err := f.WriteString(text); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), path.Clean(filepath.ToSlash(dst)))
			return nil
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the briefing's date, YYYY-MM-DD (default today)")
	addConfigFlag(cmd, &configFile)
	return cmd
}
