// Package mail sends the platform's e-mail. Every message is first written
// to the outbox table in the transaction that causes it (an invitation, a
// reset, a notification), so no mail is lost or sent for a change that
// rolled back; a job then delivers it through SMTP when configured. Without
// SMTP the outbox is the mailbox: admins read it at /admin/outbox.
package mail

import (
	"context"
	"net/mail"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Message is one plain-text e-mail.
type Message struct {
	To      string
	Subject string
	Body    string
}

// Queue writes m to the outbox in q (usually the caller's transaction).
func Queue(ctx context.Context, q db.Querier, m Message) (int64, error) {
	m.To = strings.TrimSpace(m.To)
	if _, err := mail.ParseAddress(m.To); err != nil {
		return 0, apperr.Wrap(apperr.Invalid, "Indirizzo e-mail non valido.", err)
	}
	return db.InsertID(ctx, q, `INSERT INTO outbox (to_addr, subject, body, created_at) VALUES (?, ?, ?, ?)`,
		m.To, m.Subject, m.Body, time.Now().UTC())
}

// Stored is a message as the outbox keeps it.
type Stored struct {
	ID        int64
	To        string
	Subject   string
	Body      string
	CreatedAt time.Time
	SentAt    *time.Time
	Attempts  int
	LastError string
}

// OutboxFilter narrows the outbox listing; nil fields do not filter.
type OutboxFilter struct {
	To     *string
	Limit  int
	Offset int
}

// Outbox lists messages, newest first, and the total matching.
func Outbox(ctx context.Context, d *db.DB, f OutboxFilter) ([]Stored, int, error) {
	where, args := "1=1", []any{}
	if f.To != nil && *f.To != "" {
		where += " AND to_addr = ?"
		args = append(args, strings.ToLower(strings.TrimSpace(*f.To)))
	}
	var total int
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := d.QueryContext(ctx, `SELECT id, to_addr, subject, body, created_at, sent_at, attempts, last_error
		FROM outbox WHERE `+where+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Stored
	for rows.Next() {
		var s Stored
		if err := rows.Scan(&s.ID, &s.To, &s.Subject, &s.Body, &s.CreatedAt, &s.SentAt, &s.Attempts, &s.LastError); err != nil {
			return nil, 0, err
		}
		out = append(out, s)
	}
	return out, total, rows.Err()
}
