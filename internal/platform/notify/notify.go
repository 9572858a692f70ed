// Package notify is the in-app notification list every module posts to: a
// notice lands in the user's list (unread count in the header) and, when
// the user wants it, as an e-mail copy through the outbox. Both are written
// in the transaction of the change they announce, so nobody is told about
// something that rolled back.
package notify

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// Notice is what a module tells one user.
type Notice struct {
	UserID int64
	// Title is one line; an Italian catalogue key is translated when shown.
	Title string
	Body  string
	// Link is a path on this site ("/domande/12"), or empty.
	Link string
}

// Validate checks a notice before it is stored. The link must stay on this
// site: it is shown in the list and mailed, so it must not lead elsewhere.
func (n Notice) Validate() error {
	f := apperr.Fields{}
	f.Check(n.UserID > 0, "user_id", "Indica il destinatario della notifica.")
	f.Check(strings.TrimSpace(n.Title) != "", "title", "Indica il titolo della notifica.")
	f.Check(utf8.RuneCountInString(n.Title) <= 200, "title", "Il titolo può avere al massimo 200 caratteri.")
	f.Check(utf8.RuneCountInString(n.Body) <= 5000, "body", "Il testo può avere al massimo 5000 caratteri.")
	f.Check(n.Link == "" || localPath(n.Link), "link", "Il collegamento deve essere una pagina di Crocevia.")
	return f.Err()
}

// localPath accepts "/x" but not "//host/x" or "/\host", which browsers
// read as another site.
func localPath(s string) bool {
	return strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.HasPrefix(s, "/\\") &&
		!strings.ContainsAny(s, "\r\n")
}

// Notification is a stored notice.
type Notification struct {
	ID        int64
	UserID    int64
	Title     string
	Body      string
	Link      string
	CreatedAt time.Time
	ReadAt    *time.Time
}

// Unread reports whether the user has not yet marked it read.
func (n *Notification) Unread() bool { return n.ReadAt == nil }

// Lines splits the body into its paragraphs for display.
func (n *Notification) Lines() []string {
	var out []string
	for l := range strings.SplitSeq(n.Body, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Service stores and reads notifications.
type Service struct {
	DB *db.DB
	// BaseURL is the site's public address: e-mail copies carry absolute
	// links. Empty leaves them site-relative.
	BaseURL string
	// I18n translates the e-mail copy into the recipient's language; nil
	// writes it in Italian.
	I18n *i18n.Catalogue
}

// ErrNotFound answers for a notification that does not exist or belongs to
// someone else: the two are not told apart.
var ErrNotFound = apperr.NotFoundf("Notifica non trovata.")

// Post stores n in tx, audits it and, when the recipient is active and has
// e-mail notifications on, queues the e-mail copy in the same transaction.
func (s *Service) Post(ctx context.Context, tx *db.Tx, n Notice) error {
	n.Title = strings.TrimSpace(n.Title)
	if err := n.Validate(); err != nil {
		return err
	}
	r, err := recipientOf(ctx, tx, n.UserID)
	if err != nil {
		return err
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO notifications (user_id, title, body, link, created_at)
		VALUES (?, ?, ?, ?, ?)`, n.UserID, n.Title, n.Body, n.Link, tx.Now)
	if err != nil {
		return err
	}
	err = audit.Record(ctx, tx, audit.Create, "notification", id, audit.Diff(nil,
		audit.Fields{"user_id": n.UserID, "title": n.Title, "body": n.Body, "link": n.Link}))
	if err != nil || !r.wantsMail() {
		return err
	}
	return s.queueCopy(ctx, tx, r, n)
}

// PostEach posts n to each of users once, skipping 0 and the user who
// acted (actor), who needs no news of their own step. A nil service posts
// nothing: a module without notifications wired calls it all the same.
func (s *Service) PostEach(ctx context.Context, tx *db.Tx, actor int64, n Notice, users ...int64) error {
	if s == nil {
		return nil
	}
	seen := map[int64]bool{}
	for _, uid := range users {
		if uid == 0 || uid == actor || seen[uid] {
			continue
		}
		seen[uid] = true
		n.UserID = uid
		if err := s.Post(ctx, tx, n); err != nil {
			return err
		}
	}
	return nil
}
