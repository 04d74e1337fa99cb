package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// A good briefing that every fixture folder holds beside the bad one, so
// a build has something to build.
const goodBriefing = "---\ntitle: نشرة سليمة\ndate: 2016-03-01\n---\nقصف مدفعي على مدينة حماة صباح اليوم.\n"

// encode writes s in enc, as Word, old sites and Macs do.
func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	utf16LE = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	utf16BE = xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
)

// oneLine repeated makes a 50 MB file without a line break.
const oneLine = "قصف على حلب وريفها. "

// outsideOut lists what a build left beside its output folder: nothing
// may be written outside --out, not even a staging folder.
func outsideOut(t *testing.T, parent string) []string {
	t.Helper()
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		if e.Name() != "out" && e.Name() != "src" {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestBadInputs runs atlas build over a folder per kind of input that
// real briefings arrive in, good and bad: each gives a correct page or
// the documented error, never a panic and never a file outside --out.
func TestBadInputs(t *testing.T) {
	const aleppo = "قصف على مدينة حلب وريفها الشمالي.\n"
	latin1 := encode(t, charmap.ISO8859_1, "Frappe aérienne près d'Alep.\n")
	damaged := []byte(aleppo)
	damaged[3] = 0x20 // the second byte of «ص»
	tests := []struct {
		name  string
		file  string
		data  []byte
		page  string // with no error: the page written, and...
		shows string // ...a text it must show
		err   string // else: the error the user sees
		warn  string // a warning on stderr
	}{
		{name: "utf-8 with bom", file: "bom.md", data: append([]byte("\xEF\xBB\xBF# عنوان\n"), aleppo...), page: "articles/bom.html", shows: `class="mention"`},
		{name: "utf-16le", file: "word.txt", data: encode(t, utf16LE, "نشرة من وورد\n"+aleppo), page: "articles/word.html", shows: "نشرة من وورد"},
		{name: "utf-16be", file: "mac.txt", data: encode(t, utf16BE, "نشرة\r\n"+aleppo), page: "articles/mac.html", shows: `class="mention"`},
		{name: "windows-1256", file: "old-site.txt", data: encode(t, charmap.Windows1256, "نشرة قديمة\r\n"+aleppo), page: "articles/old-site.html", shows: "نشرة قديمة"},
		{name: "crlf front matter", file: "crlf.md", data: []byte("---\r\ntitle: عنوان ويندوز\r\n---\r\n" + aleppo), page: "articles/crlf.html", shows: "عنوان ويندوز"},
		{name: "cr line ends", file: "cr.txt", data: []byte("عنوان ماك\r" + aleppo), page: "articles/cr.html", shows: "عنوان ماك"},
		{name: "presentation forms", file: "pdf.txt", data: []byte("من ملف PDF\nﻗﺼﻒ ﻋﻠﻰ ﺣﻠﺐ.\n"), page: "articles/pdf.html", shows: `class="mention" id="m-0" href="#map" data-m="0">ﺣﻠﺐ</a>`},
		{name: "persian letters", file: "fa.txt", data: []byte("عنوان\nاشتباكات في کوباني.\n"), page: "articles/fa.html", shows: `data-m="0">کوباني</a>`},
		{name: "arabic file name", file: "حلب اليوم.md", data: []byte(aleppo), page: "articles/حلب-اليوم.html", shows: "حلب"},
		{name: "empty file", file: "empty.md", data: nil, page: "articles/empty.html", shows: `<h1 dir="auto">empty</h1>`},
		{name: "unknown key", file: "typo.md", data: []byte("---\ntitel: خطأ\n---\n" + aleppo), page: "articles/typo.html", shows: "حلب", warn: `typo.md:2:1: unknown front matter key "titel" ignored`},
		{name: "pasted html", file: "html.md", data: []byte("<div style=\"x\">نص</div>\n\n" + aleppo), page: "articles/html.html", shows: "&lt;div style="},

		{name: "latin-1", file: "latin.txt", data: latin1, err: "latin.txt: at byte 8: bytes 0xE9 0x72 are not UTF-8, and the file does not read as Windows-1256 Arabic either; save it as UTF-8"},
		{name: "damaged utf-8", file: "damaged.txt", data: damaged, err: "damaged.txt: at byte 2: bytes 0xD8 0x20 are not UTF-8"},
		{name: "utf-16 without bom", file: "nobom.txt", data: encode(t, utf16LE, aleppo)[2:], err: "nobom.txt: at byte 7: a NUL byte: this is not a text file, or it is UTF-16 without a byte-order mark"},
		{name: "binary", file: "photo.md", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), err: "photo.md: at byte "},
		{name: "unclosed front matter", file: "open.md", data: []byte("---\ntitle: x\n" + aleppo), err: "open.md:1:1: front matter opened with «---» is never closed"},
		{name: "bad yaml", file: "yaml.md", data: []byte("---\ntitle: x\ndate: 2016-01-01\n   : [\n---\n"), err: "yaml.md:4:1: front matter is not valid YAML"},
		{name: "bad date", file: "date.md", data: []byte("---\ntitle: x\ndate: أمس\n---\n"), err: `date.md:3:7: date "أمس" is not a date: expected YYYY-MM-DD`},
		{name: "title is a list", file: "list.md", data: []byte("---\ntitle: [a, b]\n---\n"), err: "list.md:2:8: title: expected text, found a list"},
		{name: "too large", file: "huge.txt", data: bytes.Repeat([]byte("حلب "), 12<<20/7), err: "huge.txt: 12 MB is over the 10 MB limit for one briefing"},
		{name: "50 MB on one line", file: "line.txt", data: bytes.Repeat([]byte(oneLine), 50<<20/len(oneLine)), err: "line.txt: 50 MB is over the 10 MB limit for one briefing"},
		{name: "no slug", file: "---.md", data: []byte(aleppo), err: "---.md: no usable slug"},
		{name: "same slug", file: "b.md", data: []byte("---\nslug: good\n---\n" + aleppo), err: "good.md: has the slug \"good\", which b.md already has"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each builds its own folders, with no cache
			tmp := t.TempDir()
			src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
			os.MkdirAll(src, 0o755)
			os.WriteFile(filepath.Join(src, "good.md"), []byte(goodBriefing), 0o644)
			if err := os.WriteFile(filepath.Join(src, tt.file), tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"build", "--cache-dir", "none", "-s", src, "-o", out}
			if tt.warn == "" {
				args = append(args, "-q")
			}
			_, stderr, err := run(t, args...)
			if left := outsideOut(t, tmp); len(left) > 0 {
				t.Errorf("the build left %v beside --out", left)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				if _, serr := os.Stat(out); serr == nil {
					t.Error("a failed build created --out")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			page, rerr := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.page)))
			if rerr != nil {
				t.Fatal(rerr)
			}
			if !strings.Contains(string(page), tt.shows) {
				t.Errorf("%s does not show %q", tt.page, tt.shows)
			}
			if tt.warn != "" && !strings.Contains(stderr, tt.warn) {
				t.Errorf("stderr %q lacks the warning %q", stderr, tt.warn)
			}
		})
	}
}

