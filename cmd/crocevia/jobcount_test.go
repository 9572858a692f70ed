package main

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// waitJobsDone waits until every job of kind reached a final state. The
// deadline only keeps a broken queue from hanging the suite.
func waitJobsDone(t *testing.T, d *db.DB, kind string, n int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var done int
		err := d.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM river_job
			WHERE kind = ? AND state IN ('completed', 'discarded', 'cancelled')`, kind).Scan(&done)
		if err != nil {
			t.Fatal(err)
		}
		if done == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d jobs finished", done, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// countArgs is a job that only records that it ran.
type countArgs struct{ N int }

func (countArgs) Kind() string { return "e2e.count" }

type countWorker struct {
	river.WorkerDefaults[countArgs]
	instance string
	runs     *jobRuns
}

func (w *countWorker) Work(ctx context.Context, job *river.Job[countArgs]) error {
	w.runs.add(job.ID, w.instance)
	// A short pause lets the other instance fetch jobs too.
	time.Sleep(10 * time.Millisecond)
	return nil
}

// jobRuns counts executions per job ID and per instance.
type jobRuns struct {
	mu    sync.Mutex
	count map[int64]int
	by    map[string]int
}

func (r *jobRuns) add(id int64, instance string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count[id]++
	r.by[instance]++
}

func (r *jobRuns) check(t *testing.T, n int) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.count) != n {
		t.Errorf("%d distinct jobs ran, want %d", len(r.count), n)
	}
	for id, c := range r.count {
		if c != 1 {
			t.Errorf("job %d ran %d times", id, c)
		}
	}
	t.Logf("jobs worked per instance: %v", r.by)
}
