package inspections

import (
	"context"
	"fmt"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// demoPlan is one demo inspection: days from today (negative: past), its
// kind, and how far the field work went.
type demoPlan struct {
	days  int
	kind  Kind
	phase Phase
}

var demoPlans = []demoPlan{
	{-150, Scheduled, DraftReport}, {-95, OnReport, DraftReport}, {-40, Unannounced, DraftReport},
	{-12, Scheduled, InProgress}, {-3, FollowUp, InProgress}, {0, Unannounced, InProgress},
	{7, Scheduled, Planned}, {15, Scheduled, Planned}, {30, OnReport, Planned}, {45, Scheduled, Planned},
}

// demoEarlier are inspections that went past the verbale.
var demoEarlier = []demoPlan{{-210, Scheduled, Closed}, {-180, Scheduled, FollowUpReq}}

// DemoSeed adds inspections of the demo facilities in every phase reached
// so far, with the demo inspector presiding the commission, and a plan to
// inspect every active facility at least every six months. It runs after
// the facilities' seeder.
func DemoSeed(ctx context.Context, tx *db.Tx, orgs map[string]int64, users map[auth.Role]int64) error {
	versionID, err := demoVersion(ctx, tx)
	if err != nil {
		return err
	}
	facs, err := demoFacilities(ctx, tx, len(demoPlans))
	if err != nil {
		return err
	}
	today := time.Date(tx.Now.Year(), tx.Now.Month(), tx.Now.Day(), 0, 0, 0, 0, time.UTC)
	commission := []Member{{UserID: users[auth.RoleInspector], Role: RolePresident},
		{UserID: users[auth.RolePrefettura], Role: RoleSecretary}}
	for i, fid := range facs {
		d := demoPlans[i]
		in := PlanInput{FacilityID: fid, Kind: d.kind, PlannedOn: today.AddDate(0, 0, d.days), Members: commission}
		if _, err := demoInspection(ctx, tx, in, d.phase, versionID, users[auth.RoleInspector], i); err != nil {
			return fmt.Errorf("demo inspection %d: %w", i, err)
		}
	}
	// Earlier visits to the first facilities went further: one closed,
	// one awaiting its follow-up.
	for i, d := range demoEarlier {
		in := PlanInput{FacilityID: facs[i%len(facs)], Kind: Scheduled, PlannedOn: today.AddDate(0, 0, d.days), Members: commission}
		id, err := demoInspection(ctx, tx, in, DraftReport, versionID, users[auth.RoleInspector], i+len(demoPlans))
		if err == nil {
			err = demoAftermath(ctx, tx, id, d.phase, today, users)
		}
		if err != nil {
			return fmt.Errorf("earlier demo inspection %d: %w", i, err)
		}
	}
	_, err = db.InsertID(ctx, tx, `INSERT INTO inspection_plans (facility_id, months, starts_on, created_at) VALUES (NULL, 6, ?, ?)`,
		today.AddDate(0, -8, 0), tx.Now)
	if err != nil {
		return err
	}
	return demoSign(ctx, tx, orgs["coop-ponte"], users)
}

func demoVersion(ctx context.Context, tx *db.Tx) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id
		WHERE t.code = ? AND v.state = ? ORDER BY v.number DESC LIMIT 1`, DefaultCode, Published).Scan(&id)
	return id, err
}

// demoFacilities picks n active facilities, spread over the registry.
func demoFacilities(ctx context.Context, tx *db.Tx, n int) ([]int64, error) {
	all, err := db.IDs(ctx, tx, `SELECT id FROM facilities WHERE state = 'active' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var out []int64
	for i := 0; i < len(all) && len(out) < n; i += max(1, len(all)/n) {
		out = append(out, all[i])
	}
	return out, nil
}

func demoInspection(ctx context.Context, tx *db.Tx, pl PlanInput, phase Phase, versionID, inspector int64, n int) (int64, error) {
	id, err := insertInspection(ctx, tx, pl)
	if err != nil || phase == Planned {
		return id, err
	}
	in, err := loadInspection(ctx, tx, Scope{All: true}, id)
	if err != nil {
		return id, err
	}
	if err := start(ctx, tx, in, versionID); err != nil {
		return id, err
	}
	if err := demoAnswers(ctx, tx, id, phase == DraftReport, n); err != nil {
		return id, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE inspection_answers SET answered_by = ? WHERE inspection_id = ? AND result <> ''`, inspector, id)
	if err != nil || phase != DraftReport {
		return id, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE inspections SET state = ?, drafted_at = ?, guests_counted = guests_declared - ? WHERE id = ?`,
		string(DraftReport), tx.Now, n%3, id)
	return id, err
}

// demoAnswers answers every item, or the first half when the inspection
// is still in progress: mostly conforming, some partial or not.
func demoAnswers(ctx context.Context, tx *db.Tx, id int64, all bool, n int) error {
	rows, err := tx.QueryContext(ctx, `SELECT item_id, severity FROM inspection_answers WHERE inspection_id = ? ORDER BY item_id`, id)
	if err != nil {
		return err
	}
	type pending struct {
		item int64
		sev  Severity
	}
	var items []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.item, &p.sev); err != nil {
			rows.Close()
			return err
		}
		items = append(items, p)
	}
	rows.Close()
	if !all {
		items = items[:len(items)/2]
	}
	for i, p := range items {
		in := AnswerInput{Result: Conforming, Severity: p.sev}
		switch {
		case (i+n)%9 == 4:
			in.Result, in.Note = NonConforming, "Rilevata durante il sopralluogo; chiesta documentazione all'ente gestore."
		case (i+n)%6 == 2:
			in.Result, in.Note = Partial, "Adempimento incompleto."
		}
		if _, err := saveAnswer(ctx, tx, id, p.item, in); err != nil {
			return err
		}
	}
	return rows.Err()
}
