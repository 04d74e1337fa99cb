package main

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/briefing-atlas/atlas/data"
	"github.com/briefing-atlas/atlas/geo"

	"github.com/spf13/cobra"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print atlas's version and the commit it was built from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(cmd.OutOrStdout(), fullVersion())
			return nil
		},
	}
}

// fullVersion is versionString with the bundled gazetteer's version, the
// other thing that decides what a build finds.
func fullVersion() string {
	v, err := geo.VersionOf(data.Gazetteer())
	if err != nil {
		v = "unknown"
	}
	return versionString() + ", gazetteer " + v
}

// releaseVersion is the release a binary was built as (make dist sets it
// with -ldflags -X), "" for other builds.
var releaseVersion string

// versionString reads the module version and VCS stamp that the Go
// toolchain records in the binary, and the release it was built as.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "atlas " + cmp.Or(releaseVersion, "(unknown version)")
	}
	v := cmp.Or(releaseVersion, info.Main.Version)
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	out := "atlas " + v
	if rev != "" {
		out += " (commit " + rev + modified + ")"
	}
	return out + " " + info.GoVersion
}

// toolFingerprint identifies this very binary (code, templates and lists
// embedded in it) for the build cache: a hash of the executable, since a
// development build's version string does not change with every edit.
func toolFingerprint() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:12]), nil
}
