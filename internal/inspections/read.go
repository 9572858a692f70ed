package inspections

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Templates lists every template by name, with its current version and
// draft.
func (s *Store) Templates(ctx context.Context) ([]*Template, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id, code, name, description, created_at
		FROM checklist_templates ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	var out []*Template
	for rows.Next() {
		t := &Template{}
		if err := rows.Scan(&t.ID, &t.Code, &t.Name, &t.Description, &t.CreatedAt); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, t := range out {
		if err := s.fillCurrent(ctx, t); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Template returns one template with its versions, newest first.
func (s *Store) Template(ctx context.Context, id int64) (*Template, []*Version, error) {
	t := &Template{}
	err := s.DB.QueryRowContext(ctx, `SELECT id, code, name, description, created_at
		FROM checklist_templates WHERE id = ?`, id).Scan(&t.ID, &t.Code, &t.Name, &t.Description, &t.CreatedAt)
	if err != nil {
		return nil, nil, notFound(err, apperr.NotFoundf("Checklist non trovata."))
	}
	vs, err := versions(ctx, s.DB, `v.template_id = ? ORDER BY v.number DESC`, id)
	if err != nil {
		return nil, nil, err
	}
	pickCurrent(t, vs)
	return t, vs, nil
}

// TemplateByCode returns the template with the given code, such as
// DefaultCode, with its current version and draft.
func (s *Store) TemplateByCode(ctx context.Context, code string) (*Template, error) {
	var id int64
	err := s.DB.QueryRowContext(ctx, `SELECT id FROM checklist_templates WHERE code = ?`, code).Scan(&id)
	if err != nil {
		return nil, notFound(err, apperr.NotFoundf("Checklist non trovata."))
	}
	t, _, err := s.Template(ctx, id)
	return t, err
}

func (s *Store) fillCurrent(ctx context.Context, t *Template) error {
	vs, err := versions(ctx, s.DB, `v.template_id = ? ORDER BY v.number DESC`, t.ID)
	pickCurrent(t, vs)
	return err
}

// pickCurrent sets the draft and the newest published version of t from
// its versions, newest first.
func pickCurrent(t *Template, vs []*Version) {
	for _, v := range vs {
		switch {
		case v.State == Draft:
			t.Draft = v
		case t.Current == nil:
			t.Current = v
		}
	}
}

// versions lists the versions matching where, without their sections.
func versions(ctx context.Context, q db.Querier, where string, args ...any) ([]*Version, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+versionCols+versionFrom+` WHERE `+where, args...)
	return db.Collect(rows, err, scanVersion)
}

// Version returns a version with its sections and items in order.
func (s *Store) Version(ctx context.Context, id int64) (*Version, error) {
	return loadVersion(ctx, s.DB, id)
}

func loadVersion(ctx context.Context, q db.Querier, id int64) (*Version, error) {
	v, err := scanVersion(q.QueryRowContext(ctx, `SELECT `+versionCols+versionFrom+` WHERE v.id = ?`, id))
	if err != nil {
		return nil, notFound(err, errNoVersion)
	}
	if v.Sections, err = sections(ctx, q, id); err != nil {
		return nil, err
	}
	items, err := versionItems(ctx, q, id)
	if err != nil {
		return nil, err
	}
	bySection := map[int64]*Section{}
	for _, sec := range v.Sections {
		bySection[sec.ID] = sec
	}
	for _, it := range items {
		if sec := bySection[it.SectionID]; sec != nil {
			sec.Items = append(sec.Items, it)
		}
	}
	return v, nil
}

func sections(ctx context.Context, q db.Querier, versionID int64) ([]*Section, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, version_id, position, title FROM checklist_sections
		WHERE version_id = ? ORDER BY position, id`, versionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Section
	for rows.Next() {
		sec := &Section{}
		if err := rows.Scan(&sec.ID, &sec.VersionID, &sec.Position, &sec.Title); err != nil {
			return nil, err
		}
		out = append(out, sec)
	}
	return out, rows.Err()
}

// versionItems lists a version's items in section order, then item order.
func versionItems(ctx context.Context, q db.Querier, versionID int64) ([]*Item, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+itemCols+` FROM checklist_items
		WHERE version_id = ? ORDER BY (SELECT s.position FROM checklist_sections s WHERE s.id = section_id),
		section_id, position, id`, versionID)
	return db.Collect(rows, err, scanItem)
}
