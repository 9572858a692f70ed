package presences

import (
	"slices"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

// The rules below mirror facilities/perm.go: the Prefettura, admins and
// inspectors see every facility, a facility manager only those of the
// managing bodies where it holds the role, anybody else nothing.

// viewerRoles may reach the module's pages at all.
var viewerRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector, auth.RoleFacilityManager}

// reporterRoles may report or correct presences (within their scope).
var reporterRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleFacilityManager}

// scope is the set of facilities a user may read: all, or those of some
// managing bodies (possibly none).
type scope struct {
	all    bool
	bodies []int64
	ids    []any // when set, only these facilities
}

func scopeOf(u *auth.User) scope {
	if u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector) {
		return scope{all: true}
	}
	return scope{bodies: u.OrgsWithRole(auth.RoleFacilityManager)}
}

func (s scope) includes(body int64) bool { return s.all || slices.Contains(s.bodies, body) }

// only narrows s to the facilities ids, for the queries of one page.
func (s scope) only(ids []any) scope {
	s.ids = ids
	return s
}

// clause is the scope as a condition on the column col, the managing body
// of a facilities table ("f.managing_body_id"): tenancy sits in the query
// itself, so a forged code finds nothing.
func (s scope) clause(col string) (string, []any) {
	cond, args := s.bodyClause(col)
	if s.ids == nil {
		return cond, args
	}
	table, _, _ := strings.Cut(col, ".")
	return cond + " AND " + table + ".id IN (?" + strings.Repeat(",?", len(s.ids)-1) + ")", append(args, s.ids...)
}

func (s scope) bodyClause(col string) (string, []any) {
	if s.all {
		return "1=1", nil
	}
	if len(s.bodies) == 0 {
		return "1=0", nil
	}
	args := make([]any, len(s.bodies))
	for i, b := range s.bodies {
		args[i] = b
	}
	return col + " IN (?" + strings.Repeat(",?", len(s.bodies)-1) + ")", args
}

// CanReport reports whether u may report or correct presences of a
// facility run by body: managers for their own bodies, the Prefettura and
// admins for every facility. Inspectors read only.
func CanReport(u *auth.User, body int64) bool {
	if u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura) {
		return true
	}
	return slices.Contains(u.OrgsWithRole(auth.RoleFacilityManager), body)
}

// mayReport is CanReport as an error: 403 for a user who sees the facility
// but may not change its presences.
func mayReport(u *auth.User, body int64) error {
	if CanReport(u, body) {
		return nil
	}
	return apperr.Forbiddenf("Non puoi registrare presenze per questa struttura.")
}
