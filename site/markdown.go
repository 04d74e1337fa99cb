package site

import (
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// span is a mention's place in an article body, in bytes of the body.
type span struct {
	start, stop int
	index       int // the mention's number on its page
	// quote is the bytes of the sentence a place page shows with the
	// mention (its sentence, trimmed and clipped: see setQuotes), and
	// clipped whether an ellipsis follows; empty for a mention no place
	// page lists.
	quote   [2]int
	clipped bool
}

// kindMention is the goldmark node for a place mention inside text.
var kindMention = ast.NewNodeKind("PlaceMention")

type mentionNode struct {
	ast.BaseInline
	index int
}

func (n *mentionNode) Kind() ast.NodeKind { return kindMention }

func (n *mentionNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Index": fmt.Sprint(n.index)}, nil)
}

var spansKey = parser.NewContextKey()

// mentionLinker splits goldmark text nodes around mention spans, so that
// each mention renders as a link to the map. A mention that crosses an
// inline boundary (half bold, half not) is left as text.
type mentionLinker struct{}

func (mentionLinker) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	spans, _ := pc.Get(spansKey).([]span)
	if len(spans) == 0 {
		return
	}
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			if _, isMention := t.Parent().(*mentionNode); !isMention {
				texts = append(texts, t)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		seg := t.Segment
		i := sort.Search(len(spans), func(i int) bool { return spans[i].stop > seg.Start })
		parent := t.Parent()
		cur := t
		for ; i < len(spans) && spans[i].start < seg.Stop; i++ {
			sp := spans[i]
			if sp.start < cur.Segment.Start || sp.stop > seg.Stop {
				continue
			}
			before := ast.NewTextSegment(text.NewSegment(cur.Segment.Start, sp.start))
			m := &mentionNode{index: sp.index}
			m.AppendChild(m, ast.NewTextSegment(text.NewSegment(sp.start, sp.stop)))
			after := ast.NewTextSegment(text.NewSegment(sp.stop, seg.Stop))
			after.SetSoftLineBreak(cur.SoftLineBreak())
			after.SetHardLineBreak(cur.HardLineBreak())
			if before.Segment.Len() > 0 {
				parent.InsertBefore(parent, cur, before)
			}
			parent.InsertBefore(parent, cur, m)
			parent.ReplaceChild(parent, cur, after)
			cur = after
		}
	}
}

type mentionRenderer struct{}

func (mentionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMention, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			fmt.Fprintf(w, `<a class="mention" id="m-%d" href="#map" data-m="%d">`, n.(*mentionNode).index, n.(*mentionNode).index)
		} else {
			w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	})
}

// rawHTMLAsText shows raw HTML in a briefing as the text it is: pasted
// markup is the briefing's content, and dropping it (goldmark's default)
// would lose words, while passing it through would let a briefing run
// scripts on a public site.
type rawHTMLAsText struct{}

func (rawHTMLAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				w.WriteString(html.EscapeString(string(seg.Value(src))))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		w.WriteString(`<p class="raw-html">`)
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			if i > 0 {
				w.WriteString("<br>")
			}
			seg := lines.At(i)
			w.WriteString(html.EscapeString(strings.TrimRight(string(seg.Value(src)), "\n")))
		}
		if b.HasClosure() {
			w.WriteString("<br>")
			w.WriteString(html.EscapeString(strings.TrimRight(string(b.ClosureLine.Value(src)), "\n")))
		}
		w.WriteString("</p>\n")
		return ast.WalkContinue, nil
	})
}

// newMarkdown is goldmark as atlas uses it: CommonMark with mention links;
// raw HTML in briefings is shown as text unless the site opts in.
func newMarkdown(unsafeHTML bool) goldmark.Markdown {
	nodes := []util.PrioritizedValue{util.Prioritized(mentionRenderer{}, 500)}
	opts := []goldmark.Option{
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(mentionLinker{}, 999))),
	}
	if unsafeHTML {
		opts = append(opts, goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	} else {
		nodes = append(nodes, util.Prioritized(rawHTMLAsText{}, 400))
	}
	opts = append(opts, goldmark.WithRendererOptions(renderer.WithNodeRenderers(nodes...)))
	return goldmark.New(opts...)
}

// renderMarkdown renders body with mention spans (in bytes of body).
func renderMarkdown(md goldmark.Markdown, body string, spans []span) (string, error) {
	var buf bytes.Buffer
	// The HTML is the text and its mention links: size it once.
	buf.Grow(len(body) + len(spans)*80 + 256)
	pc := parser.NewContext()
	pc.Set(spansKey, spans)
	if err := md.Convert([]byte(body), &buf, parser.WithContext(pc)); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// renderText renders a plain-text briefing; blank lines separate
// paragraphs. When titled, its first line is the title, returned apart as
// heading (with its mentions linked, so every mention has its anchor on
// the page); otherwise (a first line too long to be the whole title) the
// first line is the body's first line, and heading is "".
func renderText(body string, spans []span, titled bool) (heading, html string) {
	var h, b strings.Builder
	b.Grow(len(body) + len(spans)*80 + 256)
	si := 0
	lineStart := 0
	if titled {
		first := strings.IndexByte(body, '\n')
		if first < 0 {
			first = len(body)
		}
		start, stop := trimmed(body, 0, first)
		linkLine(&h, body, start, stop, spans, &si)
		lineStart = first + 1
	}
	para := false
	for lineStart < len(body) {
		lineEnd := strings.IndexByte(body[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(body)
		} else {
			lineEnd += lineStart
		}
		line := body[lineStart:lineEnd]
		if strings.TrimSpace(line) == "" {
			if para {
				b.WriteString("</p>\n")
				para = false
			}
		} else {
			if !para {
				b.WriteString("<p>")
				para = true
			} else {
				b.WriteString("<br>\n")
			}
			linkLine(&b, body, lineStart, lineEnd, spans, &si)
		}
		lineStart = lineEnd + 1
	}
	if para {
		b.WriteString("</p>\n")
	}
	return h.String(), b.String()
}

// trimmed narrows body[start:stop] to leave out outer white space.
func trimmed(body string, start, stop int) (int, int) {
	line := body[start:stop]
	inner := strings.TrimSpace(line)
	if inner == "" {
		return start, start
	}
	off := strings.Index(line, inner)
	return start + off, start + off + len(inner)
}

// linkLine writes body[start:stop] escaped, with the mentions that lie in
// it as links; *si is the first span not yet written.
func linkLine(b *strings.Builder, body string, start, stop int, spans []span, si *int) {
	for *si < len(spans) && spans[*si].start < start {
		*si++
	}
	pos := start
	for ; *si < len(spans) && spans[*si].stop <= stop; *si++ {
		sp := spans[*si]
		b.WriteString(html.EscapeString(body[pos:sp.start]))
		fmt.Fprintf(b, `<a class="mention" id="m-%d" href="#map" data-m="%d">%s</a>`, sp.index, sp.index, html.EscapeString(body[sp.start:sp.stop]))
		pos = sp.stop
	}
	b.WriteString(html.EscapeString(body[pos:stop]))
}
