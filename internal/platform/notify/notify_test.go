package notify_test

import (
	"context"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/mail"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

const baseURL = "https://crocevia.example.org"

func newService(d *db.DB) *notify.Service {
	return &notify.Service{DB: d, BaseURL: baseURL + "/", I18n: i18n.MustLoad()}
}

// post stores n as the system would, inside a transaction of its own.
func post(t *testing.T, env *webtest.Env, svc *notify.Service, n notify.Notice) error {
	t.Helper()
	ctx := webtest.System()
	return env.DB.InTx(ctx, func(tx *db.Tx) error { return svc.Post(ctx, tx, n) })
}

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func outboxFor(t *testing.T, d *db.DB, to string) []mail.Stored {
	t.Helper()
	msgs, _, err := mail.Outbox(context.Background(), d, mail.OutboxFilter{To: &to})
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

func TestPost(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := webtest.New(t, d)
		svc := newService(d)
		wants := env.User("vuole@example.org", auth.RoleServiceOperator)
		declines := env.User("no-email@example.org", auth.RoleServiceOperator)
		gone := env.User("disattivato@example.org", auth.RoleServiceOperator)
		english := env.User("english@example.org", auth.RoleServiceOperator)
		env.InTx(func(ctx context.Context, tx *db.Tx) error {
			if _, err := tx.ExecContext(ctx, `UPDATE users SET email_notifications = ? WHERE id = ?`, false, declines.ID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE users SET lang = 'en' WHERE id = ?`, english.ID); err != nil {
				return err
			}
			return env.Auth.SetActive(ctx, tx, gone.ID, false)
		})
		notice := func(u *auth.User) notify.Notice {
			return notify.Notice{UserID: u.ID, Title: "Nuova risposta alla tua domanda",
				Body: "La mediatrice ha risposto: «sì, è possibile al 100%».", Link: "/domande/12"}
		}

		t.Run("with e-mail notifications on, the row and an e-mail copy are written", func(t *testing.T) {
			if err := post(t, env, svc, notice(wants)); err != nil {
				t.Fatal(err)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL`, wants.ID); n != 1 {
				t.Fatalf("notifications = %d; want 1", n)
			}
			msgs := outboxFor(t, d, wants.Email)
			if len(msgs) != 1 {
				t.Fatalf("outbox holds %d messages for the user; want 1", len(msgs))
			}
			m := msgs[0]
			if m.Subject != "[Crocevia] Nuova risposta alla tua domanda" {
				t.Errorf("subject = %q", m.Subject)
			}
			for _, part := range []string{"«sì, è possibile al 100%».", baseURL + "/domande/12", baseURL + "/notifiche", baseURL + "/account"} {
				if !strings.Contains(m.Body, part) {
					t.Errorf("body lacks %q:\n%s", part, m.Body)
				}
			}
		})

		t.Run("with e-mail notifications off, only the row is written", func(t *testing.T) {
			if err := post(t, env, svc, notice(declines)); err != nil {
				t.Fatal(err)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ?`, declines.ID); n != 1 {
				t.Fatalf("notifications = %d; want 1", n)
			}
			if msgs := outboxFor(t, d, declines.Email); len(msgs) != 0 {
				t.Fatalf("outbox holds %d messages; want none", len(msgs))
			}
		})

		t.Run("a deactivated user gets no e-mail", func(t *testing.T) {
			if err := post(t, env, svc, notice(gone)); err != nil {
				t.Fatal(err)
			}
			if msgs := outboxFor(t, d, gone.Email); len(msgs) != 0 {
				t.Fatalf("outbox holds %d messages; want none", len(msgs))
			}
		})

		t.Run("the e-mail copy speaks the user's language", func(t *testing.T) {
			if err := post(t, env, svc, notice(english)); err != nil {
				t.Fatal(err)
			}
			msgs := outboxFor(t, d, english.Email)
			if len(msgs) != 1 || !strings.Contains(msgs[0].Body, "All your notifications: "+baseURL+"/notifiche") {
				t.Fatalf("outbox = %+v; want one English copy", msgs)
			}
		})

		t.Run("every notice is audited", func(t *testing.T) {
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'notification' AND action = 'create'`); n != 4 {
				t.Fatalf("audit entries = %d; want 4", n)
			}
		})
	})
}

func TestPostRefusesBadNotices(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := webtest.New(t, d)
		svc := newService(d)
		u := env.User("utente@example.org")
		tests := []struct {
			name string
			n    notify.Notice
		}{
			{"blank title", notify.Notice{UserID: u.ID, Title: "  "}},
			{"link to another site", notify.Notice{UserID: u.ID, Title: "x", Link: "https://altro.example.org/"}},
			{"protocol-relative link", notify.Notice{UserID: u.ID, Title: "x", Link: "//altro.example.org/"}},
			{"unknown recipient", notify.Notice{UserID: u.ID + 1000, Title: "x"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				if err := post(t, env, svc, tc.n); apperr.KindOf(err) != apperr.Invalid {
					t.Fatalf("Post = %v; want an invalid-notice error", err)
				}
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM notifications`) + count(t, d, `SELECT COUNT(*) FROM outbox`); n != 0 {
			t.Fatalf("%d rows written for refused notices; want 0", n)
		}
	})
}

func TestUnreadCount(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := webtest.New(t, d)
		svc := newService(d)
		anna, bruno := env.User("anna@example.org"), env.User("bruno@example.org")
		for _, title := range []string{"Prima", "Seconda", "Terza"} {
			if err := post(t, env, svc, notify.Notice{UserID: anna.ID, Title: title}); err != nil {
				t.Fatal(err)
			}
		}
		ctx := context.Background()
		items, _, err := svc.List(ctx, anna.ID, 10, 0)
		if err != nil || len(items) != 3 || items[0].Title != "Terza" {
			t.Fatalf("List = %+v, %v; want three, newest first", items, err)
		}
		if err := svc.MarkRead(ctx, anna.ID, items[0].ID); err != nil {
			t.Fatal(err)
		}
		if got := svc.UnreadCount(ctx, anna.ID); got != 2 {
			t.Errorf("UnreadCount(anna) = %d; want 2", got)
		}
		if got := svc.UnreadCount(ctx, bruno.ID); got != 0 {
			t.Errorf("UnreadCount(bruno) = %d; want 0", got)
		}
		if n, err := svc.MarkAllRead(ctx, anna.ID); err != nil || n != 2 || svc.UnreadCount(ctx, anna.ID) != 0 {
			t.Errorf("MarkAllRead = %d, %v; want 2 marked and none left", n, err)
		}
	})
}
