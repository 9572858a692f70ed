// Package jobs is the platform's database-backed job queue, River on the
// same database as everything else: jobs survive restarts, retry with
// backoff, and several instances sharing one PostgreSQL database each take
// a job exactly once.
package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Queue inserts jobs and runs the registered workers.
type Queue struct {
	insert func(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	start  func(ctx context.Context) error
	stop   func(ctx context.Context) error
	close  func()
}

// Config tells the queue which workers and periodic jobs this binary has.
type Config struct {
	Workers      *river.Workers
	PeriodicJobs []*river.PeriodicJob
	Log          *slog.Logger
	// MaxWorkers is how many jobs run at once in this instance.
	MaxWorkers int
	// PollInterval is how often idle instances look for new jobs.
	PollInterval time.Duration
}

// Open builds the queue on the platform's database. On SQLite River gets a
// pool of its own with a single connection, as its driver requires; on
// PostgreSQL a pgx pool.
func Open(ctx context.Context, d *db.DB, cfg Config) (*Queue, error) {
	rc := &river.Config{
		Workers:                     cfg.Workers,
		PeriodicJobs:                cfg.PeriodicJobs,
		Logger:                      cfg.Log,
		FetchPollInterval:           cfg.PollInterval,
		FetchCooldown:               50 * time.Millisecond,
		JobTimeout:                  5 * time.Minute,
		CompletedJobRetentionPeriod: 24 * time.Hour,
	}
	if cfg.MaxWorkers == 0 {
		cfg.MaxWorkers = 4
	}
	if rc.FetchPollInterval == 0 {
		rc.FetchPollInterval = time.Second
	}
	if cfg.Workers != nil {
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.MaxWorkers}}
	}
	if d.Dialect() == db.Postgres {
		pool, err := pgxpool.New(ctx, d.URL)
		if err != nil {
			return nil, fmt.Errorf("jobs: connect: %w", err)
		}
		c, err := river.NewClient(riverpgxv5.New(pool), rc)
		if err != nil {
			pool.Close()
			return nil, fmt.Errorf("jobs: %w", err)
		}
		return &Queue{insert: c.Insert, start: c.Start, stop: c.Stop, close: pool.Close}, nil
	}
	pool, err := sql.Open("sqlite", db.SQLiteDSN(d.URL))
	if err != nil {
		return nil, err
	}
	pool.SetMaxOpenConns(1)
	c, err := river.NewClient(riversqlite.New(pool), rc)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("jobs: %w", err)
	}
	return &Queue{insert: c.Insert, start: c.Start, stop: c.Stop, close: func() { pool.Close() }}, nil
}

// Migrate creates or upgrades River's own tables.
func Migrate(ctx context.Context, d *db.DB) error {
	if d.Dialect() == db.Postgres {
		pool, err := pgxpool.New(ctx, d.URL)
		if err != nil {
			return err
		}
		defer pool.Close()
		m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
		if err != nil {
			return err
		}
		_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
		return err
	}
	m, err := rivermigrate.New(riversqlite.New(d.SQL()), nil)
	if err != nil {
		return err
	}
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}

// Insert enqueues a job.
func (q *Queue) Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error {
	_, err := q.insert(ctx, args, opts)
	return err
}

// Start begins working jobs in the background.
func (q *Queue) Start(ctx context.Context) error { return q.start(ctx) }

// Stop waits for running jobs to finish (or ctx to end) and closes the pool.
func (q *Queue) Stop(ctx context.Context) error {
	err := q.stop(ctx)
	q.close()
	return err
}

// Counts returns the number of jobs per state, for the metrics.
func Counts(ctx context.Context, d *db.DB) (map[string]int, error) {
	rows, err := d.QueryContext(ctx, `SELECT state, COUNT(*) FROM river_job GROUP BY state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[s] = n
	}
	return out, rows.Err()
}
