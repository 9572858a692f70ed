package auth

import (
	"context"
	"time"

	"github.com/riverqueue/river"
)

// PurgeArgs is the periodic job that removes expired sessions, one-time
// tokens and old rate-limit windows.
type PurgeArgs struct{}

// Kind names the job in the queue.
func (PurgeArgs) Kind() string { return "auth.purge" }

// PurgeWorker runs PurgeArgs.
type PurgeWorker struct {
	river.WorkerDefaults[PurgeArgs]
	Store *Store
}

// Work deletes what has expired.
func (w *PurgeWorker) Work(ctx context.Context, _ *river.Job[PurgeArgs]) error {
	if _, err := w.Store.PurgeExpiredSessions(ctx); err != nil {
		return err
	}
	now := time.Now().UTC()
	if _, err := w.Store.DB.ExecContext(ctx, `DELETE FROM user_tokens WHERE expires_at < ?`, now.Add(-7*24*time.Hour)); err != nil {
		return err
	}
	_, err := w.Store.DB.ExecContext(ctx, `DELETE FROM rate_limits WHERE window_start < ?`, now.Add(-24*time.Hour))
	return err
}

// PurgeJob schedules the purge every hour.
func PurgeJob() *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(time.Hour),
		func() (river.JobArgs, *river.InsertOpts) { return PurgeArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: false})
}
