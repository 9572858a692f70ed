package inspections

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// ActiveFacilities are the facilities an inspection may be planned at,
// as choices "CODE - name". The Prefettura sees every facility (the rule
// of facilities/perm.go for staff), and only planners call this.
func (s *Store) ActiveFacilities(ctx context.Context) ([]web.Option, error) {
	return s.options(ctx, `SELECT id, code || ' - ' || name FROM facilities WHERE state = 'active' ORDER BY name, code`)
}

// CommissionCandidates are the active users who may sit on a commission:
// inspectors and Prefettura officers.
func (s *Store) CommissionCandidates(ctx context.Context) ([]web.Option, error) {
	return s.options(ctx, `SELECT DISTINCT u.id, u.name FROM users u JOIN memberships m ON m.user_id = u.id
		WHERE u.active = ? AND m.role IN (?, ?) ORDER BY u.name, u.id`,
		true, string(commissionUserRoles[0]), string(commissionUserRoles[1]))
}

func (s *Store) options(ctx context.Context, query string, args ...any) ([]web.Option, error) {
	rows, err := s.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []web.Option
	for rows.Next() {
		var id int64
		var o web.Option
		if err := rows.Scan(&id, &o.Label); err != nil {
			return nil, err
		}
		o.Value = itoa(id)
		out = append(out, o)
	}
	return out, rows.Err()
}
