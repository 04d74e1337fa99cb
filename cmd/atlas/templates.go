package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefing-atlas/atlas/assets"
	"github.com/briefing-atlas/atlas/templates"
	"github.com/spf13/cobra"
)

func newTemplatesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "What a site can override: atlas's page templates and static files",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	var configFile string
	list := &cobra.Command{
		Use:   "list",
		Short: "List the templates and assets a site may replace, and which this site does",
		Long: `List every file of atlas's templates/ and assets/ folders. A file of the
same name in the site's own templates/ or assets/ (beside atlas.toml)
replaces atlas's; the list marks those. Copy one from atlas's repository,
change it, and the rest stays atlas's.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := siteConfig(cmd, configFile)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			for _, set := range []struct {
				dir  string
				fsys fs.FS
			}{{"templates", templates.FS()}, {"assets", assets.FS()}} {
				err := fs.WalkDir(set.fsys, ".", func(p string, d fs.DirEntry, err error) error {
					if err != nil || strings.HasSuffix(p, ".go") {
						return err
					}
					if d.IsDir() {
						if p == "vendor" {
							fmt.Fprintf(w, "%-48s libraries from npm (Leaflet, fonts, outlines), replaceable file by file too\n", set.dir+"/vendor/…")
							return fs.SkipDir
						}
						return nil
					}
					name := set.dir + "/" + p
					own := filepath.Join(cfg.Path(set.dir), filepath.FromSlash(p))
					if _, err := os.Stat(own); err == nil {
						fmt.Fprintf(w, "%-48s overridden by %s\n", name, own)
					} else {
						fmt.Fprintln(w, name)
					}
					return nil
				})
				if err != nil {
					return err
				}
			}
			return nil
		},
	}
	addConfigFlag(list, &configFile)
	cmd.AddCommand(list)
	return cmd
}
