package facilities

import (
	"slices"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// viewerRoles may reach the module's pages at all; everyone else (the
// public included) is told the pages do not exist.
var viewerRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector, auth.RoleFacilityManager}

// staffRoles see every facility and the caps per municipality.
var staffRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector}

// CanManage reports whether u may create and change registry data:
// facilities, documents, contracts, penalty grids and caps.
func CanManage(u *auth.User) bool {
	return u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura)
}

// CanSeeAll reports whether u sees every facility of the province.
func CanSeeAll(u *auth.User) bool { return u.HasAnyRole(staffRoles...) }

// Scope is the part of the registry a user may read: everything, or the
// facilities and contracts of some managing bodies (possibly none).
type Scope struct {
	All    bool
	Bodies []int64
}

// ListScope is the part of the registry u may read.
func ListScope(u *auth.User) Scope {
	if CanSeeAll(u) {
		return Scope{All: true}
	}
	return Scope{Bodies: u.OrgsWithRole(auth.RoleFacilityManager)}
}

// Includes reports whether the scope covers the managing body bodyID.
func (s Scope) Includes(bodyID int64) bool { return s.All || slices.Contains(s.Bodies, bodyID) }

// clause is the scope as a WHERE condition on col, with its arguments:
// tenancy sits in the query itself, so a forged ID finds nothing.
func (s Scope) clause(col string) (string, []any) {
	if s.All {
		return "1=1", nil
	}
	if len(s.Bodies) == 0 {
		return "1=0", nil
	}
	q := col + " IN (?" + strings.Repeat(",?", len(s.Bodies)-1) + ")"
	args := make([]any, len(s.Bodies))
	for i, b := range s.Bodies {
		args[i] = b
	}
	return q, args
}

// CanView reports whether u may read facility f.
func CanView(u *auth.User, f *Facility) bool { return ListScope(u).Includes(f.BodyID) }

// CanEdit reports whether u may change facility f's registry data. Managing
// bodies read their own facilities but the registry is the Prefettura's.
func CanEdit(u *auth.User, f *Facility) bool { return CanView(u, f) && CanManage(u) }
