package admin

import (
	"context"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

var errNoOrg = &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
	Fields: map[string]string{"org_id": "Scegli un'organizzazione."}}

// userAction runs change on the user of the path in one transaction, then
// goes back to their page with flash, or shows why it was refused.
func (h *Handler) userAction(w http.ResponseWriter, r *http.Request, flash string,
	change func(ctx context.Context, tx *db.Tx, userID int64) error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	ctx := r.Context()
	err = h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := h.auth.UserByID(ctx, tx, id); err != nil {
			return err
		}
		return change(ctx, tx, id)
	})
	if err != nil {
		h.actionFailed(w, r, err)
		return
	}
	h.web.Redirect(w, r, "/admin/users/"+itoa(id), flash)
}

// membershipInput reads the organisation and role of a role form; the
// organisation must exist.
func (h *Handler) membershipInput(ctx context.Context, tx *db.Tx, r *http.Request) (int64, auth.Role, error) {
	orgID, role := formID(r.PostFormValue("org_id")), auth.Role(r.PostFormValue("role"))
	f := apperr.Fields{}
	f.Check(orgID > 0, "org_id", "Scegli un'organizzazione.")
	f.Check(role.Valid(), "role", "Scegli un ruolo.")
	if err := f.Err(); err != nil {
		return 0, "", err
	}
	if _, err := h.auth.Organisation(ctx, tx, orgID); err != nil {
		if apperr.KindOf(err) == apperr.NotFound {
			return 0, "", errNoOrg
		}
		return 0, "", err
	}
	return orgID, role, nil
}

func (h *Handler) roleAdd(w http.ResponseWriter, r *http.Request) {
	h.userAction(w, r, "Ruolo assegnato.", func(ctx context.Context, tx *db.Tx, id int64) error {
		orgID, role, err := h.membershipInput(ctx, tx, r)
		if err != nil {
			return err
		}
		return h.auth.AddMembership(ctx, tx, id, orgID, role)
	})
}

func (h *Handler) roleRemove(w http.ResponseWriter, r *http.Request) {
	h.userAction(w, r, "Ruolo rimosso.", func(ctx context.Context, tx *db.Tx, id int64) error {
		orgID, role, err := h.membershipInput(ctx, tx, r)
		if err != nil {
			return err
		}
		if err := checkRemoveRole(web.UserOf(r), id, role); err != nil {
			return err
		}
		return h.auth.RemoveMembership(ctx, tx, id, orgID, role)
	})
}

func (h *Handler) deactivate(w http.ResponseWriter, r *http.Request) {
	h.userAction(w, r, "Utente disattivato: le sue sessioni sono terminate.", func(ctx context.Context, tx *db.Tx, id int64) error {
		if err := checkDeactivate(web.UserOf(r), id); err != nil {
			return err
		}
		return h.auth.SetActive(ctx, tx, id, false)
	})
}

func (h *Handler) activate(w http.ResponseWriter, r *http.Request) {
	h.userAction(w, r, "Utente riattivato.", func(ctx context.Context, tx *db.Tx, id int64) error {
		return h.auth.SetActive(ctx, tx, id, true)
	})
}
