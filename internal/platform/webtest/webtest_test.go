package webtest_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/web"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// echo is a module whose pages answer with the user's e-mail.
type echo struct{ srv *web.Server }

func (e echo) Routes() []web.Route {
	h := func(w http.ResponseWriter, r *http.Request) {
		u := web.UserOf(r)
		if u == nil {
			e.srv.Redirect(w, r, "/", "anonimo")
			return
		}
		e.srv.Redirect(w, r, "/", u.Email)
	}
	return []web.Route{
		{Method: "POST", Pattern: "/echo", Access: web.Public, Handler: h},
		{Method: "GET", Pattern: "/editors", Access: web.RolesOnly(auth.RoleEditor), Handler: h},
	}
}

func TestClient(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := webtest.New(t, d)
		env.Mount(echo{env.Web})
		editor := env.Login(env.User("redattore@example.org", auth.RoleEditor))
		other := env.Login(env.User("altro@example.org"))
		t.Run("a logged-in POST carries session and token", func(t *testing.T) {
			res := editor.Post("/echo", nil)
			res.WantStatus(t, http.StatusSeeOther)
			editor.Follow(res).WantBody(t, `role="status">redattore@example.org</div>`)
		})
		t.Run("an anonymous POST fetches its token first", func(t *testing.T) {
			visitor := env.Anonymous()
			res := visitor.Post("/echo", nil)
			res.WantStatus(t, http.StatusSeeOther)
			visitor.Follow(res).WantBody(t, `role="status">anonimo</div>`)
		})
		t.Run("a wrong token is refused", func(t *testing.T) {
			editor.Post("/echo", url.Values{"csrf_token": {"falso"}}).WantStatus(t, http.StatusForbidden)
		})
		t.Run("roles are given in the default organisation", func(t *testing.T) {
			if !editor.User.HasRoleIn(auth.RoleEditor, env.DefaultOrg()) {
				t.Fatalf("memberships %+v", editor.User.Memberships)
			}
			editor.Get("/editors").WantStatus(t, http.StatusSeeOther)
			other.Get("/editors").WantStatus(t, http.StatusForbidden)
		})
	})
}
