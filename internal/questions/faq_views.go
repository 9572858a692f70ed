package questions

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// faqViews counts Q&A page views in memory and adds them to questions.views
// in batches: a popular page must not turn every read into a write. Its
// writer runs only while there are counts to write, so an idle instance
// (or a test) holds no goroutine; counts not yet written when the process
// dies are lost, which a popularity ranking can afford.
type faqViews struct {
	db    *db.DB
	log   *slog.Logger
	every time.Duration // how often pending counts are written
	max   int           // pending views that trigger a write at once

	mu      sync.Mutex
	pending map[int64]int64
	n       int
	running bool
	closed  bool
	kick    chan struct{}
	stop    chan struct{}
	wg      sync.WaitGroup
}

func newFAQViews(d *db.DB, log *slog.Logger, every time.Duration, max int) *faqViews {
	return &faqViews{db: d, log: log, every: every, max: max, pending: map[int64]int64{},
		kick: make(chan struct{}, 1), stop: make(chan struct{})}
}

// add counts one view of question id.
func (v *faqViews) add(id int64) {
	v.mu.Lock()
	if v.closed {
		v.mu.Unlock()
		return
	}
	v.pending[id]++
	v.n++
	full, start := v.n >= v.max, !v.running
	if start {
		v.running = true
		v.wg.Add(1)
	}
	v.mu.Unlock()
	if start {
		go v.loop()
	}
	if full {
		select {
		case v.kick <- struct{}{}:
		default:
		}
	}
}

func (v *faqViews) loop() {
	defer v.wg.Done()
	t := time.NewTicker(v.every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-v.kick:
		case <-v.stop:
			return
		}
		if !v.flush() {
			return
		}
	}
}

// flush writes the pending counts; it reports false, and marks the writer
// stopped, when there was nothing to write.
func (v *faqViews) flush() bool {
	v.mu.Lock()
	batch := v.pending
	if len(batch) == 0 {
		v.running = false
		v.mu.Unlock()
		return false
	}
	v.pending, v.n = map[int64]int64{}, 0
	v.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := v.db.InTx(ctx, func(tx *db.Tx) error {
		// In ID order, so that two instances never wait on each other's rows.
		for _, id := range slices.Sorted(maps.Keys(batch)) {
			if _, err := tx.ExecContext(ctx, `UPDATE questions SET views = views + ? WHERE id = ?`, batch[id], id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		v.log.Warn("faq: views not saved", "questions", len(batch), "err", err)
	}
	return true
}

// Close stops the writer and writes what is pending.
func (v *faqViews) Close() {
	v.mu.Lock()
	if v.closed {
		v.mu.Unlock()
		return
	}
	v.closed = true
	v.mu.Unlock()
	close(v.stop)
	v.wg.Wait()
	v.flush()
}
