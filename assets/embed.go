// Package assets embeds atlas's static files (CSS, JavaScript and, after
// `make assets`, Leaflet from npm under vendor/). A site may replace any
// of them with a file of the same name in its own assets/ folder.
package assets

//go:generate go run ../cmd/gen-arabic-js atlas.js

import (
	"embed"
	"errors"
	"io/fs"
)

// The vendor folder is filled from node_modules by `make assets` and is
// not committed; "*" embeds whatever is there.
//
//go:embed *
var files embed.FS

// FS returns the embedded static files.
func FS() fs.FS { return files }

// ErrNoLeaflet means the binary was built without Leaflet.
var ErrNoLeaflet = errors.New("assets: Leaflet is missing from assets/vendor (run `make assets`, which installs it from npm, then rebuild)")

// Check reports ErrNoLeaflet when the vendor files are absent.
func Check(fsys fs.FS) error {
	for _, f := range []string{"vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css"} {
		if _, err := fs.Stat(fsys, f); err != nil {
			return ErrNoLeaflet
		}
	}
	return nil
}
