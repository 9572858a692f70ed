package questions

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
)

// Ask is what an operator submits.
type Ask struct {
	Title      string
	Body       string
	TopicID    int64
	ISTATCode  string
	Service    string
	Visibility Visibility
	OrgID      int64 // the asker's organisation; 0: their first
}

const (
	flowMaxTitle = 200
	flowMaxText  = 20000
)

func (a *Ask) normalise() {
	a.Title, a.Body = strings.TrimSpace(a.Title), strings.TrimSpace(a.Body)
	a.ISTATCode, a.Service = strings.TrimSpace(a.ISTATCode), strings.TrimSpace(a.Service)
}

// Validate checks the fields a person types; the topic and municipality
// are checked against the database by Ask.
func (a *Ask) Validate() error {
	a.normalise()
	f := apperr.Fields{}
	f.Check(utf8.RuneCountInString(a.Title) >= 10, "title", "Scrivi un titolo di almeno 10 caratteri.")
	f.Check(utf8.RuneCountInString(a.Title) <= flowMaxTitle, "title", "Il titolo è troppo lungo (massimo 200 caratteri).")
	f.Check(utf8.RuneCountInString(a.Body) >= 20, "body", "Descrivi il caso in almeno 20 caratteri.")
	f.Check(utf8.RuneCountInString(a.Body) <= flowMaxText, "body", "Il testo è troppo lungo (massimo 20.000 caratteri).")
	f.Check(a.TopicID > 0, "topic", "Scegli l'argomento.")
	f.Check(a.Visibility.Valid(), "visibility", "Scegli se la risposta può essere pubblicata.")
	f.Check(utf8.RuneCountInString(a.Service) <= 200, "service", "Il servizio è troppo lungo (massimo 200 caratteri).")
	return f.Err()
}

// Ask records a new question by u, routed by its topic: the topic's office
// and due date. The attachments go to the file store in the same
// transaction. It returns the new question's ID.
func (s *Store) Ask(ctx context.Context, fs *files.Store, u *auth.User, a Ask, ups []files.Upload) (int64, error) {
	if u == nil {
		return 0, apperr.Errorf(apperr.Unauthenticated, "Accedi per fare una domanda.")
	}
	if err := a.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		t, err := a.check(ctx, tx, u)
		if err != nil {
			return err
		}
		if id, err = flowInsert(ctx, tx, u, a, t); err != nil {
			return err
		}
		return flowAttach(ctx, tx, fs, u, id, ups)
	})
	return id, err
}

// check resolves the topic, the municipality and the asker's organisation.
func (a *Ask) check(ctx context.Context, tx *db.Tx, u *auth.User) (*Topic, error) {
	t, err := flowTopic(ctx, tx, a.TopicID)
	if err != nil {
		return nil, err
	}
	f := apperr.Fields{}
	f.Check(t != nil, "topic", "Scegli l'argomento.")
	if a.ISTATCode != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM municipalities WHERE istat_code = ?`, a.ISTATCode).Scan(&n); err != nil {
			return nil, err
		}
		f.Check(n > 0, "municipality", "Scegli un comune dell'elenco.")
	}
	orgs := flowOrgsOf(u)
	if a.OrgID == 0 && len(orgs) > 0 {
		a.OrgID = orgs[0]
	}
	f.Check(a.OrgID == 0 || slices.Contains(orgs, a.OrgID), "org", "Scegli una delle tue organizzazioni.")
	return t, f.Err()
}

func flowInsert(ctx context.Context, tx *db.Tx, u *auth.User, a Ask, t *Topic) (int64, error) {
	due := flowDay(tx.Now).AddDate(0, 0, t.DueDays)
	var istat any
	if a.ISTATCode != "" {
		istat = a.ISTATCode
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO questions (title, body, topic_id, istat_code, service, visibility, state,
		asker_id, org_id, office_id, due_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.Title, a.Body, t.ID, istat, a.Service, string(a.Visibility), string(Submitted), u.ID, flowNullID(a.OrgID),
		flowNullID(t.OfficeID), due, tx.Now, tx.Now)
	if err != nil {
		return 0, err
	}
	if err := flowEvent(ctx, tx, u, id, "", Submitted, ""); err != nil {
		return 0, err
	}
	return id, audit.Record(ctx, tx, audit.Create, flowEntity, id, audit.Diff(nil, audit.Fields{
		"title": a.Title, "topic_id": t.ID, "visibility": string(a.Visibility), "state": string(Submitted),
		"org_id": a.OrgID, "office_id": t.OfficeID, "due_on": due.Format(time.DateOnly)}))
}

// flowAttach stores ups as attachments of question id.
func flowAttach(ctx context.Context, tx *db.Tx, fs *files.Store, u *auth.User, id int64, ups []files.Upload) error {
	for _, up := range ups {
		if fs == nil {
			return apperr.Errorf(apperr.Invalid, "Gli allegati non sono disponibili.")
		}
		up.Entity, up.EntityID, up.UploadedBy = flowEntity, flowID(id), u.ID
		if _, err := fs.Put(ctx, tx, up); err != nil {
			return err
		}
	}
	return nil
}
