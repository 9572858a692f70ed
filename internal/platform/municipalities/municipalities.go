// Package municipalities is the reference list of Italian municipalities
// (ISTAT), embedded in the binary and loaded into every install: facilities,
// services, requests and indicators are all placed in one.
package municipalities

import (
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed data/comuni-italia.csv
var csvData string

// Province is the sigla of the Province of Alessandria.
const Province = "AL"

// Municipality is one Comune.
type Municipality struct {
	ISTATCode     string
	Name          string
	ProvinceCode  string
	Province      string
	RegionCode    string
	Region        string
	CadastralCode string
	Population    int
}

// All parses the embedded list.
func All() ([]Municipality, error) {
	r := csv.NewReader(strings.NewReader(csvData))
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("municipalities: %w", err)
	}
	out := make([]Municipality, 0, len(rows)-1)
	for _, row := range rows[1:] {
		pop, _ := strconv.Atoi(row[7])
		out = append(out, Municipality{ISTATCode: row[0], Name: row[1], ProvinceCode: row[2],
			Province: row[3], RegionCode: row[4], Region: row[5], CadastralCode: row[6], Population: pop})
	}
	return out, nil
}

// Load fills the municipalities table when it is empty; it is a no-op on
// later starts.
func Load(ctx context.Context, d *db.DB) error {
	var n int
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM municipalities`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	all, err := All()
	if err != nil {
		return err
	}
	return d.InTx(ctx, func(tx *db.Tx) error {
		const batch = 400
		for start := 0; start < len(all); start += batch {
			end := min(start+batch, len(all))
			q := `INSERT INTO municipalities (istat_code, name, province_code, province, region_code, region, cadastral_code, population) VALUES ` +
				strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?),", end-start-1) + "(?, ?, ?, ?, ?, ?, ?, ?)"
			args := make([]any, 0, (end-start)*8)
			for _, m := range all[start:end] {
				args = append(args, m.ISTATCode, m.Name, m.ProvinceCode, m.Province, m.RegionCode, m.Region, m.CadastralCode, m.Population)
			}
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("municipalities: %w", err)
			}
		}
		return nil
	})
}

// InProvince lists the municipalities of a province by name.
func InProvince(ctx context.Context, q db.Querier, province string) ([]Municipality, error) {
	rows, err := q.QueryContext(ctx, `SELECT istat_code, name, province_code, province, region_code, region,
		cadastral_code, population FROM municipalities WHERE province_code = ? ORDER BY name`, province)
	return db.Collect(rows, err, func(r db.Scanner) (m Municipality, err error) {
		err = r.Scan(&m.ISTATCode, &m.Name, &m.ProvinceCode, &m.Province, &m.RegionCode, &m.Region,
			&m.CadastralCode, &m.Population)
		return m, err
	})
}

// Options are the municipalities of a province by name, as the choices of
// a select: ISTAT code and name.
func Options(ctx context.Context, q db.Querier, province string) ([]web.Option, error) {
	return web.QueryOptions(ctx, q, `SELECT istat_code, name FROM municipalities WHERE province_code = ? ORDER BY name`, province)
}
