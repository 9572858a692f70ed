package inspections

import (
	"context"
	"database/sql"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Verbale is everything the report of an inspection prints.
type Verbale struct {
	In                          *Inspection
	Address, Municipality, Body string
	CIG, Capitolato             string
	Sections                    []answerSection
	Evidence                    map[int64][]Evidence
	Signed                      *Signature
}

// loadVerbale reads the verbale of in through q, so that signing prints
// exactly what the transaction sees.
func loadVerbale(ctx context.Context, q db.Querier, in *Inspection) (*Verbale, error) {
	v := &Verbale{In: in}
	var cig, capitolato sql.NullString
	err := q.QueryRowContext(ctx, `SELECT f.address, COALESCE(m.name, f.istat_code), COALESCE(o.name, ''),
		(SELECT c.cig FROM contracts c JOIN contract_facilities cf ON cf.contract_id = c.id
			WHERE cf.facility_id = f.id ORDER BY c.signed_on DESC, c.id DESC LIMIT 1),
		(SELECT c.capitolato FROM contracts c JOIN contract_facilities cf ON cf.contract_id = c.id
			WHERE cf.facility_id = f.id ORDER BY c.signed_on DESC, c.id DESC LIMIT 1)
		FROM facilities f LEFT JOIN municipalities m ON m.istat_code = f.istat_code
		LEFT JOIN organisations o ON o.id = f.managing_body_id WHERE f.id = ?`, in.FacilityID).
		Scan(&v.Address, &v.Municipality, &v.Body, &cig, &capitolato)
	if err != nil {
		return nil, err
	}
	v.CIG, v.Capitolato = cig.String, capitolato.String
	as, err := answersIn(ctx, q, in.ID)
	if err != nil {
		return nil, err
	}
	v.Sections = groupAnswers(as)
	if v.Evidence, err = evidenceOf(ctx, q, in.ID); err != nil {
		return nil, err
	}
	v.Signed, err = signatureOf(ctx, q, in.ID)
	return v, err
}

// answersIn is Answers within a transaction.
func answersIn(ctx context.Context, q db.Querier, id int64) ([]*Answer, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+answerCols+answerFrom+` WHERE a.inspection_id = ?
		ORDER BY s.position, s.id, it.position, it.id`, id)
	return db.Collect(rows, err, scanAnswer)
}
