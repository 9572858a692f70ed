package notify

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/mail"
)

// recipient is what the e-mail copy needs to know about the user.
type recipient struct {
	Email  string
	Lang   string
	Active bool
	Wants  bool
}

func (r recipient) wantsMail() bool { return r.Active && r.Wants }

var errNoRecipient = apperr.Errorf(apperr.Invalid, "Il destinatario della notifica non esiste.")

func recipientOf(ctx context.Context, q db.Querier, userID int64) (recipient, error) {
	var r recipient
	err := q.QueryRowContext(ctx, `SELECT email, lang, active, email_notifications FROM users WHERE id = ?`, userID).
		Scan(&r.Email, &r.Lang, &r.Active, &r.Wants)
	if errors.Is(err, db.ErrNotFound) {
		return r, errNoRecipient
	}
	return r, err
}

// mailSubjectPrefix marks the platform's mail in a crowded inbox.
const mailSubjectPrefix = "[Crocevia] "

func (s *Service) queueCopy(ctx context.Context, tx *db.Tx, r recipient, n Notice) error {
	lang := i18n.Normalize(r.Lang)
	_, err := mail.Queue(ctx, tx, mail.Message{To: r.Email,
		Subject: mailSubjectPrefix + s.title(lang, n.Title), Body: s.mailBody(lang, n)})
	return err
}

// mailBody writes the copy. The module's text is appended, never used as a
// format, so a "%" in it stays as written.
func (s *Service) mailBody(lang string, n Notice) string {
	var b strings.Builder
	b.WriteString(s.title(lang, n.Title) + "\n")
	if body := strings.TrimSpace(n.Body); body != "" {
		b.WriteString("\n" + body + "\n")
	}
	if n.Link != "" {
		b.WriteString("\n" + s.t(lang, "Apri: %s", s.absolute(n.Link)) + "\n")
	}
	b.WriteString("\n-- \n" + s.t(lang, "Tutte le tue notifiche: %s", s.absolute("/notifiche")))
	b.WriteString("\n" + s.t(lang, "Ricevi questa e-mail perché hai scelto di ricevere le notifiche per e-mail. Puoi cambiare la scelta nel tuo profilo: %s", s.absolute("/account")))
	b.WriteString("\n")
	return b.String()
}

func (s *Service) absolute(path string) string { return strings.TrimRight(s.BaseURL, "/") + path }

// title translates a title that is a catalogue key and leaves any other
// as written.
func (s *Service) title(lang, title string) string {
	if s.I18n == nil {
		return title
	}
	return s.I18n.T(lang, title)
}

func (s *Service) t(lang, key string, args ...any) string {
	if s.I18n != nil {
		return s.I18n.T(lang, key, args...)
	}
	if len(args) > 0 {
		return fmt.Sprintf(key, args...)
	}
	return key
}
