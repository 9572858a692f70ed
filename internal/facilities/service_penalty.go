package facilities

import (
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// AddPenalty adds a row to contract id's penalty grid.
func (s *Store) AddPenalty(ctx context.Context, u *auth.User, id int64, p *Penalty) error {
	if !CanManage(u) {
		return errForbidden
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := contractByID(ctx, tx, Scope{All: true}, id); err != nil {
			return err
		}
		p.ContractID = id
		return insertPenalty(ctx, tx, p)
	})
}

func insertPenalty(ctx context.Context, tx *db.Tx, p *Penalty) error {
	pid, err := db.InsertID(ctx, tx, `INSERT INTO contract_penalties (contract_id, code, description, basis, amount_cents, rate_ppm, cap_cents)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, p.ContractID, p.Code, p.Description, string(p.Basis), p.AmountCents, p.RatePPM, p.CapCents)
	if errors.Is(err, db.ErrConflict) {
		return apperr.Fields{"code": "Il contratto ha già una penale con questo codice."}.Err()
	}
	if err != nil {
		return err
	}
	p.ID = pid
	return audit.Record(ctx, tx, audit.Create, "contract_penalty", pid, audit.Diff(nil, p.auditFields()))
}

// RemovePenalty deletes row pid of contract id's grid.
func (s *Store) RemovePenalty(ctx context.Context, u *auth.User, id, pid int64) error {
	if !CanManage(u) {
		return errForbidden
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		rows, err := penalties(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, p := range rows {
			if p.ID != pid {
				continue
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM contract_penalties WHERE id = ?`, pid); err != nil {
				return err
			}
			return audit.Record(ctx, tx, audit.Delete, "contract_penalty", pid, audit.Diff(p.auditFields(), nil))
		}
		return apperr.NotFoundf("Penale non trovata.")
	})
}
