package auth

import (
	"context"
	"errors"
	"net/mail"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// NewUser is the input for creating an account.
type NewUser struct {
	Email      string
	Name       string
	FiscalCode string
	Password   string // empty for an invited user who sets it later
	// PasswordHash is used when Password is empty: accounts made in bulk
	// with one known password (demo, tests) share one hash, since an
	// argon2 hash costs tens of milliseconds by design.
	PasswordHash string
	Lang         string
	Synthetic    bool
}

// Validate checks the input and returns per-field messages.
func (n *NewUser) Validate() error {
	f := apperr.Fields{}
	n.Email = NormalizeEmail(n.Email)
	n.Name = strings.TrimSpace(n.Name)
	n.FiscalCode = strings.ToUpper(strings.TrimSpace(n.FiscalCode))
	if _, err := mail.ParseAddress(n.Email); err != nil || !strings.Contains(n.Email, "@") {
		f.Add("email", "Inserisci un indirizzo e-mail valido.")
	}
	f.Check(n.Name != "", "name", "Inserisci nome e cognome.")
	f.Check(n.FiscalCode == "" || ValidFiscalCode(n.FiscalCode), "fiscal_code", "Il codice fiscale non è valido.")
	f.Check(n.Password == "" || len([]rune(n.Password)) >= MinPasswordLength, "password",
		"La password deve avere almeno 12 caratteri.")
	if n.Lang != "en" {
		n.Lang = "it"
	}
	return f.Err()
}

// ValidFiscalCode checks the shape of an Italian personal fiscal code.
func ValidFiscalCode(c string) bool {
	if len(c) != 16 {
		return false
	}
	for i, r := range c {
		letter := r >= 'A' && r <= 'Z'
		digitish := (r >= '0' && r <= '9') || strings.ContainsRune("LMNPQRSTUV", r) // omocodia
		switch i {
		case 0, 1, 2, 3, 4, 5, 8, 11, 15:
			if !letter {
				return false
			}
		default:
			if !digitish {
				return false
			}
		}
	}
	return true
}

// ErrEmailTaken is returned when another account has the e-mail.
var ErrEmailTaken = &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
	Fields: map[string]string{"email": "Esiste già un account con questo indirizzo."}}

// CreateUser adds an account in tx and records it in the audit trail.
func (s *Store) CreateUser(ctx context.Context, tx *db.Tx, n NewUser) (int64, error) {
	if err := n.Validate(); err != nil {
		return 0, err
	}
	hash := n.PasswordHash
	if n.Password != "" {
		var err error
		if hash, err = HashPassword(n.Password); err != nil {
			return 0, err
		}
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO users (email, name, fiscal_code, password_hash, lang, synthetic, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, n.Email, n.Name, n.FiscalCode, hash, n.Lang, n.Synthetic, tx.Now)
	if errors.Is(err, db.ErrConflict) {
		return 0, ErrEmailTaken
	}
	if err != nil {
		return 0, err
	}
	return id, audit.Record(ctx, tx, audit.Create, "user", id, audit.Diff(nil, audit.Fields{
		"email": n.Email, "name": n.Name, "fiscal_code": n.FiscalCode, "lang": n.Lang}))
}

// UserUpdate is the input for editing an account's profile.
type UserUpdate struct {
	Name               string
	FiscalCode         string
	Lang               string
	EmailNotifications bool
}

// UpdateUser changes a user's profile fields.
func (s *Store) UpdateUser(ctx context.Context, tx *db.Tx, id int64, in UserUpdate) error {
	n := NewUser{Email: "x@example.org", Name: in.Name, FiscalCode: in.FiscalCode, Lang: in.Lang}
	if err := n.Validate(); err != nil {
		return err
	}
	old, err := s.UserByID(ctx, tx, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET name = ?, fiscal_code = ?, lang = ?, email_notifications = ? WHERE id = ?`,
		n.Name, n.FiscalCode, n.Lang, in.EmailNotifications, id); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "user", id, audit.Diff(
		audit.Fields{"name": old.Name, "fiscal_code": old.FiscalCode, "lang": old.Lang, "email_notifications": old.EmailNotifications},
		audit.Fields{"name": n.Name, "fiscal_code": n.FiscalCode, "lang": n.Lang, "email_notifications": in.EmailNotifications}))
}

// SetPassword replaces a user's password and ends their other sessions.
func (s *Store) SetPassword(ctx context.Context, tx *db.Tx, userID int64, password string) error {
	if len([]rune(password)) < MinPasswordLength {
		return &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
			Fields: map[string]string{"password": "La password deve avere almeno 12 caratteri."}}
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, hash, userID); err != nil {
		return err
	}
	if err := s.DeleteUserSessions(ctx, tx, userID); err != nil {
		return err
	}
	// The hash itself never enters the trail.
	return audit.Record(ctx, tx, audit.Update, "user", userID,
		[]audit.Change{{Field: "password", Before: "***", After: "***"}})
}

// SetActive activates or deactivates a user; deactivation ends every session
// of the user at once.
func (s *Store) SetActive(ctx context.Context, tx *db.Tx, userID int64, active bool) error {
	res, err := tx.ExecContext(ctx, `UPDATE users SET active = ? WHERE id = ? AND active <> ?`, active, userID, active)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	if !active {
		if err := s.DeleteUserSessions(ctx, tx, userID); err != nil {
			return err
		}
	}
	return audit.Record(ctx, tx, audit.Update, "user", userID,
		[]audit.Change{{Field: "active", Before: !active, After: active}})
}

// AddMembership gives a user a role in an organisation.
func (s *Store) AddMembership(ctx context.Context, tx *db.Tx, userID, orgID int64, role Role) error {
	if !role.Valid() {
		return &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
			Fields: map[string]string{"role": "Scegli un ruolo."}}
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO memberships (user_id, org_id, role) VALUES (?, ?, ?)`, userID, orgID, string(role))
	if errors.Is(err, db.ErrConflict) {
		return apperr.Conflictf("L'utente ha già questo ruolo in questa organizzazione.")
	}
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Create, "membership", id, audit.Diff(nil,
		audit.Fields{"user_id": userID, "org_id": orgID, "role": string(role)}))
}

// RemoveMembership takes a role away from a user.
func (s *Store) RemoveMembership(ctx context.Context, tx *db.Tx, userID, orgID int64, role Role) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM memberships WHERE user_id = ? AND org_id = ? AND role = ?`,
		userID, orgID, string(role)).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return apperr.NotFoundf("Ruolo non trovato.")
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE id = ?`, id); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Delete, "membership", id, audit.Diff(
		audit.Fields{"user_id": userID, "org_id": orgID, "role": string(role)}, nil))
}
