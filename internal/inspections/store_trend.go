package inspections

import (
	"context"
	"time"
)

// TrendRow is one signed inspection's outcome counts: read in date order
// they show whether a facility is getting better.
type TrendRow struct {
	InspectionID  int64
	PlannedOn     time.Time
	Conforming    int
	Partial       int
	NonConforming int
}

// Trend returns the outcome counts of the signed inspections of the
// facility with code, oldest first.
func (s *Store) Trend(ctx context.Context, code string) ([]TrendRow, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT i.id, i.planned_on,
		SUM(CASE WHEN a.result = ? THEN 1 ELSE 0 END), SUM(CASE WHEN a.result = ? THEN 1 ELSE 0 END),
		SUM(CASE WHEN a.result = ? THEN 1 ELSE 0 END)
		FROM inspections i JOIN facilities f ON f.id = i.facility_id
		JOIN inspection_answers a ON a.inspection_id = i.id
		WHERE f.code = ? AND i.signed_at IS NOT NULL
		GROUP BY i.id, i.planned_on ORDER BY i.planned_on, i.id`,
		string(Conforming), string(Partial), string(NonConforming), code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TrendRow
	for rows.Next() {
		var t TrendRow
		if err := rows.Scan(&t.InspectionID, &t.PlannedOn, &t.Conforming, &t.Partial, &t.NonConforming); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
