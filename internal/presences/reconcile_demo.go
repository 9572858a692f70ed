package presences

import (
	"context"
	"fmt"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// demoInvoiceMonths is how many complete months get invoices in the demo.
const demoInvoiceMonths = 3

// DemoSeedInvoices records, for every demo contract, the invoices of the
// last three complete months, computed from the seeded presences so that
// most match; the first contract's last month is over-invoiced by 45
// guest-days, so the reconciliation has a difference to show. It must run
// after DemoSeed. Like the presences, these are fixtures written without
// audit entries.
func DemoSeedInvoices(ctx context.Context, tx *db.Tx, _ map[string]int64, _ map[auth.Role]int64) error {
	today := dayOf(tx.Now)
	for i := 1; i <= demoInvoiceMonths; i++ {
		month := monthStart(today).AddDate(0, -i, 0)
		contracts, _, err := contractsInForce(ctx, tx, scope{all: true}, month, 1000, 0)
		if err != nil {
			return fmt.Errorf("demo invoices: %w", err)
		}
		recs, err := reconcile(ctx, tx, scope{all: true}, contracts, month, today)
		if err != nil {
			return fmt.Errorf("demo invoices: %w", err)
		}
		for j, r := range recs {
			if r.Total.GuestDays == 0 {
				continue
			}
			if err := demoInvoice(ctx, tx, r, i == 1 && j == 0); err != nil {
				return fmt.Errorf("demo invoices: %w", err)
			}
		}
	}
	return nil
}

func demoInvoice(ctx context.Context, tx *db.Tx, r *Reconciliation, over bool) error {
	days, amount := r.Total.GuestDays, r.Total.DueCents
	if over {
		days, amount = days+45, amount+45*r.Contract.PriceCents
	}
	number := fmt.Sprintf("%s/%d", r.Month.Format("2006-01"), r.Contract.ID)
	issued := r.Month.AddDate(0, 1, 9)
	if today := dayOf(tx.Now); issued.After(today) {
		issued = today
	}
	_, err := db.InsertID(ctx, tx, `INSERT INTO contract_invoices (contract_id, month, number, issued_on, guest_days,
		amount_cents, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`,
		r.Contract.ID, r.MonthKey(), number, issued, days, amount, tx.Now, tx.Now)
	return err
}
