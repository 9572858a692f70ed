package inspections_test

import (
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestPublishedVersionRefusesEdits(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, v := seeded(t, d)
		ctx := webtest.System()
		sec, item := v.Sections[0], v.Sections[0].Items[1]
		ops := map[string]func() error{
			"add a section":    func() error { _, err := s.AddSection(ctx, v.ID, "Nuova"); return err },
			"rename a section": func() error { return s.RenameSection(ctx, sec.ID, "Altro titolo") },
			"delete a section": func() error { return s.DeleteSection(ctx, sec.ID) },
			"move a section":   func() error { return s.MoveSection(ctx, v.Sections[1].ID, true) },
			"add an item":      func() error { _, err := s.AddItem(ctx, sec.ID, validItem()); return err },
			"update an item":   func() error { return s.UpdateItem(ctx, item.ID, validItem()) },
			"delete an item":   func() error { return s.DeleteItem(ctx, item.ID) },
			"move an item":     func() error { return s.MoveItem(ctx, item.ID, true) },
			"publish it again": func() error { return s.Publish(ctx, v.ID) },
		}
		for name, op := range ops {
			t.Run(name+" is a conflict", func(t *testing.T) { wantKind(t, op(), apperr.Conflict) })
		}
		after := mustVersion(t, s, v.ID)
		if after.ItemCount() != v.ItemCount() || after.Sections[0].Title != sec.Title || after.Sections[0].Items[1].Text != item.Text {
			t.Error("the published version changed")
		}
	})
}

func TestNewVersion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, v1 := seeded(t, d)
		ctx := webtest.System()
		v2 := mustNewVersion(t, s, v1.ID)
		t.Run("copies every item with a new ID and a link to the original", func(t *testing.T) {
			if v2.Number != 2 || v2.State != inspections.Draft || v2.DerivedFrom == nil || *v2.DerivedFrom != v1.ID {
				t.Fatalf("new version = %d %s from %v", v2.Number, v2.State, v2.DerivedFrom)
			}
			old, cp := allItems(v1), allItems(v2)
			if len(cp) != len(old) || len(v2.Sections) != len(v1.Sections) {
				t.Fatalf("copied %d items in %d sections; want %d in %d", len(cp), len(v2.Sections), len(old), len(v1.Sections))
			}
			for i := range cp {
				if cp[i].ID == old[i].ID || cp[i].DerivedFrom == nil || *cp[i].DerivedFrom != old[i].ID || cp[i].Text != old[i].Text {
					t.Errorf("item %d: id %d derived from %v; original %d", i, cp[i].ID, cp[i].DerivedFrom, old[i].ID)
				}
			}
		})
		t.Run("a second draft is a conflict", func(t *testing.T) {
			_, err := s.NewVersion(ctx, v1.ID)
			wantKind(t, err, apperr.Conflict)
		})
		t.Run("a draft cannot be copied", func(t *testing.T) {
			_, err := s.NewVersion(ctx, v2.ID)
			wantKind(t, err, apperr.Conflict)
		})
		t.Run("publishing makes the draft current and keeps the old one readable", func(t *testing.T) {
			changed := allItems(v2)[0]
			in := changed.ItemInput
			in.Severity = inspections.Medium
			if err := s.UpdateItem(ctx, changed.ID, in); err != nil {
				t.Fatal(err)
			}
			if err := s.Publish(ctx, v2.ID); err != nil {
				t.Fatal(err)
			}
			tpl, vs, err := s.Template(ctx, v1.TemplateID)
			if err != nil {
				t.Fatal(err)
			}
			if tpl.Current == nil || tpl.Current.ID != v2.ID || tpl.Draft != nil || len(vs) != 2 {
				t.Fatalf("current = %+v, draft = %+v, versions = %d", tpl.Current, tpl.Draft, len(vs))
			}
			if old := mustVersion(t, s, v1.ID); allItems(old)[0].Severity != inspections.Critical {
				t.Errorf("the old version's item changed to %s", allItems(old)[0].Severity)
			}
		})
	})
}

func TestDraftEditing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, v1 := seeded(t, d)
		ctx := webtest.System()
		v := mustNewVersion(t, s, v1.ID)
		sec := v.Sections[0]
		t.Run("an invalid item keeps a message per field", func(t *testing.T) {
			_, err := s.AddItem(ctx, sec.ID, inspections.ItemInput{Severity: "enorme", Capitolati: []string{"1999"}})
			wantKind(t, err, apperr.Invalid)
			for _, f := range []string{"text", "legal_basis", "severity", "capitolati"} {
				if apperr.FieldsOf(err)[f] == "" {
					t.Errorf("no message for %s", f)
				}
			}
		})
		t.Run("an added item comes last in its section", func(t *testing.T) {
			id, err := s.AddItem(ctx, sec.ID, validItem())
			if err != nil {
				t.Fatal(err)
			}
			items := mustVersion(t, s, v.ID).Sections[0].Items
			if last := items[len(items)-1]; last.ID != id || last.DerivedFrom != nil {
				t.Errorf("last item = %d; want the new %d", last.ID, id)
			}
		})
		t.Run("moving an item up swaps it with the one before", func(t *testing.T) {
			second := sec.Items[1]
			if err := s.MoveItem(ctx, second.ID, true); err != nil {
				t.Fatal(err)
			}
			if first := mustVersion(t, s, v.ID).Sections[0].Items[0]; first.ID != second.ID {
				t.Errorf("first item = %d; want %d", first.ID, second.ID)
			}
		})
		t.Run("moving the last section down changes nothing", func(t *testing.T) {
			last := v.Sections[len(v.Sections)-1]
			if err := s.MoveSection(ctx, last.ID, false); err != nil {
				t.Fatal(err)
			}
			got := mustVersion(t, s, v.ID).Sections
			if got[len(got)-1].ID != last.ID {
				t.Error("the last section moved")
			}
		})
		t.Run("deleting a section deletes its items", func(t *testing.T) {
			if err := s.DeleteSection(ctx, sec.ID); err != nil {
				t.Fatal(err)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM checklist_items WHERE section_id = ?`, sec.ID); n != 0 {
				t.Errorf("%d items left in the deleted section", n)
			}
		})
	})
}