// TestEveryProblemAtOnce checks the failure policy: all problems are
// reported together and --out is untouched; --keep-going builds the rest.
func TestEveryProblemAtOnce(t *testing.T) {
	tmp := t.TempDir()
	src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "good.md"), []byte(goodBriefing), 0o644)
	if _, _, err := run(t, "build", "-q", "-s", src, "-o", out); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	bad := map[string]string{
		"a.md": "---\ndate: 31/12/2016\n---\n",
		"b.md": "---\ntitle: x\n",
		"c.md": "---\ntags: {a: 1}\n---\n",
	}
	for name, data := range bad {
		os.WriteFile(filepath.Join(src, name), []byte(data), 0o644)
	}
	os.WriteFile(filepath.Join(src, "second.md"), []byte(strings.Replace(goodBriefing, "سليمة", "ثانية", 1)), 0o644)
	_, _, err := run(t, "build", "-q", "-s", src, "-o", out)
	if err == nil {
		t.Fatal("a folder with bad briefings built")
	}
	msg := err.Error()
	for _, want := range []string{"3 problems, so nothing was written", "a.md:2:7:", "b.md:1:1:", "c.md:2:7:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if after := tree(t, out); !sameTree(before, after) {
		t.Error("a failed build changed --out")
	}

	// The site is built, and the status says briefings were left out.
	_, stderr, err := run(t, "build", "--keep-going", "-s", src, "-o", out)
	if err == nil || exitStatus(err) != exitSkipped || !strings.Contains(err.Error(), "skipped 3 briefings") {
		t.Fatalf("--keep-going with 3 bad briefings: %v (status %d), want status %d", err, exitStatus(err), exitSkipped)
	}
	for _, want := range []string{"skipped   a.md:2:7:", "skipped   b.md:1:1:", "skipped   c.md:2:7:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "articles/second.html")); err != nil {
		t.Error("--keep-going did not build the valid briefing")
	}
}

