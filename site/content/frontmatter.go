package content

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// frontMatterKeys are the keys a briefing's front matter may set; others
// draw a warning, since a misspelt key («titel») silently dropping a
// title is worse than a line of output.
var frontMatterKeys = []string{"title", "date", "source", "slug", "tags"}

// dateLayouts are the date forms accepted in front matter.
var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05"}

// minYear and maxYear bound the years a front-matter date may have.
const minYear, maxYear = 1900, 2100

// yamlLine finds the line yaml.v3 names in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// splitFrontMatter reads a leading «---» YAML block, if any. Its errors
// are *Error with the line and column in the file.
func (a *Article) splitFrontMatter() error {
	raw := a.Raw
	if !strings.HasPrefix(raw, "---\n") {
		a.Title = firstHeading(raw)
		return nil
	}
	block, rest, err := frontMatterOf(raw)
	if err != nil {
		return err
	}
	// A copy: the article outlives its text, and a slice would keep it.
	a.front = strings.Clone(block)
	a.Body = raw[rest:]
	a.BodyOffset = utf8.RuneCountInString(raw[:rest])
	if err := a.readFrontMatter(block); err != nil {
		return err
	}
	if a.Title == "" {
		a.Title = firstHeading(a.Body)
	}
	return nil
}

// frontMatterOf finds the front matter of raw, which starts with «---»:
// the block between the fences and where the body starts.
func frontMatterOf(raw string) (block string, rest int, err error) {
	end := strings.Index(raw[3:], "\n---")
	if end < 0 {
		return "", 0, atLine(1, 1, errors.New("front matter opened with «---» is never closed: expected a line «---» after it"))
	}
	block = raw[4 : 3+end+1]
	rest = 3 + end + len("\n---")
	if nl := strings.IndexByte(raw[rest:], '\n'); nl >= 0 {
		if strings.TrimSpace(raw[rest:rest+nl]) != "" {
			line := strings.Count(raw[:rest], "\n") + 1
			return "", 0, atLine(line, 4, errors.New("expected nothing after the closing «---»"))
		}
		rest += nl + 1
	} else {
		rest = len(raw)
	}
	return block, rest, nil
}

// readFrontMatter decodes the block between the fences, which starts on
// the file's line 2.
func (a *Article) readFrontMatter(block string) error {
	const first = 2 // the block's first line in the file
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(block), &doc); err != nil {
		msg := err.Error()
		// An unclosed quote runs to the end of the block, where yaml.v3
		// reports it; the mistake is where the quote opens.
		if line, col, q, ok := unclosedQuote(block); ok {
			return atLine(first+line-1, col, fmt.Errorf("front matter is not valid YAML: the quote «%c» that opens here is never closed", q))
		}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			// yaml.v3 counts lines from 1 in scanner errors but from 0
			// in parser errors, which are the «did not find expected»
			// ones (bar one the scanner raises).
			if strings.HasPrefix(m[2], "did not find expected") && !strings.Contains(m[2], "comment or line break") {
				n++
			}
			return atLine(first+n-1, 1, fmt.Errorf("front matter is not valid YAML: %s; expected «key: value» lines", m[2]))
		}
		return atLine(first, 1, fmt.Errorf("front matter is not valid YAML: %s", strings.TrimPrefix(msg, "yaml: ")))
	}
	if len(doc.Content) == 0 {
		return nil // an empty block
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return atLine(first+root.Line-1, root.Column, fmt.Errorf("front matter is %s; expected «key: value» lines", describe(root)))
	}
	pos := func(n *yaml.Node) (int, int) { return first + n.Line - 1, n.Column }
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if seen[key] {
			l, c := pos(k)
			return atLine(l, c, fmt.Errorf("%s is set twice", key))
		}
		seen[key] = true
		switch key {
		case "title", "source", "slug", "date":
			if v.Kind != yaml.ScalarNode {
				l, c := pos(v)
				return atLine(l, c, fmt.Errorf("%s: expected text, found %s", key, describe(v)))
			}
			val := strings.TrimSpace(v.Value)
			switch key {
			case "title":
				a.Title = val
			case "source":
				a.Source = val
			case "slug":
				if val != "" {
					a.Slug = Slugify(val)
				}
			case "date":
				if val == "" {
					continue
				}
				d, err := parseDate(val)
				if err != nil {
					l, c := pos(v)
					return atLine(l, c, err)
				}
				if y := d.Year(); y < minYear || y > maxYear {
					// Such a date is a typo, and the site would show it
					// wrong (year 1 is Go's zero time: no date; year 0
					// prints as -0001): better no date than a wrong one.
					l, c := pos(v)
					a.Warnings = append(a.Warnings, fmt.Sprintf("%s:%d:%d: date %q is outside %d–%d: dropped, the briefing is built without a date",
						a.Path, l, c, val, minYear, maxYear))
					continue
				}
				a.Date = d
			}
		case "tags":
			tags, err := readTags(v)
			if err != nil {
				l, c := pos(v)
				return atLine(l, c, err)
			}
			a.Tags = tags
		default:
			l, c := pos(k)
			a.Warnings = append(a.Warnings, fmt.Sprintf("%s:%d:%d: unknown front matter key %q ignored (atlas reads %s)",
				a.Path, l, c, key, strings.Join(frontMatterKeys, ", ")))
		}
	}
	return nil
}

// readTags accepts a list («[a, b]» or one «- a» per line) or a single
// tag.
func readTags(v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if t := strings.TrimSpace(v.Value); t != "" {
			return []string{t}, nil
		}
		return nil, nil
	case yaml.SequenceNode:
		var tags []string
		for _, t := range v.Content {
			if t.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("tags: expected a list of words, found %s in it", describe(t))
			}
			if s := strings.TrimSpace(t.Value); s != "" {
				tags = append(tags, s)
			}
		}
		return tags, nil
	}
	return nil, fmt.Errorf("tags: expected a list of words, found %s", describe(v))
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%q", n.Value)
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not a date: expected YYYY-MM-DD (or RFC 3339, 2015-10-12T08:30:00+03:00)", s)
}

// unclosedQuote finds the first «key: value» line of a front matter
// block whose value opens a quote that does not close on that line, and
// whose quote then never closes in the block: its line (from 1), the
// quote's column (in characters, from 1) and the quote.
func unclosedQuote(block string) (line, col int, quote rune, ok bool) {
	lines := strings.Split(block, "\n")
	for i, l := range lines {
		k := strings.Index(l, ": ")
		if k < 0 || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		v := strings.TrimLeft(l[k+2:], " \t")
		if v == "" || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		q := rune(v[0])
		if closes(v[1:], q) {
			continue
		}
		// A quoted value may go on over lines: unclosed only if nothing
		// after closes it.
		if closes(strings.Join(lines[i+1:], "\n"), q) {
			continue
		}
		start := len(l) - len(v)
		return i + 1, utf8.RuneCountInString(l[:start]) + 1, q, true
	}
	return 0, 0, 0, false
}

// closes tells whether s holds the end of a value quoted with q: an
// unescaped " for ", a ' not doubled for '.
func closes(s string, q rune) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case rune(s[i]) == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case rune(s[i]) == q:
			return true
		}
	}
	return false
}
