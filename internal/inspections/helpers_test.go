package inspections_test

import (
	"context"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// seeded returns a store with the default checklist and its published
// version 1.
func seeded(t *testing.T, d *db.DB) (*inspections.Store, *inspections.Version) {
	t.Helper()
	ctx := webtest.System()
	if err := inspections.EnsureDefaultChecklist(ctx, d); err != nil {
		t.Fatalf("EnsureDefaultChecklist: %v", err)
	}
	s := &inspections.Store{DB: d}
	tpl, err := s.TemplateByCode(ctx, inspections.DefaultCode)
	if err != nil {
		t.Fatalf("TemplateByCode: %v", err)
	}
	if tpl.Current == nil {
		t.Fatal("the default checklist has no published version")
	}
	return s, mustVersion(t, s, tpl.Current.ID)
}

func mustVersion(t *testing.T, s *inspections.Store, id int64) *inspections.Version {
	t.Helper()
	v, err := s.Version(context.Background(), id)
	if err != nil {
		t.Fatalf("Version(%d): %v", id, err)
	}
	return v
}

// mustNewVersion starts a draft from a published version.
func mustNewVersion(t *testing.T, s *inspections.Store, fromID int64) *inspections.Version {
	t.Helper()
	id, err := s.NewVersion(webtest.System(), fromID)
	if err != nil {
		t.Fatalf("NewVersion(%d): %v", fromID, err)
	}
	return mustVersion(t, s, id)
}

// itemWith finds the item whose text contains part.
func itemWith(t *testing.T, items []*inspections.Item, part string) *inspections.Item {
	t.Helper()
	for _, it := range items {
		if strings.Contains(it.Text, part) {
			return it
		}
	}
	return nil
}

func allItems(v *inspections.Version) []*inspections.Item {
	var out []*inspections.Item
	for _, s := range v.Sections {
		out = append(out, s.Items...)
	}
	return out
}

func wantKind(t *testing.T, err error, kind apperr.Kind) {
	t.Helper()
	if err == nil || apperr.KindOf(err) != kind {
		t.Fatalf("error = %v (kind %d); want kind %d", err, apperr.KindOf(err), kind)
	}
}

func count(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("count %q: %v", query, err)
	}
	return n
}

func validItem() inspections.ItemInput {
	return inspections.ItemInput{Text: "Cartellonistica di sicurezza tradotta nelle lingue degli ospiti.",
		LegalBasis: "d.lgs. 81/2008", Severity: inspections.Low, PenaltyCode: "P01", Evidence: true}
}
