package presences

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Invoice is what a managing body invoiced for one contract and month.
type Invoice struct {
	ID          int64
	ContractID  int64
	Month       string // YYYY-MM
	Number      string
	IssuedOn    time.Time
	GuestDays   int
	AmountCents int64
	UpdatedAt   time.Time
}

// Validate checks the invoice; today bounds its date.
func (inv *Invoice) Validate(today time.Time) error {
	inv.Number = strings.TrimSpace(inv.Number)
	f := apperr.Fields{}
	f.Check(inv.Number != "" && len(inv.Number) <= 50, "number", "Indica il numero della fattura (fino a 50 caratteri).")
	f.Check(!inv.IssuedOn.IsZero(), "issued_on", "Indica una data valida.")
	if !inv.IssuedOn.IsZero() {
		f.Check(!inv.IssuedOn.After(today), "issued_on", "La data della fattura non può essere futura.")
	}
	f.Check(inv.GuestDays >= 0 && inv.GuestDays <= 10_000_000, "guest_days", "Indica le giornate fatturate (un numero intero non negativo).")
	f.Check(inv.AmountCents >= 0 && inv.AmountCents <= 100_000_000_000, "amount", "Indica l'importo fatturato in euro.")
	return f.Err()
}

func (inv *Invoice) fields() audit.Fields {
	return audit.Fields{"contract_id": inv.ContractID, "month": inv.Month, "number": inv.Number,
		"issued_on": dayText(inv.IssuedOn), "guest_days": inv.GuestDays, "amount_cents": inv.AmountCents}
}

// CanRecordInvoice reports whether u may record the invoice of a contract
// of body: the Prefettura and admins for every contract, a managing body
// for its own (it issued the invoice). Inspectors read only.
func CanRecordInvoice(u *auth.User, body int64) bool {
	if u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura) {
		return true
	}
	return slices.Contains(u.OrgsWithRole(auth.RoleFacilityManager), body)
}

const invoiceCols = `id, contract_id, month, number, issued_on, guest_days, amount_cents, updated_at`

func scanInvoice(r db.Scanner) (*Invoice, error) {
	inv := &Invoice{}
	if err := r.Scan(&inv.ID, &inv.ContractID, &inv.Month, &inv.Number, &inv.IssuedOn, &inv.GuestDays,
		&inv.AmountCents, &inv.UpdatedAt); err != nil {
		return nil, err
	}
	inv.IssuedOn = asDay(inv.IssuedOn)
	return inv, nil
}

// invoicesFor reads the month's invoices of contracts, by contract ID.
func invoicesFor(ctx context.Context, q db.Querier, contracts []int64, month string) (map[int64]*Invoice, error) {
	in, args := placeholders(contracts)
	rows, err := q.QueryContext(ctx, `SELECT `+invoiceCols+` FROM contract_invoices
		WHERE contract_id IN (`+in+`) AND month = ?`, append(args, month)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*Invoice{}
	for rows.Next() {
		inv, err := scanInvoice(rows)
		if err != nil {
			return nil, err
		}
		out[inv.ContractID] = inv
	}
	return out, rows.Err()
}

// RecordInvoice saves inv for contract c on behalf of u: a first record
// creates it, a later one corrects it, with before and after audited. An
// invoice equal to the stored one writes nothing.
func RecordInvoice(ctx context.Context, tx *db.Tx, u *auth.User, c *RecContract, inv *Invoice) error {
	if !CanRecordInvoice(u, c.BodyID) {
		return apperr.Forbiddenf("Non puoi registrare fatture per questo contratto.")
	}
	if err := inv.Validate(dayOf(tx.Now)); err != nil {
		return err
	}
	inv.ContractID = c.ID
	old, err := scanInvoice(tx.QueryRowContext(ctx, `SELECT `+invoiceCols+` FROM contract_invoices
		WHERE contract_id = ? AND month = ?`, c.ID, inv.Month))
	switch {
	case errors.Is(err, db.ErrNotFound):
		inv.ID, err = db.InsertID(ctx, tx, `INSERT INTO contract_invoices (contract_id, month, number, issued_on,
			guest_days, amount_cents, recorded_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
			c.ID, inv.Month, inv.Number, inv.IssuedOn, inv.GuestDays, inv.AmountCents, nullID(userID(u)), tx.Now, tx.Now)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Create, "contract_invoice", inv.ID, audit.Diff(nil, inv.fields()))
	case err != nil:
		return err
	}
	inv.ID = old.ID
	if audit.Diff(old.fields(), inv.fields()) == nil {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE contract_invoices SET number = ?, issued_on = ?, guest_days = ?,
		amount_cents = ?, recorded_by = ?, updated_at = ? WHERE id = ?`, inv.Number, inv.IssuedOn, inv.GuestDays,
		inv.AmountCents, nullID(userID(u)), tx.Now, inv.ID); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, "contract_invoice", inv.ID, audit.Diff(old.fields(), inv.fields()))
}
