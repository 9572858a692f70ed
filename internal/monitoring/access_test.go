package monitoring_test

import (
	"testing"

	"github.com/crocevia/crocevia/internal/monitoring"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

func TestWhoSeesWhat(t *testing.T) {
	as := func(r auth.Role) *auth.User {
		return &auth.User{ID: 1, Memberships: []auth.Membership{{OrgID: 1, Role: r}}}
	}
	type sees struct{ dashboard, mapPage, typology, suppressed bool }
	want := map[auth.Role]sees{
		auth.RoleAdmin:           {true, true, true, false},
		auth.RolePrefettura:      {true, true, true, false},
		auth.RoleInspector:       {false, true, false, true},
		auth.RoleAnalyst:         {false, false, true, true},
		auth.RoleFacilityManager: {false, false, false, true},
	}
	for _, r := range auth.Roles {
		u := as(r)
		got := sees{monitoring.CanSeeDashboard(u), monitoring.CanSeeMap(u), monitoring.CanSeeTypology(u), monitoring.Suppressed(u)}
		w, listed := want[r]
		if !listed {
			w = sees{suppressed: true}
		}
		if got != w {
			t.Errorf("%s: sees %+v; want %+v", r, got, w)
		}
	}
	if monitoring.CanSeeDashboard(nil) || monitoring.CanSeeMap(nil) || monitoring.CanSeeTypology(nil) || !monitoring.Suppressed(nil) {
		t.Error("an anonymous visitor sees nothing, and suppressed if anything")
	}
}
