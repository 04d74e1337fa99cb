// Package content reads briefings: Markdown files with YAML front matter
// and plain-text files with no metadata at all.
package content

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/cespare/xxhash/v2"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
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
	// Raw is the whole file as decoded text with "\n" line ends; Body is
	// what follows the front matter, and BodyOffset the number of code
	// points before it, so offsets into Body convert to offsets into Raw.
	Raw        string
	Body       string
	BodyOffset int
	// Encoding is how the file's bytes were decoded.
	Encoding Encoding
	// Warnings are problems that did not stop the article, each naming
	// the file and line.
	Warnings []string
	// front is the front matter's bytes as read, and sum the file's hash
	// (Reread compares them).
	front string
	sum   uint64
}

// DefaultMaxFileSize is the largest briefing read unless Options says
// otherwise: far above any real briefing, far below what would strain a
// build's memory.
const DefaultMaxFileSize = 10 << 20

// Options configure reading.
type Options struct {
	// MaxFileSize is the largest file read, in bytes; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// TextBudget, when above 0, makes ReadAll keep the articles' texts
	// only when they total at most this many bytes, and otherwise drop
	// every text (Raw and Body ""), as soon as the total is past it; below
	// 0, no text is kept. That is for a caller that reads the files again
	// with Read when it needs their texts: an archive's texts need not
	// all be in memory at once, and a small one is read once.
	TextBudget int64
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// ReadAll reads every *.md, *.markdown and *.txt file under fsys, sorted
// by path. Hidden files and folders are skipped. A file that cannot be
// read does not stop the others: ReadAll returns every article it could
// read and, joined, an error for each file it could not (an *Error each).
func ReadAll(fsys fs.FS, opt Options) ([]*Article, error) {
	var paths []string
	var errs []error
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			errs = append(errs, &Error{Path: p, Err: err})
			return nil
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
	read := make([]*Article, len(paths))
	readErrs := make([]error, len(paths))
	// Reading and decoding is a tenth of a large build: use every core.
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex // guards read, readErrs, kept and budget
	var kept int64    // bytes of text read
	budget := opt.TextBudget
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a, err := Read(fsys, paths[i], opt)
				mu.Lock()
				read[i], readErrs[i] = a, err
				if a != nil {
					kept += int64(len(a.Raw))
				}
				switch {
				case a == nil || budget == 0:
				case budget < 0:
					a.Raw, a.Body = "", ""
				case kept > budget:
					// Past the budget: drop what was kept so far too.
					for _, b := range read {
						if b != nil {
							b.Raw, b.Body = "", ""
						}
					}
					budget = -1
				}
				mu.Unlock()
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	articles := make([]*Article, 0, len(paths))
	slugs := map[string]string{}
	for i, p := range paths {
		a, err := read[i], readErrs[i]
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if other, dup := slugs[a.Slug]; dup {
			errs = append(errs, &Error{Path: p, Err: fmt.Errorf("has the slug %q, which %s already has; set «slug:» in one of them", a.Slug, other)})
			continue
		}
		slugs[a.Slug] = p
		articles = append(articles, a)
	}
	return articles, errors.Join(errs...)
}

func isArticle(name string) bool {
	if strings.EqualFold(name, "README.md") {
		return false
	}
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown" || ext == ".txt"
}

// Read reads one article, refusing files over the size limit before
// reading them. What fsys refuses (sitedir: links out of the folder,
// named pipes) is an error naming the file.
func Read(fsys fs.FS, p string, opt Options) (*Article, error) {
	data, err := readFile(fsys, p, opt)
	if err != nil {
		return nil, err
	}
	a, err := Parse(p, data)
	if a != nil {
		a.sum = xxhash.Sum64(data)
	}
	return a, err
}

// Reread reads p again for its text, after prev, which Read or ReadAll
// gave and whose text was not kept. When the front matter is the same
// bytes as prev's, the metadata is prev's, not parsed again: YAML was
// most of the cost of reading an archive's briefings a second time.
func Reread(fsys fs.FS, p string, opt Options, prev *Article) (*Article, error) {
	data, err := readFile(fsys, p, opt)
	if err != nil {
		return nil, err
	}
	sum := xxhash.Sum64(data)
	if prev.Format != Markdown || prev.front == "" {
		a, err := Parse(p, data)
		if a != nil {
			a.sum = sum
		}
		return a, err
	}
	var raw string
	var enc Encoding
	if sum == prev.sum && (prev.Encoding == UTF8 || prev.Encoding == UTF8BOM) {
		// The bytes read first, which were valid: only the text is
		// wanted again.
		text := data
		if prev.Encoding == UTF8BOM {
			text = data[3:] // the same bytes: the mark is there
		}
		raw, enc = normalizeNewlines(string(text)), prev.Encoding
	} else if raw, enc, err = Decode(data); err != nil || enc != prev.Encoding {
		return Parse(p, data)
	}
	if !strings.HasPrefix(raw, "---\n") {
		return Parse(p, data)
	}
	block, rest, err := frontMatterOf(raw)
	if err != nil || block != prev.front {
		return Parse(p, data)
	}
	a := *prev
	a.Raw, a.Body, a.BodyOffset, a.sum = raw, raw[rest:], utf8.RuneCountInString(raw[:rest]), sum
	a.Warnings = slices.Clone(prev.Warnings)
	a.Tags = slices.Clone(prev.Tags)
	return &a, nil
}

// readFile reads p's bytes, refusing a file over the size limit.
func readFile(fsys fs.FS, p string, opt Options) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		// The error names the file already; say it once.
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == p {
			err = pe.Err
		}
		return nil, &Error{Path: p, Err: err}
	}
	defer f.Close()
	limit := opt.maxSize()
	var size int64
	if st, err := f.Stat(); err == nil {
		if size = st.Size(); size > limit {
			return nil, &Error{Path: p, Err: tooLarge(size, limit)}
		}
	}
	// The size a file claims can change under us: read one byte past the
	// limit at most, into a buffer of the claimed size (io.ReadAll would
	// grow one from 512 bytes).
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, &Error{Path: p, Err: err}
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, &Error{Path: p, Err: tooLarge(int64(len(data)), limit)}
	}
	return data, nil
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%s is over the %s limit for one briefing (raise it with --max-file-size or max_file_size)", megabytes(size), megabytes(limit))
}

