package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// newRootCmd builds the whole command tree. Each call makes fresh
// commands with their own flags, so tests can run commands in-process.
func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "atlas",
		Short: "Turn Arabic briefings on Syria into an offline map atlas",
		Long: `atlas reads a folder of Arabic news briefings (Markdown with front matter,
or plain .txt), finds the places they name, locates them with a bundled
gazetteer of Syria, and writes a static website with Leaflet maps: one page
per briefing, one per governorate, and an atlas home.

The site works on any static host, under a sub-path (GitHub Pages), and
straight from disk (open public/index.html): it needs no network at all.

Start with:
  atlas new site my-atlas && cd my-atlas
  atlas serve                              # http://127.0.0.1:1717/, rebuilt on every save
  atlas build                              # the site in public/`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// --version prints what `atlas version` does; it is computed only
	// when asked, since it hashes the bundled gazetteer.
	showVersion := root.Flags().BoolP("version", "v", false, "print atlas's version, commit and gazetteer version")
	root.Args = unknownCommand
	root.SuggestionsMinimumDistance = 2
	root.SetFlagErrorFunc(flagMistake)
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		if *showVersion {
			fmt.Fprintln(cmd.OutOrStdout(), fullVersion())
			return nil
		}
		return cmd.Help()
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newBuildCmd(), newServeCmd(), newCheckCmd(), newNewCmd(), newTemplatesCmd(),
		newExtractCmd(), newEvalCmd(), newGeocodeCmd(), newVersionCmd())
	return root
}
