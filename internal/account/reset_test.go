package account

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/mail"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

const newPass = "una-nuova-password-lunga"

func outbox(t *testing.T, d *db.DB) []mail.Stored {
	t.Helper()
	msgs, _, err := mail.Outbox(context.Background(), d, mail.OutboxFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

// mailedPath is the site path of the reset link in the newest e-mail.
func mailedPath(t *testing.T, d *db.DB) string {
	t.Helper()
	msgs := outbox(t, d)
	if len(msgs) == 0 {
		t.Fatal("no e-mail queued")
	}
	i := strings.Index(msgs[0].Body, testBaseURL+"/password/reset/")
	if i < 0 {
		t.Fatalf("no reset link in\n%s", msgs[0].Body)
	}
	return strings.Fields(msgs[0].Body[i+len(testBaseURL):])[0]
}

func TestPasswordReset(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		f.User("anna@example.org", auth.RoleServiceOperator)
		c := f.Anonymous()
		known := post(c, "/password/reset", url.Values{"email": {"Anna@Example.org"}})
		known.WantStatus(t, http.StatusOK)
		known.WantBody(t, "Se l&#39;indirizzo è registrato riceverai un&#39;e-mail")
		link := mailedPath(t, d)

		t.Run("unknown e-mail gets the same page and queues nothing", func(t *testing.T) {
			res := post(c, "/password/reset", url.Values{"email": {"nessuno@example.org"}})
			res.WantStatus(t, http.StatusOK)
			if res.Body != known.Body {
				t.Fatal("the answer differs from the one for a registered address")
			}
			if n := len(outbox(t, d)); n != 1 {
				t.Fatalf("outbox holds %d messages; want 1", n)
			}
		})
		t.Run("mismatched confirmation is refused", func(t *testing.T) {
			c.Get(link).WantStatus(t, http.StatusOK)
			res := post(c, link, url.Values{"password": {newPass}, "password_confirm": {"altro"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Le due password non coincidono.")
		})
		t.Run("link sets the password", func(t *testing.T) {
			res := post(c, link, url.Values{"password": {newPass}, "password_confirm": {newPass}})
			wantRedirect(t, res, "/login")
			login(c, "anna@example.org", webtest.Password).WantStatus(t, http.StatusUnauthorized)
			wantRedirect(t, login(c, "anna@example.org", newPass), "/")
		})
		t.Run("used link is refused", func(t *testing.T) {
			c.Get(link).WantStatus(t, http.StatusGone)
			post(c, link, url.Values{"password": {newPass}, "password_confirm": {newPass}}).WantStatus(t, http.StatusGone)
		})
		t.Run("expired link is refused", func(t *testing.T) {
			u, _ := f.Auth.UserByEmail(context.Background(), d, "anna@example.org")
			var tok string
			f.InTx(func(ctx context.Context, tx *db.Tx) (err error) {
				tok, err = f.Auth.CreateToken(ctx, tx, auth.TokenReset, u.ID, -time.Minute)
				return err
			})
			res := f.Anonymous().Get("/password/reset/" + tok)
			res.WantStatus(t, http.StatusGone)
			res.WantBody(t, "Chiedi un nuovo link")
		})
		t.Run("unknown link is refused", func(t *testing.T) {
			f.Anonymous().Get("/password/reset/nonesiste").WantStatus(t, http.StatusGone)
		})
	})
}

func TestPasswordResetRateLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		c := f.Anonymous()
		for range 5 {
			post(c, "/password/reset", url.Values{"email": {"x@example.org"}}).WantStatus(t, http.StatusOK)
		}
		post(c, "/password/reset", url.Values{"email": {"x@example.org"}}).WantStatus(t, http.StatusTooManyRequests)
	})
}

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
