package admin_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/mail"
)

func TestOutbox(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		_, admin := setup(t, d)
		ctx := context.Background()
		for _, to := range []string{"uno@example.org", "due@example.org"} {
			if _, err := mail.Queue(ctx, d, mail.Message{To: to, Subject: "Prova per " + to, Body: "Testo\nhttps://example.org/x"}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := d.ExecContext(ctx, `UPDATE outbox SET attempts = 2, last_error = 'connessione rifiutata' WHERE to_addr = 'due@example.org'`); err != nil {
			t.Fatal(err)
		}
		t.Run("list shows newest first with state and error", func(t *testing.T) {
			res := admin.Get("/admin/outbox")
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Invio non riuscito", "connessione rifiutata", "In coda")
			if strings.Index(res.Body, "Prova per due@") > strings.Index(res.Body, "Prova per uno@") {
				t.Fatal("older message listed first")
			}
		})
		t.Run("recipient filter keeps one", func(t *testing.T) {
			res := admin.Get("/admin/outbox?to=uno@example.org")
			res.WantBody(t, "Prova per uno@")
			if strings.Contains(res.Body, "Prova per due@") {
				t.Fatal("filter kept the other recipient")
			}
		})
		t.Run("message page shows the body with links", func(t *testing.T) {
			msgs, _, err := mail.Outbox(ctx, d, mail.OutboxFilter{})
			if err != nil {
				t.Fatal(err)
			}
			admin.Get("/admin/outbox/"+itoa(msgs[0].ID)).WantBody(t, "Testo<br>", `<a href="https://example.org/x">`)
		})
	})
}
