package site

import (
	"fmt"
	"strings"
)

// Problems is every error a build met, each naming its file. A build
// reports them all at once, so a user fixes a folder of briefings in one
// round rather than one file per build.
type Problems []error

func (p Problems) Error() string {
	var b strings.Builder
	if len(p) == 1 {
		b.WriteString("1 problem")
	} else {
		fmt.Fprintf(&b, "%d problems", len(p))
	}
	b.WriteString(", so nothing was written (--keep-going builds the rest):")
	for _, err := range p {
		b.WriteString("\n  ")
		b.WriteString(strings.ReplaceAll(err.Error(), "\n", "\n    "))
	}
	return b.String()
}

func (p Problems) Unwrap() []error { return p }

// flatten lists the errors joined in err.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// safely runs fn and turns a panic into an error naming what was being
// processed: one bad briefing must not crash a build of thousands, and
// the user must learn which one it was.
func safely(name string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error while processing it (%v); please report it with this file", name, r)
		}
	}()
	return fn()
}
