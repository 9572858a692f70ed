package inspections

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// ActionFacilities lists, as filter options keyed by code, the facilities
// with actions in sc.
func (s *Store) ActionFacilities(ctx context.Context, sc ActionScope) ([]web.Option, error) {
	where, args := sc.clause()
	// One index probe per facility, not a DISTINCT over every action.
	rows, err := s.DB.QueryContext(ctx, `SELECT f.code, f.name FROM facilities f
		WHERE EXISTS (SELECT 1 FROM corrective_actions a WHERE a.facility_id = f.id AND `+where+`) ORDER BY f.code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []web.Option
	for rows.Next() {
		var code, name string
		if err := rows.Scan(&code, &name); err != nil {
			return nil, err
		}
		out = append(out, web.Option{Value: code, Label: code + " · " + name})
	}
	return out, rows.Err()
}
