// Package content reads briefings: Markdown files with YAML front matter
// and plain-text files with no metadata at all.
package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Format is how an article's body is written.
type Format string

// Formats of article bodies.
const (
	Markdown Format = "markdown"
	Text     Format = "text"
)

// Article is one briefing as read from disk.
type Article struct {
	Path   string // slash-separated, relative to the content folder
	Slug   string
	Title  string
	Date   time.Time // zero when the file gives none
	Source string
	Tags   []string
	Format Format
	// Raw is the whole file as decoded text; Body is what follows the
	// front matter, and BodyOffset the number of code points before it,
	// so offsets into Body convert to offsets into the file.
	Raw        string
	Body       string
	BodyOffset int
}

// frontMatter is the metadata a Markdown briefing may carry.
type frontMatter struct {
	Title  string   `yaml:"title"`
	Date   string   `yaml:"date"`
	Source string   `yaml:"source"`
	Slug   string   `yaml:"slug"`
	Tags   []string `yaml:"tags"`
}

// dateLayouts are the date forms accepted in front matter.
var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04", "2006-01-02T15:04"}

// ReadAll reads every *.md and *.txt file under fsys, sorted by path.
// Hidden files and folders are skipped.
func ReadAll(fsys fs.FS) ([]*Article, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isArticle(name) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	articles := make([]*Article, 0, len(paths))
	slugs := map[string]string{}
	for _, p := range paths {
		a, err := Read(fsys, p)
		if err != nil {
			return nil, err
		}
		if other, dup := slugs[a.Slug]; dup {
			return nil, fmt.Errorf("%s and %s: both have the slug %q", other, p, a.Slug)
		}
		slugs[a.Slug] = p
		articles = append(articles, a)
	}
	return articles, nil
}

func isArticle(name string) bool {
	if strings.EqualFold(name, "README.md") {
		return false
	}
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown" || ext == ".txt"
}

// Read reads one article.
func Read(fsys fs.FS, p string) (*Article, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	return Parse(p, data)
}

// Parse reads one article from its bytes; p names it in errors and gives
// its format and default slug.
func Parse(p string, data []byte) (*Article, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8", p)
	}
	raw := string(data)
	base := path.Base(p)
	a := &Article{Path: p, Raw: raw, Body: raw, Format: Text}
	a.Slug = Slugify(strings.TrimSuffix(base, path.Ext(base)))
	if ext := strings.ToLower(path.Ext(p)); ext == ".md" || ext == ".markdown" {
		a.Format = Markdown
		if err := a.splitFrontMatter(); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	} else {
		a.Title = firstLine(raw)
	}
	if a.Title == "" {
		a.Title = strings.TrimSuffix(base, path.Ext(base))
	}
	if a.Slug == "" {
		return nil, fmt.Errorf("%s: no usable slug; set «slug:» in its front matter", p)
	}
	return a, nil
}

// splitFrontMatter reads a leading «---» YAML block, if any.
func (a *Article) splitFrontMatter() error {
	raw := strings.ReplaceAll(a.Raw, "\r\n", "\n")
	if !strings.HasPrefix(raw, "---\n") {
		a.Title = firstHeading(a.Raw)
		return nil
	}
	end := strings.Index(raw[4:], "\n---")
	if end < 0 {
		return fmt.Errorf("line 1: front matter opened with «---» is never closed")
	}
	block := raw[4 : 4+end]
	var fm frontMatter
	if err := yaml.Unmarshal([]byte(block), &fm); err != nil {
		// yaml counts lines from the start of the block, after «---».
		return fmt.Errorf("front matter: %w (line numbers count from line 2)", err)
	}
	// The body starts after the closing line. Offsets are counted in the
	// original text, so locate the closing fence there.
	rest := 4 + end + len("\n---")
	if nl := strings.IndexByte(raw[rest:], '\n'); nl >= 0 {
		rest += nl + 1
	} else {
		rest = len(raw)
	}
	bodyStart := byteIndexInOriginal(a.Raw, raw, rest)
	a.Body = a.Raw[bodyStart:]
	a.BodyOffset = utf8.RuneCountInString(a.Raw[:bodyStart])
	a.Title = strings.TrimSpace(fm.Title)
	a.Source = strings.TrimSpace(fm.Source)
	a.Tags = fm.Tags
	if fm.Slug != "" {
		a.Slug = Slugify(fm.Slug)
	}
	if fm.Date != "" {
		d, err := parseDate(fm.Date)
		if err != nil {
			return err
		}
		a.Date = d
	}
	if a.Title == "" {
		a.Title = firstHeading(a.Body)
	}
	return nil
}

// byteIndexInOriginal maps byte index i of the CRLF-normalised text norm,
// which is at a line start or at the end, back to the original text.
func byteIndexInOriginal(orig, norm string, i int) int {
	if orig == norm {
		return i
	}
	if i >= len(norm) {
		return len(orig)
	}
	lines := strings.Count(norm[:i], "\n")
	for j := 0; j < len(orig); j++ {
		if orig[j] == '\n' {
			if lines--; lines == 0 {
				return j + 1
			}
		}
	}
	return len(orig)
}

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
}

func firstLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

func firstHeading(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "#") {
			return strings.TrimSpace(strings.TrimLeft(t, "#"))
		}
	}
	return ""
}

// Slugify makes a file-name-safe slug: letters (Arabic included) and
// digits kept, everything else folded to single hyphens, lower case.
// Path separators, dots and control or bidi characters never survive.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
