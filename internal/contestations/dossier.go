package contestations

import (
	"context"
	"slices"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Attachment is a stored file the dossier carries: a signed verbale, an
// evidence file of a charged finding, or a document of the contestation.
type Attachment struct {
	FileID int64
	Folder string // "verbali", "evidenze", "documenti"
	Origin string // what the file is, for the manifest
	Name   string
	SHA256 string
	Size   int64
}

// attachments lists every file of c's dossier: the signed verbale of each
// source inspection, the evidence of each charged answer, c's documents.
func attachments(ctx context.Context, q db.Querier, c *Contestation) ([]Attachment, error) {
	var inspections, answers []int64
	for _, f := range c.Findings {
		if !slices.Contains(inspections, f.InspectionID) {
			inspections = append(inspections, f.InspectionID)
		}
		answers = append(answers, f.AnswerID)
	}
	var out []Attachment
	for _, id := range inspections {
		as, err := filesBy(ctx, q, `SELECT f.id, f.name, f.sha256, f.size FROM inspections i JOIN files f ON f.id = i.verbale_file_id
			WHERE i.id = ?`, id)
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			a.Folder, a.Origin = "verbali", "Verbale firmato dell'ispezione "+itoa(id)
			out = append(out, a)
		}
	}
	for _, id := range answers {
		as, err := filesBy(ctx, q, `SELECT id, name, sha256, size FROM files WHERE entity = 'inspection_answer' AND entity_id = ?
			ORDER BY uploaded_at, id`, itoa(id))
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			a.Folder, a.Origin = "evidenze", "Evidenza del rilievo (risposta "+itoa(id)+")"
			out = append(out, a)
		}
	}
	for _, d := range c.Documents {
		out = append(out, Attachment{FileID: d.FileID, Folder: "documenti", Origin: d.KindLabel(), Name: d.Name,
			SHA256: d.SHA256, Size: d.Size})
	}
	return out, nil
}

func filesBy(ctx context.Context, q db.Querier, query string, args ...any) ([]Attachment, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		var a Attachment
		if err := rows.Scan(&a.FileID, &a.Name, &a.SHA256, &a.Size); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Dossier is what the dossier PDF prints and the ZIP packs.
type Dossier struct {
	C           *Contestation
	Warning     Warning
	Attachments []Attachment
}

// Dossier loads the dossier of contestation id if sc covers it.
func (s *Store) Dossier(ctx context.Context, sc Scope, id int64) (*Dossier, error) {
	c, err := load(ctx, s.DB, sc, id)
	if err != nil {
		return nil, err
	}
	d := &Dossier{C: c}
	if d.Warning, err = s.Warning(ctx, c); err != nil {
		return nil, err
	}
	d.Attachments, err = attachments(ctx, s.DB, c)
	return d, err
}
