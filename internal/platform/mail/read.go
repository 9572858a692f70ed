package mail

import (
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// ErrMessageNotFound is returned when the outbox holds no such message.
var ErrMessageNotFound = apperr.NotFoundf("Messaggio non trovato.")

// Read returns one message of the outbox. (Message is the name of the
// outgoing type, hence Read.)
func Read(ctx context.Context, q db.Querier, id int64) (*Stored, error) {
	var s Stored
	err := q.QueryRowContext(ctx, `SELECT id, to_addr, subject, body, created_at, sent_at, attempts, last_error
		FROM outbox WHERE id = ?`, id).
		Scan(&s.ID, &s.To, &s.Subject, &s.Body, &s.CreatedAt, &s.SentAt, &s.Attempts, &s.LastError)
	if errors.Is(err, db.ErrNotFound) {
		return nil, ErrMessageNotFound
	}
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// State is where a stored message stands: "sent", "failed" (the last
// attempt failed, more may follow) or "queued".
func (s *Stored) State() string {
	switch {
	case s.SentAt != nil:
		return "sent"
	case s.LastError != "":
		return "failed"
	}
	return "queued"
}
