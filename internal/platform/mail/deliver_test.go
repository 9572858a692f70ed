package mail_test

import (
	"context"
	"strings"
	"testing"

	"github.com/emersion/go-smtp"
	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	cmail "github.com/crocevia/crocevia/internal/platform/mail"
)

var italian = cmail.Message{
	To:      "anna.rossi@example.org",
	Subject: "Verifica già fissata: è tutto pronto?",
	Body:    "Buongiorno,\nla verifica del centro di accoglienza è fissata per lunedì.\nPerché sia più rapida, prepara le schede: città, attività, età.\n",
}

// mustQueue writes m to the outbox and returns its row.
func mustQueue(t *testing.T, d *db.DB, m cmail.Message) int64 {
	t.Helper()
	id, err := cmail.Queue(context.Background(), d, m)
	if err != nil {
		t.Fatalf("Queue: %v", err)
	}
	return id
}

func mustRead(t *testing.T, d *db.DB, id int64) *cmail.Stored {
	t.Helper()
	s, err := cmail.Read(context.Background(), d, id)
	if err != nil {
		t.Fatalf("Read(%d): %v", id, err)
	}
	return s
}

func mustSender(t *testing.T, cfg cmail.SMTPConfig) *cmail.Sender {
	t.Helper()
	s, err := cmail.NewSender(cfg)
	if err != nil {
		t.Fatalf("NewSender: %v", err)
	}
	return s
}

func work(w *cmail.DeliverWorker, id int64) error {
	return w.Work(context.Background(), &river.Job[cmail.DeliverArgs]{Args: cmail.DeliverArgs{OutboxID: id}})
}

func TestDeliver(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		srv := newSMTPServer(t, nil)
		w := &cmail.DeliverWorker{DB: d, Sender: mustSender(t, srv.config())}

		t.Run("message reaches the server in UTF-8 and is marked sent", func(t *testing.T) {
			id := mustQueue(t, d, italian)
			if err := work(w, id); err != nil {
				t.Fatalf("Work: %v", err)
			}
			got := srv.messages()
			if len(got) != 1 {
				t.Fatalf("server received %d messages; want 1", len(got))
			}
			m := got[0]
			if len(m.Rcpt) != 1 || m.Rcpt[0] != italian.To || !strings.Contains(m.To, italian.To) {
				t.Errorf("recipient = %v, To = %q; want %s", m.Rcpt, m.To, italian.To)
			}
			if m.Subject != italian.Subject {
				t.Errorf("subject = %q; want %q", m.Subject, italian.Subject)
			}
			if strings.ReplaceAll(m.Body, "\r\n", "\n") != italian.Body {
				t.Errorf("body = %q; want %q", m.Body, italian.Body)
			}
			s := mustRead(t, d, id)
			if s.SentAt == nil || s.Attempts != 1 || s.LastError != "" || s.State() != "sent" {
				t.Errorf("row = sent %v, attempts %d, error %q; want sent after one attempt", s.SentAt, s.Attempts, s.LastError)
			}
		})

		t.Run("sent message is not sent again", func(t *testing.T) {
			id := mustQueue(t, d, italian)
			before := len(srv.messages())
			for range 2 {
				if err := work(w, id); err != nil {
					t.Fatalf("Work: %v", err)
				}
			}
			if n := len(srv.messages()) - before; n != 1 {
				t.Fatalf("server received %d copies; want 1", n)
			}
		})

		t.Run("message out of attempts is left alone", func(t *testing.T) {
			id := mustQueue(t, d, italian)
			if _, err := d.ExecContext(context.Background(), `UPDATE outbox SET attempts = ? WHERE id = ?`, cmail.MaxAttempts, id); err != nil {
				t.Fatal(err)
			}
			before := len(srv.messages())
			if err := work(w, id); err != nil || len(srv.messages()) != before {
				t.Fatalf("Work = %v, %d new messages; want nil and none", err, len(srv.messages())-before)
			}
		})
	})
}

func TestDeliverFailure(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		srv := newSMTPServer(t, &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "Casella inesistente"})
		w := &cmail.DeliverWorker{DB: d, Sender: mustSender(t, srv.config())}
		id := mustQueue(t, d, italian)

		for attempt := 1; attempt <= 2; attempt++ {
			if err := work(w, id); err == nil {
				t.Fatalf("attempt %d: Work = nil; want the server's refusal so River retries", attempt)
			}
			s := mustRead(t, d, id)
			if s.SentAt != nil || s.Attempts != attempt || !strings.Contains(s.LastError, "550") || s.State() != "failed" {
				t.Fatalf("after attempt %d: sent %v, attempts %d, error %q; want unsent, %d attempts, the 550 kept",
					attempt, s.SentAt, s.Attempts, s.LastError, attempt)
			}
		}
	})
}

func TestDeliverWithoutSMTP(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := &cmail.DeliverWorker{DB: d}
		id := mustQueue(t, d, italian)
		if err := work(w, id); err != nil {
			t.Fatalf("Work: %v", err)
		}
		if s := mustRead(t, d, id); s.SentAt != nil || s.Attempts != 0 || s.State() != "queued" {
			t.Fatalf("row = sent %v, attempts %d; want untouched in the outbox", s.SentAt, s.Attempts)
		}
	})
}

func TestNewSenderRefusesBadSettings(t *testing.T) {
	tests := []struct {
		name string
		cfg  cmail.SMTPConfig
	}{
		{"unknown TLS mode", cmail.SMTPConfig{Host: "smtp.example.org", Port: 587, TLS: "ssl3", From: "noreply@example.org"}},
		{"malformed sender", cmail.SMTPConfig{Host: "smtp.example.org", Port: 587, TLS: "starttls", From: "non un indirizzo"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := cmail.NewSender(tc.cfg); err == nil {
				t.Fatal("NewSender = nil error; want the setting refused")
			}
		})
	}
}
