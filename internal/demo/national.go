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
	err = d.InTx(ctx, func(tx *db.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT istat_code, name FROM municipalities ORDER BY istat_code`)
		if err != nil {
			return err
		}
		type mun struct{ code, name string }
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
		for i, m := range all {
			orgID, err := db.InsertID(ctx, tx, `INSERT INTO organisations (name, kind, ipa_code, istat_code, email, active, synthetic, created_at)
				VALUES (?, ?, '', ?, '', ?, ?, ?)`, "Comune di "+m.name+" (sintetico)", string(auth.KindComune), m.code, true, true, tx.Now)
			if err != nil {
				return err
			}
			uid, err := db.InsertID(ctx, tx, `INSERT INTO users (email, name, password_hash, synthetic, created_at)
				VALUES (?, ?, ?, ?, ?)`, "operatore."+strconv.Itoa(i)+"@sintetico.crocevia.it", "Operatore sintetico "+strconv.Itoa(i), hash, true, tx.Now)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO memberships (user_id, org_id, role) VALUES (?, ?, ?)`,
				uid, orgID, string(auth.RoleServiceOperator)); err != nil {
				return err
			}
		}
		fmt.Fprintf(out, "synthetic: %d municipalities' organisations and operators\n", len(all))
		return nil
	})
	if err != nil {
		return err
	}
	for _, seed := range seeders {
		if err := seed(ctx, d, out); err != nil {
			return err
		}
	}
	if err := settings.Set(ctx, d, settings.SyntheticData, "1"); err != nil {
		return err
	}
	fmt.Fprintf(out, "synthetic national data loaded in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}
