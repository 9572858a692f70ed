package admin

import (
	"context"
	"fmt"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/mail"
)

// Invitation is a new user asked to join with one role in one organisation.
type Invitation struct {
	Email string
	Name  string
	OrgID int64
	Role  auth.Role
}

// Validate checks every field at once, so each wrong one gets its message.
func (in *Invitation) Validate() error {
	f := apperr.Fields{}
	nu := auth.NewUser{Email: in.Email, Name: in.Name}
	for k, v := range apperr.FieldsOf(nu.Validate()) {
		f.Add(k, v)
	}
	in.Email, in.Name = nu.Email, nu.Name
	f.Check(in.OrgID > 0, "org_id", "Scegli un'organizzazione.")
	f.Check(in.Role.Valid(), "role", "Scegli un ruolo.")
	return f.Err()
}

var (
	errHasPassword = apperr.Conflictf("L'utente ha già scelto la password: non serve un nuovo invito.")
	errInactive    = apperr.Conflictf("L'utente è disattivato: riattivalo prima di invitarlo di nuovo.")
)

// Invite creates the user without a password, gives them the role and
// mails them the link to choose one: all in one transaction, so a failure
// leaves no user without mail nor mail without user.
func (h *Handler) Invite(ctx context.Context, in Invitation) (int64, error) {
	if err := in.Validate(); err != nil {
		return 0, err
	}
	var uid int64
	err := h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := h.auth.Organisation(ctx, tx, in.OrgID); err != nil {
			if apperr.KindOf(err) == apperr.NotFound {
				return errNoOrg
			}
			return err
		}
		var err error
		if uid, err = h.auth.CreateUser(ctx, tx, auth.NewUser{Email: in.Email, Name: in.Name}); err != nil {
			return err
		}
		if err := h.auth.AddMembership(ctx, tx, uid, in.OrgID, in.Role); err != nil {
			return err
		}
		return h.sendInvite(ctx, tx, uid)
	})
	return uid, err
}

// Reinvite mails a new link to a user who never chose a password; the
// previous link stops working.
func (h *Handler) Reinvite(ctx context.Context, userID int64) error {
	return h.auth.DB.InTx(ctx, func(tx *db.Tx) error {
		u, err := h.auth.UserByID(ctx, tx, userID)
		if err != nil {
			return err
		}
		if !u.Active {
			return errInactive
		}
		set, err := h.auth.HasPassword(ctx, tx, userID)
		if err != nil {
			return err
		}
		if set {
			return errHasPassword
		}
		return h.sendInvite(ctx, tx, userID)
	})
}

// sendInvite issues the token, queues the mail and records the invitation.
func (h *Handler) sendInvite(ctx context.Context, tx *db.Tx, userID int64) error {
	u, err := h.auth.UserByID(ctx, tx, userID)
	if err != nil {
		return err
	}
	token, err := h.auth.CreateToken(ctx, tx, auth.TokenInvite, userID, auth.InviteTTL)
	if err != nil {
		return err
	}
	msg := inviteMessage(u, h.baseURL+"/invito/"+token)
	if _, err := mail.Queue(ctx, tx, msg); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Create, "invitation", userID, audit.Diff(nil, audit.Fields{
		"email": u.Email, "expires_at": tx.Now.Add(auth.InviteTTL)}))
}

// inviteMessage is the Italian invitation e-mail.
func inviteMessage(u *auth.User, link string) mail.Message {
	var b strings.Builder
	fmt.Fprintf(&b, "Gentile %s,\n\n", u.Name)
	b.WriteString("è stato creato per te un account su Crocevia, la piattaforma della rete per " +
		"l'immigrazione della Provincia di Alessandria.\n\n")
	if len(u.Memberships) > 0 {
		b.WriteString("Ruoli assegnati:\n")
		for _, m := range u.Memberships {
			fmt.Fprintf(&b, "- %s, %s\n", m.Role.Label(), m.OrgName)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "Per attivare l'account scegli la tua password da questo indirizzo, valido per %d giorni "+
		"e utilizzabile una sola volta:\n%s\n\n", int(auth.InviteTTL.Hours()/24), link)
	b.WriteString("Se non aspettavi questo messaggio, puoi ignorarlo.\n\n-- \nCrocevia\n")
	return mail.Message{To: u.Email, Subject: "Invito a Crocevia", Body: b.String()}
}
