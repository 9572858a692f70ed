package facilities

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
)

const capsQuery = `SELECT m.istat_code, m.name, m.population, c.places, COALESCE(a.n, 0), COALESCE(a.places, 0)
	FROM municipalities m
	LEFT JOIN municipality_caps c ON c.istat_code = m.istat_code
	LEFT JOIN (SELECT istat_code, COUNT(*) AS n, SUM(contracted_places) AS places FROM facilities
		WHERE state = 'active' GROUP BY istat_code) a ON a.istat_code = m.istat_code
	WHERE m.province_code = ?`

// Caps compares, for every Comune of the province, the contracted places
// of its active facilities with its cap. Only staff see it: it sums every
// managing body's places.
func (s *Store) Caps(ctx context.Context, u *auth.User) ([]*MunicipalityCap, error) {
	if !CanSeeAll(u) {
		return nil, errFacilityNotFound
	}
	rows, err := s.DB.QueryContext(ctx, capsQuery+` ORDER BY m.name`, municipalities.Province)
	return db.Collect(rows, err, scanCap)
}

func scanCap(row db.Scanner) (*MunicipalityCap, error) {
	m := &MunicipalityCap{}
	var set *int64
	if err := row.Scan(&m.ISTATCode, &m.Name, &m.Population, &set, &m.Facilities, &m.Places); err != nil {
		return nil, err
	}
	m.Default = DefaultCap(m.Population)
	if set != nil {
		v := int(*set)
		m.Set = &v
	}
	return m, nil
}

// Cap is one Comune of the province with its cap.
func (s *Store) Cap(ctx context.Context, u *auth.User, istat string) (*MunicipalityCap, error) {
	if !CanSeeAll(u) {
		return nil, errFacilityNotFound
	}
	m, err := scanCap(s.DB.QueryRowContext(ctx, capsQuery+` AND m.istat_code = ?`, municipalities.Province, istat))
	return m, notFound(err, apperr.NotFoundf("Comune non trovato."))
}

// SetCap sets the cap of Comune istat; nil puts back the default.
func (s *Store) SetCap(ctx context.Context, u *auth.User, istat string, places *int) error {
	if !CanManage(u) {
		return errForbidden
	}
	if places != nil && (*places < 0 || *places > 100000) {
		return apperr.Fields{"places": "Il tetto deve essere un numero di posti tra 0 e 100000."}.Err()
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		before, err := scanCap(tx.QueryRowContext(ctx, capsQuery+` AND m.istat_code = ?`, municipalities.Province, istat))
		if err != nil {
			return notFound(err, apperr.NotFoundf("Comune non trovato."))
		}
		if places == nil {
			_, err = tx.ExecContext(ctx, `DELETE FROM municipality_caps WHERE istat_code = ?`, istat)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO municipality_caps (istat_code, places, updated_at) VALUES (?, ?, ?)`+
				tx.Dialect().Upsert("istat_code", "places = excluded.places, updated_at = excluded.updated_at"), istat, *places, tx.Now)
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Update, "municipality_cap", istat,
			audit.Diff(audit.Fields{"places": before.Set}, audit.Fields{"places": places}))
	})
}
