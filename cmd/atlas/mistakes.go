package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit statuses, documented in README: 0 done, 1 an error, 3 a build with
// --keep-going that skipped briefings (the site is complete but for them;
// a workflow that accepts that on purpose writes
// `atlas build --keep-going || [ $? -eq 3 ]`).
const (
	exitError   = 1
	exitSkipped = 3
)

// statusError is an error that ends atlas with a status of its own.
type statusError struct {
	status int
	err    error
}

func (e statusError) Error() string { return e.err.Error() }
func (e statusError) Unwrap() error { return e.err }

// exitStatus is the process status an error from a command asks for.
func exitStatus(err error) int {
	var s statusError
	if errors.As(err, &s) {
		return s.status
	}
	return exitError
}

// unknownCommand answers a word that names no command with the commands
// it may have meant, as git does.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "\n\nDid you mean this?\n\t" + strings.Join(s, "\n\t")
	}
	return fmt.Errorf("%s\n\nRun '%s --help' for the commands", msg, cmd.CommandPath())
}

// flagMistake adds to an unknown flag the flags it may have meant.
func flagMistake(cmd *cobra.Command, err error) error {
	const unknown = "unknown flag: --"
	msg := err.Error()
	if !strings.HasPrefix(msg, unknown) {
		return fmt.Errorf("%w\n\nRun '%s --help' for its flags", err, cmd.CommandPath())
	}
	typed := strings.TrimPrefix(msg, unknown)
	var near []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		if d := distance(typed, f.Name); d <= 2 || (len(typed) >= 3 && strings.HasPrefix(f.Name, typed)) {
			near = append(near, "--"+f.Name)
		}
	})
	if len(near) > 0 {
		return fmt.Errorf("%w\n\nDid you mean this?\n\t%s", err, strings.Join(near, "\n\t"))
	}
	return fmt.Errorf("%w\n\nRun '%s --help' for its flags", err, cmd.CommandPath())
}

// distance is the Levenshtein distance between a and b, in bytes (flag
// names are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// findSite is the folder of the atlas.toml in dir or the nearest folder
// above it, "" when there is none.
func findSite(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, "atlas.toml")); err == nil && !st.IsDir() {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// notASite is the error of a command that needs a site run outside one.
func notASite(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return fmt.Errorf("no atlas.toml in %s or above: run `atlas new site NAME` (then cd NAME), or pass --source", abs)
}
