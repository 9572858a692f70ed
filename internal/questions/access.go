package questions

import (
	"slices"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Coordinators triage every question and edit the topics' routing.
var Coordinators = []auth.Role{auth.RoleAdmin, auth.RoleQuestionCoordinator}

// CanTriage reports whether u sees and routes every question.
func CanTriage(u *auth.User) bool { return u.HasAnyRole(Coordinators...) }

// CanDraft reports whether u writes the answer to q: the assigned expert,
// or a coordinator standing in.
func CanDraft(u *auth.User, q *Question) bool {
	if u == nil {
		return false
	}
	return CanTriage(u) || (q.ExpertID == u.ID && u.HasRole(auth.RoleExpert))
}

// CanValidate reports whether u validates the answers of q's office: a
// validator of that office. An admin stands in for a missing one.
func CanValidate(u *auth.User, q *Question) bool {
	if u == nil || q.OfficeID == 0 {
		return false
	}
	return u.HasRoleIn(auth.RoleValidator, q.OfficeID) || u.HasRole(auth.RoleAdmin)
}

// CanAddInfo reports whether u answers a request for information on q:
// the asker or a member of the asker's organisation.
func CanAddInfo(u *auth.User, q *Question) bool {
	return u != nil && q.State == NeedsInfo && (q.AskerID == u.ID || slices.Contains(flowOrgsOf(u), q.OrgID))
}

// IsStaff reports whether u works on q's answer: drafts, notes and
// returned versions are shown to them only, never to the asker.
func IsStaff(u *auth.User, q *Question) bool {
	return CanDraft(u, q) || (CanValidate(u, q) && q.State != Submitted)
}

// Scope is the part of the questions a user reads: all; those assigned to
// Expert; those of the Offices from their first draft on; those asked by
// Asker or within the Orgs.
type Scope struct {
	All     bool
	Expert  int64
	Offices []int64
	Asker   int64
	Orgs    []int64
}

// ScopeOf is the scope of u: coordinators and admins see everything, the
// others the union of what each of their roles gives.
func ScopeOf(u *auth.User) Scope {
	if CanTriage(u) {
		return Scope{All: true}
	}
	if u == nil {
		return Scope{}
	}
	sc := Scope{Asker: u.ID, Orgs: flowOrgsOf(u), Offices: u.OrgsWithRole(auth.RoleValidator)}
	if u.HasRole(auth.RoleExpert) {
		sc.Expert = u.ID
	}
	return sc
}

func flowOrgsOf(u *auth.User) []int64 {
	var ids []int64
	for _, m := range u.Memberships {
		if !slices.Contains(ids, m.OrgID) {
			ids = append(ids, m.OrgID)
		}
	}
	return ids
}

// clause is the scope as a condition on the question aliased q: a forged
// ID outside it finds nothing.
func (s Scope) clause() (string, []any) {
	if s.All {
		return "1=1", nil
	}
	var conds []string
	var args []any
	if s.Asker != 0 {
		conds, args = append(conds, "q.asker_id = ?"), append(args, s.Asker)
	}
	if len(s.Orgs) > 0 {
		conds, args = append(conds, "q.org_id IN ("+flowMarks(len(s.Orgs))+")"), flowAppendIDs(args, s.Orgs)
	}
	if s.Expert != 0 {
		conds, args = append(conds, "q.expert_id = ?"), append(args, s.Expert)
	}
	if len(s.Offices) > 0 {
		// "From drafted on": once an answer version exists.
		conds = append(conds, "(q.office_id IN ("+flowMarks(len(s.Offices))+
			") AND EXISTS (SELECT 1 FROM question_answers sa WHERE sa.question_id = q.id))")
		args = flowAppendIDs(args, s.Offices)
	}
	if len(conds) == 0 {
		return "1=0", nil
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

func flowMarks(n int) string { return "?" + strings.Repeat(", ?", n-1) }

func flowAppendIDs(args []any, ids []int64) []any {
	for _, id := range ids {
		args = append(args, id)
	}
	return args
}
