package monitoring

import "github.com/crocevia/crocevia/internal/platform/auth"

// DashboardRoles see the dashboard: its figures cover every managing body
// and link to planning pages that are the Prefettura's alone, so inspectors
// (who see only their own inspections) are not among them.
var DashboardRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura}

// MapRoles see the map: whoever sees every facility of the province.
var MapRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector}

// TypologyRoles read the typology analysis: the university team (analysts)
// besides the Prefettura.
var TypologyRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleAnalyst}

// MinCell is the smallest number of facilities a published cell may count:
// below it the cell shows "<3", so that no single facility can be singled
// out from a class.
const MinCell = 3

// CanSeeDashboard reports whether u sees the dashboard.
func CanSeeDashboard(u *auth.User) bool { return u.HasAnyRole(DashboardRoles...) }

// CanSeeMap reports whether u sees the map.
func CanSeeMap(u *auth.User) bool { return u.HasAnyRole(MapRoles...) }

// CanSeeTypology reports whether u reads the typology analysis.
func CanSeeTypology(u *auth.User) bool { return u.HasAnyRole(TypologyRoles...) }

// Suppressed reports whether u gets the analysis with small cells hidden:
// everyone but the Prefettura and admins, who see every facility anyway.
func Suppressed(u *auth.User) bool {
	return !u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura)
}
