package mediation

import (
	"slices"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Coordinators see and match every request, keep the mediators' register
// and the budget.
var Coordinators = []auth.Role{auth.RoleAdmin, auth.RoleMediationCoordinator}

// Requesters are the roles that ask for a mediator on behalf of their
// service.
var Requesters = []auth.Role{auth.RoleServiceOperator}

// CanCoordinate reports whether u coordinates mediation.
func CanCoordinate(u *auth.User) bool { return u.HasAnyRole(Coordinators...) }

// CanRequest reports whether u may ask for a mediator.
func CanRequest(u *auth.User) bool { return u.HasAnyRole(Requesters...) || CanCoordinate(u) }

// Scope is the part of the requests a user reads: all of them; those of
// the Orgs (the services the user works for); those assigned or offered
// to Mediator.
type Scope struct {
	All      bool
	Orgs     []int64
	Mediator int64
}

// ScopeOf is the scope of u; mediatorID is u's mediator record, 0 if none.
// Coordinators see everything; a service operator the requests of their
// organisations; a mediator only their assignments and the offers made to
// them.
func ScopeOf(u *auth.User, mediatorID int64) Scope {
	if u == nil {
		return Scope{}
	}
	if CanCoordinate(u) {
		return Scope{All: true}
	}
	sc := Scope{Orgs: u.OrgsWithRole(auth.RoleServiceOperator)}
	if u.HasRole(auth.RoleMediator) {
		sc.Mediator = mediatorID
	}
	return sc
}

// Empty reports whether the scope reads nothing.
func (s Scope) Empty() bool { return !s.All && len(s.Orgs) == 0 && s.Mediator == 0 }

// clause is the scope as a condition on the request aliased r: a forged ID
// outside it finds nothing. A mediator's scope holds the requests booked to
// them and those they were offered.
func (s Scope) clause() (string, []any) { return s.where(true) }

// where is the scope as a condition on the request aliased r; offers says
// whether a mediator's scope holds the requests they were offered too.
func (s Scope) where(offers bool) (string, []any) {
	if s.All {
		return "1=1", nil
	}
	var conds []string
	var args []any
	if len(s.Orgs) > 0 {
		conds = append(conds, "r.org_id IN ("+marks(len(s.Orgs))+")")
		for _, id := range s.Orgs {
			args = append(args, id)
		}
	}
	switch {
	case s.Mediator != 0 && offers:
		// A union of two index reads, not an OR the planner would answer
		// by reading every request.
		conds = append(conds, `r.id IN (SELECT m.id FROM mediation_requests m WHERE m.mediator_id = ?
			UNION SELECT o.request_id FROM mediation_offers o WHERE o.mediator_id = ?)`)
		args = append(args, s.Mediator, s.Mediator)
	case s.Mediator != 0:
		conds = append(conds, "r.mediator_id = ?")
		args = append(args, s.Mediator)
	}
	if len(conds) == 0 {
		return "1=0", nil
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

// InOrgs reports whether the scope reads the requests of organisation id.
func (s Scope) InOrgs(id int64) bool { return s.All || slices.Contains(s.Orgs, id) }

func marks(n int) string { return "?" + strings.Repeat(", ?", n-1) }
