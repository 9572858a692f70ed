package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"sort"
	"strings"
)

// Assets serves the embedded static files under /static/<version>/, where
// version is a hash of all of them: URLs change when any file changes, so
// browsers may cache them for a year. One version for the whole tree keeps
// the relative URLs inside the stylesheets (fonts, sprites) working.
type Assets struct {
	fsys    fs.FS
	version string
	files   http.Handler
}

// NewAssets hashes the static tree.
func NewAssets(fsys fs.FS) (*Assets, error) {
	h := sha256.New()
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		h.Write([]byte(n))
		h.Write(b)
	}
	v := hex.EncodeToString(h.Sum(nil))[:12]
	return &Assets{fsys: fsys, version: v, files: http.FileServerFS(fsys)}, nil
}

// URL returns the versioned URL of a static file.
func (a *Assets) URL(name string) string {
	return "/static/" + a.version + "/" + strings.TrimPrefix(name, "/")
}

// Handler serves /static/<version>/<file>. A request for another version
// (a page cached across a deploy) still gets the current file, just not
// cached for long.
func (a *Assets) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest := strings.TrimPrefix(r.URL.Path, "/static/")
		version, file, ok := strings.Cut(rest, "/")
		if !ok || file == "" || strings.HasSuffix(file, "/") {
			http.NotFound(w, r)
			return
		}
		if version == a.version {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + file
		a.files.ServeHTTP(w, r2)
	})
}
