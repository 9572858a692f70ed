package admin

import (
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

// An admin must never lock themself out: these rules keep at least the
// acting admin in place.
var (
	errSelfDeactivate = apperr.Forbiddenf("Non puoi disattivare il tuo stesso account.")
	errSelfAdmin      = apperr.Forbiddenf("Non puoi togliere a te stesso il ruolo di amministratore.")
)

// checkDeactivate allows actor to deactivate the user targetID.
func checkDeactivate(actor *auth.User, targetID int64) error {
	if actor == nil || actor.ID == targetID {
		return errSelfDeactivate
	}
	return nil
}

// checkRemoveRole allows actor to take role away from the user targetID.
func checkRemoveRole(actor *auth.User, targetID int64, role auth.Role) error {
	if role == auth.RoleAdmin && (actor == nil || actor.ID == targetID) {
		return errSelfAdmin
	}
	return nil
}

// canRemoveRole is checkRemoveRole as a yes/no for the templates.
func canRemoveRole(actor *auth.User, targetID int64, role auth.Role) bool {
	return checkRemoveRole(actor, targetID, role) == nil
}
