package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/briefing-atlas/atlas/extract/evaluate"
	"github.com/briefing-atlas/atlas/site/content"
	"github.com/spf13/cobra"
)

func newEvalCmd() *cobra.Command {
	var goldDir, docsDir, gazetteerDir string
	var show bool
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
the gold set's score.py). --show lists misses, false alarms and wrong
governorates.`,
		Example: `  atlas eval --gold ../shared/gold --docs ../shared/seeds
  atlas eval --gold ../shared/gold --docs ../shared/seeds --show`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			files, err := filepath.Glob(filepath.Join(goldDir, "*.jsonl"))
			if err != nil {
				return err
			}
			if len(files) == 0 {
				return fmt.Errorf("no *.jsonl gold files in %s", goldDir)
			}
			var gold []evaluate.Mention
			for _, f := range files {
				ms, err := readMentions(f)
				if err != nil {
					return err
				}
				gold = append(gold, ms...)
			}
			docs := map[string]bool{}
			for _, g := range gold {
				docs[g.Doc] = true
			}
			names := make([]string, 0, len(docs))
			for d := range docs {
				names = append(names, d)
			}
			sort.Strings(names)
			g, err := loadGazetteer(gazetteerDir)
			if err != nil {
				return err
			}
			ex, err := newExtractor(g)
			if err != nil {
				return err
			}
			var pred []evaluate.Mention
			for _, name := range names {
				path := filepath.Join(docsDir, name)
				data, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				a, err := content.Parse(filepath.ToSlash(path), data)
				if err != nil {
					return err
				}
				for _, m := range ex.Extract(a.Body) {
					rec := newMentionRecord(name, a.BodyOffset, m)
					pred = append(pred, evaluate.Mention{
						Doc: name, Start: rec.Start, End: rec.End, Surface: rec.Surface,
						Governorate: rec.Governorate, Country: rec.Country,
					})
				}
			}
			evaluate.Score(gold, pred).Print(cmd.OutOrStdout(), show)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&goldDir, "gold", "", "folder of gold *.jsonl files (required)")
	f.StringVar(&docsDir, "docs", "", "folder of the documents the gold files name (required)")
	f.BoolVar(&show, "show", false, "list misses, false alarms and wrong governorates")
	cmd.MarkFlagRequired("gold")
	cmd.MarkFlagRequired("docs")
	addGazetteerFlag(cmd, &gazetteerDir)
	return cmd
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
