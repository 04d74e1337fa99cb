package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/briefing-atlas/atlas/geo/arabic"
	"github.com/spf13/cobra"
)

func newGeocodeCmd() *cobra.Command {
	var gazetteerDir string
	cmd := &cobra.Command{
		Use:   "geocode NAME",
		Short: "List the gazetteer places a name can mean, best first",
		Long: `Geocode looks NAME up in the gazetteer (the bundled one, plus the site's
own GeoJSON files in --gazetteer) and prints every place it can mean, best
first when nothing else decides: id, kind, Arabic and English names,
governorate, country, coordinates, and why it ranks where it does.

NAME is matched after Arabic folding (أ/إ/آ→ا، ة/ه، ى/ي، no diacritics),
so «حماه» finds حماة. Write clitic-free names: حلب, not بحلب.`,
		Example: `  atlas geocode حلب
  atlas geocode "دير الزور"
  atlas geocode عمان`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGazetteer(gazetteerDir)
			if err != nil {
				return err
			}
			name := strings.Join(args, " ")
			places := g.Lookup(name)
			out := cmd.OutOrStdout()
			if len(places) == 0 {
				return fmt.Errorf("no place named %q (folded: %q) in the gazetteer", name, arabic.Fold(name))
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "#\tid\tkind\tname_ar\tname_en\tgovernorate\tcountry\tlat\tlon\twhy")
			for i, p := range places {
				gov := p.Governorate()
				if gov == "" {
					gov = "-"
				}
				why := p.Why()
				if p.IsDefaultFor(name) {
					why = "default sense of the name (data/senses.tsv); " + why
				}
				if i == 0 && len(places) > 1 {
					why = "best: " + why
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%.5f\t%.5f\t%s\n", i+1, p.ID, p.Kind, p.NameAr, p.NameEn,
					gov, p.Country, p.Point.Lat(), p.Point.Lon(), why)
			}
			return tw.Flush()
		},
	}
	addGazetteerFlag(cmd, &gazetteerDir)
	return cmd
}
