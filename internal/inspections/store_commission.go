package inspections

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Plan adds a planned inspection with its commission and returns its ID.
func (s *Store) Plan(ctx context.Context, in PlanInput) (int64, error) {
	if err := in.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = insertInspection(ctx, tx, in)
		return err
	})
	return id, err
}

func insertInspection(ctx context.Context, tx *db.Tx, in PlanInput) (int64, error) {
	if err := checkPlanRefs(ctx, tx, in); err != nil {
		return 0, err
	}
	var by any
	if a := audit.ActorFrom(ctx); a.UserID != 0 {
		by = a.UserID
	}
	id, err := db.InsertID(ctx, tx, `INSERT INTO inspections (facility_id, kind, planned_on, state, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, in.FacilityID, string(in.Kind), in.PlannedOn, string(Planned), by, tx.Now, tx.Now)
	if err != nil {
		return 0, err
	}
	var names []string
	for _, m := range in.Members {
		if _, err := tx.ExecContext(ctx, `INSERT INTO inspection_members (inspection_id, user_id, role) VALUES (?, ?, ?)`,
			id, m.UserID, string(m.Role)); err != nil {
			return 0, err
		}
		names = append(names, itoa(m.UserID)+":"+string(m.Role))
	}
	after := audit.Fields{"facility_id": in.FacilityID, "kind": string(in.Kind), "planned_on": in.PlannedOn,
		"state": string(Planned), "members": strings.Join(names, ",")}
	return id, audit.Record(ctx, tx, audit.Create, entityInspection, id, audit.Diff(nil, after))
}

// checkPlanRefs refuses a facility that is not active and members who
// are not inspectors or Prefettura officers.
func checkPlanRefs(ctx context.Context, tx *db.Tx, in PlanInput) error {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM facilities WHERE id = ? AND state = 'active'`, in.FacilityID).Scan(&n)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	f.Check(n == 1, "facility_id", "Scegli una struttura attiva.")
	for _, m := range in.Members {
		ok, err := isCommissionUser(ctx, tx, m.UserID)
		if err != nil {
			return err
		}
		f.Check(ok, "members", "Possono far parte della commissione solo ispettori e funzionari della Prefettura.")
		f.Check(codeLabel(CommissionRoles, string(m.Role)) != string(m.Role), "members", "Scegli il ruolo di ogni componente.")
	}
	return f.Err()
}

func isCommissionUser(ctx context.Context, q db.Querier, userID int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.user_id = ? AND u.active = ? AND m.role IN (?, ?)`,
		userID, true, string(commissionUserRoles[0]), string(commissionUserRoles[1])).Scan(&n)
	return n > 0, err
}
