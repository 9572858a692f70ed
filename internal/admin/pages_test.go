package admin_test

import (
	"net/http"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestPagesByRole(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		operator := env.Login(env.User("operatore@example.org", auth.RoleServiceOperator))
		org := env.DefaultOrg()
		pages := []string{"/admin", "/admin/organisations", "/admin/organisations/new",
			"/admin/organisations/" + itoa(org), "/admin/organisations/" + itoa(org) + "/edit",
			"/admin/users", "/admin/users/" + itoa(operator.User.ID), "/admin/invitations/new",
			"/admin/audit", "/admin/outbox"}
		for _, p := range pages {
			t.Run("admin sees "+p, func(t *testing.T) {
				admin.Get(p).WantStatus(t, http.StatusOK)
			})
			t.Run("operator is refused "+p, func(t *testing.T) {
				operator.Get(p).WantStatus(t, http.StatusForbidden)
			})
			t.Run("visitor is sent to login from "+p, func(t *testing.T) {
				res := env.Anonymous().Get(p)
				res.WantStatus(t, http.StatusSeeOther)
			})
		}
		t.Run("operator cannot post", func(t *testing.T) {
			operator.Post("/admin/users/"+itoa(admin.User.ID)+"/deactivate", nil).WantStatus(t, http.StatusForbidden)
		})
		t.Run("unknown records are 404", func(t *testing.T) {
			for _, p := range []string{"/admin/organisations/999999", "/admin/users/999999", "/admin/outbox/999999", "/admin/users/abc"} {
				admin.Get(p).WantStatus(t, http.StatusNotFound)
			}
		})
		t.Run("navigation shows Amministrazione to admins only", func(t *testing.T) {
			admin.Get("/admin").WantBody(t, `href="/admin"`)
			if body := operator.Get("/admin").Body; contains(body, `href="/admin"`) {
				t.Fatal("operator's navigation links to /admin")
			}
		})
	})
}
