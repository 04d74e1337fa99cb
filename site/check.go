package site

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// BrokenLink is a link or asset reference of a built page that does not
// resolve.
type BrokenLink struct {
	Page, Ref, Why string
}

func (b BrokenLink) String() string { return fmt.Sprintf("%s: %s (%s)", b.Page, b.Ref, b.Why) }

// LinkReport is what CheckLinks found.
type LinkReport struct {
	Pages, Links int
	Broken       []BrokenLink
}

// CheckLinks parses every HTML page under dir and checks each href and
// src: a relative reference must name a file of the site and, with a
// #fragment, an id on that page. baseURL, when given, is the site's own
// address, and absolute references under it are checked the same way;
// any other absolute reference, or one to the host's root, is broken: an
// atlas site must work from disk and under any sub-path.
func CheckLinks(dir, baseURL string) (*LinkReport, error) {
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(pages)
	type ref struct{ page, ref, target, fragment string }
	ids := map[string]map[string]bool{}
	var refs []ref
	rep := &LinkReport{Pages: len(pages)}
	base := strings.TrimSuffix(baseURL, "/") + "/"
	for _, p := range pages {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return nil, err
		}
		doc, err := html.Parse(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		pageIDs := map[string]bool{}
		ids[p] = pageIDs
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					switch a.Key {
					case "id":
						pageIDs[a.Val] = true
					case "href", "src":
						val := a.Val
						if baseURL != "" && strings.HasPrefix(val, base) {
							// Under the site's address: relative to its root.
							val = strings.Repeat("../", strings.Count(p, "/")) + strings.TrimPrefix(val, base)
						}
						u, err := url.Parse(val)
						switch {
						case err != nil:
							rep.Broken = append(rep.Broken, BrokenLink{p, a.Val, "not a URL"})
						case u.Scheme != "" || u.Host != "" || strings.HasPrefix(val, "/"):
							rep.Broken = append(rep.Broken, BrokenLink{p, a.Val, "points off the site or to the host's root"})
						default:
							target := p
							if u.Path != "" {
								target = path.Join(path.Dir(p), u.Path)
							}
							refs = append(refs, ref{p, a.Val, target, u.Fragment})
						}
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	for _, r := range refs {
		rep.Links++
		if strings.HasPrefix(r.target, "../") || r.target == ".." {
			rep.Broken = append(rep.Broken, BrokenLink{r.page, r.ref, "climbs out of the site"})
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(r.target))); err != nil {
			rep.Broken = append(rep.Broken, BrokenLink{r.page, r.ref, "no such file " + r.target})
			continue
		}
		if r.fragment != "" && strings.HasSuffix(r.target, ".html") && !ids[r.target][r.fragment] {
			rep.Broken = append(rep.Broken, BrokenLink{r.page, r.ref, "no id " + r.fragment + " on " + r.target})
		}
	}
	return rep, nil
}
