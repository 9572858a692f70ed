package main

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Mediation budget and reports: they exist only for the mediation
// coordinators and the admins; to everyone else the pages are not found.
// The JSON API answers 401 without credentials and 403 to a session that
// does not coordinate. The rows use a funding line and a mediator written
// here; the empty forms fail validation (422), so no row changes them.
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		line, mediator := mediationBudgetFixture(t, m)
		hidden := func(code int) map[string]int {
			out := map[string]int{}
			for _, r := range auth.Roles {
				if r != auth.RoleAdmin && r != auth.RoleMediationCoordinator {
					out[string(r)] = code
				}
			}
			return out
		}
		l := "/mediazione/budget/linee/" + strconv.FormatInt(line, 10)
		ts := "/mediazione/report/cedolino.pdf?mediatore=" + strconv.FormatInt(mediator, 10) + "&mese=2026-03"
		return []routeSpec{
			{route: "GET /mediazione/budget", path: "/mediazione/budget", who: members, ok: 200, override: hidden(404)},
			{route: "GET /mediazione/budget/linee/nuova", path: "/mediazione/budget/linee/nuova", who: members, ok: 200, override: hidden(404)},
			{route: "POST /mediazione/budget/linee", path: "/mediazione/budget/linee", who: members, ok: 422, override: hidden(404)},
			{route: "GET /mediazione/budget/linee/{id}", path: l, who: members, ok: 200, override: hidden(404)},
			{route: "POST /mediazione/budget/linee/{id}", path: l, who: members, ok: 422, override: hidden(404)},
			{route: "GET /mediazione/report", path: "/mediazione/report?dal=2026-01&al=2026-06", who: members, ok: 200, override: hidden(404)},
			{route: "GET /mediazione/report/export.csv", path: "/mediazione/report/export.csv", who: members, ok: 200, override: hidden(404)},
			{route: "GET /mediazione/report/export.xlsx", path: "/mediazione/report/export.xlsx", who: members, ok: 200, override: hidden(404)},
			{route: "GET /mediazione/report/cedolino.pdf", path: ts, who: members, ok: 200, override: hidden(404)},
			{route: "GET /api/v1/mediation/budget", path: "/api/v1/mediation/budget", who: members, ok: 200, anon: 401, override: hidden(403)},
		}
	})
}

// mediationBudgetFixture writes a funding line and a mediator of the demo
// coordinator's organisation.
func mediationBudgetFixture(t *testing.T, m *Main) (line, mediator int64) {
	t.Helper()
	ctx := context.Background()
	var org int64
	err := m.DB.QueryRowContext(ctx, `SELECT ms.org_id FROM users u JOIN memberships ms ON ms.user_id = u.id
		WHERE u.email = ? AND ms.role = ?`, demoEmail(auth.RoleMediationCoordinator),
		string(auth.RoleMediationCoordinator)).Scan(&org)
	if err != nil {
		t.Fatalf("demo coordinator: %v", err)
	}
	err = m.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		line, err = db.InsertID(ctx, tx, `INSERT INTO mediation_funding_lines (name, total_min, starts_on, ends_on, created_at)
			VALUES (?, ?, ?, ?, ?)`, "Linea delle prove di accesso", 6000, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), tx.Now)
		if err != nil {
			return err
		}
		mediator, err = db.InsertID(ctx, tx, `INSERT INTO mediators (provider_id, name, ical_token, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?)`, org, "Mediatrice delle prove di accesso", "routes-budget-token", tx.Now, tx.Now)
		return err
	})
	if err != nil {
		t.Fatalf("mediation budget fixture: %v", err)
	}
	return line, mediator
}
