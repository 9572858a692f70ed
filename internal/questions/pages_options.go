package questions

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// The choices the workflow's forms offer.

func flowTopicOptions(ts []Topic) []web.Option {
	out := make([]web.Option, 0, len(ts))
	for _, t := range ts {
		out = append(out, web.Option{Value: flowID(t.ID), Label: t.Name})
	}
	return out
}

func flowStateOptions() []web.Option {
	out := make([]web.Option, 0, len(States)+1)
	for _, s := range States {
		out = append(out, web.Option{Value: string(s), Label: s.Label()})
	}
	return out
}

func flowMunicipalities(ctx context.Context, q db.Querier) ([]web.Option, error) {
	return municipalities.Options(ctx, q, municipalities.Province)
}

// flowOffices are the active organisations, any of which may be the
// competent office of a topic.
func flowOffices(ctx context.Context, q db.Querier) ([]web.Option, error) {
	return flowOptions(ctx, q, `SELECT id, name FROM organisations WHERE active = ? ORDER BY name, id`, true)
}

// flowExperts are the active users holding the expert role.
func flowExperts(ctx context.Context, q db.Querier) ([]web.Option, error) {
	return flowOptions(ctx, q, `SELECT DISTINCT u.id, u.name FROM users u JOIN memberships m ON m.user_id = u.id
		WHERE m.role = ? AND u.active = ? ORDER BY u.name, u.id`, string(auth.RoleExpert), true)
}

func flowOptions(ctx context.Context, q db.Querier, query string, args ...any) ([]web.Option, error) {
	return web.QueryOptions(ctx, q, query, args...)
}

// flowOrgOptions are u's organisations, for an asker who belongs to several.
func flowOrgOptions(u *auth.User) []web.Option {
	var out []web.Option
	seen := map[int64]bool{}
	for _, m := range u.Memberships {
		if !seen[m.OrgID] {
			seen[m.OrgID] = true
			out = append(out, web.Option{Value: flowID(m.OrgID), Label: m.OrgName})
		}
	}
	return out
}
