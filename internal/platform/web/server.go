package web

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// Deps are what the web layer needs from the rest of the platform.
type Deps struct {
	Auth           *auth.Store
	I18n           *i18n.Catalogue
	Log            *slog.Logger
	Static         fs.FS
	Metrics        prometheus.Registerer
	TrustedProxies []netip.Prefix
	// TLS is true when the binary itself serves HTTPS.
	TLS bool
	// MaxBody caps request bodies; larger ones get 413.
	MaxBody int64
	// Demo and Synthetic say whether the instance holds demo or synthetic data.
	Demo      func() bool
	Synthetic func() bool
	// UnreadCount returns the user's unread notifications for the header.
	UnreadCount func(ctx context.Context, userID int64) int
}

// Server is the web layer: it owns the renderer, the route table and the
// middleware chain.
type Server struct {
	deps     Deps
	assets   *Assets
	renderer *Renderer
	routes   []Route
	nav      []NavEntry
	metrics  *httpMetrics
}

// NewServer parses the layout and prepares the static assets.
func NewServer(deps Deps) (*Server, error) {
	if deps.Demo == nil {
		deps.Demo = func() bool { return false }
	}
	if deps.Synthetic == nil {
		deps.Synthetic = func() bool { return false }
	}
	if deps.MaxBody == 0 {
		deps.MaxBody = 32 << 20
	}
	assets, err := NewAssets(deps.Static)
	if err != nil {
		return nil, err
	}
	r, err := newRenderer()
	if err != nil {
		return nil, err
	}
	s := &Server{deps: deps, assets: assets, renderer: r}
	if deps.Metrics != nil {
		s.metrics = newHTTPMetrics(deps.Metrics)
	}
	return s, nil
}

// Templates registers a module's page templates (see Renderer.AddFS).
func (s *Server) Templates(fsys fs.FS, dir, prefix string) error {
	return s.renderer.AddFS(fsys, dir, prefix)
}

// Handle adds routes to the table.
func (s *Server) Handle(routes ...Route) { s.routes = append(s.routes, routes...) }

// AddNav adds entries to the main navigation.
func (s *Server) AddNav(entries ...NavEntry) {
	s.nav = append(s.nav, entries...)
	sortNav(s.nav)
}

// Routes returns the route table, for the route-by-role test.
func (s *Server) Routes() []Route { return s.routes }

// Log returns the logger.
func (s *Server) Log() *slog.Logger { return s.deps.Log }

// I18n returns the translation catalogue.
func (s *Server) I18n() *i18n.Catalogue { return s.deps.I18n }

// Handler builds the whole HTTP handler: the route table behind the
// middleware chain. Static files are answered before the session and CSRF
// layers: they need neither, a session lookup per stylesheet and font is
// wasted work, and a cookie set on a response marked public and immutable
// could be stored by a shared cache.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		mux.Handle(rt.Method+" "+rt.Pattern, s.gate(rt))
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.NotFound(w, r)
	})
	var app http.Handler = mux
	app = s.csrf(app)
	app = s.session(app)
	app = http.NewCrossOriginProtection().Handler(app)
	app = s.limitBody(app)
	top := http.NewServeMux()
	top.Handle("GET /static/", s.assets.Handler())
	top.Handle("/", app)
	var h http.Handler = top
	h = s.securityHeaders(h)
	h = s.observe(h)
	h = s.recoverPanics(h)
	h = s.clientInfo(h)
	return h
}

// gate checks the route's Access before the handler runs.
func (s *Server) gate(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ri := From(r)
		ri.Route = rt.Method + " " + rt.Pattern
		if !rt.Access.Allows(ri.User) {
			s.denied(w, r, rt.Access)
			return
		}
		rt.Handler(w, r)
	})
}

// denied answers a request the gate refused: anonymous visitors go to the
// login page, others get 403, or 404 where existence is sensitive.
func (s *Server) denied(w http.ResponseWriter, r *http.Request, a Access) {
	if From(r).User == nil {
		if r.Method == http.MethodGet {
			http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		s.Status(w, r, http.StatusUnauthorized)
		return
	}
	if a.NotFound {
		s.NotFound(w, r)
		return
	}
	s.Status(w, r, http.StatusForbidden)
}
