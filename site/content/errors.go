package content

import (
	"errors"
	"fmt"
)

// Error is a problem with one file, placed as precisely as atlas knows:
// a line and column (front matter), a byte offset (encodings), or the
// file alone.
type Error struct {
	Path      string
	Line, Col int   // 1-based; 0 when unknown
	Offset    int64 // byte offset, when HasOffset
	HasOffset bool
	Err       error
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Col, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	case e.HasOffset:
		return fmt.Sprintf("%s: at byte %d: %v", e.Path, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

func atByte(off int64, err error) *Error {
	return &Error{Offset: off, HasOffset: true, Err: err}
}

func atLine(line, col int, err error) *Error {
	return &Error{Line: line, Col: col, Err: err}
}

// inFile names path in err, keeping the place an *Error already has.
func inFile(path string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.Path = path
		return &c
	}
	return &Error{Path: path, Err: err}
}
