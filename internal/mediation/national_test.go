package mediation

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestNationalSeedBooksThreeYearsWithoutDoubleBooking(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		// Small chunks, so that a few thousand requests still cross some.
		defer func(c int) { natChunk = c }(natChunk)
		natChunk = 700
		size := NationalSize{Mediators: 25, Requests: 2500}
		var out bytes.Buffer
		if err := demo.LoadNational(ctx, d, &out, NationalSeedAt(size)); err != nil {
			t.Fatal(err)
		}
		t.Log(out.String())
		count := func(q string, args ...any) int {
			t.Helper()
			var n int
			if err := d.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return n
		}
		if n := count(`SELECT COUNT(*) FROM mediators`); n != size.Mediators {
			t.Errorf("%d mediators, want %d", n, size.Mediators)
		}
		reqs := demoRequests(t, d)
		if len(reqs) != size.Requests {
			t.Errorf("%d requests, want %d", len(reqs), size.Requests)
		}
		byState := map[State]int{}
		for _, r := range reqs {
			byState[r.State]++
		}
		t.Logf("per state: %v", byState)
		for _, st := range []State{Sent, Validated, Confirmed, Delivered, Reported, Approved, Refused, CancelledTime,
			CancelledLate, NoShow} {
			if byState[st] == 0 {
				t.Errorf("no request %s", st)
			}
		}
		if closed := byState[Approved] + byState[Refused] + byState[CancelledTime] + byState[CancelledLate] + byState[NoShow]; byState[Approved] < closed*3/4 {
			t.Errorf("%d approved of %d closed, want most", byState[Approved], closed)
		}
		if n := count(`SELECT COUNT(*) FROM mediation_requests a JOIN mediation_requests b
			ON a.mediator_id = b.mediator_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`); n != 0 {
			t.Errorf("%d overlapping pairs of one mediator's requests", n)
		}
		checkSeedCounts(t, reqs)
		now := time.Now()
		events := demoEventStates(t, d)
		for _, r := range reqs {
			checkDemoStamps(t, r, now)
			if ev := events[r.ID]; len(ev) == 0 || ev[len(ev)-1] != r.State {
				t.Errorf("request %d %s: timeline %v", r.ID, r.State, ev)
			}
		}
		if n := count(`SELECT COUNT(*) FROM mediation_requests WHERE starts_at < ?`, now.AddDate(-3, 0, -1)); n != 0 {
			t.Errorf("%d requests more than three years old", n)
		}
		t.Run("every line funds what its requests used", func(t *testing.T) {
			rows, err := d.QueryContext(ctx, `SELECT id FROM mediation_funding_lines`)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for rows.Next() {
				var id int64
				_ = rows.Scan(&id)
				ids = append(ids, id)
			}
			rows.Close()
			if len(ids) < 3 {
				t.Fatalf("%d funding lines, want one a year", len(ids))
			}
			for _, id := range ids {
				line, err := lineByID(ctx, d, id)
				if err != nil {
					t.Fatal(err)
				}
				b, _, err := balanceOf(ctx, d, line, 0)
				if err != nil {
					t.Fatal(err)
				}
				if b.RemainingMin() < 0 {
					t.Errorf("%s: %+v beyond its total", line.Name, b)
				}
			}
		})
		t.Run("an ordinary request after the load gets a fresh id", func(t *testing.T) {
			var org int64
			_ = d.QueryRowContext(ctx, `SELECT MIN(org_id) FROM mediation_requests`).Scan(&org)
			err := d.InTx(ctx, func(tx *db.Tx) error {
				id, err := db.InsertID(ctx, tx, `INSERT INTO mediation_requests (org_id, service_type, language, mode, urgency,
					starts_at, ends_at, state, created_at, updated_at) VALUES (?, 'health', 'ar', 'phone', 'scheduled', ?, ?, 'draft', ?, ?)`,
					org, tx.Now, tx.Now.Add(time.Hour), tx.Now, tx.Now)
				if err == nil && id <= int64(size.Requests) {
					t.Errorf("id %d reuses a loaded one", id)
				}
				if err == nil {
					_, err = db.InsertID(ctx, tx, `INSERT INTO mediation_events (request_id, at, to_state) VALUES (?, ?, 'draft')`, id, tx.Now)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	})
}
