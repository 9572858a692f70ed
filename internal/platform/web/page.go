package web

import (
	"html/template"
	"net/http"
	"net/url"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Label string
	URL   string
}

// Page is the base every page's data embeds: who is looking, in which
// language, the form being re-shown and its errors.
type Page struct {
	Title       string
	Lang        string
	User        *auth.User
	CSRF        string
	Path        string
	Flash       string
	Message     string            // error shown above a form
	Errors      map[string]string // message per form field
	Form        url.Values        // the user's input, kept when re-shown
	Breadcrumbs []Crumb
	Demo        bool
	Synthetic   bool
	Unread      int
	Nav         []NavItem
	Now         time.Time

	cat    *i18n.Catalogue
	assets *Assets
}

// T translates an Italian catalogue key into the page's language.
func (p *Page) T(key string, args ...any) string { return p.cat.T(p.Lang, key, args...) }

// CSRFField is the hidden form field carrying the CSRF token.
func (p *Page) CSRFField() template.HTML {
	return template.HTML(`<input type="hidden" name="csrf_token" value="` + template.HTMLEscapeString(p.CSRF) + `">`)
}

// Asset returns the cache-busting URL of a static file.
func (p *Page) Asset(name string) string { return p.assets.URL(name) }

// Date formats t as a date in Europe/Rome.
func (p *Page) Date(t time.Time) string { return i18n.Date(p.Lang, t) }

// DateTime formats t as date and time in Europe/Rome.
func (p *Page) DateTime(t time.Time) string { return i18n.DateTime(p.Lang, t) }

// Value returns the user's input for a form field.
func (p *Page) Value(name string) string { return p.Form.Get(name) }

// Error returns the message for a form field, translated.
func (p *Page) Error(name string) string {
	if msg, ok := p.Errors[name]; ok {
		return p.T(msg)
	}
	return ""
}

// Crumb appends a breadcrumb step and returns the page for chaining.
func (p *Page) Crumb(label, url string) *Page {
	p.Breadcrumbs = append(p.Breadcrumbs, Crumb{Label: label, URL: url})
	return p
}

// OtherLang is the language the switcher offers.
func (p *Page) OtherLang() string {
	if p.Lang == "en" {
		return "it"
	}
	return "en"
}

// NavItem is one entry of the main navigation.
type NavItem struct {
	Label  string
	URL    string
	Active bool
}

// NavEntry is a module's contribution to the main navigation: shown to users
// the Access admits.
type NavEntry struct {
	Label  string
	URL    string
	Access Access
	Order  int
}

// NewPage builds the base of a page for r.
func (s *Server) NewPage(r *http.Request, title string) Page {
	ri := From(r)
	p := Page{Title: title, Lang: ri.Lang, User: ri.User, CSRF: ri.CSRF, Path: r.URL.Path,
		Demo: s.deps.Demo(), Synthetic: s.deps.Synthetic(), Now: time.Now(), cat: s.deps.I18n, assets: s.assets,
		Errors: map[string]string{}, Form: url.Values{}}
	if r.Method == http.MethodPost {
		p.Form = r.PostForm
	}
	if ri.User != nil && s.deps.UnreadCount != nil {
		p.Unread = s.deps.UnreadCount(r.Context(), ri.User.ID)
	}
	p.Flash = s.takeFlash(r)
	for _, n := range s.nav {
		if n.Access.Allows(ri.User) {
			p.Nav = append(p.Nav, NavItem{Label: n.Label, URL: n.URL, Active: hasPrefix(r.URL.Path, n.URL)})
		}
	}
	return p
}

func hasPrefix(path, prefix string) bool {
	if prefix == "/" {
		return path == "/"
	}
	return len(path) >= len(prefix) && path[:len(prefix)] == prefix
}

// WithErr fills the page's message and field errors from a service error.
func (p *Page) WithErr(err error) {
	p.Message, p.Errors = errorMessage(err)
}
