package account

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// trail returns the whole audit trail, oldest first.
func trail(t *testing.T, d *db.DB) []audit.Entry {
	t.Helper()
	entries, _, err := audit.List(context.Background(), d, audit.Filter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(entries)-1; i < j; i, j = i+1, j-1 {
		entries[i], entries[j] = entries[j], entries[i]
	}
	return entries
}

// audited is one change of the trail with the entry holding it.
type audited struct {
	audit.Entry
	audit.Change
}

// changesOf lists the changes of field on entity, oldest first.
func changesOf(t *testing.T, entries []audit.Entry, entity, field string) []audited {
	t.Helper()
	var out []audited
	for _, e := range entries {
		if e.Entity != entity {
			continue
		}
		changes, err := e.ChangeList()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range changes {
			if c.Field == field {
				out = append(out, audited{e, c})
			}
		}
	}
	return out
}

func passwordHash(t *testing.T, d *db.DB, id int64) string {
	t.Helper()
	var h string
	if err := d.QueryRowContext(context.Background(), `SELECT password_hash FROM users WHERE id = ?`, id).Scan(&h); err != nil {
		t.Fatal(err)
	}
	return h
}

// TestAuditTrail walks through every change the account pages make and
// checks each is in the trail, by the right actor, without a secret.
func TestAuditTrail(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		u := f.User("op@example.org", auth.RoleServiceOperator)
		c := f.Login(u)
		secret, codes := enrol(t, c)
		secrets := append([]string{secret, webtest.Password, newPass, passwordHash(t, d, u.ID)}, codes...)

		post(c, "/logout", url.Values{})
		wantRedirect(t, login(c, u.Email, webtest.Password), "/login/otp")
		wantRedirect(t, otp(c, codes[0]), "/private")
		res := post(c, "/account/2fa/codici", url.Values{"current_password": {webtest.Password}})
		res.WantStatus(t, http.StatusOK)
		fresh := recoveryText.FindAllStringSubmatch(res.Body, -1)
		if len(fresh) != auth.RecoveryCodeCount {
			t.Fatalf("new recovery codes shown = %d; want %d", len(fresh), auth.RecoveryCodeCount)
		}
		for _, m := range fresh {
			secrets = append(secrets, m[1])
		}
		wantRedirect(t, post(c, "/account", url.Values{"name": {"Operatore Uno"}, "lang": {"it"}}), "/account")
		wantRedirect(t, post(c, "/account/2fa/disattiva", url.Values{"current_password": {webtest.Password}}), "/account")
		wantRedirect(t, post(c, "/account/password", url.Values{"current_password": {webtest.Password},
			"password": {newPass}, "password_confirm": {newPass}}), "/account")
		secrets = append(secrets, passwordHash(t, d, u.ID))
		anon := f.Anonymous()
		post(anon, "/password/reset", url.Values{"email": {u.Email}}).WantStatus(t, http.StatusOK)
		link := mailedPath(t, d)
		secrets = append(secrets, strings.TrimPrefix(link, "/password/reset/"))
		wantRedirect(t, post(anon, link, url.Values{"password": {newPass + "!"}, "password_confirm": {newPass + "!"}}), "/login")
		secrets = append(secrets, passwordHash(t, d, u.ID), newPass+"!")
		entries := trail(t, d)

		tests := []struct {
			entity, field string
			after         any
			actor         int64
		}{
			{"user", "totp_secret", "", u.ID},
			{"user", "totp_enabled", false, u.ID},
			{"recovery_codes", "codes", "***", u.ID},
			{"recovery_code", "used_at", nil, u.ID},
			{"user", "name", "Operatore Uno", u.ID},
			{"password_reset", "email", u.Email, 0},
			{"user", "password", "***", u.ID},
		}
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s.%s is audited", tt.entity, tt.field), func(t *testing.T) {
				all := changesOf(t, entries, tt.entity, tt.field)
				if len(all) == 0 {
					t.Fatal("no audit entry")
				}
				last := all[len(all)-1]
				if last.ActorID != tt.actor {
					t.Errorf("actor %d; want %d", last.ActorID, tt.actor)
				}
				if tt.after != nil && last.After != tt.after {
					t.Errorf("after = %#v; want %#v", last.After, tt.after)
				}
			})
		}
		t.Run("secrets show only as ***", func(t *testing.T) {
			for _, c := range changesOf(t, entries, "user", "totp_secret") {
				if c.Before != "***" && c.After != "***" {
					t.Errorf("TOTP secret recorded as %#v to %#v; want *** on one side", c.Before, c.After)
				}
			}
			for _, e := range entries {
				for _, s := range secrets {
					bare := strings.ReplaceAll(s, "-", "")
					if strings.Contains(e.Changes, s) || strings.Contains(e.Changes, bare) {
						t.Errorf("entry %d (%s %s) holds a secret: %s", e.ID, e.Action, e.Entity, e.Changes)
					}
				}
				if strings.Contains(e.Changes, "$argon2") {
					t.Errorf("entry %d holds a password hash: %s", e.ID, e.Changes)
				}
			}
		})
		t.Run("password changes are recorded each time", func(t *testing.T) {
			if n := len(changesOf(t, entries, "user", "password")); n != 2 {
				t.Fatalf("password changes audited %d times; want 2 (change and reset)", n)
			}
		})
		t.Run("reset request records when the link expires", func(t *testing.T) {
			all := changesOf(t, entries, "password_reset", "expires_at")
			if len(all) != 1 {
				t.Fatalf("reset requests audited %d times; want 1", len(all))
			}
			at, err := time.Parse(time.RFC3339Nano, fmt.Sprint(all[0].After))
			if err != nil || time.Until(at) < 50*time.Minute || time.Until(at) > auth.ResetTTL {
				t.Fatalf("expires_at = %v; want about an hour from now", all[0].After)
			}
		})
	})
}
