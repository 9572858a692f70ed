package home

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/mail"
)

type recipient struct {
	Email string
	Lang  string
}

// activeAdmins are the people who answer accessibility reports.
func activeAdmins(ctx context.Context, q db.Querier) ([]recipient, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT u.email, u.lang FROM users u
		JOIN memberships m ON m.user_id = u.id
		WHERE m.role = ? AND u.active = ? ORDER BY u.email`, string(auth.RoleAdmin), true)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []recipient
	for rows.Next() {
		var r recipient
		if err := rows.Scan(&r.Email, &r.Lang); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// notifyAdmins queues one e-mail per active admin, in the admin's
// language, inside the transaction that stored the report: a report is
// never stored without its notice, nor announced without being stored.
func notifyAdmins(ctx context.Context, tx *db.Tx, cat *i18n.Catalogue, baseURL string, f *Feedback) error {
	admins, err := activeAdmins(ctx, tx)
	if err != nil {
		return err
	}
	for _, a := range admins {
		lang := i18n.Normalize(a.Lang)
		msg := mail.Message{To: a.Email, Subject: cat.T(lang, "Nuova segnalazione sull'accessibilità"),
			Body: feedbackMailBody(cat, lang, baseURL, f)}
		if _, err := mail.Queue(ctx, tx, msg); err != nil {
			return err
		}
	}
	return nil
}

// feedbackMailBody writes the notice. The visitor's text is appended, never
// used as a format, so a "%" in it stays as typed.
func feedbackMailBody(cat *i18n.Catalogue, lang, baseURL string, f *Feedback) string {
	orNone := func(s string) string {
		if s == "" {
			return cat.T(lang, "non indicata")
		}
		return s
	}
	var b strings.Builder
	b.WriteString(cat.T(lang, "È arrivata una nuova segnalazione dalla dichiarazione di accessibilità di Crocevia."))
	b.WriteString("\n\n" + cat.T(lang, "Pagina: %s", orNone(f.Page)))
	b.WriteString("\n" + cat.T(lang, "E-mail per la risposta: %s", orNone(f.Email)))
	b.WriteString("\n\n" + cat.T(lang, "Messaggio:") + "\n" + f.Message)
	b.WriteString("\n\n" + cat.T(lang, "Tutte le segnalazioni: %s", strings.TrimRight(baseURL, "/")+"/accessibilita/segnalazioni"))
	b.WriteString("\n")
	return b.String()
}
