package presences

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// recCase is a contract of ponte covering exactly two facilities, A (12
// places, 10 present a day, days 5 and 6 not reported) and B (5 places,
// 4 present every day), in a month two months back whose price goes from
// € 30,00 to € 35,00 on the 16th.
type recCase struct {
	contract int64
	month    time.Time
	a, b     *Facility
	days     int
}

const (
	priceBefore = 3000
	priceAfter  = 3500
)

func newRecCase(t testing.TB, fx *fixture) *recCase {
	t.Helper()
	ctx := context.Background()
	d := fx.env.DB
	rc := &recCase{month: monthStart(dayOf(time.Now())).AddDate(0, -2, 0)}
	rc.days = rc.month.AddDate(0, 1, -1).Day()
	if err := d.QueryRowContext(ctx, `SELECT MIN(id) FROM contracts WHERE managing_body_id = ?`, fx.ponte).Scan(&rc.contract); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	rows, err := d.QueryContext(ctx, `SELECT id FROM facilities WHERE managing_body_id = ? ORDER BY code LIMIT 2`, fx.ponte)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	long := rc.month.AddDate(-1, 0, 0)
	fx.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		exec := func(q string, args ...any) {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		exec(`DELETE FROM contract_facilities WHERE contract_id = ?`, rc.contract)
		for i, id := range ids {
			exec(`INSERT INTO contract_facilities (contract_id, facility_id) VALUES (?, ?)`, rc.contract, id)
			exec(`UPDATE facilities SET state = 'active', state_since = ?, opened_on = ?, closed_on = NULL,
				contracted_places = ?, authorised_places = 20 WHERE id = ?`, long, long, []int{12, 5}[i], id)
			exec(`DELETE FROM facility_history WHERE facility_id = ? AND field IN ('price', 'contracted_places')`, id)
			exec(`INSERT INTO facility_history (facility_id, field, value, label, valid_from, valid_to) VALUES (?, 'price', '3000', '€ 30,00', ?, ?)`,
				id, long, rc.month.AddDate(0, 0, 15))
			exec(`INSERT INTO facility_history (facility_id, field, value, label, valid_from) VALUES (?, 'price', '3500', '€ 35,00', ?)`,
				id, rc.month.AddDate(0, 0, 15))
		}
		b := &batch{tx: tx}
		for day := rc.month; day.Month() == rc.month.Month(); day = day.AddDate(0, 0, 1) {
			for i, id := range ids {
				if i == 0 && (day.Day() == 5 || day.Day() == 6) {
					continue
				}
				p := &Presence{FacilityID: id, Day: day, Source: SourceForm, ReportedAt: day, UpdatedAt: day}
				p.Present = []int{10, 4}[i]
				if err := b.add(ctx, p); err != nil {
					return err
				}
			}
		}
		return b.flush(ctx)
	})
	rc.a, rc.b = fx.byID(t, ids[0]), fx.byID(t, ids[1])
	return rc
}

func (f *fixture) byID(t testing.TB, id int64) *Facility {
	t.Helper()
	var code string
	if err := f.env.DB.QueryRowContext(context.Background(), `SELECT code FROM facilities WHERE id = ?`, id).Scan(&code); err != nil {
		t.Fatal(err)
	}
	fac, err := facilityByCode(context.Background(), f.env.DB, scope{all: true}, code)
	if err != nil {
		t.Fatal(err)
	}
	return fac
}

// priced is the amount of n guests (or places) a day over the month, with
// the price change on the 16th, leaving out the days in skip.
func (rc *recCase) priced(n int, skip ...int) int64 {
	var out int64
	for d := 1; d <= rc.days; d++ {
		if containsInt(skip, d) {
			continue
		}
		p := int64(priceBefore)
		if d >= 16 {
			p = priceAfter
		}
		out += int64(n) * p
	}
	return out
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (rc *recCase) path() string { return recURL(rc.contract, rc.month.Format("2006-01")) }
