package presences

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Outcome is what saving a day's report did.
type Outcome string

// Outcomes.
const (
	OutcomeNew       Outcome = "new"
	OutcomeUpdate    Outcome = "update"
	OutcomeUnchanged Outcome = "unchanged"
)

// Label is the outcome in the import report.
func (o Outcome) Label() string {
	switch o {
	case OutcomeNew:
		return "Nuovo"
	case OutcomeUpdate:
		return "Aggiornamento"
	}
	return "Invariato"
}

// Report saves p for facility f on behalf of u: a new day is created, a
// reported one is corrected, with before and after in the audit trail; a
// report equal to the stored one writes nothing.
func Report(ctx context.Context, tx *db.Tx, u *auth.User, f *Facility, p *Presence) (Outcome, error) {
	if err := mayReport(u, f.BodyID); err != nil {
		return "", err
	}
	p.FacilityID = f.ID
	if err := p.Validate(f.AuthorisedPlaces, dayOf(tx.Now)); err != nil {
		return "", err
	}
	old, err := presenceOn(ctx, tx, f.ID, p.Day)
	if err != nil {
		return "", err
	}
	return save(ctx, tx, u, old, p)
}

// save writes p over old (nil for a new day), once validated.
func save(ctx context.Context, tx *db.Tx, u *auth.User, old, p *Presence) (Outcome, error) {
	if old != nil && old.same(p) {
		return OutcomeUnchanged, nil
	}
	p.UpdatedAt = tx.Now
	if old == nil {
		p.ReportedBy, p.ReportedAt, p.Late = userID(u), tx.Now, isLate(p.Day, tx.Now)
		if err := insertPresence(ctx, tx, p); err != nil {
			return "", err
		}
		return OutcomeNew, audit.Record(ctx, tx, audit.Create, "presence", p.ID, audit.Diff(nil, p.fields()))
	}
	p.ID, p.ReportedBy, p.ReportedAt, p.Late = old.ID, old.ReportedBy, old.ReportedAt, old.Late
	if err := updatePresence(ctx, tx, p, userID(u)); err != nil {
		return "", err
	}
	return OutcomeUpdate, audit.Record(ctx, tx, audit.Update, "presence", p.ID, audit.Diff(old.fields(), p.fields()))
}

func userID(u *auth.User) int64 {
	if u == nil {
		return 0
	}
	return u.ID
}
