package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"strings"
	"testing/fstest"
	"text/tabwriter"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/site/content"
	"github.com/briefing-atlas/atlas/site/export"
	"github.com/spf13/cobra"
)

func newExtractCmd() *cobra.Command {
	var format, gazetteerDir string
	var withEvents bool
	cmd := &cobra.Command{
		Use:   "extract [FILE...]",
		Short: "Print the place mentions found in briefings",
		Long: `Extract prints every place mention found in the given briefings.

--format jsonl prints one JSON object per mention with the keys doc, start,
end (Unicode code point offsets into the file's text, front matter
included), surface, place_id, place_ar, place_en, kind, governorate (OCHA
English name, or null), country (ISO alpha-2), lat, lon, confidence,
geo_precision and use. --format table prints the same as aligned columns.

--events prints events instead: what happened where, one JSON object per
event with doc, start, end (the evidence clause), evidence, type, sub_type
(ACLED's names), places, governorate, country, fatalities, injured, actors,
date, date_precision (day, month or year), also (the [start, end) of the
later clauses that tell the same event), id, lat, lon, geo_precision and
confidence.`,
		Example: `  atlas extract --format jsonl content/*.md > mentions.jsonl
  atlas extract --format table briefing.txt
  atlas extract --events content/*.md > events.jsonl
  pbpaste | atlas extract --format table          # no file, or "-": standard input`,
		RunE: func(cmd *cobra.Command, files []string) error {
			if len(files) == 0 {
				files = []string{"-"}
			}
			if format != "jsonl" && format != "table" {
				return fmt.Errorf("--format %q: want jsonl or table", format)
			}
			_, ex, err := loadExtractor(gazetteerDir)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			var tw *tabwriter.Writer
			if format == "table" {
				tw = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				if withEvents {
					fmt.Fprintln(tw, "doc\tstart\tend\ttype\tsub_type\tplace\tgovernorate\tfatalities\tactors")
				} else {
					fmt.Fprintln(tw, "doc\tstart\tend\tsurface\tplace\tkind\tgovernorate\tcountry")
				}
				out = tw
			}
			det := events.New()
			for _, file := range files {
				var a *content.Article
				if file == "-" {
					a, err = readStdin(cmd.InOrStdin())
				} else {
					a, err = readBriefing(file)
				}
				if err != nil {
					return err
				}
				mentions := ex.Extract(a.Body)
				if withEvents {
					for _, e := range det.Detect(a.Path, a.Body, mentions, a.Date) {
						if err := writeEvent(out, format, file, a.BodyOffset, &e); err != nil {
							return err
						}
					}
					continue
				}
				for _, m := range mentions {
					if err := writeMention(out, format, file, a.BodyOffset, &m); err != nil {
						return err
					}
				}
			}
			if tw != nil {
				return tw.Flush()
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "jsonl", "output format: jsonl or table")
	cmd.Flags().BoolVar(&withEvents, "events", false, "print events instead of place mentions")
	addGazetteerFlag(cmd, &gazetteerDir)
	return cmd
}

// writeMention writes m: as a JSON line (the fixed contract of atlas
// extract: doc and the fields extract.MentionFields lists) or as a row of
// the table.
func writeMention(w io.Writer, format, doc string, offset int, m *extract.Mention) error {
	if format == "table" {
		gov, country := "-", "-"
		if m.Place != nil {
			gov, country = cmp.Or(m.Place.Governorate(), "-"), m.Place.Country
		}
		_, err := fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n", doc, offset+m.Start, offset+m.End, m.Surface,
			m.Name, m.Kind, gov, country)
		return err
	}
	line, err := export.AppendLine(nil, doc, offset, m, extract.MentionFields())
	if err != nil {
		return err
	}
	_, err = w.Write(line)
	return err
}

// writeEvent writes e: as a JSON line (the fixed contract of atlas
// extract --events: the keys of the gold event files plus id, date,
// date_precision, lat, lon, geo_precision and confidence, which
// events.Fields lists) or as a row of the table.
func writeEvent(w io.Writer, format, doc string, offset int, e *events.Event) error {
	if format == "table" {
		gov, fat, place := cmp.Or(e.Governorate(), "-"), "-", "-"
		if e.Fatalities != nil {
			fat = fmt.Sprint(*e.Fatalities)
		}
		if len(e.Places) > 0 {
			place = e.Places[0].Surface
		}
		_, err := fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", doc, offset+e.Start, offset+e.End, e.Type, e.SubType,
			place, gov, fat, strings.Join(e.Actors, ","))
		return err
	}
	line, err := export.AppendEventLine(nil, doc, offset, e)
	if err != nil {
		return err
	}
	_, err = w.Write(line)
	return err
}

// readStdin reads a briefing from standard input, named "-": Markdown
// with front matter when it starts with "---", plain text otherwise.
func readStdin(r io.Reader) (*content.Article, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("standard input: %w", err)
	}
	name := "stdin.txt"
	if bytes.HasPrefix(bytes.TrimPrefix(data, []byte("\uFEFF")), []byte("---")) {
		name = "stdin.md"
	}
	a, err := readNamed(fstest.MapFS{name: {Data: data}}, name, "standard input")
	if err != nil {
		return nil, err
	}
	a.Path = "-" // the doc its mentions and events name, as Unix tools do
	return a, nil
}
