package notify_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// mounted builds the web server with the notification pages.
func mounted(t *testing.T, d *db.DB) (*webtest.Env, *notify.Service) {
	t.Helper()
	env := webtest.New(t, d)
	svc := newService(d)
	h, err := notify.New(env.Web, svc)
	if err != nil {
		t.Fatal(err)
	}
	env.Mount(h)
	return env, svc
}

// mustPost posts a notice to u and returns its ID.
func mustPost(t *testing.T, env *webtest.Env, svc *notify.Service, u *auth.User, title string) int64 {
	t.Helper()
	if err := post(t, env, svc, notify.Notice{UserID: u.ID, Title: title, Body: "Dettagli.", Link: "/account"}); err != nil {
		t.Fatal(err)
	}
	items, _, err := svc.List(context.Background(), u.ID, 1, 0)
	if err != nil || len(items) == 0 {
		t.Fatalf("List: %v", err)
	}
	return items[0].ID
}

func TestNotificationPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, svc := mounted(t, d)
		annaUser, brunoUser := env.User("anna@example.org"), env.User("bruno@example.org")
		anna, bruno := env.Login(annaUser), env.Login(brunoUser)
		first := mustPost(t, env, svc, annaUser, "Verifica programmata")
		second := mustPost(t, env, svc, annaUser, "Domanda assegnata")
		readPath := "/notifiche/" + strconv.FormatInt(first, 10) + "/letta"

		t.Run("anonymous visitors are sent to the login", func(t *testing.T) {
			res := env.Anonymous().Get("/notifiche")
			res.WantStatus(t, http.StatusSeeOther)
			if !strings.HasPrefix(res.Header.Get("Location"), "/login") {
				t.Fatalf("Location = %q; want the login", res.Header.Get("Location"))
			}
		})

		t.Run("the list shows the newest first with the unread state in words", func(t *testing.T) {
			res := anna.Get("/notifiche")
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Hai 2 notifiche da leggere.", "Non letta", `action="`+readPath+`"`)
			if strings.Index(res.Body, "Domanda assegnata") > strings.Index(res.Body, "Verifica programmata") {
				t.Error("the older notification is listed first")
			}
		})

		t.Run("another user's notification cannot be marked read", func(t *testing.T) {
			bruno.Post(readPath, nil).WantStatus(t, http.StatusNotFound)
			if got := svc.UnreadCount(context.Background(), annaUser.ID); got != 2 {
				t.Fatalf("anna's unread = %d; want 2", got)
			}
			if strings.Contains(bruno.Get("/notifiche").Body, "Verifica programmata") {
				t.Fatal("bruno sees anna's notifications")
			}
		})

		t.Run("a malformed id is not found", func(t *testing.T) {
			anna.Post("/notifiche/abc/letta", nil).WantStatus(t, http.StatusNotFound)
		})

		t.Run("the owner marks one read, and the change is audited", func(t *testing.T) {
			res := anna.Post(readPath, nil)
			res.WantStatus(t, http.StatusSeeOther)
			anna.Follow(res).WantBody(t, "Notifica segnata come letta.", "Hai una notifica da leggere.", "Letta")
			n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'notification' AND action = 'update'
				AND entity_id = ? AND actor_id = ?`, strconv.FormatInt(first, 10), annaUser.ID)
			if n != 1 {
				t.Fatalf("audit entries for the read = %d; want 1", n)
			}
		})

		t.Run("mark all read leaves nothing unread", func(t *testing.T) {
			res := anna.Post("/notifiche/lette", nil)
			res.WantStatus(t, http.StatusSeeOther)
			anna.Follow(res).WantBody(t, "Tutte le notifiche sono segnate come lette.", "Hai letto tutte le notifiche.")
			if got := svc.UnreadCount(context.Background(), annaUser.ID); got != 0 {
				t.Fatalf("unread = %d; want 0", got)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'notification' AND action = 'update' AND entity_id = ?`,
				strconv.FormatInt(second, 10)); n != 1 {
				t.Fatalf("audit entries for the second read = %d; want 1", n)
			}
		})

		t.Run("a user without notifications is told so", func(t *testing.T) {
			bruno.Get("/notifiche").WantBody(t, "Non hai notifiche.")
		})
	})
}
