package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefing-atlas/atlas/assets"
	"github.com/briefing-atlas/atlas/site"
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
	var data bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List the templates and assets a site may replace, and which this site does",
		Long: `List every file of atlas's templates/ and assets/ folders. A file of the
same name in the site's own templates/ or assets/ (beside atlas.toml)
replaces atlas's; the list marks those. Copy one from atlas's repository,
change it, and the rest stays atlas's.

With --data, each page template is followed by what it is given: the
members of its data as the template names them (.Title, .EventList) and
their Go types. A page's address is {{.Root}}{{articleHref .}},
{{.Root}}{{placeHref .}} or {{.Root}}{{govHref .}}, never put together by
hand, so that links work under any path and from a copy on disk.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := siteConfig(cmd, configFile)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if data {
				fmt.Fprintln(w, "functions every template may call:")
				for _, f := range site.TemplateFuncs() {
					fmt.Fprintf(w, "    %s\n", f)
				}
			}
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
					if data && set.dir == "templates" {
						for _, m := range site.TemplateData(p) {
							fmt.Fprintf(w, "    %s\n", m)
						}
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
	list.Flags().BoolVar(&data, "data", false, "also list what each page template is given")
	addConfigFlag(list, &configFile)
	cmd.AddCommand(list)
	return cmd
}
