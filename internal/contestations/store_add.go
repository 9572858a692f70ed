package contestations

import (
	"context"
	"slices"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// MoreFindings lists, for draft c, the findings of the signed
// inspections of its facility not yet charged, priced on c's contract: a
// contestation may gather findings of several inspections.
func (s *Store) MoreFindings(ctx context.Context, c *Contestation) ([]*Finding, error) {
	return moreFindings(ctx, s.DB, c)
}

func moreFindings(ctx context.Context, q db.Querier, c *Contestation) ([]*Finding, error) {
	ids, err := db.IDs(ctx, q, `SELECT id FROM inspections WHERE facility_id = ? AND signed_at IS NOT NULL ORDER BY planned_on, id`, c.FacilityID)
	if err != nil {
		return nil, err
	}
	charged := map[int64]bool{}
	for _, f := range c.Findings {
		charged[f.AnswerID] = true
	}
	gr, err := grid(ctx, q, c.ContractID)
	if err != nil {
		return nil, err
	}
	var out []*Finding
	for _, id := range ids {
		src := &Source{InspectionID: id, Grid: gr, ContractCents: c.ContractCents}
		if err := src.loadCandidates(ctx, q); err != nil {
			return nil, err
		}
		for _, f := range src.Candidates {
			if !charged[f.AnswerID] {
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// AddFindings adds to draft id the findings answerIDs of other signed
// inspections of the same facility.
func (s *Store) AddFindings(ctx context.Context, u *auth.User, id int64, answerIDs []int64) error {
	if !CanManage(u) {
		return errForbidden
	}
	return s.step(ctx, u, Scope{All: true}, id, func(tx *db.Tx, c *Contestation) error {
		if c.State != Draft {
			return errNotDraft
		}
		more, err := moreFindings(ctx, tx, c)
		if err != nil {
			return err
		}
		var chosen []*Finding
		for _, f := range more {
			if slices.Contains(answerIDs, f.AnswerID) {
				chosen = append(chosen, f)
			}
		}
		if len(chosen) == 0 || len(chosen) != len(answerIDs) {
			return apperr.Fields{"more": msgNoFindings}.Err()
		}
		for _, f := range chosen {
			if err := insertFinding(ctx, tx, id, f); err != nil {
				return err
			}
			err := audit.Record(ctx, tx, audit.Create, "contestation_finding", id, audit.Diff(nil,
				audit.Fields{"inspection_id": f.InspectionID, "answer_id": f.AnswerID, "penalty_code": f.Code}))
			if err != nil {
				return err
			}
		}
		return nil
	})
}
