package inspections

import (
	"bytes"
	"context"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
)

var (
	errCannotSign = apperr.Forbiddenf("Solo il presidente della commissione o la Prefettura firmano il verbale.")
	errNotDraft   = apperr.Conflictf("Si firma solo un'ispezione in bozza di verbale.")
)

// Sign closes the draft report of inspection id: the verbale is printed,
// stored with its checksum and the inspection moves to signed, all in one
// transaction, so a signed inspection always has its PDF. From then on the
// inspection is frozen.
func (s *Store) Sign(ctx context.Context, fs *files.Store, u *auth.User, id int64) (*Signature, error) {
	var sig *Signature
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		in, err := loadInspection(ctx, tx, ScopeOf(u), id)
		switch {
		case err != nil:
			return err
		case !CanSign(u, in):
			return errCannotSign
		case in.Phase.Frozen():
			return errClosed
		case in.Phase != DraftReport:
			return errNotDraft
		}
		if sig, err = signVerbale(ctx, tx, fs, u, in); err != nil {
			return err
		}
		if err := createActions(ctx, tx, in); err != nil {
			return err
		}
		return closeFollowedUp(ctx, tx, in)
	})
	return sig, err
}

func signVerbale(ctx context.Context, tx *db.Tx, fs *files.Store, u *auth.User, in *Inspection) (*Signature, error) {
	v, err := loadVerbale(ctx, tx, in)
	if err != nil {
		return nil, err
	}
	v.Signed = &Signature{SignedAt: tx.Now, SignedBy: u.Name}
	pdf, err := renderVerbale(v)
	if err != nil {
		return nil, err
	}
	f, err := fs.Put(ctx, tx, files.Upload{Entity: entityVerbale, EntityID: itoa(in.ID),
		Name: "verbale-" + in.FacilityCode + "-" + itoa(in.ID) + ".pdf", Reader: bytes.NewReader(pdf), UploadedBy: u.ID})
	if err != nil {
		return nil, err
	}
	v.Signed.FileID, v.Signed.SHA256 = f.ID, f.SHA256
	_, err = tx.ExecContext(ctx, `UPDATE inspections SET state = ?, signed_at = ?, signed_by = ?, verbale_file_id = ?,
		verbale_sha256 = ?, updated_at = ? WHERE id = ?`, string(Signed), tx.Now, u.ID, f.ID, f.SHA256, tx.Now, in.ID)
	if err != nil {
		return nil, err
	}
	if err := keepOutcomes(ctx, tx, "id = ?", in.ID); err != nil {
		return nil, err
	}
	return v.Signed, audit.Record(ctx, tx, audit.Update, entityInspection, in.ID, audit.Diff(
		audit.Fields{"state": string(DraftReport)},
		audit.Fields{"state": string(Signed), "signed_by": u.ID, "verbale_file_id": f.ID, "verbale_sha256": f.SHA256}))
}
