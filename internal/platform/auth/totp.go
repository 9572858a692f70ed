package auth

import (
	"context"
	"crypto/subtle"
	"encoding/base32"
	"errors"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// TOTPIssuer names the platform in authenticator apps.
const TOTPIssuer = "Crocevia"

// totpPeriod is the length of a code's time step in seconds, the default
// every authenticator app uses.
const totpPeriod = 30

// ErrBadCode is the answer for a wrong, expired or already used code.
var ErrBadCode = &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
	Fields: map[string]string{"code": "Il codice non è corretto o è già stato usato."}}

// ErrTOTPEnabled refuses a second enrolment over an active one.
var ErrTOTPEnabled = apperr.Conflictf("La verifica in due passaggi è già attiva.")

// TOTPKey rebuilds the key of a stored secret, to show it as a QR code and
// an otpauth URI.
func TOTPKey(email, secret string) (*otp.Key, error) {
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret)
	if err != nil {
		return nil, err
	}
	return totp.Generate(totp.GenerateOpts{Issuer: TOTPIssuer, AccountName: email, Secret: raw})
}

// TOTPCandidate returns the secret being enrolled, creating one the first
// time. It is stored disabled until the user proves their app has it.
func (s *Store) TOTPCandidate(ctx context.Context, tx *db.Tx, userID int64) (string, error) {
	secret, enabled, _, err := totpState(ctx, tx, userID)
	switch {
	case err != nil:
		return "", err
	case enabled:
		return "", ErrTOTPEnabled
	case secret != "":
		return secret, nil
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: TOTPIssuer, AccountName: "enrolment"})
	if err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET totp_secret = ?, totp_last_step = 0 WHERE id = ?`,
		key.Secret(), userID); err != nil {
		return "", err
	}
	return key.Secret(), audit.Record(ctx, tx, audit.Update, "user", userID,
		[]audit.Change{{Field: "totp_secret", Before: "", After: "***"}})
}

// ConfirmTOTP turns the second factor on once code matches the candidate.
func (s *Store) ConfirmTOTP(ctx context.Context, tx *db.Tx, userID int64, code string) error {
	secret, enabled, last, err := totpState(ctx, tx, userID)
	if err != nil {
		return err
	}
	if enabled {
		return ErrTOTPEnabled
	}
	step, ok := matchStep(secret, code, tx.Now, last)
	if !ok {
		return ErrBadCode
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET totp_enabled = ?, totp_last_step = ? WHERE id = ?`,
		true, step, userID); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "user", userID,
		[]audit.Change{{Field: "totp_enabled", Before: false, After: true}})
}

// CheckTOTP accepts a login code of a user with the second factor on. Each
// time step is accepted once: the conditional update makes two concurrent
// uses of the same code race for one row, and only one wins.
func (s *Store) CheckTOTP(ctx context.Context, userID int64, code string) error {
	secret, enabled, last, err := totpState(ctx, s.DB, userID)
	if err != nil {
		return err
	}
	step, ok := matchStep(secret, code, time.Now().UTC(), last)
	if !enabled || !ok {
		return ErrBadCode
	}
	res, err := s.DB.ExecContext(ctx, `UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?`,
		step, userID, step)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrBadCode
	}
	return nil
}

// DisableTOTP turns the second factor off and forgets the secret and the
// recovery codes.
func (s *Store) DisableTOTP(ctx context.Context, tx *db.Tx, userID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE users SET totp_secret = '', totp_enabled = ?, totp_last_step = 0 WHERE id = ?`,
		false, userID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE user_id = ?`, userID); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "user", userID, []audit.Change{
		{Field: "totp_enabled", Before: true, After: false},
		{Field: "totp_secret", Before: "***", After: ""}})
}

func totpState(ctx context.Context, q db.Querier, userID int64) (secret string, enabled bool, last int64, err error) {
	err = q.QueryRowContext(ctx, `SELECT totp_secret, totp_enabled, totp_last_step FROM users WHERE id = ?`, userID).
		Scan(&secret, &enabled, &last)
	if errors.Is(err, db.ErrNotFound) {
		err = ErrUserNotFound
	}
	return
}

// matchStep finds the time step, around now and after the last one used,
// whose code is code. One step either side allows for clock drift.
func matchStep(secret, code string, now time.Time, after int64) (int64, bool) {
	code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
	if secret == "" || len(code) != 6 {
		return 0, false
	}
	step := now.Unix() / totpPeriod
	for _, st := range []int64{step - 1, step, step + 1} {
		if st <= after {
			continue
		}
		want, err := totp.GenerateCodeCustom(secret, time.Unix(st*totpPeriod, 0), totp.ValidateOpts{
			Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return st, true
		}
	}
	return 0, false
}
