package questions

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// faqRender builds an answer the cache does not hold.
type faqRender func(r *http.Request) (*cached, error)

// serve answers from the cache or renders and caches. The key is the
// request's meaning (path and the parameters the page reads), so that
// parameters nobody reads cannot multiply the entries. It reports whether
// the answer was a success, for the view counter.
func (f *FAQ) serve(w http.ResponseWriter, r *http.Request, key string, render faqRender) bool {
	gen := f.gen.current(r.Context())
	key = web.From(r).Lang + " " + key
	c := f.cache.get(key, gen)
	if c == nil {
		var err error
		if c, err = f.renderOnce(r, key, gen, render); err != nil {
			var api *apiStatus
			if errors.As(err, &api) {
				api.write(w)
			} else {
				f.web.Error(w, r, err)
			}
			return false
		}
	}
	if c.ContentType != "" {
		f.writeRaw(w, r, c)
	} else {
		f.writePage(w, r, c)
	}
	return true
}

// renderOnce renders a missing answer once however many visitors ask for
// it at the same moment: after a publication, the first page of a popular
// search would otherwise be rendered by every client waiting for it.
func (f *FAQ) renderOnce(r *http.Request, key string, gen int64, render faqRender) (*cached, error) {
	v, err, _ := f.inflight.Do(strconv.FormatInt(gen, 36)+" "+key, func() (any, error) {
		c, err := render(r)
		if err != nil {
			return nil, err
		}
		c.gen, c.at, c.ETag = gen, time.Now(), etag(gen, c.Body)
		f.cache.put(key, c)
		return c, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*cached), nil
}

func etag(gen int64, body []byte) string {
	h := fnv.New64a()
	h.Write(body)
	return strconv.FormatInt(gen, 36) + "-" + strconv.FormatUint(h.Sum64(), 36)
}

// writeRaw sends a feed, the sitemap or an API answer: the same bytes for
// everyone, so shared caches may keep them for a minute.
func (f *FAQ) writeRaw(w http.ResponseWriter, r *http.Request, c *cached) {
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=60")
	h.Set("ETag", `"`+c.ETag+`"`)
	if r.Header.Get("If-None-Match") == `"`+c.ETag+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", c.ContentType)
	_, _ = w.Write(c.Body)
}

// faqShell is the page around a cached fragment: the layout is rendered
// for each request because it carries the visitor's own CSRF token and,
// once logged in, their name. Only the fragment is shared.
type faqShell struct {
	web.Page
	Body      template.HTML
	Canonical string
	Feed      string
}

// writePage renders the layout around the fragment. The ETag names the
// fragment and the visitor, and the page is private: it holds the
// visitor's CSRF token, which no shared cache may hand to another.
func (f *FAQ) writePage(w http.ResponseWriter, r *http.Request, c *cached) {
	var uid int64
	if u := web.UserOf(r); u != nil {
		uid = u.ID
	}
	tag := `W/"` + c.ETag + "-" + strconv.FormatInt(uid, 36) + "-" + web.From(r).Lang + `"`
	w.Header().Set("Cache-Control", "private, no-cache")
	w.Header().Set("ETag", tag)
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if f.writeAnonymous(w, r, c) {
		return
	}
	f.web.Render(w, r, "faq/page.html", f.shell(r, c))
}

func (f *FAQ) shell(r *http.Request, c *cached) *faqShell {
	p := &faqShell{Page: f.web.NewPage(r, c.Title), Canonical: c.Canonical, Feed: c.Feed,
		// Safe: the fragment was rendered by html/template.
		Body: template.HTML(c.Body)}
	for _, cr := range c.Crumbs {
		p.Crumb(cr[0], cr[1])
	}
	return p
}

// faqView is the base of every fragment's data: the language it is
// rendered in.
type faqView struct {
	Lang string
	cat  *i18n.Catalogue
}

// T translates an Italian catalogue key.
func (v *faqView) T(key string, args ...any) string { return v.cat.T(v.Lang, key, args...) }

// Date formats a date in Europe/Rome.
func (v *faqView) Date(t time.Time) string { return i18n.Date(v.Lang, t) }

func (f *FAQ) view(r *http.Request) faqView {
	return faqView{Lang: web.From(r).Lang, cat: f.web.I18n()}
}

// fragment renders one of the FAQ's fragments.
func (f *FAQ) fragment(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.fragments.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("faq: render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

var faqFuncs = template.FuncMap{
	"add":   func(a, b int) int { return a + b },
	"mul10": func(a int) int { return a * 10 },
}
