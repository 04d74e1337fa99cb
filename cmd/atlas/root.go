package main

import (
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
  atlas build --source content --out public`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newBuildCmd(), newExtractCmd(), newEvalCmd(), newGeocodeCmd(), newVersionCmd())
	return root
}
