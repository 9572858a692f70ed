package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/presences"
)

// smallCountry is the national load shrunk so that a test runs it in a
// few seconds.
var smallCountry = demo.Scale{Facilities: 150, Bodies: 12, Days: 45, Inspections: 400}

func TestNationalSeedersLoadAConsistentSyntheticCountry(t *testing.T) {
	eachDatabase(t, func(t *testing.T, tg dbtest.Target) {
		ctx := context.Background()
		m := newTestMain(t, tg)
		if err := m.Open(ctx); err != nil {
			t.Fatal(err)
		}
		seeders := []demo.NationalSeeder{facilities.NationalSeedAt(smallCountry), presences.NationalSeedAt(smallCountry),
			inspections.NationalSeedAt(smallCountry)}
		var out bytes.Buffer
		if err := demo.LoadNational(ctx, m.DB, &out, seeders...); err != nil {
			t.Fatal(err)
		}
		t.Log(out.String())
		count := func(q string, args ...any) int {
			t.Helper()
			var n int
			if err := m.DB.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return n
		}
		synthetic := ` JOIN organisations o ON o.id = f.managing_body_id AND o.synthetic = ?`
		wantCounts(t, map[string][2]int{
			"managing bodies": {count(`SELECT COUNT(*) FROM organisations WHERE kind = 'ente_gestore' AND synthetic = ?`, true), 12},
			"facilities":      {count(`SELECT COUNT(*) FROM facilities f`+synthetic, true), 150},
			"inspections":     {count(`SELECT COUNT(*) FROM inspections i JOIN facilities f ON f.id = i.facility_id`+synthetic, true), 400},
			"documents":       {count(`SELECT COUNT(*) FROM facility_documents d JOIN facilities f ON f.id = d.facility_id`+synthetic, true), 450},
			// Every tracked field has exactly one open period, and the
			// open state period is the facility's state.
			"fields without one open period": {count(`SELECT COUNT(*) FROM facilities f`+synthetic+` WHERE 1 <> (SELECT COUNT(*)
				FROM facility_history h WHERE h.facility_id = f.id AND h.field = 'state' AND h.valid_to IS NULL AND h.value = f.state)
				OR 1 <> (SELECT COUNT(*) FROM facility_history h WHERE h.facility_id = f.id AND h.field = 'managing_body' AND h.valid_to IS NULL)`, true), 0},
			"running facilities without a contract": {count(`SELECT COUNT(*) FROM facilities f`+synthetic+` WHERE f.opened_on IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM contract_facilities cf WHERE cf.facility_id = f.id)`, true), 0},
			"presences beyond the places": {count(`SELECT COUNT(*) FROM presences p JOIN facilities f ON f.id = p.facility_id
				WHERE p.present > f.authorised_places`), 0},
			"presences before opening": {count(`SELECT COUNT(*) FROM presences p JOIN facilities f ON f.id = p.facility_id
				WHERE p.day < f.opened_on`), 0},
			"inspections without a president": {count(`SELECT COUNT(*) FROM inspections i WHERE NOT EXISTS
				(SELECT 1 FROM inspection_members im WHERE im.inspection_id = i.id AND im.role = 'president')`), 0},
			"signed inspections without answers": {count(`SELECT COUNT(*) FROM inspections i WHERE i.state = 'signed'
				AND NOT EXISTS (SELECT 1 FROM inspection_answers a WHERE a.inspection_id = i.id)`), 0},
			"actions not from a finding of a signed inspection": {count(`SELECT COUNT(*) FROM corrective_actions c
				JOIN inspection_answers a ON a.id = c.answer_id JOIN inspections i ON i.id = c.inspection_id
				WHERE a.inspection_id <> i.id OR i.facility_id <> c.facility_id OR i.state NOT IN ('signed', 'follow_up', 'closed')
				OR a.result NOT IN ('non_conforming', 'partial')`), 0},
		})
		days := count(`SELECT COUNT(*) FROM presences p JOIN facilities f ON f.id = p.facility_id`+synthetic, true)
		if days < 150*45/2 || days > 150*45 {
			t.Errorf("%d synthetic presences, want most of 150 facilities × 45 days", days)
		}
		if n := count(`SELECT COUNT(*) FROM corrective_actions`); n == 0 {
			t.Error("no corrective actions")
		}
		// Ids written up front leave the generators past them: ordinary
		// inserts still work.
		err := m.DB.InTx(ctx, func(tx *db.Tx) error {
			_, err := db.InsertID(ctx, tx, `INSERT INTO organisations (name, kind, created_at) VALUES ('Nuovo ente', 'ente_gestore', ?)`, tx.Now)
			return err
		})
		if err != nil {
			t.Fatalf("insert after the load: %v", err)
		}
		out.Reset()
		if err := demo.LoadNational(ctx, m.DB, &out, seeders...); err != nil || !strings.Contains(out.String(), "already loaded") {
			t.Fatalf("second load: %v, %q", err, out.String())
		}
	})
}

func wantCounts(t *testing.T, got map[string][2]int) {
	t.Helper()
	for name, g := range got {
		if g[0] != g[1] {
			t.Errorf("%s: %d, want %d", name, g[0], g[1])
		}
	}
}
