package facilities

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Contract returns contract id if u may see it.
func (s *Store) Contract(ctx context.Context, u *auth.User, id int64) (*Contract, error) {
	return contractByID(ctx, s.DB, ListScope(u), id)
}

// Contracts lists the contracts u may see, latest expiry first.
func (s *Store) Contracts(ctx context.Context, u *auth.User) ([]*Contract, error) {
	where, args := ListScope(u).clause("c.managing_body_id")
	return queryContracts(ctx, s.DB, `SELECT `+contractColumns+contractFrom+` WHERE `+where+` ORDER BY c.expires_on DESC, c.id`, args...)
}

// FacilityContracts lists the contracts covering facility f that u may see.
func (s *Store) FacilityContracts(ctx context.Context, u *auth.User, f *Facility) ([]*Contract, error) {
	where, args := ListScope(u).clause("c.managing_body_id")
	return queryContracts(ctx, s.DB, `SELECT `+contractColumns+contractFrom+`
		JOIN contract_facilities cf ON cf.contract_id = c.id WHERE cf.facility_id = ? AND `+where+` ORDER BY c.signed_on DESC`,
		append([]any{f.ID}, args...)...)
}

// ContractFacilities lists the facilities contract c covers that u may
// see: a facility that changed managing body stays hidden from the old one.
func (s *Store) ContractFacilities(ctx context.Context, u *auth.User, c *Contract) ([]*Facility, error) {
	where, args := ListScope(u).clause("f.managing_body_id")
	rows, err := s.DB.QueryContext(ctx, `SELECT `+facilityColumns+facilityFrom+`
		JOIN contract_facilities cf ON cf.facility_id = f.id WHERE cf.contract_id = ? AND `+where+` ORDER BY f.name`,
		append([]any{c.ID}, args...)...)
	return db.Collect(rows, err, scanFacility)
}

// Penalties is contract c's penalty grid.
func (s *Store) Penalties(ctx context.Context, c *Contract) ([]*Penalty, error) {
	return penalties(ctx, s.DB, c.ID)
}

// CreateContract records a new contract.
func (s *Store) CreateContract(ctx context.Context, u *auth.User, c *Contract) error {
	if !CanManage(u) {
		return errForbidden
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error { return createContract(ctx, tx, c) })
}

func createContract(ctx context.Context, tx *db.Tx, c *Contract) error {
	if err := isEnteGestore(ctx, tx, c.BodyID); err != nil {
		return err
	}
	if err := insertContract(ctx, tx, c); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Create, "contract", c.ID, audit.Diff(nil, c.auditFields()))
}

// UpdateContract replaces contract id's fields with in's. A new price opens
// a price period on every facility the contract covers.
func (s *Store) UpdateContract(ctx context.Context, u *auth.User, id int64, in *Contract) error {
	if !CanManage(u) {
		return errForbidden
	}
	if err := in.Validate(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		before, err := contractByID(ctx, tx, Scope{All: true}, id)
		if err != nil {
			return err
		}
		if err := isEnteGestore(ctx, tx, in.BodyID); err != nil {
			return err
		}
		in.ID = id
		if err := updateContract(ctx, tx, in); err != nil {
			return err
		}
		if in.PriceCents != before.PriceCents {
			if err := recordPriceForCovered(ctx, tx, in); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Update, "contract", id, audit.Diff(before.auditFields(), in.auditFields()))
	})
}

func recordPriceForCovered(ctx context.Context, tx *db.Tx, c *Contract) error {
	ids, err := db.IDs(ctx, tx, `SELECT facility_id FROM contract_facilities WHERE contract_id = ?`, c.ID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := recordPrice(ctx, tx, id, c); err != nil {
			return err
		}
	}
	return nil
}

func recordPrice(ctx context.Context, tx *db.Tx, facilityID int64, c *Contract) error {
	return recordPeriod(ctx, tx, facilityID, HistPrice, itoa64(c.PriceCents), Euro(c.PriceCents)+" (CIG "+c.CIG+")", tx.Now)
}
