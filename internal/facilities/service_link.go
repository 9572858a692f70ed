package facilities

import (
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// LinkFacility adds the facility with code to contract id. The facility
// must be run by the contract's managing body.
func (s *Store) LinkFacility(ctx context.Context, u *auth.User, id int64, code string) error {
	if !CanManage(u) {
		return errForbidden
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := contractByID(ctx, tx, Scope{All: true}, id)
		if err != nil {
			return err
		}
		f, err := facilityByCode(ctx, tx, Scope{All: true}, code)
		if err != nil {
			return apperr.Fields{"code": "Nessuna struttura ha questo codice."}.Err()
		}
		if f.BodyID != c.BodyID {
			return apperr.Fields{"code": "La struttura è gestita da un altro ente."}.Err()
		}
		return linkFacility(ctx, tx, c, f.ID)
	})
}

func linkFacility(ctx context.Context, tx *db.Tx, c *Contract, facilityID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO contract_facilities (contract_id, facility_id) VALUES (?, ?)`, c.ID, facilityID)
	if errors.Is(err, db.ErrConflict) {
		return apperr.Fields{"code": "La struttura è già coperta da questo contratto."}.Err()
	}
	if err != nil {
		return err
	}
	if err := recordPrice(ctx, tx, facilityID, c); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Create, "contract_facility", c.ID,
		audit.Diff(nil, audit.Fields{"contract_id": c.ID, "facility_id": facilityID}))
}

// UnlinkFacility removes the facility with code from contract id.
func (s *Store) UnlinkFacility(ctx context.Context, u *auth.User, id int64, code string) error {
	if !CanManage(u) {
		return errForbidden
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		f, err := facilityByCode(ctx, tx, Scope{All: true}, code)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM contract_facilities WHERE contract_id = ? AND facility_id = ?`, id, f.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errFacilityNotFound
		}
		return audit.Record(ctx, tx, audit.Delete, "contract_facility", id,
			audit.Diff(audit.Fields{"contract_id": id, "facility_id": f.ID}, nil))
	})
}
