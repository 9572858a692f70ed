package mail

import (
	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Register adds the delivery workers to workers and returns the periodic
// jobs to schedule. The workers are registered even without SMTP, so a
// delivery job left in the queue by an instance that had it finishes
// quietly instead of failing as an unknown kind; the sweeper is scheduled
// only with SMTP, since without it nothing is ever delivered.
func Register(workers *river.Workers, d *db.DB, cfg SMTPConfig) ([]*river.PeriodicJob, error) {
	var sender *Sender
	if cfg.Enabled() {
		var err error
		if sender, err = NewSender(cfg); err != nil {
			return nil, err
		}
	}
	river.AddWorker(workers, &DeliverWorker{DB: d, Sender: sender})
	river.AddWorker(workers, &SweepWorker{DB: d})
	if sender == nil {
		return nil, nil
	}
	return []*river.PeriodicJob{SweepJob()}, nil
}
