package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestDeactivation(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		target := env.User("mediatore@example.org", auth.RoleMediator)
		browser := env.Login(target)
		env.Login(target) // a second device
		path := "/admin/users/" + itoa(target.ID)
		t.Run("deactivation ends every session at once", func(t *testing.T) {
			admin.Post(path+"/deactivate", nil).WantStatus(t, http.StatusSeeOther)
			if n := count(t, d, `SELECT COUNT(*) FROM sessions WHERE user_id = ?`, target.ID); n != 0 {
				t.Fatalf("%d sessions left; want 0", n)
			}
			if res := browser.Get("/admin"); res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
				t.Fatalf("deactivated user's browser got %d %s; want a redirect to login", res.Status, res.Header.Get("Location"))
			}
			admin.Get(path).WantBody(t, "Disattivato", "Riattiva l&#39;utente")
		})
		t.Run("reactivation lets the user log in again", func(t *testing.T) {
			admin.Post(path+"/activate", nil).WantStatus(t, http.StatusSeeOther)
			if _, err := env.Auth.Authenticate(context.Background(), target.Email, "password-di-prova"); err != nil {
				t.Fatalf("login after reactivation: %v", err)
			}
		})
		t.Run("an admin cannot deactivate themself", func(t *testing.T) {
			res := admin.Post("/admin/users/"+itoa(admin.User.ID)+"/deactivate", nil)
			res.WantStatus(t, http.StatusForbidden)
			res.WantBody(t, "Non puoi disattivare il tuo stesso account.")
			if n := count(t, d, `SELECT COUNT(*) FROM users WHERE id = ? AND active = ?`, admin.User.ID, true); n != 1 {
				t.Fatal("the admin was deactivated")
			}
		})
	})
}

func TestRoles(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		org := env.Org("Comune di Alessandria", auth.KindComune)
		target := env.User("operatore@example.org", auth.RoleServiceOperator)
		path := "/admin/users/" + itoa(target.ID)
		editor := url.Values{"org_id": {itoa(org.ID)}, "role": {string(auth.RoleEditor)}}
		held := func(orgID int64, role auth.Role) int {
			return count(t, d, `SELECT COUNT(*) FROM memberships WHERE user_id = ? AND org_id = ? AND role = ?`, target.ID, orgID, string(role))
		}
		t.Run("a role is added", func(t *testing.T) {
			admin.Post(path+"/roles", editor).WantStatus(t, http.StatusSeeOther)
			if held(org.ID, auth.RoleEditor) != 1 {
				t.Fatal("role not stored")
			}
		})
		t.Run("the same role twice is a conflict shown on the page", func(t *testing.T) {
			res := admin.Post(path+"/roles", editor)
			res.WantStatus(t, http.StatusConflict)
			res.WantBody(t, "L&#39;utente ha già questo ruolo in questa organizzazione.", "<h1>Utente operatore@example.org</h1>")
		})
		t.Run("a missing role is reported next to the select", func(t *testing.T) {
			res := admin.Post(path+"/roles", url.Values{"org_id": {itoa(org.ID)}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-role-error">Scegli un ruolo.`)
		})
		t.Run("a role is removed", func(t *testing.T) {
			admin.Post(path+"/roles/remove", editor).WantStatus(t, http.StatusSeeOther)
			if held(org.ID, auth.RoleEditor) != 0 {
				t.Fatal("role still stored")
			}
		})
		t.Run("an admin cannot remove their own admin role", func(t *testing.T) {
			res := admin.Post("/admin/users/"+itoa(admin.User.ID)+"/roles/remove",
				url.Values{"org_id": {itoa(env.DefaultOrg())}, "role": {string(auth.RoleAdmin)}})
			res.WantStatus(t, http.StatusForbidden)
			res.WantBody(t, "Non puoi togliere a te stesso il ruolo di amministratore.")
			admin.Get("/admin").WantStatus(t, http.StatusOK)
		})
	})
}

func TestUserList(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		env.User("rossi@example.org", auth.RoleInspector)
		env.User("bianchi@example.org", auth.RoleEditor)
		gone := env.User("verdi@example.org", auth.RoleEditor)
		admin.Post("/admin/users/"+itoa(gone.ID)+"/deactivate", nil).WantStatus(t, http.StatusSeeOther)
		tests := []struct {
			name, query string
			want, not   []string
		}{
			{"search matches part of the e-mail", "q=ROSSI", []string{"rossi@"}, []string{"bianchi@", "verdi@"}},
			{"role keeps its holders", "role=editor", []string{"bianchi@", "verdi@"}, []string{"rossi@", "admin@"}},
			{"active keeps active users", "role=editor&active=1", []string{"bianchi@"}, []string{"verdi@"}},
			{"inactive keeps deactivated users", "active=0", []string{"verdi@"}, []string{"bianchi@", "rossi@"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := admin.Get("/admin/users?" + tc.query)
				res.WantStatus(t, http.StatusOK)
				for _, w := range tc.want {
					res.WantBody(t, "<td>"+w)
				}
				for _, n := range tc.not {
					if strings.Contains(res.Body, "<td>"+n) {
						t.Errorf("list shows %s", n)
					}
				}
			})
		}
	})
}
