package account

import (
	"context"
	"fmt"
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

func TestResetMailLanguage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		u := f.User("anna@example.org")
		f.InTx(func(ctx context.Context, tx *db.Tx) error {
			return f.Auth.UpdateUser(ctx, tx, u.ID, auth.UserUpdate{Name: "Anna 100%", Lang: "en"})
		})
		f.User("bruno@example.org")
		tests := []struct{ email, subject, greeting string }{
			{"anna@example.org", "Crocevia: choose a new password", "Dear Anna 100%,"},
			{"bruno@example.org", "Crocevia: scegli una nuova password", "Gentile "},
		}
		for _, tt := range tests {
			t.Run(tt.email+" gets it in their language", func(t *testing.T) {
				post(f.Anonymous(), "/password/reset", url.Values{"email": {tt.email}}).WantStatus(t, http.StatusOK)
				m := outbox(t, d)[0]
				if m.To != tt.email || m.Subject != tt.subject || !strings.HasPrefix(m.Body, tt.greeting) ||
					!strings.Contains(m.Body, testBaseURL+"/password/reset/") {
					t.Fatalf("mail to %s: %q\n%s", m.To, m.Subject, m.Body)
				}
			})
		}
	})
}

func TestPasswordResetRateLimitPerAddress(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		c := f.Anonymous()
		for i := range 20 {
			email := fmt.Sprintf("utente%d@example.org", i)
			post(c, "/password/reset", url.Values{"email": {email}}).WantStatus(t, http.StatusOK)
		}
		res := post(c, "/password/reset", url.Values{"email": {"altro@example.org"}})
		res.WantStatus(t, http.StatusTooManyRequests)
		res.WantBody(t, "Troppi tentativi.")
	})
}
