// Package web embeds the static files served under /static: the vendored
// Bootstrap Italia and htmx (see scripts/vendor-static.sh) and our own CSS
// and JavaScript.
package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var files embed.FS

// Static is the tree served under /static.
func Static() fs.FS {
	sub, err := fs.Sub(files, "static")
	if err != nil {
		panic(err)
	}
	return sub
}
