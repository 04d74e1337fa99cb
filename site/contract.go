package site

import (
	"reflect"
	"slices"
	"strings"
)

// pageData is the data each page template is executed with; base.html,
// which every page uses, gets the page's, and every one has page's
// members.
var pageData = map[string]reflect.Type{
	"index.html":       reflect.TypeFor[IndexPage](),
	"article.html":     reflect.TypeFor[ArticlePage](),
	"governorate.html": reflect.TypeFor[GovernoratePage](),
	"place.html":       reflect.TypeFor[PlacePage](),
	"events.html":      reflect.TypeFor[EventsPage](),
	"search.html":      reflect.TypeFor[Page](),
	"archive.html":     reflect.TypeFor[ArchivePage](),
	"404.html":         reflect.TypeFor[Page](),
	"base.html":        reflect.TypeFor[Page](),
}

// TemplateData lists what the template name may use of its data, as the
// template writes it (.Title, .EventList), with the Go type of each; the
// members every page has (page's) come last. It is nil for a file that
// is not a page template. Sites that replace a template write to this
// list: atlas keeps it, and a test holds atlas's own templates to it.
func TemplateData(name string) []string {
	t, ok := pageData[name]
	if !ok {
		return nil
	}
	own, shared := members(t), members(reflect.TypeFor[Page]())
	if name == "base.html" {
		// Its "filters" block is used by the index and the events page,
		// its "period" block by governorate pages; both hold "dates".
		return append(shared, ".Shown int (in the \"dates\" block of \"filters\" and \"period\", on the index, events and governorate pages)")
	}
	if t == reflect.TypeFor[Page]() {
		return shared
	}
	var out []string
	for _, m := range own {
		if !slices.Contains(shared, m) {
			out = append(out, m)
		}
	}
	return append(out, shared...)
}

// members are t's exported fields (promoted ones too) and methods, each
// as ".Name type", in their declared order, methods after fields.
func members(t reflect.Type) []string {
	var out []string
	for _, f := range reflect.VisibleFields(t) {
		if f.IsExported() && !f.Anonymous {
			out = append(out, "."+f.Name+" "+typeName(f.Type))
		}
	}
	for i := range t.NumMethod() {
		m := t.Method(i)
		var in []string
		for j := 1; j < m.Type.NumIn(); j++ {
			in = append(in, typeName(m.Type.In(j)))
		}
		sig := ""
		if len(in) > 0 {
			sig = " (" + strings.Join(in, ", ") + ")"
		}
		out = append(out, "."+m.Name+sig+" "+typeName(m.Type.Out(0)))
	}
	return out
}

// typeName is t as a template author reads it: without package paths,
// and "template.HTML" as HTML, written as it is.
func typeName(t reflect.Type) string {
	s := t.String()
	for _, pkg := range []string{"site.", "geo.", "template.", "events.", "extract."} {
		s = strings.ReplaceAll(s, pkg, "")
	}
	return s
}

// TemplateFuncs are the functions every template may call, each with its
// Go signature: the page addresses (articleHref, placeHref, govHref, archiveHref), the
// translation of a phrase (t) and the helpers the pages use.
func TemplateFuncs() []string {
	var out []string
	for name, f := range funcs {
		out = append(out, name+" "+strings.TrimPrefix(typeName(reflect.TypeOf(f)), "func"))
	}
	out = append(out, "t (string) string", "count (int, string) (string, error)")
	slices.Sort(out)
	return out
}
