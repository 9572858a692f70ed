package account

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func invite(t *testing.T, f *fixture, email string, roles ...auth.Role) string {
	t.Helper()
	var tok string
	// The default organisation is created outside the transaction: inside
	// it, a second connection would wait for the audit chain's lock.
	org := f.DefaultOrg()
	f.InTx(func(ctx context.Context, tx *db.Tx) error {
		id, err := f.Auth.CreateUser(ctx, tx, auth.NewUser{Email: email, Name: "Invitato"})
		if err != nil {
			return err
		}
		for _, r := range roles {
			if err := f.Auth.AddMembership(ctx, tx, id, org, r); err != nil {
				return err
			}
		}
		tok, err = f.Auth.CreateToken(ctx, tx, auth.TokenInvite, id, auth.InviteTTL)
		return err
	})
	return "/invito/" + tok
}

func TestInvitation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		link := invite(t, f, "nuovo@example.org", auth.RoleMediator)
		c := f.Anonymous()

		t.Run("accepting sets the password and logs in", func(t *testing.T) {
			c.Get(link).WantBody(t, "nuovo@example.org")
			res := post(c, link, url.Values{"password": {newPass}, "password_confirm": {newPass}})
			wantRedirect(t, res, "/")
			wantLoggedIn(t, c, true)
			wantRedirect(t, login(f.Anonymous(), "nuovo@example.org", newPass), "/")
		})
		t.Run("the link works once", func(t *testing.T) {
			f.Anonymous().Get(link).WantStatus(t, http.StatusGone)
		})
		t.Run("a role that requires it goes to enrolment", func(t *testing.T) {
			c := f.Anonymous()
			link := invite(t, f, "ispettore@example.org", auth.RoleInspector)
			res := post(c, link, url.Values{"password": {newPass}, "password_confirm": {newPass}})
			wantRedirect(t, res, "/account/2fa")
			wantLoggedIn(t, c, false)
		})
	})
}
