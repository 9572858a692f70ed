package inspections_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// TestOverdueAroundTheDueDay: facilities last inspected on each day from
// late January to early April under a monthly plan, each also inspected a
// year before, and one whose planned inspection was never started, asked
// on days at the ends of months, where adding a month carries over
// (31 January falls due on 3 March, 1 February on 1 March): the list is
// exactly the facilities whose last inspection plus a month is before
// today, in order of that due day.
func TestOverdueAroundTheDueDay(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := seeded(t, d)
		env := webtest.New(t, d)
		first := day(2026, 1, 20)
		var ids []int64
		last := map[int64]time.Time{}
		for k := range 75 {
			id := mustFacility(t, env, fmt.Sprintf("AL-CAS-%04d", k+1))
			ids, last[id] = append(ids, id), first.AddDate(0, 0, k)
			mustInspection(t, env, id, inspections.Signed, first.AddDate(-1, 0, k))
			mustInspection(t, env, id, inspections.Signed, last[id])
		}
		stale := mustFacility(t, env, "AL-CAS-0999")
		mustInspection(t, env, stale, inspections.Signed, day(2024, 1, 10))
		mustInspection(t, env, stale, inspections.Planned, day(2025, 6, 1))
		if err := s.AddRecurring(webtest.System(), &inspections.Recurring{Months: 1, StartsOn: day(2025, 1, 1)}); err != nil {
			t.Fatal(err)
		}
		for _, today := range []time.Time{day(2026, 2, 28), day(2026, 3, 1), day(2026, 3, 3), day(2026, 3, 4),
			day(2026, 3, 29), day(2026, 3, 30), day(2026, 3, 31), day(2026, 4, 30), day(2026, 5, 1)} {
			var want []int64
			for _, id := range ids {
				if last[id].AddDate(0, 1, 0).Before(today) {
					want = append(want, id)
				}
			}
			slices.SortStableFunc(want, func(a, b int64) int {
				return last[a].AddDate(0, 1, 0).Compare(last[b].AddDate(0, 1, 0))
			})
			list, err := s.OverdueOn(context.Background(), today)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, o := range list {
				got = append(got, o.FacilityID)
				if o.Last == nil || !o.Last.Equal(last[o.FacilityID]) || !o.Due.Equal(last[o.FacilityID].AddDate(0, 1, 0)) {
					t.Errorf("on %s, facility %d: last %v due %v; want last %s", today.Format(time.DateOnly), o.FacilityID,
						o.Last, o.Due, last[o.FacilityID].Format(time.DateOnly))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("on %s overdue = %v; want %v", today.Format(time.DateOnly), got, want)
			}
		}
	})
}

// mustInspection adds an inspection of facility in phase on day, without
// commission or answers: only its date and phase matter to the plans.
func mustInspection(t *testing.T, env *webtest.Env, facility int64, phase inspections.Phase, on time.Time) {
	t.Helper()
	env.InTx(func(ctx context.Context, tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO inspections (facility_id, kind, planned_on, state, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`, facility, string(inspections.Scheduled), on, string(phase), tx.Now, tx.Now)
		return err
	})
}