func sameTree(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(b[k], v) {
			return false
		}
	}
	return true
}

// TestSymlinksStayInside checks that a link out of the source folder is
// refused by name, and one inside it is read.
func TestSymlinksStayInside(t *testing.T) {
	tmp := t.TempDir()
	src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
	os.MkdirAll(filepath.Join(src, "sub"), 0o755)
	os.WriteFile(filepath.Join(src, "good.md"), []byte(goodBriefing), 0o644)
	os.WriteFile(filepath.Join(tmp, "private.md"), []byte("# سري\n"), 0o644)
	if err := os.Symlink(filepath.Join(tmp, "private.md"), filepath.Join(src, "leak.md")); err != nil {
		t.Skip(err)
	}
	os.Symlink("../good.md", filepath.Join(src, "sub", "alias.md"))
	os.Symlink(tmp, filepath.Join(src, "all")) // a folder link: not walked
	_, _, err := run(t, "build", "-q", "-s", src, "-o", out)
	if err == nil || !strings.Contains(err.Error(), "leak.md: a symbolic link to "+filepath.Join(tmp, "private.md")+", outside the source folder: not followed") {
		t.Fatalf("error %v", err)
	}
	os.Remove(filepath.Join(src, "leak.md"))
	if _, _, err := run(t, "build", "-q", "-s", src, "-o", out); err != nil {
		t.Fatal(err)
	}
	// The link inside the folder is read, as its own briefing.
	if page, _ := os.ReadFile(filepath.Join(out, "articles/alias.html")); !strings.Contains(string(page), "نشرة سليمة") {
		t.Error("a link inside the source was not read")
	}
	if _, err := os.Stat(filepath.Join(out, "articles/private.html")); err == nil {
		t.Error("a file outside the source was published")
	}
}

// TestForceAndForeignFiles checks --force: atlas writes into a folder it
// did not create and still removes nothing of the user's.
func TestForceAndForeignFiles(t *testing.T) {
	tmp := t.TempDir()
	src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
	os.MkdirAll(src, 0o755)
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(src, "good.md"), []byte(goodBriefing), 0o644)
	os.WriteFile(filepath.Join(out, "CNAME"), []byte("atlas.example.org\n"), 0o644)
	if _, _, err := run(t, "build", "-q", "-s", src, "-o", out); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("error %v, want a refusal that mentions --force", err)
	}
	if _, _, err := run(t, "build", "-q", "--force", "-s", src, "-o", out); err != nil {
		t.Fatal(err)
	}
	// A rebuild without the briefing removes its page, not CNAME.
	os.Rename(filepath.Join(src, "good.md"), filepath.Join(src, "other.md"))
	if _, _, err := run(t, "build", "-q", "-s", src, "-o", out); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "CNAME")); string(data) != "atlas.example.org\n" {
		t.Error("the user's CNAME was touched")
	}
	if _, err := os.Stat(filepath.Join(out, "articles/good.html")); err == nil {
		t.Error("the page of a removed briefing stayed")
	}
}

