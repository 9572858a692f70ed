package mediation_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// countingQuerier counts the statements run through it.
type countingQuerier struct {
	db.Querier
	n int
}

func (c *countingQuerier) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	c.n++
	return c.Querier.QueryContext(ctx, q, args...)
}

func (c *countingQuerier) QueryRowContext(ctx context.Context, q string, args ...any) *db.Row {
	c.n++
	return c.Querier.QueryRowContext(ctx, q, args...)
}

func TestMediatorsLoadsWholeProfilesInFewQueries(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		ctx := webtest.System()
		for i := range 12 {
			p := w.profile(fmt.Sprintf("Mediatore %02d", i), 0, mediationSpoken("ar", "C1"), mediationSpoken("ti", "native"))
			id := w.mustCreate(t, p)
			if err := w.store.SetAvailability(ctx, w.coordinator, id, []mediation.Window{{Weekday: 2, StartMin: 540, EndMin: 780}}); err != nil {
				t.Fatal(err)
			}
			if _, err := w.store.AddLeave(ctx, w.coordinator, id, mediation.LeaveForm{From: "2026-12-24", To: "2026-12-31"}); err != nil {
				t.Fatal(err)
			}
		}
		q := &countingQuerier{Querier: d}
		ms, err := mediation.Mediators(context.Background(), q, mediation.MediatorFilter{Language: "ti"})
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 12 {
			t.Fatalf("Tigrinya speakers = %d; want 12", len(ms))
		}
		if q.n > 5 {
			t.Errorf("%d queries for 12 profiles; want one per kind of detail (5), not one per mediator", q.n)
		}
		for _, m := range ms {
			if len(m.Languages) != 2 || len(m.Weekly) != 1 || len(m.Leave) != 1 || len(m.Municipality) != 1 || len(m.Areas) != 2 {
				t.Fatalf("%s: languages %v, weekly %v, leave %v, municipalities %v, areas %v", m.Name, m.Languages,
					m.Weekly, m.Leave, m.Municipality, m.Areas)
			}
		}
	})
}

func mediationSpoken(code string, level mediation.Level) mediation.Spoken {
	return mediation.Spoken{Code: code, Level: level}
}

func TestMediatorFilter(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		other := w.env.Org("Altra cooperativa", "mediation_provider").ID
		p := w.profile("Lei Chen", 0, mediationSpoken("zh", "native"))
		p.ProviderID, p.Areas, p.Active = other, []mediation.Area{mediation.AreaSchool}, false
		w.mustCreate(t, p)
		tests := []struct {
			name string
			f    mediation.MediatorFilter
			want []string
		}{
			{"no filter: everyone by name", mediation.MediatorFilter{}, []string{"Amina Benali", "Lei Chen", "Omar Khan"}},
			{"by language", mediation.MediatorFilter{Language: "ur"}, []string{"Omar Khan"}},
			{"a language nobody speaks", mediation.MediatorFilter{Language: "wo"}, nil},
			{"by area", mediation.MediatorFilter{Area: mediation.AreaSchool}, []string{"Lei Chen"}},
			{"by provider", mediation.MediatorFilter{ProviderID: w.provider}, []string{"Amina Benali", "Omar Khan"}},
			{"active only", mediation.MediatorFilter{Active: true, Language: "ar"}, []string{"Amina Benali", "Omar Khan"}},
			{"inactive only", mediation.MediatorFilter{Inactive: true}, []string{"Lei Chen"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				ms, err := w.store.ListMediators(context.Background(), w.coordinator, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, m := range ms {
					got = append(got, m.Name)
				}
				if fmt.Sprint(got) != fmt.Sprint(tc.want) {
					t.Errorf("got %v; want %v", got, tc.want)
				}
			})
		}
	})
}
