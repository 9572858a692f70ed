package contestations

import (
	"context"
	"errors"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// DemoSeed adds two contestations on the findings of the demo's signed
// inspection: one notified three days ago and awaiting counter-deductions,
// one answered, decided with the penalty applied. It runs after the
// inspections' seeder; without a signed inspection it adds nothing.
func DemoSeed(ctx context.Context, tx *db.Tx, orgs map[string]int64, users map[auth.Role]int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT i.id FROM inspections i JOIN facilities f ON f.id = i.facility_id
		WHERE i.state = 'signed' ORDER BY CASE WHEN f.managing_body_id = ? THEN 0 ELSE 1 END, i.id LIMIT 1`,
		orgs["coop-ponte"]).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	src, err := source(ctx, tx, id)
	if errors.Is(err, errNoContract) || (err == nil && len(src.Candidates) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	officer := &auth.User{ID: users[auth.RolePrefettura]}
	half := max(1, len(src.Candidates)/2)
	first, second := src.Candidates[:half], src.Candidates[half:]
	if len(second) == 0 {
		second = first
	}
	if err := demoAwaiting(ctx, tx, officer, src, first); err != nil {
		return err
	}
	return demoPenalised(ctx, tx, officer, users[auth.RoleFacilityManager], src, second)
}

func demoAwaiting(ctx context.Context, tx *db.Tx, officer *auth.User, src *Source, fs []*Finding) error {
	cid, err := insertContestation(ctx, tx, officer, src, fs)
	if err != nil {
		return err
	}
	pec := day(tx.Now).AddDate(0, 0, -3)
	return demoUpdate(ctx, tx, cid, `state = ?, pec_date = ?, pec_reference = ?, reply_deadline = ?, notified_at = ?, notified_by = ?`,
		string(Notified), pec, "PEC prot. 2026/0412", pec.AddDate(0, 0, DefaultDays), pec, officer.ID)
}

func demoPenalised(ctx context.Context, tx *db.Tx, officer *auth.User, manager int64, src *Source, fs []*Finding) error {
	// A penalty needs a priced finding: price the first with the grid's
	// first row when the checklist gave it none.
	if fs[0].Code == "" && len(src.Grid) > 0 {
		fs[0].price(&src.Grid[0], src.ContractCents)
	}
	cid, err := insertContestation(ctx, tx, officer, src, fs)
	if err != nil {
		return err
	}
	var total int64
	for _, f := range fs {
		total += f.AmountCents
	}
	pec := day(tx.Now).AddDate(0, 0, -40)
	replied, decided := tx.Now.AddDate(0, 0, -34), tx.Now.AddDate(0, 0, -20)
	var by any
	if manager != 0 {
		by = manager
	}
	return demoUpdate(ctx, tx, cid, `state = ?, pec_date = ?, pec_reference = ?, reply_deadline = ?, notified_at = ?, notified_by = ?,
		reply_text = ?, replied_at = ?, replied_by = ?, decision = ?, decision_reason = ?, penalty_cents = ?, decided_at = ?, decided_by = ?`,
		string(Penalised), pec, "PEC prot. 2026/0318", pec.AddDate(0, 0, DefaultDays), pec, officer.ID,
		"L'ente riconosce il ritardo e comunica di aver provveduto; chiede la disapplicazione della penale.", replied, by,
		"penalty", "Le controdeduzioni non giustificano l'inadempienza accertata nel verbale.", total, decided, officer.ID)
}

func demoUpdate(ctx context.Context, tx *db.Tx, id int64, set string, args ...any) error {
	if _, err := tx.ExecContext(ctx, `UPDATE contestations SET `+set+` WHERE id = ?`, append(args, id)...); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Update, entity, id, audit.Diff(audit.Fields{"state": string(Draft)},
		audit.Fields{"state": args[0]}))
}
