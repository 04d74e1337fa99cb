package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/briefing-atlas/atlas/extract"
	"github.com/briefing-atlas/atlas/extract/evaluate"
	"github.com/briefing-atlas/atlas/extract/events"
	"github.com/briefing-atlas/atlas/site/export"
	"github.com/spf13/cobra"
)

func newEvalCmd() *cobra.Command {
	var goldDir, docsDir, gazetteerDir, format string
	var show, withEvents bool
	cmd := &cobra.Command{
		Use:   "eval --gold DIR --docs DIR",
		Short: "Score place extraction against hand-checked gold mentions",
		Long: `Eval extracts the place mentions of every document named in the gold
files (DIR/*.jsonl, one JSON object per mention: doc, start, end, surface,
governorate, country, borderline) from the documents in --docs, and prints
recognition precision, recall and F1, then governorate and country accuracy
over the matched pairs.

A prediction matches a gold mention of the same document when their spans
overlap; borderline gold mentions are ignored on both sides (the rules of
the gold set's score.py). --show lists every false alarm, miss and
wrong place (a match in the wrong governorate or country) with its file,
offset, surface and context, grouped under a cause with the count of
each, largest first. The causes are judged, in this order, by what
atlas knows (its word lists, its gazetteer, its other predictions):

  false alarms  person or organisation (after a title, rank, given name,
                group or outlet word), adjective or demonym (a nisba form
                after a noun: «فصائل سورية»), common word (an ordinary
                word, or split off one: وإن → إن), other
  misses        partly found (atlas reported an overlapping span), the
                gazetteer lacks the place (not even with its proclitics
                stripped), known name dropped
  wrong places  foreign vs Syrian (the wrong country), namesake against
                a stated container (atlas named the right governorate in
                the sentence or the section's header), namesake

--format json writes the scores, and with --show the groups, as one JSON
object.

--events scores events instead (gold files such as gold/events/*.jsonl): an
event matches a gold event of the same document when the evidence spans
overlap and the governorate (or the country outside Syria) agrees; it prints
detection precision, recall and F1, type and sub-type accuracy over the
matches, and how often the number of dead is exactly right; then each
sub-type's precision and recall, and which sub-types the matches confused.
With --show it lists the misses and false alarms, those at another place
than the other side's first (an event overlaps them in another
governorate or country), then those with nothing there, and the wrong
types.`,
		Example: `  atlas eval --gold ../shared/gold --docs ../shared/seeds
  atlas eval --gold ../shared/gold --docs ../shared/seeds --show
  atlas eval --gold ../shared/gold --docs ../shared/seeds --show --format json
  atlas eval --events --gold ../shared/gold/events --docs ../shared/seeds`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format %q: want text or json", format)
			}
			if format == "json" && withEvents {
				return fmt.Errorf("--format json: only for place mentions, not with --events")
			}
			files, err := filepath.Glob(filepath.Join(goldDir, "*.jsonl"))
			if err != nil {
				return err
			}
			if len(files) == 0 {
				return fmt.Errorf("no *.jsonl gold files in %s", goldDir)
			}
			var gold []evaluate.Mention
			var goldEvents []evaluate.Event
			docs := map[string]bool{}
			for _, f := range files {
				if withEvents {
					es, err := readEvents(f)
					if err != nil {
						return err
					}
					goldEvents = append(goldEvents, es...)
					for _, e := range es {
						docs[e.Doc] = true
					}
					continue
				}
				ms, err := readMentions(f)
				if err != nil {
					return err
				}
				gold = append(gold, ms...)
				for _, m := range ms {
					docs[m.Doc] = true
				}
			}
			names := make([]string, 0, len(docs))
			for d := range docs {
				names = append(names, d)
			}
			sort.Strings(names)
			_, ex, err := loadExtractor(gazetteerDir)
			if err != nil {
				return err
			}
			var pred []evaluate.Mention
			var predEvents []evaluate.Event
			texts := map[string]string{} // the offsets count code points of the file's text
			det := events.New()
			for _, name := range names {
				a, err := readBriefing(filepath.Join(docsDir, name))
				if err != nil {
					return err
				}
				texts[name] = a.Raw
				mentions := ex.Extract(a.Body)
				if withEvents {
					for _, e := range det.Detect(name, a.Body, mentions, a.Date) {
						ev, err := asWritten[evaluate.Event](export.AppendEventLine(nil, name, a.BodyOffset, &e))
						if err != nil {
							return fmt.Errorf("%s: event %s: %w", name, e.ID, err)
						}
						predEvents = append(predEvents, ev)
					}
					continue
				}
				for _, m := range mentions {
					pm, err := asWritten[evaluate.Mention](export.AppendLine(nil, name, a.BodyOffset, &m, extract.MentionFields()))
					if err != nil {
						return fmt.Errorf("%s: mention at %d: %w", name, m.Start, err)
					}
					pred = append(pred, pm)
				}
			}
			if withEvents {
				evaluate.ScoreEvents(goldEvents, predEvents).Print(cmd.OutOrStdout(), show)
				return nil
			}
			r := evaluate.Score(gold, pred)
			var groups []evaluate.Group
			if show {
				groups = evaluate.Explain(r, texts, ex)
			}
			if format == "json" {
				return r.WriteJSON(cmd.OutOrStdout(), groups)
			}
			r.Print(cmd.OutOrStdout(), groups)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&goldDir, "gold", "", "folder of gold *.jsonl files (required)")
	f.StringVar(&docsDir, "docs", "", "folder of the documents the gold files name (required)")
	f.BoolVar(&show, "show", false, "list false alarms, misses and wrong places under their causes (with --events: misses and false alarms by cause, and wrong types)")
	f.StringVar(&format, "format", "text", "text or json (place mentions only)")
	f.BoolVar(&withEvents, "events", false, "score events instead of place mentions")
	cmd.MarkFlagRequired("gold")
	cmd.MarkFlagRequired("docs")
	addGazetteerFlag(cmd, &gazetteerDir)
	return cmd
}

func readEvents(path string) ([]evaluate.Event, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	es, err := evaluate.ReadEvents(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return es, nil
}

func readMentions(path string) ([]evaluate.Mention, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ms, err := evaluate.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ms, nil
}

// asWritten reads a record back from the line atlas extract writes for
// it: predictions are scored as the referees' scorers read them.
func asWritten[T any](line []byte, err error) (T, error) {
	var v T
	if err == nil {
		err = json.Unmarshal(line, &v)
	}
	return v, err
}
