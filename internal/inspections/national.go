package inspections

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// natChunk is how many inspections one transaction writes, with their
// members, answers and corrective actions (about 70,000 rows).
const natChunk = 2000

// natFacility is what an inspection needs of a synthetic facility.
type natFacility struct {
	id, body int64
	declared int
	opened   time.Time
	items    []*Item // the default checklist's items that apply to it
}

// natContext is what every synthetic inspection shares.
type natContext struct {
	version              int64
	president, secretary int64
	today                time.Time
	days                 int
	facs                 []*natFacility
}

// NationalSeed adds 50,000 inspections of the synthetic facilities.
func NationalSeed(ctx context.Context, d *db.DB, out io.Writer) error {
	return NationalSeedAt(demo.National)(ctx, d, out)
}

// NationalSeedAt adds sc.Inspections inspections of the synthetic running
// facilities, planned over the sc.Days to today and the next two months:
// the past ones mostly signed, with an answer for each applicable item
// of the default checklist and a corrective action for each
// non-conforming or partial answer; the recent ones in progress or in
// draft; the future ones planned. The demo's inspector presides and the
// demo's Prefettura officer is secretary. Signed ones have no stored PDF
// (rendering 50,000 verbali would take hours). It runs after the
// registry's national seeder; as bulk synthetic data, no row has an audit
// entry.
func NationalSeedAt(sc demo.Scale) demo.NationalSeeder {
	return func(ctx context.Context, d *db.DB, out io.Writer) error {
		start := time.Now()
		nc, err := natSetup(ctx, d, sc)
		if err != nil || len(nc.facs) == 0 {
			return err
		}
		r := rand.New(rand.NewPCG(2026, 9))
		var counts natCounts
		for i := 0; i < sc.Inspections; i += natChunk {
			n := min(natChunk, sc.Inspections-i)
			err := d.InTx(ctx, func(tx *db.Tx) error { return nc.write(ctx, tx, r, n, &counts) })
			if err != nil {
				return fmt.Errorf("national inspections: %w", err)
			}
			if (i/natChunk)%5 == 4 || i+n == sc.Inspections {
				fmt.Fprintf(out, "inspections: %d/%d, %s\n", i+n, sc.Inspections, time.Since(start).Round(time.Second))
			}
		}
		err = d.InTx(ctx, func(tx *db.Tx) error { return keepOutcomes(ctx, tx, "signed_at IS NOT NULL AND conforming = 0") })
		if err != nil {
			return fmt.Errorf("national inspections: outcomes: %w", err)
		}
		fmt.Fprintf(out, "synthetic: %d inspections, %d answers, %d corrective actions in %s\n",
			counts.inspections, counts.answers, counts.actions, time.Since(start).Round(time.Millisecond))
		return nil
	}
}

// natSetup finds the checklist, the commission and the facilities with
// the items that apply to each.
func natSetup(ctx context.Context, d *db.DB, sc demo.Scale) (*natContext, error) {
	nc := &natContext{today: dayStart(time.Now()), days: sc.Days}
	err := d.QueryRowContext(ctx, `SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id
		WHERE t.code = ? AND v.state = ? ORDER BY v.number DESC LIMIT 1`, DefaultCode, Published).Scan(&nc.version)
	if err != nil {
		return nil, fmt.Errorf("national inspections: default checklist: %w", err)
	}
	items, err := versionItems(ctx, d, nc.version)
	if err != nil {
		return nil, err
	}
	for role, id := range map[auth.Role]*int64{auth.RoleInspector: &nc.president, auth.RolePrefettura: &nc.secretary} {
		err := d.QueryRowContext(ctx, `SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
			WHERE m.role = ? AND u.synthetic = ? ORDER BY m.user_id LIMIT 1`, string(role), false).Scan(id)
		if err != nil && err != db.ErrNotFound {
			return nil, err
		}
	}
	nc.facs, err = natFacilities(ctx, d, items)
	return nc, err
}

func dayStart(t time.Time) time.Time {
	y, m, dd := t.UTC().Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// natFacilities lists the running synthetic facilities with the traits
// that decide which items apply (see traits).
func natFacilities(ctx context.Context, d *db.DB, items []*Item) ([]*natFacility, error) {
	rows, err := d.QueryContext(ctx, `SELECT f.id, f.managing_body_id, f.contracted_places, f.opened_on, f.system_type, f.typology,
		(SELECT c.capitolato FROM contracts c JOIN contract_facilities cf ON cf.contract_id = c.id
			WHERE cf.facility_id = f.id ORDER BY c.signed_on DESC, c.id DESC LIMIT 1)
		FROM facilities f JOIN organisations o ON o.id = f.managing_body_id
		WHERE o.synthetic = ? AND f.state IN ('active', 'suspended') AND f.opened_on IS NOT NULL ORDER BY f.id`, true)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*natFacility
	for rows.Next() {
		f := &natFacility{}
		var system, typology string
		var capitolato sql.NullString
		if err := rows.Scan(&f.id, &f.body, &f.declared, &f.opened, &system, &typology, &capitolato); err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.AppliesTo(capitolato.String, system, typology) {
				f.items = append(f.items, it)
			}
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