// TestBuildIsDeterministic builds the sample twice, from scratch, into
// different folders and compares every file byte for byte.
func TestBuildIsDeterministic(t *testing.T) {
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "second-output")
	for _, out := range []string{a, b} {
		if _, _, err := run(t, "build", "-q", "--clean", "--cache-dir", "none", "-s", "../../examples/briefings", "-o", out, "--base-url", "https://example.org/atlas/"); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	var names []string
	for name := range ta {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) < 200 {
		t.Fatalf("only %d files", len(names))
	}
	for _, name := range names {
		if !bytes.Equal(ta[name], tb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if len(ta) != len(tb) {
		t.Errorf("%d files and %d files", len(ta), len(tb))
	}
}

// asMain runs this test binary as atlas (ATLAS_TEST_AS_MAIN=1). With
// ATLAS_TEST_PAUSE_AFTER set, the build stops after writing a log line
// that starts with it until it is interrupted, so that an interrupt lands
// in that stage however fast or slow the machine is.
func asMain() {
	ctx, stop := stoppable(context.Background())
	var stderr io.Writer = os.Stderr
	if stage := os.Getenv("ATLAS_TEST_PAUSE_AFTER"); stage != "" {
		stderr = &pauseAfter{ctx: ctx, w: os.Stderr, prefix: []byte(stage)}
	}
	code := atlas(ctx, os.Args[1:], os.Stdout, stderr)
	stop()
	os.Exit(code)
}

// pauseAfter passes writes to w; one that starts with prefix returns only
// once ctx is done.
type pauseAfter struct {
	ctx    context.Context
	w      io.Writer
	prefix []byte
}

func (p *pauseAfter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	if bytes.HasPrefix(b, p.prefix) {
		<-p.ctx.Done()
	}
	return n, err
}

// TestInterruptKeepsOldSite stops an atlas build with each signal that
// ends a process in a terminal, on CI or in a container (SIGINT, SIGTERM,
// SIGHUP) while it reads and while it renders: the build stops, says
// so, and leaves the previous site and nothing else.
func TestInterruptKeepsOldSite(t *testing.T) {
	tmp := t.TempDir()
	src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
	os.MkdirAll(src, 0o755)
	var texts []string
	for _, name := range briefings(t, "../../examples/briefings") {
		if strings.HasSuffix(name, ".txt") {
			data, err := os.ReadFile(filepath.Join("../../examples/briefings", name))
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	os.WriteFile(filepath.Join(src, "first.txt"), []byte(texts[0]), 0o644)
	if _, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	for i := range 60 {
		os.WriteFile(filepath.Join(src, fmt.Sprintf("b%04d.txt", i)), []byte(texts[i%len(texts)]), 0o644)
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		for _, stage := range []string{"read ", "analysed "} {
			cmd := exec.Command(os.Args[0], "build", "--cache-dir", "none", "-s", src, "-o", out)
			cmd.Env = append(os.Environ(), "ATLAS_TEST_AS_MAIN=1", "ATLAS_TEST_PAUSE_AFTER="+stage)
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var log strings.Builder
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				log.WriteString(sc.Text() + "\n")
				if strings.HasPrefix(sc.Text(), stage) {
					cmd.Process.Signal(sig)
					break
				}
			}
			for sc.Scan() {
				log.WriteString(sc.Text() + "\n")
			}
			err = cmd.Wait()
			if err == nil {
				t.Fatalf("%v after %q: the interrupted build succeeded:\n%s", sig, stage, log.String())
			}
			if !strings.Contains(log.String(), "build interrupted") || !strings.Contains(log.String(), "was not changed") {
				t.Errorf("%v after %q: stderr does not say the build was interrupted:\n%s", sig, stage, log.String())
			}
			if !sameTree(before, tree(t, out)) {
				t.Errorf("%v after %q: the interrupted build changed --out", sig, stage)
			}
			if left := outsideOut(t, tmp); len(left) > 0 {
				t.Errorf("%v after %q: the interrupted build left %v", sig, stage, left)
			}
		}
	}
}

// TestNoInjection builds briefings whose every field carries markup and
// script, then parses every output file: no injected element, handler,
// javascript: link or script text may appear; inline scripts must be
// pure JSON data; data scripts must not be able to close a <script>.
func TestNoInjection(t *testing.T) {
	tmp := t.TempDir()
	src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
	os.MkdirAll(src, 0o755)
	// Every payload calls pwn…: a marker that must never reach a place
	// where a browser would run it.
	const payload = `<script>pwn1()</script>"><img src=x onerror=pwn2()></script><script>pwn3()</script>' onmouseover='pwn4()`
	files := map[string]string{
		`<script>pwn5()<script>.md`: "---\ntitle: \"عنوان <script>pwn6()</script>\\\"><img src=x onerror=pwn7()>\"\n" +
			"source: \"javascript:pwn8()\"\ntags: [\"<b onmouseover=pwn9()>\", \"</script><script>pwn10()</script>\"]\ndate: 2016-02-02\n---\n" +
			"قصف على مدينة حلب " + payload + "\n\n" +
			"<script>pwn11()</script>\n\n<img src=x onerror=pwn12()>\n\n" +
			"[انقر](javascript:pwn13()) و[هنا](JaVaScRiPt:pwn14()) و![صورة](javascript:pwn15())\n\n" +
			"<a href=\"javascript:pwn16()\">رابط</a> ثم اشتباكات في قرية </script><svg onload=pwn17()> قرب إدلب.\n",
		"svg.txt": "<svg onload=pwn18()>\u2028\u2029 عنوان\nقصف على حماة <iframe src=javascript:pwn19()></iframe>.\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err := run(t, "build", "-q", "--cache-dir", "none", "-s", src, "-o", out,
		"--title", `أطلس <script>pwn20()</script>`, "--base-url", "https://example.org/atlas/")
	if err != nil {
		t.Fatal(err)
	}
	files2 := tree(t, out)
	if _, ok := files2["articles/script-pwn5-script.html"]; !ok {
		t.Fatal("the article with a script in its file name was not built as articles/script-pwn5-script.html")
	}
	inline := regexp.MustCompile(`^(?:window\.ATLAS_PAGE = (.*?); )?window\.ATLAS_UI = (.*?); window\.ATLAS_COUNTS = (.*);$`)
	for name, data := range files2 {
		switch {
		case strings.HasSuffix(name, ".html"):
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode {
					for _, a := range n.Attr {
						val := strings.ToLower(strings.TrimSpace(a.Val))
						if strings.HasPrefix(a.Key, "on") {
							t.Errorf("%s: <%s %s=%q>: an event handler", name, n.Data, a.Key, a.Val)
						}
						if (a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "formaction") && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:")) {
							t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
						}
					}
					switch n.Data {
					case "iframe", "object", "embed", "frame", "style", "link", "meta", "base":
						if strings.Contains(renderNode(n), "pwn") {
							t.Errorf("%s: an injected <%s>", name, n.Data)
						}
					case "svg", "img", "form", "a":
						for _, a := range n.Attr {
							// The sanitised slug script-pwn5-script may be linked.
							if strings.Contains(strings.ReplaceAll(a.Val, "script-pwn5-script", ""), "pwn") && a.Key != "alt" && a.Key != "title" && a.Key != "aria-label" {
								t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
							}
						}
					case "script":
						if hasAttr(n, "src") {
							if src := attr(n, "src"); strings.Contains(src, "pwn") || (strings.Contains(src, ":") && !strings.HasPrefix(src, "https://example.org/atlas/")) {
								t.Errorf("%s: <script src=%q>", name, src)
							}
						} else {
							text := ""
							if n.FirstChild != nil {
								text = n.FirstChild.Data
							}
							m := inline.FindStringSubmatch(text)
							if m == nil || (m[1] != "" && !json.Valid([]byte(m[1]))) || !json.Valid([]byte(m[2])) || !json.Valid([]byte(m[3])) {
								t.Errorf("%s: an inline script that is not JSON data: %.200q", name, text)
							}
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
		case strings.HasSuffix(name, ".js") && strings.HasPrefix(name, "data/"):
			s := string(data)
			if strings.Contains(s, "<") || strings.ContainsAny(s, "\u2028\u2029") {
				t.Errorf("%s: raw <, U+2028 or U+2029 in script data", name)
			}
		case strings.HasSuffix(name, ".xml"):
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				tok, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: not well-formed XML: %v", name, err)
				}
				if el, ok := tok.(xml.StartElement); ok && (el.Name.Local == "script" || el.Name.Local == "img") {
					t.Errorf("%s: an injected <%s>", name, el.Name.Local)
				}
			}
		}
	}
	// A base URL that is not a plain http(s) address is refused.
	for _, bad := range []string{"javascript:pwn22()", "https://example.org/<script>pwn23()</script>/", "example.org", "ftp://example.org/"} {
		if _, _, err := run(t, "build", "-q", "-s", src, "-o", filepath.Join(tmp, "other"), "--base-url", bad); err == nil || !strings.Contains(err.Error(), "--base-url") {
			t.Errorf("--base-url %q: error %v", bad, err)
		}
	}
	// The payloads are shown, as text, where the user put them.
	page := string(files2["articles/script-pwn5-script.html"])
	for _, want := range []string{"عنوان &lt;script&gt;pwn6()&lt;/script&gt;", "&lt;script&gt;pwn11()&lt;/script&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("the article does not show %q as text", want)
		}
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func renderNode(n *html.Node) string {
	var b bytes.Buffer
	html.Render(&b, n)
	return b.String()
}
