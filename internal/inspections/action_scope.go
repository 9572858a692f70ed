package inspections

import (
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// ActionScope is the part of the corrective actions a user reads: all,
// those of inspections the user sat on or was sent to follow up, those
// owed by the user's bodies.
type ActionScope struct {
	All    bool
	Member int64
	Owners []int64
}

// ActionScopeOf is the scope of u.
func ActionScopeOf(u *auth.User) ActionScope {
	if CanPlan(u) {
		return ActionScope{All: true}
	}
	var sc ActionScope
	if u != nil && u.HasRole(auth.RoleInspector) {
		sc.Member = u.ID
	}
	if u != nil {
		sc.Owners = u.OrgsWithRole(auth.RoleFacilityManager)
	}
	return sc
}

// clause is the scope as a condition on the action aliased a: a forged ID
// outside it finds nothing.
func (s ActionScope) clause() (string, []any) {
	if s.All {
		return "1=1", nil
	}
	var conds []string
	var args []any
	if s.Member != 0 {
		// The commission that found the problem, or one sent to check it.
		conds = append(conds, `EXISTS (SELECT 1 FROM inspection_members cm WHERE cm.user_id = ? AND (cm.inspection_id = a.inspection_id
			OR cm.inspection_id IN (SELECT fu.id FROM inspections fu WHERE fu.follow_up_of = a.inspection_id)))`)
		args = append(args, s.Member)
	}
	if len(s.Owners) > 0 {
		conds = append(conds, "a.owner_id IN (?"+strings.Repeat(", ?", len(s.Owners)-1)+")")
		for _, o := range s.Owners {
			args = append(args, o)
		}
	}
	if len(conds) == 0 {
		return "1=0", nil
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

// reviewer reports whether the scope may close or reopen: anyone but a
// managing body acting only as such.
func (s ActionScope) reviewer() bool { return s.All || s.Member != 0 }
