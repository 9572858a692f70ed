package inspections

import (
	"slices"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// InspectionRoles may reach the inspection pages at all; to everyone else
// they do not exist. Managing bodies will see findings, not inspections.
var InspectionRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector}

// commissionUserRoles are the platform roles a commission member holds.
var commissionUserRoles = []auth.Role{auth.RoleInspector, auth.RolePrefettura}

// CanPlan reports whether u plans inspections, sees and edits them all.
func CanPlan(u *auth.User) bool { return u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura) }

// CanViewInspection reports whether u may read in: the Prefettura always,
// inspectors only on its commission.
func CanViewInspection(u *auth.User, in *Inspection) bool {
	return u != nil && (CanPlan(u) || (u.HasRole(auth.RoleInspector) && in.HasMember(u.ID)))
}

// CanEditInspection reports whether u may start in and fill in its
// checklist: whoever sees it, while the verbale is not signed.
func CanEditInspection(u *auth.User, in *Inspection) bool {
	return CanViewInspection(u, in) && slices.Contains([]Phase{Planned, InProgress, DraftReport}, in.Phase)
}

// Scope is the part of the inspections a user reads: all, or those whose
// commission includes UserID.
type Scope struct {
	All    bool
	UserID int64
}

// ScopeOf is the scope of u.
func ScopeOf(u *auth.User) Scope {
	if CanPlan(u) {
		return Scope{All: true}
	}
	if u != nil && u.HasRole(auth.RoleInspector) {
		return Scope{UserID: u.ID}
	}
	return Scope{}
}

// clause is the scope as a condition on the inspection aliased i: tenancy
// sits in the query, so a forged ID finds nothing.
func (s Scope) clause() (string, []any) {
	if s.All {
		return "1=1", nil
	}
	if s.UserID == 0 {
		return "1=0", nil
	}
	return "EXISTS (SELECT 1 FROM inspection_members cm WHERE cm.inspection_id = i.id AND cm.user_id = ?)", []any{s.UserID}
}
