package contestations

import (
	"context"
	"database/sql"

	"github.com/crocevia/crocevia/internal/platform/db"
)

func findingsOf(ctx context.Context, q db.Querier, id int64) ([]*Finding, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, inspection_id, answer_id, item_text, result, severity, note, penalty_code,
		penalty_description, basis, unit_cents, rate_ppm, cap_cents, quantity, amount_cents, calculation
		FROM contestation_findings WHERE contestation_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Finding
	for rows.Next() {
		f := &Finding{}
		var capCents sql.NullInt64
		if err := rows.Scan(&f.ID, &f.InspectionID, &f.AnswerID, &f.ItemText, &f.Result, &f.Severity, &f.Note, &f.Code,
			&f.Description, &f.Basis, &f.UnitCents, &f.RatePPM, &capCents, &f.Quantity, &f.AmountCents, &f.Calculation); err != nil {
			return nil, err
		}
		if capCents.Valid {
			f.CapCents = &capCents.Int64
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

func documentsOf(ctx context.Context, q db.Querier, id int64) ([]Document, error) {
	rows, err := q.QueryContext(ctx, `SELECT f.id, d.kind, f.name, f.content_type, f.size, f.sha256, f.uploaded_at
		FROM contestation_documents d JOIN files f ON f.id = d.file_id WHERE d.contestation_id = ? ORDER BY f.uploaded_at, f.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Document
	for rows.Next() {
		var d Document
		if err := rows.Scan(&d.FileID, &d.Kind, &d.Name, &d.ContentType, &d.Size, &d.SHA256, &d.UploadedAt); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Grid is the penalty grid of contract id.
func (s *Store) Grid(ctx context.Context, id int64) ([]GridRow, error) { return grid(ctx, s.DB, id) }

func grid(ctx context.Context, q db.Querier, contractID int64) ([]GridRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT code, description, basis, amount_cents, rate_ppm, cap_cents
		FROM contract_penalties WHERE contract_id = ? ORDER BY code`, contractID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []GridRow
	for rows.Next() {
		var g GridRow
		var capCents sql.NullInt64
		if err := rows.Scan(&g.Code, &g.Description, &g.Basis, &g.UnitCents, &g.RatePPM, &capCents); err != nil {
			return nil, err
		}
		if capCents.Valid {
			g.CapCents = &capCents.Int64
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

func rowOf(rows []GridRow, code string) *GridRow {
	for i := range rows {
		if rows[i].Code == code {
			return &rows[i]
		}
	}
	return nil
}

// Warning is the 10% check for c: the penalties decided on its contract
// by other contestations, plus c's own (decided, or computed so far).
func (s *Store) Warning(ctx context.Context, c *Contestation) (Warning, error) {
	var others int64
	err := s.DB.QueryRowContext(ctx, `SELECT COALESCE(SUM(penalty_cents), 0) FROM contestations
		WHERE contract_id = ? AND id <> ? AND state IN (?, ?)`, c.ContractID, c.ID, string(Penalised), string(Executed)).Scan(&others)
	if err != nil {
		return Warning{}, err
	}
	own := c.Total()
	switch {
	case c.State == Archived:
		own = 0
	case c.State == Penalised || c.State == Executed:
		own = c.PenaltyCents
	}
	return Assess(others+own, c.ContractCents), nil
}
