package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/mail"
)

var inviteLink = regexp.MustCompile(regexp.QuoteMeta(baseURL) + `/invito/([A-Za-z0-9_-]+)`)

// lastMail returns the newest outbox message to addr and the invitation
// token it carries.
func lastMail(t *testing.T, d *db.DB, addr string) (mail.Stored, string) {
	t.Helper()
	msgs, _, err := mail.Outbox(context.Background(), d, mail.OutboxFilter{To: &addr})
	if err != nil || len(msgs) == 0 {
		t.Fatalf("no mail to %s (%v)", addr, err)
	}
	m := inviteLink.FindStringSubmatch(msgs[0].Body)
	if m == nil {
		t.Fatalf("mail lacks the invitation link:\n%s", msgs[0].Body)
	}
	return msgs[0], m[1]
}

func invitationForm(email string, orgID int64) url.Values {
	return url.Values{"email": {email}, "name": {"Giulia Ferrari"}, "org_id": {itoa(orgID)}, "role": {string(auth.RoleInspector)}}
}

func TestInvitation(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		ctx := context.Background()
		org := env.Org("Prefettura di Alessandria", auth.KindPrefettura)
		res := admin.Post("/admin/invitations", invitationForm("Giulia.Ferrari@example.org", org.ID))
		res.WantStatus(t, http.StatusSeeOther)
		uid, _ := strconv.ParseInt(strings.TrimPrefix(res.Header.Get("Location"), "/admin/users/"), 10, 64)
		msg, token := lastMail(t, d, "giulia.ferrari@example.org")

		t.Run("user exists without a password, with the role", func(t *testing.T) {
			u, err := env.Auth.UserByID(ctx, d, uid)
			if err != nil || !u.HasRoleIn(auth.RoleInspector, org.ID) || !u.Active {
				t.Fatalf("user %+v, %v; want an active inspector of the Prefettura", u, err)
			}
			if set, _ := env.Auth.HasPassword(ctx, d, uid); set {
				t.Fatal("invited user has a password")
			}
		})
		t.Run("mail carries a working link in Italian", func(t *testing.T) {
			if msg.Subject != "Invito a Crocevia" || !strings.Contains(msg.Body, "Ispettore, Prefettura di Alessandria") {
				t.Fatalf("mail %q:\n%s", msg.Subject, msg.Body)
			}
			if got, err := env.Auth.TokenUser(ctx, d, auth.TokenInvite, token); err != nil || got != uid {
				t.Fatalf("token names user %d (%v); want %d", got, err, uid)
			}
		})
		t.Run("trail names the admin for user, membership and invitation", func(t *testing.T) {
			for _, entity := range []string{"user", "membership", "invitation"} {
				if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = ? AND actor_email = ?`, entity, "admin@example.org"); n != 1 {
					t.Errorf("%d %s entries by the admin; want 1", n, entity)
				}
			}
		})
		t.Run("outbox page shows the message with its link", func(t *testing.T) {
			admin.Get("/admin/outbox/"+itoa(msg.ID)).WantBody(t, `<a href="`+baseURL+`/invito/`+token+`">`)
		})
		t.Run("resending replaces the link", func(t *testing.T) {
			admin.Post("/admin/users/"+itoa(uid)+"/invite", nil).WantStatus(t, http.StatusSeeOther)
			_, fresh := lastMail(t, d, "giulia.ferrari@example.org")
			if _, err := env.Auth.TokenUser(ctx, d, auth.TokenInvite, token); err == nil {
				t.Fatal("the old link still works")
			}
			if got, err := env.Auth.TokenUser(ctx, d, auth.TokenInvite, fresh); err != nil || got != uid {
				t.Fatalf("new token names %d (%v); want %d", got, err, uid)
			}
		})
		t.Run("resending to a user with a password is refused", func(t *testing.T) {
			res := admin.Post("/admin/users/"+itoa(admin.User.ID)+"/invite", nil)
			res.WantStatus(t, http.StatusConflict)
			res.WantBody(t, "L&#39;utente ha già scelto la password")
		})
	})
}

func TestInvitationRefused(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		org := env.Org("Prefettura di Alessandria", auth.KindPrefettura)
		env.User("presente@example.org")
		// What an invitation writes; a refused one must write none of it.
		tables := []string{"users", "memberships", "user_tokens", "outbox", "audit_log"}
		before := map[string]int{}
		for _, tb := range tables {
			before[tb] = count(t, d, `SELECT COUNT(*) FROM `+tb)
		}
		unchanged := func(t *testing.T) {
			t.Helper()
			for _, tb := range tables {
				if n := count(t, d, `SELECT COUNT(*) FROM `+tb); n != before[tb] {
					t.Errorf("%s has %d rows; want %d", tb, n, before[tb])
				}
			}
		}
		t.Run("fields are checked together and kept", func(t *testing.T) {
			res := admin.Post("/admin/invitations", url.Values{"email": {"non-valida"}, "name": {"Mario"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-email-error"`, `id="f-org_id-error"`, `id="f-role-error"`, `value="Mario"`)
			unchanged(t)
		})
		t.Run("an e-mail already in use is refused", func(t *testing.T) {
			res := admin.Post("/admin/invitations", invitationForm("presente@example.org", org.ID))
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-email-error">Esiste già un account con questo indirizzo.`)
			unchanged(t)
		})
		t.Run("a failure after the user was written leaves nothing behind", func(t *testing.T) {
			ctx := context.Background()
			// Without the outbox the mail cannot be queued, the last step.
			if _, err := d.ExecContext(ctx, `ALTER TABLE outbox RENAME TO outbox_away`); err != nil {
				t.Fatal(err)
			}
			res := admin.Post("/admin/invitations", invitationForm("nuova@example.org", org.ID))
			if _, err := d.ExecContext(ctx, `ALTER TABLE outbox_away RENAME TO outbox`); err != nil {
				t.Fatal(err)
			}
			res.WantStatus(t, http.StatusInternalServerError)
			unchanged(t)
		})
	})
}