// megabytes shows a size the way a file manager would.
func megabytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".0") + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// Parse reads one article from its bytes; p names it in errors and gives
// its format and default slug.
func Parse(p string, data []byte) (*Article, error) {
	raw, enc, err := Decode(data)
	if err != nil {
		return nil, inFile(p, err)
	}
	base := path.Base(p)
	a := &Article{Path: p, Raw: raw, Body: raw, Format: Text, Encoding: enc}
	a.Slug = Slugify(strings.TrimSuffix(base, path.Ext(base)))
	if ext := strings.ToLower(path.Ext(p)); ext == ".md" || ext == ".markdown" {
		a.Format = Markdown
		if err := a.splitFrontMatter(); err != nil {
			return nil, inFile(p, err)
		}
	} else {
		a.Title = firstLine(raw)
	}
	if a.Title == "" {
		a.Title = strings.TrimSuffix(base, path.Ext(base))
	}
	if a.Slug == "" {
		return nil, &Error{Path: p, Err: errors.New("no usable slug: the file name has no letters or digits; set «slug:» in its front matter")}
	}
	return a, nil
}

// maxTitle caps a title taken from the text: a file that is one long
// line must not become a megabyte-long heading.
const maxTitle = 200

// firstLine is the first non-blank line, cut to maxTitle code points.
func firstLine(s string) string {
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		if t := strings.TrimSpace(line); t != "" {
			return clip(t, maxTitle)
		}
		s = rest
	}
	return ""
}

// firstHeading is the text of the first «#» line.
func firstHeading(s string) string {
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "#") {
			return clip(strings.TrimSpace(strings.TrimLeft(t, "#")), maxTitle)
		}
		s = rest
	}
	return ""
}

// clip cuts s to n code points, marking the cut.
func clip(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j]) + "…"
		}
		i++
	}
	return s
}

// maxSlug caps a slug in code points: file systems allow 255 bytes a
// name, and an Arabic letter takes two.
const maxSlug = 80

// Slugify makes a file-name-safe slug. Letters of any script and digits
// are kept as written (Arabic is not transliterated: browsers and GitHub
// Pages serve such names, and readers recognise them), upper case is
// lowered, and every other run of characters (spaces, punctuation, path
// separators, dots, control and bidi characters) becomes one hyphen;
// hyphens never start or end a slug, and it is cut to 80 code points.
// So a slug can never name a parent folder, a hidden file or another
// folder, and an empty result is refused by the caller.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sep := dash && b.Len() > 0
			if sep && n+2 > maxSlug || n+1 > maxSlug {
				break
			}
			if sep {
				b.WriteByte('-')
				n++
			}
			dash = false
			b.WriteRune(r)
			n++
			continue
		}
		dash = true
	}
	return b.String()
}
