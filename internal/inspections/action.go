package inspections

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

// ActionState is where a corrective action is in its life.
type ActionState string

// Action states. Overdue is not stored: it is an open or reopened action
// past its deadline, computed when read.
const (
	ActionOpen     ActionState = "open"
	ActionAnswered ActionState = "answered"
	ActionClosed   ActionState = "closed"
	ActionReopened ActionState = "reopened"
	ActionOverdue  ActionState = "overdue"
)

// ActionStates lists the states a list may filter on.
var ActionStates = []Code{
	{string(ActionOpen), "Aperta"}, {string(ActionAnswered), "Con risposta"},
	{string(ActionClosed), "Chiusa"}, {string(ActionReopened), "Riaperta"}, {string(ActionOverdue), "Scaduta"},
}

// Label is the state's Italian name (a catalogue key).
func (s ActionState) Label() string { return codeLabel(ActionStates, string(s)) }

// deadlineDays is the time a managing body has to remedy a finding, by
// severity: the one place these terms live.
var deadlineDays = map[Severity]int{Critical: 7, High: 15, Medium: 30, Low: 60}

// Deadline is the day by which a finding of severity sev, signed on
// signed, must be remedied.
func Deadline(signed time.Time, sev Severity) time.Time {
	days, ok := deadlineDays[sev]
	if !ok {
		days = deadlineDays[Medium]
	}
	y, m, d := signed.UTC().Date()
	return time.Date(y, m, d+days, 0, 0, 0, 0, time.UTC)
}

// Action is a corrective action owed by a managing body.
type Action struct {
	ID           int64
	FacilityID   int64
	FacilityCode string
	FacilityName string
	InspectionID int64
	OwnerID      int64
	OwnerName    string
	ItemText     string
	Result       Result
	Severity     Severity
	Finding      string
	Deadline     time.Time
	State        ActionState
	Remedy       string
	AnsweredAt   *time.Time
	ReviewNote   string
	ReviewedAt   *time.Time
	CreatedAt    time.Time
}

// Pending reports whether the managing body still owes a remedy.
func (a *Action) Pending() bool { return a.State == ActionOpen || a.State == ActionReopened }

// Overdue reports whether the action is pending past its deadline at now.
func (a *Action) Overdue(now time.Time) bool {
	return a.Pending() && now.After(a.Deadline.AddDate(0, 0, 1))
}

// CanReview reports whether u closes or reopens actions: the Prefettura
// always, an inspector on the actions it sees (a follow-up commission).
func CanReview(u *auth.User) bool {
	return u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector)
}

// CanRemedy reports whether u answers a for its managing body.
func CanRemedy(u *auth.User, a *Action) bool {
	if u == nil {
		return false
	}
	for _, org := range u.OrgsWithRole(auth.RoleFacilityManager) {
		if org == a.OwnerID {
			return true
		}
	}
	return false
}

// ActionRoles may reach the corrective-action pages; which actions each
// sees is the finer ActionScope.
var ActionRoles = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector, auth.RoleFacilityManager}

func checkText(field, value, empty string) error {
	f := apperr.Fields{}
	value = strings.TrimSpace(value)
	f.Check(value != "", field, empty)
	f.Check(utf8.RuneCountInString(value) <= 4000, field, "Il testo non può superare i 4000 caratteri.")
	return f.Err()
}
