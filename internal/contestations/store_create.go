package contestations

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var (
	errForbidden  = apperr.Forbiddenf("Solo la Prefettura gestisce le contestazioni.")
	errNotSigned  = apperr.NotFoundf("Ispezione firmata non trovata.")
	errNoContract = apperr.Conflictf("La struttura non ha un contratto: la penale non si può calcolare.")
)

// Source is a signed inspection a contestation may start from, with the
// findings it may charge.
type Source struct {
	InspectionID  int64
	FacilityID    int64
	FacilityCode  string
	FacilityName  string
	BodyID        int64
	SignedAt      time.Time
	ContractID    int64
	ContractCents int64
	Candidates    []*Finding // Code pre-filled from the item when the grid has it
	Grid          []GridRow
}

// Source loads signed inspection id with its non-conforming and partial
// answers, each priced with the item's penalty code when the contract's
// grid has it.
func (s *Store) Source(ctx context.Context, u *auth.User, id int64) (*Source, error) {
	if !CanManage(u) {
		return nil, errForbidden
	}
	return source(ctx, s.DB, id)
}

func source(ctx context.Context, q db.Querier, id int64) (*Source, error) {
	src := &Source{InspectionID: id}
	var contract sql.NullInt64
	var signed sql.NullTime
	err := q.QueryRowContext(ctx, `SELECT f.id, f.code, f.name, f.managing_body_id, i.signed_at,
		(SELECT c.id FROM contracts c JOIN contract_facilities cf ON cf.contract_id = c.id
			WHERE cf.facility_id = f.id ORDER BY c.signed_on DESC, c.id DESC LIMIT 1)
		FROM inspections i JOIN facilities f ON f.id = i.facility_id WHERE i.id = ? AND i.signed_at IS NOT NULL`, id).
		Scan(&src.FacilityID, &src.FacilityCode, &src.FacilityName, &src.BodyID, &signed, &contract)
	if errors.Is(err, sql.ErrNoRows) || errors.Is(err, db.ErrNotFound) {
		return nil, errNotSigned
	}
	if err != nil {
		return nil, err
	}
	if !contract.Valid {
		return nil, errNoContract
	}
	src.SignedAt, src.ContractID = signed.Time, contract.Int64
	if err := q.QueryRowContext(ctx, `SELECT amount_cents FROM contracts WHERE id = ?`, src.ContractID).Scan(&src.ContractCents); err != nil {
		return nil, err
	}
	if src.Grid, err = grid(ctx, q, src.ContractID); err != nil {
		return nil, err
	}
	return src, src.loadCandidates(ctx, q)
}

func (src *Source) loadCandidates(ctx context.Context, q db.Querier) error {
	rows, err := q.QueryContext(ctx, `SELECT a.id, ci.text, a.result, a.severity, a.note, ci.penalty_code
		FROM inspection_answers a JOIN checklist_items ci ON ci.id = a.item_id
		WHERE a.inspection_id = ? AND a.result IN ('non_conforming', 'partial') ORDER BY a.id`, src.InspectionID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		f := &Finding{InspectionID: src.InspectionID, Quantity: 1}
		var code string
		if err := rows.Scan(&f.AnswerID, &f.ItemText, &f.Result, &f.Severity, &f.Note, &code); err != nil {
			return err
		}
		f.price(rowOf(src.Grid, code), src.ContractCents)
		src.Candidates = append(src.Candidates, f)
	}
	return rows.Err()
}

var msgNoFindings = "Scegli almeno un rilievo da contestare."

// Create drafts a contestation of the findings answerIDs of signed
// inspection id, priced from the contract's grid, and returns its ID.
func (s *Store) Create(ctx context.Context, u *auth.User, inspectionID int64, answerIDs []int64) (int64, error) {
	if !CanManage(u) {
		return 0, errForbidden
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		src, err := source(ctx, tx, inspectionID)
		if err != nil {
			return err
		}
		var chosen []*Finding
		for _, f := range src.Candidates {
			if slices.Contains(answerIDs, f.AnswerID) {
				chosen = append(chosen, f)
			}
		}
		if len(chosen) == 0 || len(chosen) != len(answerIDs) {
			return apperr.Fields{"answers": msgNoFindings}.Err()
		}
		id, err = insertContestation(ctx, tx, u, src, chosen)
		return err
	})
	return id, err
}

func insertContestation(ctx context.Context, tx *db.Tx, u *auth.User, src *Source, fs []*Finding) (int64, error) {
	id, err := db.InsertID(ctx, tx, `INSERT INTO contestations (facility_id, contract_id, managing_body_id, inspection_id, state,
		deadline_days, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		src.FacilityID, src.ContractID, src.BodyID, src.InspectionID, string(Draft), DefaultDays, u.ID, tx.Now, u.ID, tx.Now)
	if err != nil {
		return 0, err
	}
	for _, f := range fs {
		if err := insertFinding(ctx, tx, id, f); err != nil {
			return 0, err
		}
	}
	return id, audit.Record(ctx, tx, audit.Create, entity, id, audit.Diff(nil, audit.Fields{
		"facility_id": src.FacilityID, "contract_id": src.ContractID, "managing_body_id": src.BodyID,
		"inspection_id": src.InspectionID, "state": string(Draft), "findings": len(fs)}))
}

func insertFinding(ctx context.Context, tx *db.Tx, contestation int64, f *Finding) error {
	var capCents any
	if f.CapCents != nil {
		capCents = *f.CapCents
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO contestation_findings (contestation_id, inspection_id, answer_id, item_text,
		result, severity, note, penalty_code, penalty_description, basis, unit_cents, rate_ppm, cap_cents, quantity,
		amount_cents, calculation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		contestation, f.InspectionID, f.AnswerID, f.ItemText, f.Result, f.Severity, f.Note, f.Code, f.Description,
		string(f.Basis), f.UnitCents, f.RatePPM, capCents, f.Quantity, f.AmountCents, f.Calculation)
	if errors.Is(err, db.ErrConflict) {
		return apperr.Fields{"answers": "Lo stesso rilievo è scelto due volte."}.Err()
	}
	return err
}
