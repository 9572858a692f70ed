package monitoring_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/monitoring"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/crocevia/crocevia/internal/presences"
)

// benchScale is the synthetic registry: facilities and days of presences,
// overridable with MONITORING_BENCH_FACILITIES and MONITORING_BENCH_DAYS
// (8000 and 1095 give the national scale).
func benchScale() (facilities, days int) {
	facilities, days = 3000, 365
	if n, err := strconv.Atoi(os.Getenv("MONITORING_BENCH_FACILITIES")); err == nil && n > 0 {
		facilities = n
	}
	if n, err := strconv.Atoi(os.Getenv("MONITORING_BENCH_DAYS")); err == nil && n > 0 {
		days = n
	}
	return facilities, days
}

// BenchmarkPages serves the dashboard, the map and the typology analysis
// over a synthetic registry (a few thousand facilities with a year of daily
// presences, six inspections each, corrective actions), loaded once per
// database.
func BenchmarkPages(b *testing.B) {
	for _, tg := range dbtest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			d := dbtest.Open(b, tg)
			env := webtest.New(b, d)
			h, err := monitoring.New(monitoring.Deps{Web: env.Web, DB: d})
			if err != nil {
				b.Fatal(err)
			}
			env.Mount(h)
			nf, days := benchScale()
			start := time.Now()
			synthesise(b, d, nf, days)
			b.Logf("%s: %d facilities, %d days of presences loaded in %s", tg.Name, nf, days, time.Since(start).Round(time.Second))
			explain(b, d)
			officer := env.Login(env.User("officer@example.org", auth.RolePrefettura))
			analyst := env.Login(env.User("analyst@example.org", auth.RoleAnalyst))
			for _, page := range []struct {
				name, path string
				c          *webtest.Client
			}{{"dashboard", "/cruscotto", officer}, {"map", "/mappa", officer}, {"typology", "/analisi/tipologie", analyst}} {
				b.Run(page.name, func(b *testing.B) {
					cpu := cpuTime()
					for b.Loop() {
						if res := page.c.Get(page.path); res.Status != http.StatusOK {
							b.Fatalf("status %d", res.Status)
						}
					}
					// CPU time of this process per page (all of the work on
					// SQLite; the client side on PostgreSQL): a figure the
					// machine's other load does not inflate as much as wall time.
					b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
				})
			}
		})
	}
}

// explain logs the plan of the presences query, the only one near a
// large table: it reads the monthly roll-up, never the presences.
func explain(b *testing.B, d *db.DB) {
	prefix := "EXPLAIN QUERY PLAN "
	if d.Dialect().String() != "sqlite" {
		prefix = "EXPLAIN "
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	rows, err := d.QueryContext(context.Background(), prefix+monitoring.LatestPresencesSQL, monitoring.LatestArgs(today)...)
	if err != nil {
		b.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var plan []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			b.Fatal(err)
		}
		plan = append(plan, fmt.Sprint(vals[len(vals)-1]))
	}
	text := strings.Join(plan, "\n")
	b.Logf("plan:\n%s", text)
	if strings.Contains(text, "presences ") || strings.Contains(text, "Scan on presences") {
		b.Errorf("the presences query reads the presences table")
	}
}

