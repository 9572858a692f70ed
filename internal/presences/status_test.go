package presences

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestLateness(t *testing.T) {
	day := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		at   time.Time
		late bool
	}{
		{"the same evening is on time", time.Date(2026, 11, 10, 21, 0, 0, 0, rome), false},
		{"the next day at noon is on time", time.Date(2026, 11, 11, 12, 0, 0, 0, rome), false},
		{"a minute past noon is late", time.Date(2026, 11, 11, 12, 1, 0, 0, rome), true},
		{"two days later is late", time.Date(2026, 11, 12, 9, 0, 0, 0, rome), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := isLate(day, tc.at.UTC()); got != tc.late {
				t.Errorf("isLate = %v; want %v", got, tc.late)
			}
		})
	}
}

// TestMissingAndLate gives a facility that opened ten days ago seven
// reported days, one of them late, and no report for yesterday.
func TestMissingAndLate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		fac := fx.facility(t, fx.ponte)
		today := dayOf(time.Now())
		ctx := context.Background()
		fx.env.InTx(func(ctx context.Context, tx *db.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE facilities SET state_since = ?, opened_on = NULL WHERE id = ?`,
				today.AddDate(0, 0, -10), fac.ID)
			if err != nil {
				return err
			}
			for ago := 2; ago <= 8; ago++ {
				day := today.AddDate(0, 0, -ago)
				at := deadline(day).Add(-time.Hour)
				if ago == 5 {
					at = deadline(day).Add(time.Hour)
				}
				p := &Presence{FacilityID: fac.ID, Day: day, Source: SourceForm, ReportedAt: at, UpdatedAt: at, Late: isLate(day, at)}
				p.Present = 1
				if err := insertPresence(ctx, tx, p); err != nil {
					return err
				}
			}
			// A report from before the facility opened does not count.
			old := today.AddDate(0, 0, -20)
			return insertPresence(ctx, tx, &Presence{FacilityID: fac.ID, Day: old, Source: SourceForm, ReportedAt: old, UpdatedAt: old})
		})
		list, _, err := statuses(ctx, d, scope{bodies: []int64{fx.ponte}}, today, 1)
		if err != nil {
			t.Fatal(err)
		}
		var s *Status
		for _, st := range list {
			if st.Facility.ID == fac.ID {
				s = st
			}
		}
		if s == nil {
			t.Fatalf("facility %s not in its body's overview", fac.Code)
		}
		// Ten expected days (today-10 .. yesterday), seven reported.
		if s.Missing != 3 || s.Late != 1 || s.Yesterday || s.Today {
			t.Errorf("status = missing %d, late %d, yesterday %v, today %v; want 3, 1, false, false",
				s.Missing, s.Late, s.Yesterday, s.Today)
		}
		if s.Last == nil || !s.Last.Equal(today.AddDate(0, 0, -2)) {
			t.Errorf("last reported day = %v; want %v", s.Last, today.AddDate(0, 0, -2))
		}
		for _, other := range list {
			if other.Facility.BodyID != fx.ponte {
				t.Errorf("the overview of one body lists %s of another", other.Facility.Code)
			}
		}
	})
}
