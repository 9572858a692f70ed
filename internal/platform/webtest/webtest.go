// Package webtest drives a web.Server in handler tests the way a browser
// does: it builds the server on a test database (see dbtest), creates
// organisations and users with roles, logs them in with a real session, and
// sends GET and POST requests carrying the session cookie and CSRF token.
//
//	dbtest.Each(t, func(t *testing.T, d *db.DB) {
//		env := webtest.New(t, d)
//		mod, _ := mymodule.New(mymodule.Deps{Web: env.Web, Auth: env.Auth})
//		env.Mount(mod)
//		admin := env.Login(env.User("a@example.org", auth.RoleAdmin))
//		res := admin.Post("/things", url.Values{"name": {"x"}})
//		res.WantStatus(t, http.StatusSeeOther)
//	})
package webtest

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/web"
	static "github.com/crocevia/crocevia/web"
)

// Password is the password of every user the helpers create.
const Password = "password-di-prova"

// Env is a web server with its auth store on one test database.
type Env struct {
	T    testing.TB
	DB   *db.DB
	Auth *auth.Store
	Web  *web.Server
	// Log is the server's logger: warnings and errors go to the test's log.
	Log *slog.Logger

	handler    http.Handler
	defaultOrg int64
}

// New builds a web server on d with the real catalogue and static files; the
// server's warnings and errors appear in the test's log.
func New(t testing.TB, d *db.DB) *Env {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatalf("webtest: load catalogue: %v", err)
	}
	store := auth.NewStore(d)
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := web.NewServer(web.Deps{Auth: store, I18n: cat, Log: log, Static: static.Static()})
	if err != nil {
		t.Fatalf("webtest: new server: %v", err)
	}
	return &Env{T: t, DB: d, Auth: store, Web: srv, Log: log}
}

// testWriter sends log lines to the test's log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(b), "\n"))
	return len(b), nil
}

// Mount adds the modules' routes. Call it before the first request: the
// handler is built once, on first use.
func (e *Env) Mount(mods ...web.Module) {
	e.T.Helper()
	if e.handler != nil {
		e.T.Fatal("webtest: Mount after the first request")
	}
	for _, m := range mods {
		e.Web.Handle(m.Routes()...)
	}
}

// Handler is the server's full handler, middleware included.
func (e *Env) Handler() http.Handler {
	if e.handler == nil {
		e.handler = e.Web.Handler()
	}
	return e.handler
}

// System is a context whose changes the audit trail attributes to the
// system, for setting up fixtures.
func System() context.Context { return audit.WithActor(context.Background(), audit.Actor{}) }

// InTx runs fn in a transaction and fails the test on error.
func (e *Env) InTx(fn func(ctx context.Context, tx *db.Tx) error) {
	e.T.Helper()
	ctx := System()
	if err := e.DB.InTx(ctx, func(tx *db.Tx) error { return fn(ctx, tx) }); err != nil {
		e.T.Fatalf("webtest: %v", err)
	}
}
