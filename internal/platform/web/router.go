package web

import (
	"net/http"
	"slices"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Access is the coarse gate of a route: who may reach the handler at all.
// Finer rules (which record, which organisation) are domain predicates the
// handler checks.
type Access struct {
	Public bool        // anyone, anonymous included
	Roles  []auth.Role // any of these roles; empty means any logged-in user
	// NotFound answers 404 instead of 403 to users without the role, where
	// the existence of the page is itself sensitive.
	NotFound bool
}

// Common access rules.
var (
	Public   = Access{Public: true}
	LoggedIn = Access{}
)

// RolesOnly admits users holding any of roles.
func RolesOnly(roles ...auth.Role) Access { return Access{Roles: roles} }

// Allows reports whether u passes the gate.
func (a Access) Allows(u *auth.User) bool {
	if a.Public {
		return true
	}
	if u == nil {
		return false
	}
	return len(a.Roles) == 0 || slices.ContainsFunc(a.Roles, u.HasRole)
}

// Route is one entry of a module's route table.
type Route struct {
	Method  string
	Pattern string
	Access  Access
	Handler http.HandlerFunc
}

// Module is implemented by every room that serves pages.
type Module interface {
	Routes() []Route
}
