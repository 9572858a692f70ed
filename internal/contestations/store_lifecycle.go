package contestations

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

var (
	errNotDraft    = apperr.Conflictf("La contestazione è già stata notificata: i rilievi non si modificano più.")
	errNotNotified = apperr.Conflictf("Le controdeduzioni si presentano solo su una contestazione notificata e non ancora decisa.")
	errEarly       = apperr.Conflictf("Si decide dopo le controdeduzioni o dopo la scadenza del termine per presentarle.")
	errNotPenalty  = apperr.Conflictf("Si esegue solo una penale applicata e non ancora eseguita.")
	errNoPenalty   = apperr.Conflictf("Nessun rilievo ha una penale: la contestazione si può solo archiviare.")
	errCannotReply = apperr.Forbiddenf("Solo l'ente gestore contestato presenta le controdeduzioni.")
)

// step runs fn on contestation id, read in sc inside one transaction, and
// stamps who changed it: every transition is one transaction.
func (s *Store) step(ctx context.Context, u *auth.User, sc Scope, id int64, fn func(*db.Tx, *Contestation) error) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := load(ctx, tx, sc, id)
		if err != nil {
			return err
		}
		if err := fn(tx, c); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE contestations SET updated_by = ?, updated_at = ? WHERE id = ?`, u.ID, tx.Now, id)
		return err
	})
}

// Notice is what the Prefettura records when the contestation leaves by PEC.
type Notice struct {
	PECDate   time.Time
	Reference string
	Days      int
}

func (n *Notice) validate(now time.Time) error {
	n.Reference = strings.TrimSpace(n.Reference)
	f := apperr.Fields{}
	f.Check(!n.PECDate.IsZero(), "pec_date", "Indica la data di invio della PEC.")
	f.Check(n.PECDate.IsZero() || !day(n.PECDate).After(day(now)), "pec_date", "La data della PEC non può essere futura.")
	f.Check(utf8.RuneCountInString(n.Reference) <= 200, "pec_reference", "Il riferimento è troppo lungo (massimo 200 caratteri).")
	f.Check(n.Days >= MinDays && n.Days <= MaxDays, "days", "Il termine per le controdeduzioni va da 5 a 15 giorni.")
	return f.Err()
}

// Notify records that draft id was sent by PEC: the reply deadline runs
// from the PEC date. The body's managers are told.
func (s *Store) Notify(ctx context.Context, fs *files.Store, u *auth.User, id int64, n Notice, ups []files.Upload) error {
	if !CanManage(u) {
		return errForbidden
	}
	return s.step(ctx, u, Scope{All: true}, id, func(tx *db.Tx, c *Contestation) error {
		if c.State != Draft {
			return errNotDraft
		}
		if err := n.validate(tx.Now); err != nil {
			return err
		}
		pec := day(n.PECDate)
		deadline := pec.AddDate(0, 0, n.Days)
		_, err := tx.ExecContext(ctx, `UPDATE contestations SET state = ?, pec_date = ?, pec_reference = ?, deadline_days = ?,
			reply_deadline = ?, notified_at = ?, notified_by = ? WHERE id = ?`,
			string(Notified), pec, n.Reference, n.Days, deadline, tx.Now, u.ID, id)
		if err != nil {
			return err
		}
		if err := attach(ctx, tx, fs, u, id, kindPEC, ups); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Update, entity, id, audit.Diff(audit.Fields{"state": string(Draft)},
			audit.Fields{"state": string(Notified), "pec_date": pec.Format(time.DateOnly), "pec_reference": n.Reference,
				"reply_deadline": deadline.Format(time.DateOnly)})); err != nil {
			return err
		}
		return s.tellBody(ctx, tx, c, "Contestazione di addebito notificata",
			"La Prefettura ha notificato una contestazione di addebito per "+c.FacilityCode+": controdeduzioni entro il "+
				deadline.Format("02/01/2006")+".")
	})
}

const maxText = 20000

// Reply files the managing body's counter-deductions on notified id.
// Late ones are accepted until the decision: the page says they were late.
func (s *Store) Reply(ctx context.Context, fs *files.Store, u *auth.User, id int64, text string, ups []files.Upload) error {
	text = strings.TrimSpace(text)
	return s.step(ctx, u, ScopeOf(u), id, func(tx *db.Tx, c *Contestation) error {
		if !slices.Contains(u.OrgsWithRole(auth.RoleFacilityManager), c.BodyID) {
			return errCannotReply
		}
		if !CanReply(u, c) {
			return errNotNotified
		}
		f := apperr.Fields{}
		f.Check(text != "", "reply", "Scrivi le controdeduzioni.")
		f.Check(utf8.RuneCountInString(text) <= maxText, "reply", "Le controdeduzioni sono troppo lunghe (massimo 20.000 caratteri).")
		if err := f.Err(); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE contestations SET state = ?, reply_text = ?, replied_at = ?, replied_by = ? WHERE id = ?`,
			string(Replied), text, tx.Now, u.ID, id)
		if err != nil {
			return err
		}
		if err := attach(ctx, tx, fs, u, id, kindReply, ups); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Update, entity, id, audit.Diff(audit.Fields{"state": string(Notified)},
			audit.Fields{"state": string(Replied), "reply_text": text})); err != nil {
			return err
		}
		return s.tell(ctx, tx, c.CreatedBy, c, "Controdeduzioni ricevute",
			c.BodyName+" ha presentato le controdeduzioni alla contestazione su "+c.FacilityCode+".")
	})
}
