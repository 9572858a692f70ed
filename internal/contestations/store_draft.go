package contestations

import (
	"context"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/notify"
)

// Pricing is the penalty code and quantity chosen for one finding.
type Pricing struct {
	Code     string
	Quantity int
}

// Reprice sets the penalty code and quantity of draft id's findings, by
// finding ID, and recomputes them from the contract's grid.
func (s *Store) Reprice(ctx context.Context, u *auth.User, id int64, by map[int64]Pricing) error {
	if !CanManage(u) {
		return errForbidden
	}
	return s.step(ctx, u, Scope{All: true}, id, func(tx *db.Tx, c *Contestation) error {
		if c.State != Draft {
			return errNotDraft
		}
		rows, err := grid(ctx, tx, c.ContractID)
		if err != nil {
			return err
		}
		fe := apperr.Fields{}
		for _, f := range c.Findings {
			p, ok := by[f.ID]
			if !ok {
				continue
			}
			key := strconv.FormatInt(f.ID, 10)
			g := rowOf(rows, p.Code)
			fe.Check(p.Code == "" || g != nil, "code_"+key, "Scegli una voce della griglia delle penali del contratto.")
			fe.Check(p.Quantity >= 1 && p.Quantity <= 10000, "qty_"+key, "Indica una quantità tra 1 e 10.000.")
			before := audit.Fields{"penalty_code": f.Code, "quantity": f.Quantity, "amount_cents": f.AmountCents}
			f.Quantity = p.Quantity
			f.price(g, c.ContractCents)
			if err := updateFinding(ctx, tx, f); err != nil {
				return err
			}
			after := audit.Fields{"penalty_code": f.Code, "quantity": f.Quantity, "amount_cents": f.AmountCents}
			if err := audit.Record(ctx, tx, audit.Update, "contestation_finding", f.ID, audit.Diff(before, after)); err != nil {
				return err
			}
		}
		return fe.Err()
	})
}

func updateFinding(ctx context.Context, tx *db.Tx, f *Finding) error {
	var capCents any
	if f.CapCents != nil {
		capCents = *f.CapCents
	}
	_, err := tx.ExecContext(ctx, `UPDATE contestation_findings SET penalty_code = ?, penalty_description = ?, basis = ?,
		unit_cents = ?, rate_ppm = ?, cap_cents = ?, quantity = ?, amount_cents = ?, calculation = ? WHERE id = ?`,
		f.Code, f.Description, string(f.Basis), f.UnitCents, f.RatePPM, capCents, f.Quantity, f.AmountCents, f.Calculation, f.ID)
	return err
}

// attach stores ups as documents of contestation id.
func attach(ctx context.Context, tx *db.Tx, fs *files.Store, u *auth.User, id int64, kind string, ups []files.Upload) error {
	for _, up := range ups {
		up.Entity, up.EntityID, up.UploadedBy = entity, itoa(id), u.ID
		f, err := fs.Put(ctx, tx, up)
		if err != nil {
			return err
		}
		did, err := db.InsertID(ctx, tx, `INSERT INTO contestation_documents (contestation_id, file_id, kind, created_by, created_at)
			VALUES (?, ?, ?, ?, ?)`, id, f.ID, kind, u.ID, tx.Now)
		if err != nil {
			return err
		}
		err = audit.Record(ctx, tx, audit.Create, "contestation_document", did, audit.Diff(nil,
			audit.Fields{"contestation_id": id, "file_id": f.ID, "kind": kind, "sha256": f.SHA256}))
		if err != nil {
			return err
		}
	}
	return nil
}

// tellBody notifies every manager of c's managing body.
func (s *Store) tellBody(ctx context.Context, tx *db.Tx, c *Contestation, title, body string) error {
	ids, err := db.IDs(ctx, tx, `SELECT DISTINCT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = ? AND m.role = ? AND u.active = ? ORDER BY m.user_id`, c.BodyID, string(auth.RoleFacilityManager), true)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := s.tell(ctx, tx, id, c, title, body); err != nil {
			return err
		}
	}
	return nil
}

// tell notifies one user of a step of c, when notifications are wired.
func (s *Store) tell(ctx context.Context, tx *db.Tx, userID int64, c *Contestation, title, body string) error {
	if s.Notices == nil || userID == 0 {
		return nil
	}
	return s.Notices.Post(ctx, tx, notify.Notice{UserID: userID, Title: title, Body: body, Link: c.URL()})
}
