package mail_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/jobs"
	cmail "github.com/crocevia/crocevia/internal/platform/mail"
)

// openQueue builds the job queue with the mail workers registered for cfg.
func openQueue(t *testing.T, d *db.DB, cfg cmail.SMTPConfig) *jobs.Queue {
	t.Helper()
	workers := river.NewWorkers()
	periodic, err := cmail.Register(workers, d, cfg)
	if err != nil {
		t.Fatalf("Register: %v", err)
	}
	q, err := jobs.Open(context.Background(), d, jobs.Config{Workers: workers, PeriodicJobs: periodic,
		Log: slog.New(slog.DiscardHandler), PollInterval: 50 * time.Millisecond})
	if err != nil {
		t.Fatalf("jobs.Open: %v", err)
	}
	return q
}

func TestSweepDeliversThroughTheQueue(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		srv := newSMTPServer(t, nil)
		pending := mustQueue(t, d, italian)
		exhausted := mustQueue(t, d, cmail.Message{To: "esaurito@example.org", Subject: "Mai", Body: "x"})
		if _, err := d.ExecContext(ctx, `UPDATE outbox SET attempts = ? WHERE id = ?`, cmail.MaxAttempts, exhausted); err != nil {
			t.Fatal(err)
		}
		q := openQueue(t, d, srv.config())
		if err := q.Start(ctx); err != nil {
			t.Fatalf("Start: %v", err)
		}
		t.Cleanup(func() { _ = q.Stop(context.Background()) })

		deadline := time.Now().Add(15 * time.Second)
		for mustRead(t, d, pending).SentAt == nil {
			if time.Now().After(deadline) {
				t.Fatal("the sweep did not deliver the queued message within 15s")
			}
			time.Sleep(50 * time.Millisecond)
		}
		got := srv.messages()
		if len(got) != 1 || got[0].Subject != italian.Subject {
			t.Fatalf("server received %+v; want only the pending message", got)
		}
		if s := mustRead(t, d, exhausted); s.SentAt != nil {
			t.Fatal("a message out of attempts was delivered")
		}
	})
}

func TestDeliveryIsQueuedOncePerRow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		q := openQueue(t, d, cmail.SMTPConfig{})
		t.Cleanup(func() { _ = q.Stop(context.Background()) })
		for _, id := range []int64{7, 7, 8} {
			if err := q.Insert(ctx, cmail.DeliverArgs{OutboxID: id}, nil); err != nil {
				t.Fatalf("Insert(%d): %v", id, err)
			}
		}
		var n int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM river_job WHERE kind = ?`, "mail.deliver").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Fatalf("delivery jobs = %d; want 2 (one per outbox row)", n)
		}
	})
}

func TestRegisterSchedulesSweepOnlyWithSMTP(t *testing.T) {
	tests := []struct {
		name string
		cfg  cmail.SMTPConfig
		want int
	}{
		{"without SMTP the outbox is the mailbox", cmail.SMTPConfig{}, 0},
		{"with SMTP the outbox is swept", cmail.SMTPConfig{Host: "smtp.example.org", Port: 587, TLS: "starttls", From: "noreply@example.org"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			periodic, err := cmail.Register(river.NewWorkers(), nil, tc.cfg)
			if err != nil || len(periodic) != tc.want {
				t.Fatalf("Register = %d periodic jobs, %v; want %d", len(periodic), err, tc.want)
			}
		})
	}
}
