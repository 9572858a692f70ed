package facilities

import (
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

const contractColumns = `c.id, c.cig, c.award_procedure, c.capitolato, c.lot, c.managing_body_id, o.name, c.signed_on, c.expires_on,
	c.extended_to, c.amount_cents, c.price_cents, c.places, c.created_at, c.updated_at`

const contractFrom = ` FROM contracts c JOIN organisations o ON o.id = c.managing_body_id`

func scanContract(row db.Scanner) (*Contract, error) {
	c := &Contract{}
	var ext nullDate
	err := row.Scan(&c.ID, &c.CIG, &c.Procedure, &c.Capitolato, &c.Lot, &c.BodyID, &c.BodyName, &c.SignedOn, &c.ExpiresOn,
		&ext, &c.AmountCents, &c.PriceCents, &c.Places, &c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return nil, err
	}
	c.SignedOn, c.ExpiresOn, c.ExtendedTo = day(c.SignedOn), day(c.ExpiresOn), ext.ptr()
	return c, nil
}

func contractByID(ctx context.Context, q db.Querier, sc Scope, id int64) (*Contract, error) {
	where, args := sc.clause("c.managing_body_id")
	c, err := scanContract(q.QueryRowContext(ctx, `SELECT `+contractColumns+contractFrom+` WHERE c.id = ? AND `+where,
		append([]any{id}, args...)...))
	return c, notFound(err, errContractNotFound)
}

func queryContracts(ctx context.Context, q db.Querier, query string, args ...any) ([]*Contract, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	return db.Collect(rows, err, scanContract)
}

func insertContract(ctx context.Context, tx *db.Tx, c *Contract) error {
	id, err := db.InsertID(ctx, tx, `INSERT INTO contracts (cig, award_procedure, capitolato, lot, managing_body_id, signed_on,
		expires_on, extended_to, amount_cents, price_cents, places, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.CIG, string(c.Procedure), string(c.Capitolato), c.Lot, c.BodyID, c.SignedOn, c.ExpiresOn, c.ExtendedTo,
		c.AmountCents, c.PriceCents, c.Places, tx.Now, tx.Now)
	if err != nil {
		return cigTaken(err)
	}
	c.ID, c.CreatedAt, c.UpdatedAt = id, tx.Now, tx.Now
	return nil
}

func updateContract(ctx context.Context, tx *db.Tx, c *Contract) error {
	_, err := tx.ExecContext(ctx, `UPDATE contracts SET cig = ?, award_procedure = ?, capitolato = ?, lot = ?, managing_body_id = ?,
		signed_on = ?, expires_on = ?, extended_to = ?, amount_cents = ?, price_cents = ?, places = ?, updated_at = ? WHERE id = ?`,
		c.CIG, string(c.Procedure), string(c.Capitolato), c.Lot, c.BodyID, c.SignedOn, c.ExpiresOn, c.ExtendedTo,
		c.AmountCents, c.PriceCents, c.Places, tx.Now, c.ID)
	return cigTaken(err)
}

func cigTaken(err error) error {
	if errors.Is(err, db.ErrConflict) {
		return &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
			Fields: map[string]string{"cig": "Un altro contratto ha già questo CIG."}, Err: err}
	}
	return err
}

func penalties(ctx context.Context, q db.Querier, contractID int64) ([]*Penalty, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, contract_id, code, description, basis, amount_cents, rate_ppm, cap_cents
		FROM contract_penalties WHERE contract_id = ? ORDER BY code`, contractID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Penalty
	for rows.Next() {
		p := &Penalty{}
		if err := rows.Scan(&p.ID, &p.ContractID, &p.Code, &p.Description, &p.Basis, &p.AmountCents, &p.RatePPM, &p.CapCents); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
