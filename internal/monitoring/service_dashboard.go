package monitoring

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Figures gathers the dashboard's numbers on day now. Each figure is one
// indexed query; overdue facilities reuse the inspections' own rule. The
// queries are independent reads, so they run side by side: the page
// waits for the slowest, not for their sum.
func (h *Handler) Figures(ctx context.Context, now time.Time) (*Figures, error) {
	f := &Figures{Today: dayOf(now)}
	var pres Presence
	var overdue, contest int
	steps := []func(context.Context) error{
		func(ctx context.Context) error { return facilityTotals(ctx, h.db, f) },
		func(ctx context.Context) error { return plannedSoon(ctx, h.db, f) },
		func(ctx context.Context) error { return actionCounts(ctx, h.db, f) },
		func(ctx context.Context) error { return contractsExpiring(ctx, h.db, f) },
		func(ctx context.Context) error { return documents(ctx, h.db, f) },
		func(ctx context.Context) error {
			by, err := latestPresences(ctx, h.db, f.Today)
			for _, p := range by {
				pres.add(p)
			}
			return err
		},
		func(ctx context.Context) error {
			list, err := h.inspections.OverdueOn(ctx, f.Today)
			overdue = len(list)
			return err
		},
		func(ctx context.Context) error {
			if h.contest == nil {
				return nil
			}
			var err error
			contest, err = h.contest(ctx)
			return err
		},
	}
	// Each step writes only its own fields of f.
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Go(func() { errs[i] = step(ctx) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	f.Presence, f.Overdue = pres, overdue
	if h.contest != nil {
		f.Contestations = &contest
	}
	return f, nil
}
