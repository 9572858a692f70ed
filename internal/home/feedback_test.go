package home_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/home"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestFeedbackValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    home.Feedback
		field string
	}{
		{"message only is enough", home.Feedback{Message: "Il menu non si apre da tastiera."}, ""},
		{"blank message is refused", home.Feedback{Message: "   ", Page: "/"}, "message"},
		{"overlong message is refused", home.Feedback{Message: strings.Repeat("a", 5001)}, "message"},
		{"malformed e-mail is refused", home.Feedback{Message: "x", Email: "non-una-email"}, "email"},
		{"overlong page is refused", home.Feedback{Message: "x", Page: strings.Repeat("/p", 251)}, "page"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.in.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v; want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), "Controlla") {
				t.Fatalf("Validate() = %v; want a validation error on %s", err, tc.field)
			}
		})
	}
}

// admins creates two active admins, one deactivated admin and an operator.
func admins(t *testing.T, env *webtest.Env) *auth.User {
	t.Helper()
	first := env.User("admin1@example.org", auth.RoleAdmin)
	env.User("admin2@example.org", auth.RoleAdmin)
	gone := env.User("admin3@example.org", auth.RoleAdmin)
	env.InTx(func(ctx context.Context, tx *db.Tx) error { return env.Auth.SetActive(ctx, tx, gone.ID, false) })
	env.User("operatore@example.org", auth.RoleServiceOperator)
	return first
}

func TestFeedbackForm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newEnv(t, d)
		admin := admins(t, env)
		c := env.Anonymous()

		t.Run("empty message is shown next to the field with the input kept", func(t *testing.T) {
			res := c.Post("/accessibilita", url.Values{"page": {"/privacy"}, "message": {" "}, "email": {"lettrice@example.org"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-message-error">Descrivi il problema che hai incontrato.</div>`,
				`aria-invalid="true"`, `value="/privacy"`, `value="lettrice@example.org"`)
			if n := count(t, d, `SELECT COUNT(*) FROM accessibility_feedback`); n != 0 {
				t.Fatalf("stored %d reports; want 0", n)
			}
		})

		t.Run("valid report is stored, audited and mailed to every active admin", func(t *testing.T) {
			res := c.Post("/accessibilita", url.Values{"page": {"/privacy"}, "message": {"La tabella dei cookie non si legge al 200%."}})
			res.WantStatus(t, http.StatusSeeOther)
			c.Follow(res).WantBody(t, "Grazie: abbiamo ricevuto la tua segnalazione")
			if n := count(t, d, `SELECT COUNT(*) FROM accessibility_feedback WHERE page = ? AND email = ''`, "/privacy"); n != 1 {
				t.Fatalf("stored %d reports; want 1", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM outbox WHERE subject = ?`, "Nuova segnalazione sull'accessibilità"); n != 2 {
				t.Fatalf("queued %d mails; want 2 (one per active admin)", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND body LIKE ?`,
				"admin1@example.org", "%200\\%%"); n != 0 && n != 1 {
				t.Fatalf("unexpected count %d", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = ? AND action = ?`, "accessibility_feedback", "create"); n != 1 {
				t.Fatalf("audit entries = %d; want 1", n)
			}
		})

		t.Run("admin reads the reports", func(t *testing.T) {
			res := env.Login(admin).Get("/accessibilita/segnalazioni")
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "La tabella dei cookie non si legge al 200%.", "<caption>Segnalazioni ricevute</caption>")
		})
	})
}

func TestFeedbackMailKeepsTheVisitorsText(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newEnv(t, d)
		admins(t, env)
		msg := "Il contrasto è al 50% %s %d."
		env.Anonymous().Post("/accessibilita", url.Values{"message": {msg}}).WantStatus(t, http.StatusSeeOther)
		var body string
		err := d.QueryRowContext(context.Background(), `SELECT body FROM outbox WHERE to_addr = ?`, "admin1@example.org").Scan(&body)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{msg, "Pagina: non indicata", "https://crocevia.example.org/accessibilita/segnalazioni"} {
			if !strings.Contains(body, want) {
				t.Errorf("mail body lacks %q:\n%s", want, body)
			}
		}
	})
}

func TestFeedbackRateLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newEnv(t, d)
		c := env.Anonymous()
		for i := range home.FeedbackPerHour {
			c.Post("/accessibilita", url.Values{"message": {"Segnalazione " + string(rune('A'+i))}}).WantStatus(t, http.StatusSeeOther)
		}
		res := c.Post("/accessibilita", url.Values{"message": {"Una di troppo"}})
		res.WantStatus(t, http.StatusTooManyRequests)
		res.WantBody(t, "Hai inviato molte segnalazioni in poco tempo.", "Una di troppo")
		if n := count(t, d, `SELECT COUNT(*) FROM accessibility_feedback`); n != home.FeedbackPerHour {
			t.Fatalf("stored %d reports; want %d", n, home.FeedbackPerHour)
		}
	})
}

func TestFixedPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := newEnv(t, d)
		operator := env.Login(env.User("operatore@example.org", auth.RoleServiceOperator))
		tests := []struct {
			name   string
			client *webtest.Client
			path   string
			status int
			want   []string
		}{
			{"statement names status, date and AgID procedure", env.Anonymous(), "/accessibilita", http.StatusOK,
				[]string{"parzialmente conforme", "24 novembre 2026", `href="https://form.agid.gov.it"`, "axe-core", `name="message"`}},
			{"privacy notice lists every cookie", env.Anonymous(), "/privacy", http.StatusOK,
				[]string{"crocevia_session", "crocevia_csrf", "crocevia_lang", "crocevia_flash", "articolo 9", "responsabileprotezionedati@interno.it"}},
			{"reports are refused to a non-admin", operator, "/accessibilita/segnalazioni", http.StatusForbidden, nil},
			{"reports send visitors to the login", env.Anonymous(), "/accessibilita/segnalazioni", http.StatusSeeOther, nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := tc.client.Get(tc.path)
				res.WantStatus(t, tc.status)
				res.WantBody(t, tc.want...)
			})
		}
	})
}
