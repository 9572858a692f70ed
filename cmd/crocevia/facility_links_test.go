package main

import (
	"context"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// TestFacilityPageLinksItsMonitoring: the facility page leads to the
// facility's presences, inspections and corrective actions, each only for
// those who may open it.
func TestFacilityPageLinksItsMonitoring(t *testing.T) {
	m := startMain(t, dbtest.Target{Name: "sqlite", DataDir: t.TempDir()})
	manager, err := m.Auth.UserByEmail(context.Background(), m.DB, demoEmail(auth.RoleFacilityManager))
	if err != nil {
		t.Fatal(err)
	}
	var id, code string
	err = m.DB.QueryRowContext(context.Background(), `SELECT CAST(id AS TEXT), code FROM facilities WHERE managing_body_id = ? ORDER BY id LIMIT 1`,
		manager.PrimaryOrgID()).Scan(&id, &code)
	if err != nil {
		t.Fatal(err)
	}
	presences, inspections, actions := `href="/presenze/`+code+`"`, `href="/ispezioni?codice=`+code+`"`, `href="/azioni-correttive?facility=`+code+`"`
	for role, want := range map[auth.Role][]bool{
		auth.RolePrefettura:      {true, true, true},
		auth.RoleFacilityManager: {true, false, true},
	} {
		c := newClient(t, m.URL())
		c.mustLogin(demoEmail(role), "crocevia-demo")
		body := c.get("/strutture/" + code).Body
		for i, link := range []string{presences, inspections, actions} {
			if got := strings.Contains(body, link); got != want[i] {
				t.Errorf("%s: link %s shown %v; want %v", role, link, got, want[i])
			}
		}
	}
}