// synthesise loads nf active facilities spread over the province's Comuni,
// days of presences each, six inspections each (one planned, five signed
// with an answer each) and a corrective action on every signed one.
func synthesise(b *testing.B, d *db.DB, nf, days int) {
	ctx := webtest.System()
	var istats []string
	rows, err := d.QueryContext(ctx, `SELECT istat_code FROM municipalities WHERE province_code = 'AL' ORDER BY istat_code`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var s string
		_ = rows.Scan(&s)
		istats = append(istats, s)
	}
	rows.Close()
	today := time.Now().UTC().Truncate(24 * time.Hour)
	err = d.InTx(ctx, func(tx *db.Tx) error {
		body, err := db.InsertID(ctx, tx, `INSERT INTO organisations (name, kind, created_at) VALUES ('Ente', 'ente_gestore', ?)`, tx.Now)
		if err != nil {
			return err
		}
		typologies := []string{"apartment", "collective", "hotel", "barracks", "other"}
		if err := batch(ctx, tx, `INSERT INTO facilities (id, code, name, system_type, typology, guests, address, istat_code,
			authorised_places, contracted_places, managing_body_id, state, state_since, created_at, updated_at) VALUES `, 15, nf,
			func(i int) []any {
				places := 3 + i%180
				return []any{i + 1, fmt.Sprintf("B-%05d", i+1), fmt.Sprintf("Struttura %d", i+1), "cas", typologies[i%5], "men",
					"Via Roma", istats[i%len(istats)], places, places, body, "active", tx.Now, tx.Now, tx.Now}
			}); err != nil {
			return err
		}
		if err := batch(ctx, tx, `INSERT INTO presences (facility_id, day, present, arrivals, exits_transfer, exits_voluntary,
			exits_revoca, exits_end, exits_other, absences, unjustified, source, late, reported_at, updated_at) VALUES `, 15, nf*days,
			func(i int) []any {
				f, dd := i%nf, i/nf
				return []any{f + 1, today.AddDate(0, 0, -dd), 1 + (f+dd)%40, 0, 0, 0, 0, 0, 0, 0, 0, "api", false, tx.Now, tx.Now}
			}); err != nil {
			return err
		}
		if err := presences.RebuildMonths(ctx, tx); err != nil {
			return err
		}
		tpl, _ := db.InsertID(ctx, tx, `INSERT INTO checklist_templates (code, name, created_at) VALUES ('b', 'B', ?)`, tx.Now)
		ver, _ := db.InsertID(ctx, tx, `INSERT INTO checklist_versions (template_id, number, state, created_at) VALUES (?, 1, 'published', ?)`, tpl, tx.Now)
		sec, _ := db.InsertID(ctx, tx, `INSERT INTO checklist_sections (version_id, position, title) VALUES (?, 1, 'S')`, ver)
		item, err := db.InsertID(ctx, tx, `INSERT INTO checklist_items (version_id, section_id, position, text, severity) VALUES (?, ?, 1, 'V', 'medium')`, ver, sec)
		if err != nil {
			return err
		}
		ni := nf * 6
		if err := batch(ctx, tx, `INSERT INTO inspections (id, facility_id, kind, planned_on, state, created_at, updated_at) VALUES `, 7, ni,
			func(i int) []any {
				state, day := "signed", today.AddDate(0, 0, -30*(i/nf+1))
				if i < nf {
					state, day = "planned", today.AddDate(0, 0, i%90)
				}
				return []any{i + 1, i%nf + 1, "scheduled", day, state, tx.Now, tx.Now}
			}); err != nil {
			return err
		}
		results := []string{"conforming", "partial", "non_conforming"}
		if err := batch(ctx, tx, `INSERT INTO inspection_answers (id, inspection_id, item_id, result, severity) VALUES `, 5, ni-nf,
			func(i int) []any { return []any{i + 1, nf + i + 1, item, results[i%3], "medium"} }); err != nil {
			return err
		}
		states := []string{"open", "answered", "closed", "reopened"}
		if err := batch(ctx, tx, `INSERT INTO corrective_actions (facility_id, inspection_id, answer_id, owner_id, item_text,
			result, severity, deadline, state, created_at, updated_at) VALUES `, 11, ni-nf,
			func(i int) []any {
				return []any{i%nf + 1, nf + i + 1, i + 1, body, "V", "partial", "medium", today.AddDate(0, 0, i%60-30), states[i%4], tx.Now, tx.Now}
			}); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO inspection_plans (months, starts_on, created_at) VALUES (6, ?, ?)`, today.AddDate(-2, 0, 0), tx.Now)
		return err
	})
	if err != nil {
		b.Fatalf("synthesise: %v", err)
	}
	// Fresh statistics, as a live database has them.
	if _, err := d.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatalf("analyze: %v", err)
	}
}

// batch inserts n rows of cols values each, many rows per statement.
func batch(ctx context.Context, tx *db.Tx, head string, cols, n int, row func(i int) []any) error {
	per := 30000 / cols
	one := "(?" + strings.Repeat(", ?", cols-1) + ")"
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		args := make([]any, 0, (end-start)*cols)
		for i := start; i < end; i++ {
			args = append(args, row(i)...)
		}
		q := head + one + strings.Repeat(", "+one, end-start-1)
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
