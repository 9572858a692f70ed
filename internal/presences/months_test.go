package presences

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// TestMonthRollUpFollowsEveryWrite: the monthly roll-up that occupancy
// reads always equals the presences themselves, through reports,
// corrections and a bulk rebuild.
func TestMonthRollUpFollowsEveryWrite(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		fac := fx.facility(t, fx.ponte)
		ctx := context.Background()
		first := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
		want := func(guests, days int) {
			t.Helper()
			totals, err := monthTotals(ctx, d, scope{all: true}, first)
			if err != nil {
				t.Fatal(err)
			}
			if got := totals[fac.ID]; got != [2]int{guests, days} {
				t.Errorf("roll-up %v; want %d guest-days over %d days", got, guests, days)
			}
			// The latest day of September is the 3rd, with 11 guests.
			var last time.Time
			var present int
			err = d.QueryRowContext(ctx, `SELECT last_day, last_present FROM presence_months WHERE facility_id = ? AND month = ?`,
				fac.ID, "2026-09").Scan(&last, &present)
			if err != nil || !last.Equal(first.AddDate(0, 0, 2)) || present != 11 {
				t.Errorf("latest day %v with %d guests (%v); want 3 September with 11", last, present, err)
			}
		}
		fx.env.InTx(func(ctx context.Context, tx *db.Tx) error {
			for i, n := range []int{10, 12, 11} {
				p := &Presence{FacilityID: fac.ID, Day: first.AddDate(0, 0, i), Source: SourceForm, ReportedAt: tx.Now, UpdatedAt: tx.Now}
				p.Present = n
				if err := insertPresence(ctx, tx, p); err != nil {
					return err
				}
			}
			// A day of the next month stays out of September.
			return insertPresence(ctx, tx, &Presence{FacilityID: fac.ID, Day: first.AddDate(0, 1, 0), Source: SourceForm,
				ReportedAt: tx.Now, UpdatedAt: tx.Now})
		})
		want(33, 3)
		fx.env.InTx(func(ctx context.Context, tx *db.Tx) error {
			var p Presence
			err := tx.QueryRowContext(ctx, `SELECT id FROM presences WHERE facility_id = ? AND day = ?`, fac.ID, first).Scan(&p.ID)
			if err != nil {
				return err
			}
			p.FacilityID, p.Day, p.Present, p.Source, p.UpdatedAt = fac.ID, first, 4, SourceForm, tx.Now
			return updatePresence(ctx, tx, &p, 0)
		})
		want(27, 3)
		if err := RebuildMonths(ctx, d); err != nil {
			t.Fatal(err)
		}
		want(27, 3)
	})
}
