package monitoring

import (
	"context"
	"database/sql"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// profiles loads every active facility with what the analysis classifies
// it by. Nothing that names a facility leaves this function.
func profiles(ctx context.Context, q db.Querier) ([]*profile, error) {
	byID, out, err := facilityProfiles(ctx, q)
	if err != nil {
		return nil, err
	}
	return out, outcomes(ctx, q, byID)
}

// facilityProfiles reads the facilities' classes; its rows are closed
// before the outcomes are read, so one connection is enough.
func facilityProfiles(ctx context.Context, q db.Querier) (map[int64]*profile, []*profile, error) {
	rows, err := q.QueryContext(ctx, `SELECT f.id, f.system_type, f.typology, f.guests, f.contracted_places, m.population,
		(SELECT c.capitolato FROM contracts c JOIN contract_facilities cf ON cf.contract_id = c.id
			WHERE cf.facility_id = f.id ORDER BY c.signed_on DESC, c.id DESC LIMIT 1)
		FROM facilities f JOIN municipalities m ON m.istat_code = f.istat_code
		WHERE f.state = 'active'`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	byID := map[int64]*profile{}
	var out []*profile
	for rows.Next() {
		var id int64
		var cap sql.NullString
		p := &profile{}
		if err := rows.Scan(&id, &p.system, &p.typology, &p.guests, &p.places, &p.population, &cap); err != nil {
			return nil, nil, err
		}
		p.capitolato = cap.String
		byID[id] = p
		out = append(out, p)
	}
	return byID, out, rows.Err()
}

// outcomes adds the answers of signed inspections (signed, follow-up
// requested or closed) to the facilities' profiles.
func outcomes(ctx context.Context, q db.Querier, byID map[int64]*profile) error {
	// Signing stores each verbale's counts on the inspection.
	rows, err := q.QueryContext(ctx, `SELECT facility_id, SUM(conforming), SUM(partial), SUM(non_conforming)
		FROM inspections WHERE state IN ('signed', 'follow_up', 'closed') GROUP BY facility_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n [3]int
		if err := rows.Scan(&id, &n[0], &n[1], &n[2]); err != nil {
			return err
		}
		if p, ok := byID[id]; ok {
			for i := range n {
				p.answers[i] += n[i]
			}
		}
	}
	return rows.Err()
}
