package account

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestProfile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		u := f.User("anna@example.org", auth.RoleMediator)
		c := f.Login(u)

		t.Run("shows the memberships", func(t *testing.T) {
			c.Get("/account").WantBody(t, "Organizzazione di prova", "Mediatore culturale")
		})
		t.Run("invalid fiscal code is refused", func(t *testing.T) {
			res := post(c, "/account", url.Values{"name": {"Anna"}, "fiscal_code": {"ABC"}, "lang": {"it"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Il codice fiscale non è valido.")
		})
		t.Run("saves name, language and notifications", func(t *testing.T) {
			res := post(c, "/account", url.Values{"name": {"Anna Rossi"}, "fiscal_code": {"rssnna80a41a182x"}, "lang": {"en"}})
			wantRedirect(t, res, "/account")
			got, err := f.Auth.UserByID(context.Background(), d, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != "Anna Rossi" || got.FiscalCode != "RSSNNA80A41A182X" || got.Lang != "en" || got.EmailNotifications {
				t.Fatalf("saved %+v", got)
			}
		})
	})
}

func TestChangePassword(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		c := f.Login(f.User("anna@example.org"))
		t.Run("wrong current password is refused", func(t *testing.T) {
			res := post(c, "/account/password", url.Values{"current_password": {"sbagliata"},
				"password": {newPass}, "password_confirm": {newPass}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "La password attuale non è corretta.")
		})
		t.Run("changes it and keeps this browser logged in", func(t *testing.T) {
			res := post(c, "/account/password", url.Values{"current_password": {webtest.Password},
				"password": {newPass}, "password_confirm": {newPass}})
			wantRedirect(t, res, "/account")
			wantLoggedIn(t, c, true)
			login(f.Anonymous(), "anna@example.org", webtest.Password).WantStatus(t, http.StatusUnauthorized)
			wantRedirect(t, login(f.Anonymous(), "anna@example.org", newPass), "/")
		})
	})
}
