package mail

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// SweepArgs is the periodic job that queues the delivery of unsent mail.
//
// The sweeper is the only path from the outbox to SMTP: modules queue mail
// in their own transaction and have no handle on the job queue, and a job
// enqueued by a transaction that then rolls back would point at nothing.
// So every committed, unsent row is picked up by the next sweep, at most a
// minute later, and no age threshold is needed: DeliverArgs is unique per
// row, so a message already queued or waiting for a retry is skipped.
type SweepArgs struct{}

// Kind names the job in the queue.
func (SweepArgs) Kind() string { return "mail.sweep" }

// SweepInterval is how often the outbox is swept.
const SweepInterval = time.Minute

// sweepBatch bounds one sweep; a longer backlog drains over a few minutes.
const sweepBatch = 500

// SweepWorker runs SweepArgs.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	DB *db.DB
}

// Work queues a DeliverArgs job for each unsent row still worth trying.
func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	ids, err := unsent(ctx, w.DB, sweepBatch)
	if err != nil || len(ids) == 0 {
		return err
	}
	insert, err := jobInserter(ctx)
	if err != nil {
		return err
	}
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: DeliverArgs{OutboxID: id}}
	}
	return insert(ctx, params)
}

// SweepJob schedules the sweep every minute, and once at start-up so mail
// left behind by a stopped instance goes out at once.
func SweepJob() *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(SweepInterval),
		func() (river.JobArgs, *river.InsertOpts) { return SweepArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: true})
}

// unsent lists the rows not yet delivered that have tries left, oldest first.
func unsent(ctx context.Context, q db.Querier, limit int) ([]int64, error) {
	return db.IDs(ctx, q, `SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < ?
		ORDER BY id LIMIT ?`, MaxAttempts, limit)
}

type insertFunc func(ctx context.Context, params []river.InsertManyParams) error

// jobInserter returns the insert of the River client working the current
// job. River hands a worker its client through the context, typed by the
// driver's transaction: pgx on PostgreSQL, database/sql on SQLite (see
// jobs.Open).
func jobInserter(ctx context.Context) (insertFunc, error) {
	if c, err := river.ClientFromContextSafely[pgx.Tx](ctx); err == nil {
		return func(ctx context.Context, p []river.InsertManyParams) error {
			_, err := c.InsertMany(ctx, p)
			return err
		}, nil
	}
	if c, err := river.ClientFromContextSafely[*sql.Tx](ctx); err == nil {
		return func(ctx context.Context, p []river.InsertManyParams) error {
			_, err := c.InsertMany(ctx, p)
			return err
		}, nil
	}
	return nil, errors.New("mail: sweep: no job queue client in the context")
}
