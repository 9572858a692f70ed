package auth

import (
	"context"
	"errors"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// UserFilter narrows a list of users; nil fields do not filter.
type UserFilter struct {
	// Query matches part of the name or of the e-mail, ignoring case.
	Query *string
	Role  *Role
	// OrgID keeps the members of one organisation.
	OrgID  *int64
	Active *bool
	// Invited keeps (true) or leaves out (false) the users who have not set
	// a password yet: invitations still pending.
	Invited *bool
	Limit   int
	Offset  int
}

func (f UserFilter) where(d db.Dialect) (string, []any) {
	where, args := "1=1", []any{}
	if f.Query != nil && strings.TrimSpace(*f.Query) != "" {
		like := d.CaseInsensitiveLike()
		where += " AND (name " + like + " ? OR email " + like + " ?)"
		q := "%" + strings.TrimSpace(*f.Query) + "%"
		args = append(args, q, q)
	}
	if f.Role != nil {
		where += " AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.role = ?)"
		args = append(args, string(*f.Role))
	}
	if f.OrgID != nil {
		where += " AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = ?)"
		args = append(args, *f.OrgID)
	}
	if f.Active != nil {
		where += " AND active = ?"
		args = append(args, *f.Active)
	}
	if f.Invited != nil {
		if *f.Invited {
			where += " AND password_hash = ''"
		} else {
			where += " AND password_hash <> ''"
		}
	}
	return where, args
}

// Users lists users by name with their memberships, and the total matching.
func (s *Store) Users(ctx context.Context, f UserFilter) ([]*User, int, error) {
	where, args := f.where(s.DB.Dialect())
	var total int
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+userCols+` FROM users WHERE `+where+
		` ORDER BY name, id LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	out, err := db.Collect(rows, err, scanUser)
	if err != nil {
		return nil, 0, err
	}
	return out, total, s.attachMemberships(ctx, out)
}

// attachMemberships loads the memberships of a page of users in one query.
func (s *Store) attachMemberships(ctx context.Context, users []*User) error {
	if len(users) == 0 {
		return nil
	}
	byID := make(map[int64]*User, len(users))
	args := make([]any, 0, len(users))
	for _, u := range users {
		byID[u.ID] = u
		args = append(args, u.ID)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT m.user_id, m.org_id, o.name, o.kind, m.role
		FROM memberships m JOIN organisations o ON o.id = m.org_id
		WHERE m.user_id IN (?`+strings.Repeat(", ?", len(args)-1)+`) ORDER BY m.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var uid int64
		var m Membership
		if err := rows.Scan(&uid, &m.OrgID, &m.OrgName, &m.OrgKind, &m.Role); err != nil {
			return err
		}
		byID[uid].Memberships = append(byID[uid].Memberships, m)
	}
	return rows.Err()
}

// HasPassword reports whether the user has set a password; a user without
// one has not yet accepted their invitation.
func (s *Store) HasPassword(ctx context.Context, q db.Querier, userID int64) (bool, error) {
	var set bool
	err := q.QueryRowContext(ctx, `SELECT password_hash <> '' FROM users WHERE id = ?`, userID).Scan(&set)
	if errors.Is(err, db.ErrNotFound) {
		return false, ErrUserNotFound
	}
	return set, err
}

// Member is one role of one user in an organisation.
type Member struct {
	UserID int64
	Name   string
	Email  string
	Active bool
	Role   Role
}

// OrgMembers lists the users of an organisation with their roles there.
func (s *Store) OrgMembers(ctx context.Context, q db.Querier, orgID int64) ([]Member, error) {
	rows, err := q.QueryContext(ctx, `SELECT u.id, u.name, u.email, u.active, m.role
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = ? ORDER BY u.name, u.id, m.role`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.UserID, &m.Name, &m.Email, &m.Active, &m.Role); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
