package presences

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// reconcile computes the month of each of contracts (already within sc)
// with four queries whatever their number: facilities, presences, history
// and invoices. today bounds the days counted: only past days are due.
func reconcile(ctx context.Context, q db.Querier, sc scope, contracts []*RecContract, month, today time.Time) ([]*Reconciliation, error) {
	if len(contracts) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(contracts))
	for i, c := range contracts {
		ids[i] = c.ID
	}
	facs, err := contractFacilities(ctx, q, sc, ids)
	if err != nil {
		return nil, err
	}
	data, err := facilityMonth(ctx, q, facs, month)
	if err != nil {
		return nil, err
	}
	invoices, err := invoicesFor(ctx, q, ids, month.Format("2006-01"))
	if err != nil {
		return nil, err
	}
	out := make([]*Reconciliation, len(contracts))
	for i, c := range contracts {
		var fds []*facilityData
		for _, f := range facs[c.ID] {
			fds = append(fds, data[f.ID])
		}
		out[i] = build(c, month, today, fds, invoices[c.ID])
	}
	return out, nil
}

// facilityMonth reads the month's presences and history of every facility
// in facs, by facility ID.
func facilityMonth(ctx context.Context, q db.Querier, facs map[int64][]*Facility, month time.Time) (map[int64]*facilityData, error) {
	out := map[int64]*facilityData{}
	var ids []int64
	for _, list := range facs {
		for _, f := range list {
			if out[f.ID] == nil {
				out[f.ID] = &facilityData{f: f}
				ids = append(ids, f.ID)
			}
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	first, last := month, month.AddDate(0, 1, -1)
	pres, err := monthPresences(ctx, q, ids, first, last)
	if err != nil {
		return nil, err
	}
	hist, err := monthHistory(ctx, q, ids, first, last)
	if err != nil {
		return nil, err
	}
	for id, fd := range out {
		fd.present = pres[id]
		fd.prices, fd.places = hist[id][histPrice], hist[id][histPlaces]
	}
	return out, nil
}

// reconcileOne is contract id's month, if sc includes it.
func reconcileOne(ctx context.Context, q db.Querier, sc scope, id int64, month, today time.Time) (*Reconciliation, error) {
	c, err := recContractByID(ctx, q, sc, id)
	if err != nil {
		return nil, err
	}
	list, err := reconcile(ctx, q, sc, []*RecContract{c}, month, today)
	if err != nil {
		return nil, err
	}
	return list[0], nil
}
