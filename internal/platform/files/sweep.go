package files

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/riverqueue/river"
)

// sweepGrace spares blobs and temporary files younger than this: they may
// belong to a transaction that has not committed yet.
const sweepGrace = time.Hour

// Sweep removes from the disk backend the blobs no file row names any more
// (deleted files, rolled-back uploads) and stale temporary files. It returns
// how many it removed. Deleting a row never removes its blob at once: the
// transaction could still roll back, and another row may share the content.
func (s *Store) Sweep(ctx context.Context) (int, error) {
	b, ok := s.backends[diskBackendName].(*DiskBackend)
	if !ok {
		return 0, nil
	}
	removed := 0
	cutoff := time.Now().Add(-sweepGrace)
	err := filepath.WalkDir(b.Dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil || d.IsDir() {
			return err
		}
		gone, err := s.sweepOne(ctx, p, d, cutoff)
		if gone {
			removed++
		}
		return err
	})
	return removed, err
}

func (s *Store) sweepOne(ctx context.Context, p string, d fs.DirEntry, cutoff time.Time) (bool, error) {
	info, err := d.Info()
	if err != nil || info.ModTime().After(cutoff) {
		return false, nil
	}
	if name := d.Name(); !strings.HasPrefix(name, tempPrefix) {
		var n int
		err := s.db.QueryRowContext(ctx,
			`SELECT COUNT(*) FROM files WHERE storage = 'disk' AND sha256 = ?`, name).Scan(&n)
		if err != nil || n > 0 {
			return false, err
		}
	}
	return true, os.Remove(p)
}

// SweepArgs is the periodic job that runs Sweep.
type SweepArgs struct{}

// Kind names the job in the queue.
func (SweepArgs) Kind() string { return "files.sweep" }

type sweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	store *Store
}

func (w *sweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	_, err := w.store.Sweep(ctx)
	return err
}

// SweepJob registers the sweep worker for s and returns its daily schedule.
func SweepJob(workers *river.Workers, s *Store) *river.PeriodicJob {
	river.AddWorker(workers, &sweepWorker{store: s})
	return river.NewPeriodicJob(river.PeriodicInterval(24*time.Hour),
		func() (river.JobArgs, *river.InsertOpts) { return SweepArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: false})
}
