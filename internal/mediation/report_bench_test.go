package mediation

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// benchRequests is how many requests the benchmarks read:
// CROCEVIA_BENCH_MEDIATION_N, or the national scale's 200,000.
func benchRequests() int {
	if n, err := strconv.Atoi(os.Getenv("CROCEVIA_BENCH_MEDIATION_N")); err == nil && n > 0 {
		return n
	}
	return 200000
}

// seedBench writes n requests over eight months of 2026, spread over 500
// mediators, 12 languages, every service, mode and state, on one funding
// line; it returns the line.
func seedBench(b *testing.B, d *db.DB, n int) *FundingLine {
	b.Helper()
	ctx := context.Background()
	states := []State{Approved, Approved, Approved, Approved, Approved, Approved, Reported, Confirmed, Assigned,
		NoShow, CancelledLate, CancelledTime, Refused, Validated, Sent, Delivered}
	langs := []string{"ar", "zh", "ur", "pa", "ro", "sq", "en", "fr", "es", "uk", "ru", "lis"}
	var line *FundingLine
	err := d.InTx(ctx, func(tx *db.Tx) error {
		if err := db.ReadyBulk(ctx, tx); err != nil {
			return err
		}
		store := auth.NewStore(d)
		org := &auth.Organisation{Name: "ASL", Kind: auth.KindHealth}
		if _, err := store.CreateOrganisation(ctx, tx, org); err != nil {
			return err
		}
		line = &FundingLine{Name: "Nazionale", TotalMin: n * 90, From: budgetDate(2026, 1, 1), To: budgetDate(2026, 12, 31),
			Policy: DefaultPolicy, Active: true}
		var err error
		if line.ID, err = writeLine(ctx, tx, 0, line); err != nil {
			return err
		}
		var codes []string
		rows, err := tx.QueryContext(ctx, `SELECT istat_code FROM municipalities ORDER BY istat_code LIMIT 200`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var c string
			_ = rows.Scan(&c)
			codes = append(codes, c)
		}
		rows.Close()
		meds := db.NewBulk(tx, "mediators", []string{"id", "provider_id", "name", "ical_token", "created_at", "updated_at"}, 500)
		for i := 1; i <= 500; i++ {
			if err := meds.Add(ctx, i, org.ID, "Mediatore "+strconv.Itoa(i), "bench-"+strconv.Itoa(i), tx.Now, tx.Now); err != nil {
				return err
			}
		}
		if err := meds.Close(ctx); err != nil {
			return err
		}
		reqs := db.NewBulk(tx, "mediation_requests", []string{"org_id", "service_type", "language", "mode", "urgency",
			"istat_code", "starts_at", "ends_at", "state", "mediator_id", "funding_line_id", "held_min", "counted_min",
			"rating", "sent_at", "approved_at", "closed_at", "created_at", "updated_at"}, 1000)
		start := time.Date(2026, 1, 1, 7, 0, 0, 0, time.UTC)
		for i := range n {
			st := states[i%len(states)]
			at := start.Add(time.Duration(i%(240*24)) * time.Hour)
			var med, ln, rating, approved, closed any
			held, counted := 0, 0
			if st.Booked() || st.Consumes() || st == Delivered {
				med, ln = 1+i%500, line.ID
				held, counted = 90, 90
			}
			if st == Approved {
				rating, approved = 1+i%5, at.Add(48*time.Hour)
			}
			if st.Closed() {
				closed = at
			}
			err := reqs.Add(ctx, org.ID, string(ServiceTypes[i%len(ServiceTypes)]), langs[i%len(langs)],
				string(Modes[i%len(Modes)]), string(Scheduled), codes[i%len(codes)], at, at.Add(90*time.Minute), string(st),
				med, ln, held, counted, rating, at.Add(-time.Duration(1+i%10)*24*time.Hour), approved, closed, tx.Now, tx.Now)
			if err != nil {
				return err
			}
		}
		return reqs.Close(ctx)
	})
	if err != nil {
		b.Fatal(err)
	}
	if q := d.Dialect().SyncIdentity("mediators"); q != "" {
		if _, err := d.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
		// What autovacuum does on a live server after a load this size:
		// statistics for the planner and the visibility map for
		// index-only scans.
		if _, err := d.ExecContext(ctx, "VACUUM ANALYZE mediation_requests"); err != nil {
			b.Fatal(err)
		}
	}
	return line
}

// BenchmarkMonthlyReport builds the report of the eight months at the
// national scale, every grouping: go test -bench Report -run '^$'
// ./internal/mediation/ (with CROCEVIA_TEST_POSTGRES for PostgreSQL too).
// The single month, the budget page's parts and a timesheet are measured
// alongside.
func BenchmarkMonthlyReport(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			line := seedBench(b, d, benchRequests())
			for _, c := range []struct{ name, from, to string }{{"eight-months", "2026-01", "2026-08"}, {"one-month", "2026-05", "2026-05"}} {
				b.Run(c.name, func(b *testing.B) {
					p, err := ParsePeriod(c.from, c.to, now)
					if err != nil {
						b.Fatal(err)
					}
					for b.Loop() {
						rep, err := BuildReport(ctx, d, p, now)
						if err != nil || rep.Overall.Requests == 0 {
							b.Fatalf("report: %+v, %v", rep.Overall, err)
						}
					}
				})
			}
			s := &Store{DB: d}
			b.Run("budget-balance", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Summaries(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("budget-burndown", func(b *testing.B) {
				for b.Loop() {
					uses, err := usesOf(ctx, d, line)
					if err != nil {
						b.Fatal(err)
					}
					f := forecastExhaustion(uses, line.TotalMin, line.From, line.To, now, ForecastWeeks)
					if _, err := burndownSVG("b", "t", "d", [2]string{"a", "f"}, burndown(uses, line, f, now)); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("budget-ledger", func(b *testing.B) {
				for b.Loop() {
					if _, _, err := s.Ledger(ctx, line.ID, ledgerPerPage, 0); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("timesheet", func(b *testing.B) {
				month := time.Date(2026, 5, 1, 0, 0, 0, 0, romeZone)
				for b.Loop() {
					ts, err := TimesheetOf(ctx, d, 7, month)
					if err == nil {
						_, err = ts.PDF(now)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
