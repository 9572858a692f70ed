package home

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// OrgSummary is one of the user's organisations as the dashboard shows it.
type OrgSummary struct {
	ID           int64
	Name         string
	Kind         auth.OrgKind
	IPACode      string
	Email        string
	Members      int
	Municipality string
	Population   int
	Roles        []auth.Role
}

// userOrgs loads the organisations the user belongs to, with their member
// count and municipality, in one query whatever the number of roles.
func userOrgs(ctx context.Context, q db.Querier, u *auth.User) ([]OrgSummary, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.id, o.name, o.kind, o.ipa_code, o.email,
			COALESCE(c.name, ''), COALESCE(c.population, 0),
			(SELECT COUNT(DISTINCT m2.user_id) FROM memberships m2 JOIN users u2 ON u2.id = m2.user_id
				WHERE m2.org_id = o.id AND u2.active = ?)
		FROM organisations o LEFT JOIN municipalities c ON c.istat_code = o.istat_code
		WHERE o.id IN (SELECT org_id FROM memberships WHERE user_id = ?)
		ORDER BY o.name`, true, u.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OrgSummary
	for rows.Next() {
		var o OrgSummary
		if err := rows.Scan(&o.ID, &o.Name, &o.Kind, &o.IPACode, &o.Email,
			&o.Municipality, &o.Population, &o.Members); err != nil {
			return nil, err
		}
		for _, m := range u.Memberships {
			if m.OrgID == o.ID {
				o.Roles = append(o.Roles, m.Role)
			}
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// AdminCounts are the live figures of the admin's card.
type AdminCounts struct {
	ActiveUsers   int
	Organisations int
	UnsentMail    int
	AuditToday    int
	Feedback      int
}

// adminCounts reads every figure of the admin card in one round trip;
// "today" starts at midnight in Rome, where the network works.
func adminCounts(ctx context.Context, q db.Querier, now time.Time) (AdminCounts, error) {
	var c AdminCounts
	err := q.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM users WHERE active = ?),
			(SELECT COUNT(*) FROM organisations WHERE active = ?),
			(SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL),
			(SELECT COUNT(*) FROM audit_log WHERE at >= ?),
			(SELECT COUNT(*) FROM accessibility_feedback)`,
		true, true, startOfDay(now)).Scan(&c.ActiveUsers, &c.Organisations, &c.UnsentMail, &c.AuditToday, &c.Feedback)
	return c, err
}

// startOfDay is midnight of t's day in Rome, in UTC.
func startOfDay(t time.Time) time.Time {
	y, m, d := t.In(i18n.Rome).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, i18n.Rome).UTC()
}
