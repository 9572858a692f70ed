package mail

import (
	"context"
	"errors"
	"time"

	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// MaxAttempts is how many times a message is tried before it stays in the
// outbox as failed. With River's backoff (attempt⁴ seconds) the tenth try
// comes about four and a half hours after the first: long enough to ride
// out a mail server's maintenance, short enough that a reset link is still
// worth receiving.
const MaxAttempts = 10

// DeliverArgs is the job that sends one outbox row.
type DeliverArgs struct {
	OutboxID int64 `json:"outbox_id"`
}

// Kind names the job in the queue.
func (DeliverArgs) Kind() string { return "mail.deliver" }

// InsertOpts makes the job unique per row, so the sweeper never queues a
// message that is already waiting for its next retry, and caps the retries.
func (DeliverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: MaxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// DeliverWorker runs DeliverArgs. Without a Sender (no SMTP configured) it
// leaves the message where it is: the outbox is then the mailbox.
type DeliverWorker struct {
	river.WorkerDefaults[DeliverArgs]
	DB     *db.DB
	Sender *Sender
}

// Work sends the message and records the outcome on its row. A failure is
// returned so that River retries with backoff.
func (w *DeliverWorker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	if w.Sender == nil {
		return nil
	}
	m, err := Read(ctx, w.DB, job.Args.OutboxID)
	if errors.Is(err, ErrMessageNotFound) {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	if m.SentAt != nil || m.Attempts >= MaxAttempts {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, sendTimeout)
	defer cancel()
	if err := w.Sender.Send(ctx, m); err != nil {
		return errors.Join(err, markFailed(context.WithoutCancel(ctx), w.DB, m.ID, err))
	}
	return markSent(context.WithoutCancel(ctx), w.DB, m.ID)
}

// maxErrorLen keeps a chatty server's reply from bloating the outbox.
const maxErrorLen = 500

func markSent(ctx context.Context, q db.Querier, id int64) error {
	_, err := q.ExecContext(ctx, `UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = ''
		WHERE id = ? AND sent_at IS NULL`, time.Now().UTC(), id)
	return err
}

func markFailed(ctx context.Context, q db.Querier, id int64, cause error) error {
	msg := []rune(cause.Error())
	if len(msg) > maxErrorLen {
		msg = msg[:maxErrorLen]
	}
	_, err := q.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?`,
		string(msg), id)
	return err
}
