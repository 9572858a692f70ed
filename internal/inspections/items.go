package inspections

import "context"

// ItemsFor lists, in checklist order, the items of a version that apply to
// a facility of systemType and typology under a contract of capitolato.
// This is the list an inspection of that facility answers. An empty
// argument is treated as unknown and does not exclude any item.
func (s *Store) ItemsFor(ctx context.Context, versionID int64, capitolato, systemType, typology string) ([]*Item, error) {
	if _, err := scanVersion(s.DB.QueryRowContext(ctx, `SELECT `+versionCols+versionFrom+` WHERE v.id = ?`, versionID)); err != nil {
		return nil, notFound(err, errNoVersion)
	}
	items, err := versionItems(ctx, s.DB, versionID)
	if err != nil {
		return nil, err
	}
	var out []*Item
	for _, it := range items {
		if it.AppliesTo(capitolato, systemType, typology) {
			out = append(out, it)
		}
	}
	return out, nil
}

// Item returns one item by its stable ID.
func (s *Store) Item(ctx context.Context, id int64) (*Item, error) {
	it, err := scanItem(s.DB.QueryRowContext(ctx, `SELECT `+itemCols+` FROM checklist_items WHERE id = ?`, id))
	return it, notFound(err, errNoItem)
}

// Section returns one section, without its items.
func (s *Store) Section(ctx context.Context, id int64) (*Section, error) {
	sec := &Section{}
	err := s.DB.QueryRowContext(ctx, `SELECT id, version_id, position, title FROM checklist_sections WHERE id = ?`, id).
		Scan(&sec.ID, &sec.VersionID, &sec.Position, &sec.Title)
	return sec, notFound(err, errNoSection)
}
