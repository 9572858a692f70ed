package presences

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const recContractCols = `c.id, c.cig, c.lot, c.managing_body_id, o.name, c.signed_on, c.expires_on, c.extended_to,
	c.price_cents, c.places FROM contracts c JOIN organisations o ON o.id = c.managing_body_id`

func scanRecContract(r db.Scanner) (*RecContract, error) {
	c := &RecContract{}
	var ext *time.Time
	if err := r.Scan(&c.ID, &c.CIG, &c.Lot, &c.BodyID, &c.BodyName, &c.SignedOn, &c.EndsOn, &ext,
		&c.PriceCents, &c.Places); err != nil {
		return nil, err
	}
	if ext != nil {
		c.EndsOn = *ext
	}
	c.SignedOn, c.EndsOn = asDay(c.SignedOn), asDay(c.EndsOn)
	return c, nil
}

// recContractByID finds contract id within sc; outside it the contract
// does not exist.
func recContractByID(ctx context.Context, q db.Querier, sc scope, id int64) (*RecContract, error) {
	where, args := sc.clause("c.managing_body_id")
	c, err := scanRecContract(q.QueryRowContext(ctx, `SELECT `+recContractCols+` WHERE c.id = ? AND `+where,
		append([]any{id}, args...)...))
	if errors.Is(err, db.ErrNotFound) {
		return nil, apperr.NotFoundf("Contratto non trovato")
	}
	return c, err
}

// contractsInForce lists a page of the contracts within sc in force during
// month, by CIG, and how many there are in all.
func contractsInForce(ctx context.Context, q db.Querier, sc scope, month time.Time, limit, offset int) ([]*RecContract, int, error) {
	where, args := sc.clause("c.managing_body_id")
	where += ` AND c.signed_on <= ? AND COALESCE(c.extended_to, c.expires_on) >= ?`
	args = append(args, month.AddDate(0, 1, -1), month)
	var total int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM contracts c WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+recContractCols+` WHERE `+where+` ORDER BY c.cig LIMIT ? OFFSET ?`,
		append(args, limit, offset)...)
	out, err := db.Collect(rows, err, scanRecContract)
	return out, total, err
}

// placeholders is "?,?,…" for n values, and ids as arguments.
func placeholders(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?,", len(ids)), ","), args
}

// contractFacilities lists, by contract ID, the facilities the contracts
// cover that sc includes: a facility passed to another body stays hidden
// from the old one, as in the registry.
func contractFacilities(ctx context.Context, q db.Querier, sc scope, contracts []int64) (map[int64][]*Facility, error) {
	in, args := placeholders(contracts)
	where, sargs := sc.clause("f.managing_body_id")
	rows, err := q.QueryContext(ctx, `SELECT cf.contract_id, `+facilityCols+`
		JOIN contract_facilities cf ON cf.facility_id = f.id WHERE cf.contract_id IN (`+in+`) AND `+where+`
		ORDER BY f.name, f.code`, append(args, sargs...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]*Facility{}
	for rows.Next() {
		var cid int64
		f, err := scanFacility(prefixed{rows, &cid})
		if err != nil {
			return nil, err
		}
		out[cid] = append(out[cid], f)
	}
	return out, rows.Err()
}

// prefixed scans one leading column into first, the rest with the wrapped scanner.
type prefixed struct {
	r     db.Scanner
	first any
}

func (p prefixed) Scan(dest ...any) error { return p.r.Scan(append([]any{p.first}, dest...)...) }

// monthPresences reads the present guests of facilities from first to
// last, by facility and day: the (facility_id, day) unique index serves it.
func monthPresences(ctx context.Context, q db.Querier, facilities []int64, first, last time.Time) (map[int64]map[time.Time]int, error) {
	in, args := placeholders(facilities)
	rows, err := q.QueryContext(ctx, `SELECT facility_id, day, present FROM presences
		WHERE facility_id IN (`+in+`) AND day >= ? AND day <= ?`, append(args, first, last)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[time.Time]int{}
	for rows.Next() {
		var id int64
		var d time.Time
		var n int
		if err := rows.Scan(&id, &d, &n); err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = map[time.Time]int{}
		}
		out[id][asDay(d)] = n
	}
	return out, rows.Err()
}

// History fields the reconciliation reads, as the registry records them.
const (
	histPrice  = "price"
	histPlaces = "contracted_places"
)

// monthHistory reads the price and contracted-places periods of
// facilities that overlap [first, last], by facility and field.
func monthHistory(ctx context.Context, q db.Querier, facilities []int64, first, last time.Time) (map[int64]map[string][]period, error) {
	in, args := placeholders(facilities)
	rows, err := q.QueryContext(ctx, `SELECT facility_id, field, value, valid_from, valid_to FROM facility_history
		WHERE facility_id IN (`+in+`) AND field IN (?, ?) AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`,
		append(args, histPrice, histPlaces, last, first)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[string][]period{}
	for rows.Next() {
		var id int64
		var field, value string
		var p period
		if err := rows.Scan(&id, &field, &value, &p.from, &p.to); err != nil {
			return nil, err
		}
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			continue // not a figure: the default applies
		}
		p.from, p.value = asDay(p.from), n
		if p.to != nil {
			t := asDay(*p.to)
			p.to = &t
		}
		if out[id] == nil {
			out[id] = map[string][]period{}
		}
		out[id][field] = append(out[id][field], p)
	}
	return out, rows.Err()
}
