package demo

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/settings"
)

// Scale is the size of the synthetic national data. The seeders take it
// as a parameter so that tests can load a small country quickly.
type Scale struct {
	Facilities  int // reception facilities across Italy
	Bodies      int // managing bodies (enti gestori) running them
	Days        int // days of daily presences, back from yesterday
	Inspections int // inspections over those days and the next two months
}

// National is the national scale of issue 3: 8,000 facilities, about
// 1,500 managing bodies, three years of daily presences (about 8.8
// million rows) and 50,000 inspections.
var National = Scale{Facilities: 8000, Bodies: 1500, Days: 3 * 365, Inspections: 50000}

// NationalSeeder adds a module's synthetic national-scale records.
type NationalSeeder func(ctx context.Context, d *db.DB, out io.Writer) error

// LoadNational adds synthetic national-scale data for benchmarks: one
// Comune organisation per Italian municipality with an operator each. All
// of it is flagged synthetic (the interface says so) and is loaded once.
func LoadNational(ctx context.Context, d *db.DB, out io.Writer, seeders ...NationalSeeder) error {
	if settings.Flag(ctx, d, settings.SyntheticData) {
		fmt.Fprintln(out, "synthetic national data already loaded")
		return nil
	}
	start := time.Now()
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return err
	}
	n := 0
	err = d.InTx(ctx, func(tx *db.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT istat_code, name FROM municipalities ORDER BY istat_code`)
		if err != nil {
			return err
		}
		var all []mun
		for rows.Next() {
			var m mun
			if err := rows.Scan(&m.code, &m.name); err != nil {
				rows.Close()
				return err
			}
			all = append(all, m)
		}
		rows.Close()
		n = len(all)
		return writeComuni(ctx, tx, all, hash)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "synthetic: %d municipalities' organisations and operators\n", n)
	for _, seed := range seeders {
		if err := seed(ctx, d, out); err != nil {
			return err
		}
	}
	// Fresh statistics, so that both planners see the loaded tables as
	// they now are. PostgreSQL also vacuums them: until its visibility map
	// is set, every index-only scan still reads the table.
	analyse := "ANALYZE "
	if d.Dialect() == db.Postgres {
		analyse = "VACUUM (ANALYZE) "
	}
	for _, t := range analysed {
		if _, err := d.ExecContext(ctx, analyse+t); err != nil {
			return err
		}
	}
	if err := settings.Set(ctx, d, settings.SyntheticData, "1"); err != nil {
		return err
	}
	fmt.Fprintf(out, "synthetic national data loaded in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// analysed are the tables the national load fills.
var analysed = []string{"organisations", "users", "memberships", "facilities", "facility_history", "facility_documents",
	"contracts", "contract_facilities", "contract_penalties", "presences", "presence_months", "inspections", "inspection_members",
	"inspection_answers", "corrective_actions"}

type mun struct{ code, name string }

// writeComuni writes one synthetic Comune per municipality with an
// operator each, in multi-row INSERTs with ids chosen up front (bulk
// synthetic data: no audit entry per row).
func writeComuni(ctx context.Context, tx *db.Tx, all []mun, hash string) error {
	org, err := db.NextID(ctx, tx, "organisations")
	if err != nil {
		return err
	}
	user, err := db.NextID(ctx, tx, "users")
	if err != nil {
		return err
	}
	ob := db.NewBulk(tx, "organisations", []string{"id", "name", "kind", "ipa_code", "istat_code", "email", "active", "synthetic", "created_at"}, 500)
	ub := db.NewBulk(tx, "users", []string{"id", "email", "name", "password_hash", "synthetic", "created_at"}, 500)
	mb := db.NewBulk(tx, "memberships", []string{"user_id", "org_id", "role"}, 1000).After(ob, ub)
	for i, m := range all {
		oid, uid := org+int64(i), user+int64(i)
		if err := ob.Add(ctx, oid, "Comune di "+m.name+" (sintetico)", string(auth.KindComune), "", m.code, "", true, true, tx.Now); err != nil {
			return err
		}
		if err := ub.Add(ctx, uid, "operatore."+strconv.Itoa(i)+"@sintetico.crocevia.it", "Operatore sintetico "+strconv.Itoa(i),
			hash, true, tx.Now); err != nil {
			return err
		}
		if err := mb.Add(ctx, uid, oid, string(auth.RoleServiceOperator)); err != nil {
			return err
		}
	}
	for _, b := range []*db.Bulk{ob, ub, mb} {
		if err := b.Close(ctx); err != nil {
			return err
		}
	}
	if err := db.SyncIDs(ctx, tx, "organisations"); err != nil {
		return err
	}
	return db.SyncIDs(ctx, tx, "users")
}
