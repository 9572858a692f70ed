package mediation

import (
	"context"
	"fmt"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/notify"
)

// AlertThresholds are the shares of a line's hours consumed (per cent) at which
// the coordinators are told, each once.
var AlertThresholds = []int{50, 75, 90, 100}

// budgetURL is the budget page; with a line, that line's ledger.
const budgetURL = baseURL + "/budget"

// LineURL is the budget page of line id.
func LineURL(id int64) string { return budgetURL + "?linea=" + strconv.FormatInt(id, 10) }

// CheckAlerts records, in tx, each threshold line lineID's consumed hours
// have reached and that was not recorded yet, and tells every active
// mediation coordinator of the highest one. The approval and exit
// transactions call it after the hours are consumed, so a threshold is
// announced once whatever the order of the steps.
func (s *Store) CheckAlerts(ctx context.Context, tx *db.Tx, lineID int64) error {
	l, err := lineByID(ctx, tx, lineID)
	if noRows(err) {
		return errNoLine
	}
	if err != nil {
		return err
	}
	b, _, err := balanceOf(ctx, tx, l, 0)
	if err != nil || b.TotalMin <= 0 {
		return err
	}
	reached := 0
	for _, t := range AlertThresholds {
		if b.ConsumedMin*100 < t*b.TotalMin {
			break
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO mediation_budget_alerts (funding_line_id, threshold, at)
			VALUES (?, ?, ?) ON CONFLICT (funding_line_id, threshold) DO NOTHING`, l.ID, t, tx.Now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n > 0 {
			reached = t
		}
	}
	if reached == 0 {
		return nil
	}
	return s.alertCoordinators(ctx, tx, notify.Notice{Title: "Soglia del budget della mediazione raggiunta",
		Body: fmt.Sprintf("La linea «%s» ha consumato il %d%% delle ore finanziate: %s ore su %s.",
			l.Name, reached, budgetHours(b.ConsumedMin), budgetHours(b.TotalMin)),
		Link: LineURL(l.ID)})
}

// alertCoordinators posts n to every active mediation coordinator.
func (s *Store) alertCoordinators(ctx context.Context, tx *db.Tx, n notify.Notice) error {
	if s.Notices == nil {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.role = ? AND u.active = ? ORDER BY m.user_id`, string(auth.RoleMediationCoordinator), true)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		n.UserID = id
		if err := s.Notices.Post(ctx, tx, n); err != nil {
			return err
		}
	}
	return nil
}
