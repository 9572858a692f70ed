package webtest

import (
	"context"
	"sync"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Org creates an active organisation and returns it.
func (e *Env) Org(name string, kind auth.OrgKind) *auth.Organisation {
	e.T.Helper()
	o := &auth.Organisation{Name: name, Kind: kind}
	if kind == auth.KindComune {
		o.ISTATCode = "006003" // Alessandria
	}
	e.InTx(func(ctx context.Context, tx *db.Tx) error {
		_, err := e.Auth.CreateOrganisation(ctx, tx, o)
		return err
	})
	return o
}

// DefaultOrg is the organisation User puts its roles in, created on first use.
func (e *Env) DefaultOrg() int64 {
	e.T.Helper()
	if e.defaultOrg == 0 {
		e.defaultOrg = e.Org("Organizzazione di prova", auth.KindAssociation).ID
	}
	return e.defaultOrg
}

// passwordHash is the hash of Password, computed once for all the users
// the tests create.
var passwordHash = sync.OnceValue(func() string {
	h, err := auth.HashPassword(Password)
	if err != nil {
		panic(err)
	}
	return h
})

// User creates an active user with password Password holding roles in the
// default organisation.
func (e *Env) User(email string, roles ...auth.Role) *auth.User {
	e.T.Helper()
	return e.UserIn(e.DefaultOrg(), email, roles...)
}

// UserIn creates an active user with password Password holding roles in
// organisation orgID.
func (e *Env) UserIn(orgID int64, email string, roles ...auth.Role) *auth.User {
	e.T.Helper()
	var u *auth.User
	e.InTx(func(ctx context.Context, tx *db.Tx) error {
		id, err := e.Auth.CreateUser(ctx, tx, auth.NewUser{Email: email, Name: "Utente " + email, PasswordHash: passwordHash()})
		if err != nil {
			return err
		}
		for _, r := range roles {
			if err := e.Auth.AddMembership(ctx, tx, id, orgID, r); err != nil {
				return err
			}
		}
		u, err = e.Auth.UserByID(ctx, tx, id)
		return err
	})
	return u
}
