package home

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Feedback is a report of an accessibility barrier, sent from the
// accessibility statement as the AgID model requires.
type Feedback struct {
	ID        int64
	Page      string // the page or URL concerned, optional
	Message   string
	Email     string // where to answer, optional
	CreatedAt time.Time
}

// Limits on the report's fields.
const (
	maxFeedbackMessage = 5000
	maxFeedbackPage    = 500
)

// Validate trims the report and checks its fields.
func (f *Feedback) Validate() error {
	f.Page = strings.TrimSpace(f.Page)
	f.Message = strings.TrimSpace(f.Message)
	f.Email = strings.ToLower(strings.TrimSpace(f.Email))
	v := apperr.Fields{}
	v.Check(f.Message != "", "message", "Descrivi il problema che hai incontrato.")
	v.Check(utf8.RuneCountInString(f.Message) <= maxFeedbackMessage, "message",
		"Il messaggio può contenere al massimo 5000 caratteri.")
	v.Check(utf8.RuneCountInString(f.Page) <= maxFeedbackPage, "page",
		"L'indirizzo della pagina può contenere al massimo 500 caratteri.")
	v.Check(f.Email == "" || validEmail(f.Email), "email", "Inserisci un indirizzo e-mail valido.")
	return v.Err()
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s, "@")
}

func (f *Feedback) auditFields() audit.Fields {
	return audit.Fields{"page": f.Page, "message": f.Message, "email": f.Email}
}

// insertFeedback stores a validated report in tx and records it in the
// audit trail.
func insertFeedback(ctx context.Context, tx *db.Tx, f *Feedback) error {
	id, err := db.InsertID(ctx, tx, `INSERT INTO accessibility_feedback (page, message, email, created_at)
		VALUES (?, ?, ?, ?)`, f.Page, f.Message, f.Email, tx.Now)
	if err != nil {
		return err
	}
	f.ID, f.CreatedAt = id, tx.Now
	return audit.Record(ctx, tx, audit.Create, "accessibility_feedback", id, audit.Diff(nil, f.auditFields()))
}

// listFeedback returns a page of reports, newest first, and their total.
func listFeedback(ctx context.Context, q db.Querier, limit, offset int) ([]Feedback, int, error) {
	var total int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM accessibility_feedback`).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, page, message, email, created_at FROM accessibility_feedback
		ORDER BY id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Feedback
	for rows.Next() {
		var f Feedback
		if err := rows.Scan(&f.ID, &f.Page, &f.Message, &f.Email, &f.CreatedAt); err != nil {
			return nil, 0, err
		}
		out = append(out, f)
	}
	return out, total, rows.Err()
}
