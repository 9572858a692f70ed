package contestations

import (
	"slices"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Roles may reach the contestation pages at all; to everyone else they do
// not exist. Which contestations each sees is the finer Scope.
var Roles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector, auth.RoleFacilityManager}

// CanManage reports whether u drafts, notifies, decides and executes
// contestations: the Prefettura's work.
func CanManage(u *auth.User) bool { return u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura) }

// CanReply reports whether u may file counter-deductions on c: a manager
// of the charged body, while the contestation is notified and undecided.
func CanReply(u *auth.User, c *Contestation) bool {
	return u != nil && c.State == Notified && slices.Contains(u.OrgsWithRole(auth.RoleFacilityManager), c.BodyID)
}

// Scope is the part of the contestations a user reads: all; those charging
// findings of inspections whose commission included Member; those
// notified to the Bodies (never their drafts).
type Scope struct {
	All    bool
	Member int64
	Bodies []int64
}

// ScopeOf is the scope of u.
func ScopeOf(u *auth.User) Scope {
	if CanManage(u) {
		return Scope{All: true}
	}
	var sc Scope
	if u == nil {
		return sc
	}
	if u.HasRole(auth.RoleInspector) {
		sc.Member = u.ID
	}
	sc.Bodies = u.OrgsWithRole(auth.RoleFacilityManager)
	return sc
}

// clause is the scope as a condition on the contestation aliased c: a
// forged ID outside it finds nothing.
func (s Scope) clause() (string, []any) {
	if s.All {
		return "1=1", nil
	}
	var conds []string
	var args []any
	if s.Member != 0 {
		conds = append(conds, `EXISTS (SELECT 1 FROM contestation_findings sf JOIN inspection_members cm
			ON cm.inspection_id = sf.inspection_id WHERE sf.contestation_id = c.id AND cm.user_id = ?)`)
		args = append(args, s.Member)
	}
	if len(s.Bodies) > 0 {
		conds = append(conds, "(c.state <> ? AND c.managing_body_id IN (?"+strings.Repeat(", ?", len(s.Bodies)-1)+"))")
		args = append(args, string(Draft))
		for _, b := range s.Bodies {
			args = append(args, b)
		}
	}
	if len(conds) == 0 {
		return "1=0", nil
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}
