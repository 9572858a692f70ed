package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Session lifetimes: idle sessions end after IdleTimeout, every session after
// MaxAge.
const (
	IdleTimeout = 8 * time.Hour
	MaxAge      = 7 * 24 * time.Hour
	touchEvery  = time.Minute
)

// Session is a logged-in browser. Only the hash of its token is stored, so a
// leaked database does not leak usable cookies.
type Session struct {
	IDHash     string
	UserID     int64
	CSRFToken  string
	MFAOK      bool
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

// NewToken returns a random URL-safe token of 32 bytes.
func NewToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is the stored form of a secret token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession starts a session for the user and returns its cookie token.
func (s *Store) CreateSession(ctx context.Context, userID int64, mfaOK bool, ip, ua string) (string, *Session, error) {
	token := NewToken()
	now := time.Now().UTC().Truncate(time.Microsecond)
	sess := &Session{IDHash: HashToken(token), UserID: userID, CSRFToken: NewToken(), MFAOK: mfaOK,
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(IdleTimeout)}
	if len(ua) > 300 {
		ua = ua[:300]
	}
	_, err := s.DB.ExecContext(ctx, `INSERT INTO sessions
		(id_hash, user_id, csrf_token, mfa_ok, created_at, last_seen_at, expires_at, ip, user_agent)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sess.IDHash, userID, sess.CSRFToken, mfaOK, now, now, sess.ExpiresAt, ip, ua)
	return token, sess, err
}

// ErrNoSession means the cookie names no live session.
var ErrNoSession = errors.New("auth: no session")

// SessionUser returns the live session of token and its active user, and
// slides the idle expiry forward (at most once a minute, to spare writes).
func (s *Store) SessionUser(ctx context.Context, token string) (*Session, *User, error) {
	sess := &Session{IDHash: HashToken(token)}
	now := time.Now().UTC()
	err := s.DB.QueryRowContext(ctx, `SELECT s.user_id, s.csrf_token, s.mfa_ok, s.created_at,
		s.last_seen_at, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.id_hash = ? AND s.expires_at > ? AND u.active = ?`, sess.IDHash, now, true).
		Scan(&sess.UserID, &sess.CSRFToken, &sess.MFAOK, &sess.CreatedAt, &sess.LastSeenAt, &sess.ExpiresAt)
	if errors.Is(err, db.ErrNotFound) {
		return nil, nil, ErrNoSession
	}
	if err != nil {
		return nil, nil, err
	}
	if now.Sub(sess.LastSeenAt) > touchEvery {
		exp := now.Add(IdleTimeout)
		if max := sess.CreatedAt.Add(MaxAge); exp.After(max) {
			exp = max
		}
		if _, err := s.DB.ExecContext(ctx, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?`,
			now, exp, sess.IDHash); err != nil {
			return nil, nil, err
		}
	}
	u, err := s.UserByID(ctx, s.DB, sess.UserID)
	if err != nil {
		return nil, nil, err
	}
	return sess, u, nil
}

// SetSessionMFA marks the session as having passed the second factor.
func (s *Store) SetSessionMFA(ctx context.Context, idHash string) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE sessions SET mfa_ok = ? WHERE id_hash = ?`, true, idHash)
	return err
}

// DeleteSession ends one session (logout).
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	_, err := s.DB.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = ?`, idHash)
	return err
}

// DeleteUserSessions ends every session of a user, for deactivation and
// password changes.
func (s *Store) DeleteUserSessions(ctx context.Context, q db.Querier, userID int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	return err
}

// PurgeExpiredSessions removes sessions past their expiry.
func (s *Store) PurgeExpiredSessions(ctx context.Context) (int64, error) {
	res, err := s.DB.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, time.Now().UTC())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
