package inspections_test

import (
	"regexp"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestDefaultChecklist(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		_, v := seeded(t, d)
		t.Run("seeding twice keeps one template", func(t *testing.T) {
			if err := inspections.EnsureDefaultChecklist(webtest.System(), d); err != nil {
				t.Fatal(err)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM checklist_templates`); n != 1 {
				t.Errorf("templates = %d; want 1", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM checklist_versions`); n != 1 {
				t.Errorf("versions = %d; want 1", n)
			}
		})
		t.Run("is published as version 1 with 35 to 45 items", func(t *testing.T) {
			if v.Number != 1 || v.State != inspections.Published || v.PublishedAt == nil {
				t.Errorf("version = %d %s %v; want 1 published", v.Number, v.State, v.PublishedAt)
			}
			if n := v.ItemCount(); n < 35 || n > 45 {
				t.Errorf("items = %d; want 35 to 45", n)
			}
		})
		t.Run("every item has a legal basis and a penalty code P01 to P12", func(t *testing.T) {
			code := regexp.MustCompile(`^P(0[1-9]|1[0-2])$`)
			for _, it := range allItems(v) {
				if it.LegalBasis == "" || !code.MatchString(it.PenaltyCode) || !it.Severity.Valid() {
					t.Errorf("item %q: basis %q, penalty %q, severity %q", it.Text, it.LegalBasis, it.PenaltyCode, it.Severity)
				}
				if err := it.ItemInput.Validate(); err != nil {
					t.Errorf("item %q does not validate: %v", it.Text, apperr.FieldsOf(err))
				}
			}
		})
		t.Run("the seed is audited", func(t *testing.T) {
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'checklist_item'`); n != v.ItemCount() {
				t.Errorf("audited items = %d; want %d", n, v.ItemCount())
			}
		})
	})
}

func TestItemsFor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, v := seeded(t, d)
		tests := []struct {
			name                         string
			capitolato, system, typology string
			part                         string
			want                         bool
		}{
			{"psychological support under capitolato 2021", "2021", "cas", "apartment", "Supporto psicologico", true},
			{"no psychological support under capitolato 2024", "2024", "cas", "apartment", "Supporto psicologico", false},
			{"no Italian courses under capitolato 2024", "2024", "cas", "collective", "lingua italiana", false},
			{"mediation under every capitolato", "2024", "cas", "apartment", "Mediazione linguistico-culturale", true},
			{"separate spaces for minors in MSNA first reception", "2021", "msna1", "collective", "spazi separati", true},
			{"separate spaces for minors in MSNA second reception", "2024", "msna2", "apartment", "spazi separati", true},
			{"no minors' items in a CAS", "2021", "cas", "collective", "spazi separati", false},
			{"45-day limit only in first reception", "2021", "msna2", "collective", "45 giorni", false},
			{"fire certificate for a collective centre", "2021", "cas", "collective", "prevenzione incendi", true},
			{"no fire certificate for an apartment", "2021", "cas", "apartment", "prevenzione incendi", false},
			{"unknown typology excludes nothing", "2021", "cas", "", "prevenzione incendi", true},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				items, err := s.ItemsFor(webtest.System(), v.ID, tc.capitolato, tc.system, tc.typology)
				if err != nil {
					t.Fatal(err)
				}
				if got := itemWith(t, items, tc.part) != nil; got != tc.want {
					t.Errorf("item %q listed = %v; want %v", tc.part, got, tc.want)
				}
			})
		}
		t.Run("an unknown version is not found", func(t *testing.T) {
			_, err := s.ItemsFor(webtest.System(), v.ID+1000, "2021", "cas", "")
			wantKind(t, err, apperr.NotFound)
		})
	})
}
