package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"reflect"
	"strings"
	"sync"
)

//go:embed templates
var baseTemplates embed.FS

// Renderer holds every page's template, parsed once at start-up: a broken
// template stops the server from starting instead of failing a request.
type Renderer struct {
	pages map[string]*template.Template
	base  *template.Template
	pool  sync.Pool
}

func newRenderer() (*Renderer, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(baseTemplates, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	r := &Renderer{pages: map[string]*template.Template{}, base: base}
	r.pool.New = func() any { return new(bytes.Buffer) }
	for _, name := range []string{"error.html"} {
		if err := r.add(baseTemplates, "templates/pages/"+name, name); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// AddFS registers every .html file under dir of fsys as a page named
// prefix/<file>. Files named _*.html are partials shared by the module's pages.
func (r *Renderer) AddFS(fsys fs.FS, dir, prefix string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return err
	}
	var partials []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "_") {
			partials = append(partials, path.Join(dir, e.Name()))
		}
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), "_") || !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		if err := r.add(fsys, path.Join(dir, e.Name()), prefix+"/"+e.Name(), partials...); err != nil {
			return err
		}
	}
	return nil
}

func (r *Renderer) add(fsys fs.FS, file, name string, partials ...string) error {
	t, err := r.base.Clone()
	if err != nil {
		return err
	}
	if t, err = t.ParseFS(fsys, append(partials, file)...); err != nil {
		return fmt.Errorf("parse %s: %w", name, err)
	}
	r.pages[name] = t
	return nil
}

// render writes the page name with data and status. The page is rendered to
// a buffer first, so a template error becomes a clean 500, not half a page.
func (r *Renderer) render(w http.ResponseWriter, status int, name string, data any) error {
	t, ok := r.pages[name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}
	// Page methods have pointer receivers: hand the template an
	// addressable value even when the caller passed a struct.
	if v := reflect.ValueOf(data); v.Kind() == reflect.Struct {
		ptr := reflect.New(v.Type())
		ptr.Elem().Set(v)
		data = ptr.Interface()
	}
	buf := r.pool.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.pool.Put(buf)
	if err := t.ExecuteTemplate(buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// Has reports whether a page template is registered (used by tests).
func (r *Renderer) Has(name string) bool { _, ok := r.pages[name]; return ok }
