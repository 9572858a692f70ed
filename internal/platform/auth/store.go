package auth

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Store reads and writes accounts, organisations and sessions.
type Store struct {
	DB *db.DB
}

// NewStore returns a Store on d.
func NewStore(d *db.DB) *Store { return &Store{DB: d} }

// ErrUserNotFound is returned when no user matches.
var ErrUserNotFound = apperr.NotFoundf("Utente non trovato.")

const userCols = `id, email, name, fiscal_code, active, lang, email_notifications,
	totp_enabled, synthetic, created_at, last_login_at`

func scanUser(row db.Scanner) (*User, error) {
	u := &User{}
	var last sql.NullTime
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.FiscalCode, &u.Active, &u.Lang,
		&u.EmailNotifications, &u.TOTPEnabled, &u.Synthetic, &u.CreatedAt, &last)
	if last.Valid {
		u.LastLoginAt = &last.Time
	}
	return u, err
}

// UserByID returns the user with their memberships.
func (s *Store) UserByID(ctx context.Context, q db.Querier, id int64) (*User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
	return s.withMemberships(ctx, q, u, err)
}

// UserByEmail returns the user with that e-mail (case-insensitive).
func (s *Store) UserByEmail(ctx context.Context, q db.Querier, email string) (*User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE email = ?`, NormalizeEmail(email)))
	return s.withMemberships(ctx, q, u, err)
}

// UserByFiscalCode returns the user with that fiscal code.
func (s *Store) UserByFiscalCode(ctx context.Context, q db.Querier, code string) (*User, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return nil, ErrUserNotFound
	}
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE fiscal_code = ?`, code))
	return s.withMemberships(ctx, q, u, err)
}

func (s *Store) withMemberships(ctx context.Context, q db.Querier, u *User, err error) (*User, error) {
	if errors.Is(err, db.ErrNotFound) {
		return nil, ErrUserNotFound
	}
	if err != nil {
		return nil, err
	}
	u.Memberships, err = memberships(ctx, q, u.ID)
	return u, err
}

func memberships(ctx context.Context, q db.Querier, userID int64) ([]Membership, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.org_id, o.name, o.kind, m.role
		FROM memberships m JOIN organisations o ON o.id = m.org_id
		WHERE m.user_id = ? ORDER BY m.id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Membership
	for rows.Next() {
		var m Membership
		if err := rows.Scan(&m.OrgID, &m.OrgName, &m.OrgKind, &m.Role); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// NormalizeEmail is the form e-mails are stored and compared in.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// passwordHash returns the stored hash of an active user, "" if none.
func (s *Store) passwordHash(ctx context.Context, userID int64) (string, error) {
	var h string
	err := s.DB.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = ? AND active = ?`, userID, true).Scan(&h)
	if errors.Is(err, db.ErrNotFound) {
		return "", nil
	}
	return h, err
}

// ErrBadCredentials is the one message for every failed login, so the
// answer never tells whether the account exists.
var ErrBadCredentials = apperr.Errorf(apperr.Unauthenticated, "E-mail o password non corretti.")

// Authenticate checks e-mail and password and returns the active user.
func (s *Store) Authenticate(ctx context.Context, email, password string) (*User, error) {
	u, err := s.UserByEmail(ctx, s.DB, email)
	if errors.Is(err, ErrUserNotFound) {
		CheckPassword(dummyHash, password)
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, err
	}
	hash, err := s.passwordHash(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	if hash == "" || !u.Active {
		CheckPassword(dummyHash, password)
		return nil, ErrBadCredentials
	}
	if !CheckPassword(hash, password) {
		return nil, ErrBadCredentials
	}
	return u, nil
}

// MarkLogin records the time of a successful login.
func (s *Store) MarkLogin(ctx context.Context, userID int64, at time.Time) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE users SET last_login_at = ? WHERE id = ?`, at, userID)
	return err
}
