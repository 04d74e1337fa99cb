// Command gen-arabic-js writes geo/arabic's tables into the map script,
// between the lines that mark its generated block, so that the search
// box folds a query and strips its proclitics as the extractor does:
// the folding of every character folding changes, the characters that
// separate words and the proclitics.
//
//	go generate ./assets    (runs: go run ../cmd/gen-arabic-js atlas.js)
//
// The script stays one plain file (no module, no fetch): pages load it
// from file:// too, and a site's own templates need not load another.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/briefing-atlas/atlas/geo/arabic"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen-arabic-js FILE.js")
		os.Exit(2)
	}
	if err := rewrite(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gen-arabic-js:", err)
		os.Exit(1)
	}
}

// rewrite replaces the generated block of the script at path, writing
// the file only when the block changed.
func rewrite(path string) error {
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	code, err := block()
	if err != nil {
		return err
	}
	out, err := splice(old, code)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if bytes.Equal(out, old) {
		return nil
	}
	return os.WriteFile(path, out, 0o644)
}

// The lines that open and close the generated block.
const (
	beginMark = "// BEGIN geo/arabic"
	endMark   = "// END geo/arabic"
)

var errNoBlock = errors.New("no «" + beginMark + "» … «" + endMark + "» lines to write the tables between")

// splice puts code between the marks' lines of js, in place of what was
// there, indented as the opening mark is.
func splice(js []byte, code string) ([]byte, error) {
	b := bytes.Index(js, []byte(beginMark))
	e := bytes.Index(js, []byte(endMark))
	if b < 0 || e < b {
		return nil, errNoBlock
	}
	lineStart := bytes.LastIndexByte(js[:b], '\n') + 1
	indent := string(js[lineStart:b])
	if strings.TrimSpace(indent) != "" {
		return nil, fmt.Errorf("%q does not begin its line", beginMark)
	}
	var out bytes.Buffer
	out.Write(js[:lineStart])
	for line := range strings.Lines(code) {
		if line != "\n" {
			out.WriteString(indent)
		}
		out.WriteString(line)
	}
	out.Write(js[e+len(endMark):])
	return out.Bytes(), nil
}

// block is the generated code: the marks' lines and the tables between,
// up to the indentation of the closing mark.
func block() (string, error) {
	var b strings.Builder
	b.WriteString(beginMark + ": written by `go generate ./assets` (cmd/gen-arabic-js)\n")
	b.WriteString("// from geo/arabic's tables. Change those and generate; do not edit here.\n")
	b.WriteString("//\n")
	b.WriteString("// FOLD_RANGES: [first, last, folded], or [first, folded] for one\n")
	b.WriteString("// character, for every character folding changes: folded is the string\n")
	b.WriteString("// each folds to ('' drops it), or a number added to its code.\n")
	b.WriteString("var FOLD_RANGES = [\n")
	rs, err := foldRanges()
	if err != nil {
		return "", err
	}
	for i, r := range rs {
		if i%4 == 0 {
			b.WriteString("  ")
		}
		if r.first == r.last {
			fmt.Fprintf(&b, "[0x%04X, %s]", r.first, r.js())
		} else {
			fmt.Fprintf(&b, "[0x%04X, 0x%04X, %s]", r.first, r.last, r.js())
		}
		switch {
		case i == len(rs)-1:
			b.WriteString("\n")
		case i%4 == 3:
			b.WriteString(",\n")
		default:
			b.WriteString(", ")
		}
	}
	b.WriteString("];\n")
	b.WriteString("// SPACE: the characters that separate words.\n")
	sp, err := spaces()
	if err != nil {
		return "", err
	}
	b.WriteString("var SPACE = " + jsString(sp) + ";\n")
	b.WriteString("// PROCLITICS: [form, whether its ل drops the article's alef (للرقة)],\n")
	b.WriteString("// shortest first.\n")
	b.WriteString("var PROCLITICS = [")
	n := 0
	for p := range arabic.Proclitics() {
		switch {
		case n%4 == 0:
			b.WriteString("\n  ")
		default:
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "[%s, %t],", jsString(p.Form), p.ElidesArticle)
		n++
	}
	b.WriteString("\n];\n")
	b.WriteString(endMark)
	return b.String(), nil
}

// foldRange is a run of characters that fold alike: each to out, or,
// when shift is set, each to the character shift places after it.
type foldRange struct {
	first, last rune
	out         string
	shift       rune
	shifted     bool
}

func (r foldRange) js() string {
	if r.shifted {
		return fmt.Sprint(r.shift)
	}
	return jsString(r.out)
}

// foldRanges is every character arabic.Fast changes, in runs.
func foldRanges() ([]foldRange, error) {
	var out []foldRange
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are no characters
		}
		e := arabic.Fast(r)
		if e.Keep && e.Folded == r && e.Folded2 == 0 {
			continue
		}
		if r > 0xFFFF {
			// The script reads a string one UTF-16 unit at a time.
			return nil, fmt.Errorf("U+%04X folds, but the script's fold handles the Basic Multilingual Plane only", r)
		}
		folded := ""
		if e.Keep {
			folded = string(e.Folded)
			if e.Folded2 != 0 {
				folded += string(e.Folded2)
			}
		}
		out = extend(out, r, folded)
	}
	return out, nil
}

// extend adds r, folding to folded, to the last run when it continues it.
func extend(rs []foldRange, r rune, folded string) []foldRange {
	single, n := utf8.DecodeRuneInString(folded)
	one := folded != "" && n == len(folded)
	if k := len(rs) - 1; k >= 0 && rs[k].last == r-1 {
		cur := &rs[k]
		switch {
		case !cur.shifted && cur.out == folded:
			cur.last = r
			return rs
		case cur.first == cur.last && one && utf8.RuneCountInString(cur.out) == 1 &&
			[]rune(cur.out)[0]-cur.first == single-r:
			cur.shifted, cur.shift, cur.out, cur.last = true, single-r, "", r
			return rs
		case cur.shifted && one && single-r == cur.shift:
			cur.last = r
			return rs
		}
	}
	return append(rs, foldRange{first: r, last: r, out: folded})
}

// spaces is every character arabic.IsSpace accepts.
func spaces() (string, error) {
	var b strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if arabic.IsSpace(r) {
			if r > 0xFFFF {
				return "", fmt.Errorf("U+%04X separates words, but the script's fold handles the Basic Multilingual Plane only", r)
			}
			b.WriteRune(r)
		}
	}
	return b.String(), nil
}

// jsString is s as a JavaScript string literal in ASCII: \u escapes keep
// marks, invisible characters and presentation forms readable.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7F:
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\u%04X", r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
