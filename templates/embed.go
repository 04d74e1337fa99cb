// Package templates embeds atlas's page templates (html/template). A site
// may replace any of them with a file of the same name in its own
// templates/ folder.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed *.html
var files embed.FS

// FS returns the embedded templates.
func FS() fs.FS { return files }
