package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"

	"github.com/briefing-atlas/atlas/site"
	"github.com/spf13/cobra"
)

func newCheckCmd() *cobra.Command {
	var set buildSettings
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Build the site, then check every link and list what the atlas could not place",
		Long: `Check builds the site as build does (same settings), then parses every
page and checks that each internal link and asset exists, #fragments
included, and that nothing points off the site. It lists the place names
the gazetteer lacks (unresolved.csv) and the briefings with no located
place, which appear on no map.

It exits non-zero when a link is broken; unresolved names and unplaced
briefings are reported, not failures.`,
		Example: `  atlas check
  atlas check --out /tmp/check-site`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := set.build(cmd)
			if err != nil {
				return err
			}
			set.report(cmd, rep)
			links, err := site.CheckLinks(set.out, set.baseURL)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "links: %d pages, %d internal links and assets, %d broken\n", links.Pages, links.Links, len(links.Broken))
			for _, b := range links.Broken {
				fmt.Fprintf(w, "  broken  %s\n", b)
			}
			if rows, err := readUnresolved(filepath.Join(set.out, "unresolved.csv")); err == nil {
				fmt.Fprintf(w, "unresolved: %d place names the gazetteer lacks; to add one, paste its feature into a FeatureCollection in gazetteer/*.geojson and correct its point and name_en\n", len(rows))
				for _, r := range rows {
					fmt.Fprintf(w, "  %s ×%s, e.g. %s: %s\n", r[0], r[1], r[3], r[2])
					if len(r) > 4 && r[4] != "" {
						fmt.Fprintf(w, "    %s\n", r[4])
					}
				}
			}
			fmt.Fprintf(w, "unplaced: %d briefings with no located place\n", len(rep.Unplaced))
			for _, p := range rep.Unplaced {
				fmt.Fprintf(w, "  %s\n", p)
			}
			if len(links.Broken) > 0 {
				return fmt.Errorf("%d broken links", len(links.Broken))
			}
			return nil
		},
	}
	set.register(cmd)
	return cmd
}

// readUnresolved reads unresolved.csv's rows: name, count, example, file,
// feature.
func readUnresolved(file string) ([][]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows[1:], nil
}
