package mediation_test

import (
	"context"
	"encoding/base64"
	"testing"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestCoordinatorKeepsTheRegisterOfMediators(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		ctx := webtest.System()
		m := w.mustMediator(t, w.aminaID)
		if m.Name != "Amina Benali" || m.ProviderName != "Mediazione di prova" || m.UserID != w.amina.ID || !m.Active {
			t.Fatalf("created profile = %+v", m)
		}
		if len(m.Languages) != 2 || m.Languages[0].Code != "ar" || m.Languages[0].Level != "native" || m.Languages[0].Name != "Arabo" {
			t.Errorf("languages = %+v; want Arabic (native) first", m.Languages)
		}
		if len(m.Municipality) != 1 || m.Municipality[0] != "006003" || !m.HasArea(mediation.AreaSocial) || !m.Offers(mediation.Phone) {
			t.Errorf("municipalities %v, areas %v, modes phone=%v", m.Municipality, m.Areas, m.PhoneMode)
		}
		t.Run("the feed secret is long, random and URL-safe", func(t *testing.T) {
			other := w.mustMediator(t, w.omarID)
			b, err := base64.RawURLEncoding.DecodeString(m.ICalToken)
			if err != nil || len(b) != 32 || m.ICalToken == other.ICalToken {
				t.Errorf("tokens %q and %q", m.ICalToken, other.ICalToken)
			}
		})
		t.Run("an update replaces languages and municipalities", func(t *testing.T) {
			p := m.Profile()
			p.Languages = []mediation.Spoken{{Code: "lis", Level: "C2"}}
			p.Municipalities = []string{"006001", "006003"}
			p.Video, p.Active = true, false
			if err := w.store.UpdateMediator(ctx, w.coordinator, m.ID, p); err != nil {
				t.Fatal(err)
			}
			got := w.mustMediator(t, m.ID)
			if len(got.Languages) != 1 || got.Languages[0].Code != "lis" || len(got.Municipality) != 2 || !got.Video || got.Active {
				t.Errorf("updated = %+v", got)
			}
		})
		t.Run("every change is in the audit trail", func(t *testing.T) {
			if n := countRows(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'mediator' AND entity_id = ?`, idOf(m.ID)); n != 2 {
				t.Errorf("audit entries = %d; want create and update", n)
			}
		})
		t.Run("only coordinators edit profiles", func(t *testing.T) {
			_, err := w.store.CreateMediator(ctx, w.amina, w.profile("Nuovo", 0, mediation.Spoken{Code: "ar", Level: "B1"}))
			wantKind(t, err, apperr.Forbidden)
			wantKind(t, w.store.UpdateMediator(ctx, w.amina, w.aminaID, m.Profile()), apperr.Forbidden)
		})
	})
}

func TestProfileValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		ctx := webtest.System()
		ar := mediation.Spoken{Code: "ar", Level: "C1"}
		tests := []struct {
			name  string
			edit  func(p *mediation.Profile)
			field string
		}{
			{"a name is required", func(p *mediation.Profile) { p.Name = "  " }, "name"},
			{"the provider must be a mediation provider", func(p *mediation.Profile) { p.ProviderID = w.asl }, "provider"},
			{"at least one mode", func(p *mediation.Profile) { p.InPerson, p.PhoneMode = false, false }, "modes"},
			{"at least one area", func(p *mediation.Profile) { p.Areas = nil }, "areas"},
			{"an unknown area", func(p *mediation.Profile) { p.Areas = []mediation.Area{"cooking"} }, "areas"},
			{"at least one language", func(p *mediation.Profile) { p.Languages = nil }, "languages"},
			{"an unknown language", func(p *mediation.Profile) { p.Languages = []mediation.Spoken{{Code: "xx", Level: "C1"}} }, "languages"},
			{"an unknown level", func(p *mediation.Profile) { p.Languages = []mediation.Spoken{{Code: "ar", Level: "Z9"}} }, "languages"},
			{"in person needs a municipality", func(p *mediation.Profile) { p.Municipalities = nil }, "municipalities"},
			{"an unknown municipality", func(p *mediation.Profile) { p.Municipalities = []string{"999999"} }, "municipalities"},
			{"a bad e-mail", func(p *mediation.Profile) { p.Email = "non un indirizzo" }, "email"},
			{"a login already linked to another mediator", func(p *mediation.Profile) { p.UserID = w.omar.ID }, "user"},
			{"a login without the mediator role", func(p *mediation.Profile) { p.UserID = w.operator.ID }, "user"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				p := w.profile("Nuova mediatrice", 0, ar)
				tc.edit(&p)
				_, err := w.store.CreateMediator(ctx, w.coordinator, p)
				wantKind(t, err, apperr.Invalid)
				wantField(t, err, tc.field)
			})
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM mediators`); n != 2 {
			t.Errorf("mediators = %d; a refused profile must write nothing", n)
		}
	})
}

func TestAvailabilityLeaveAndSecret(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustMedWorld(t, d)
		ctx := webtest.System()
		week := []mediation.Window{{Weekday: 1, StartMin: 9 * 60, EndMin: 13 * 60}, {Weekday: 1, StartMin: 14 * 60, EndMin: 18 * 60},
			{Weekday: 3, StartMin: 8 * 60, EndMin: 12 * 60}}
		t.Run("a mediator sets their own week", func(t *testing.T) {
			if err := w.store.SetAvailability(ctx, w.amina, w.aminaID, week); err != nil {
				t.Fatal(err)
			}
			if got := w.mustMediator(t, w.aminaID).Weekly; len(got) != 3 || got[1] != week[1] {
				t.Errorf("weekly = %v", got)
			}
		})
		t.Run("but not another's", func(t *testing.T) {
			wantKind(t, w.store.SetAvailability(ctx, w.amina, w.omarID, week), apperr.NotFound)
			_, err := w.store.AddLeave(ctx, w.amina, w.omarID, mediation.LeaveForm{From: "2026-08-01", To: "2026-08-15"})
			wantKind(t, err, apperr.NotFound)
			wantKind(t, w.store.RegenerateToken(ctx, w.amina, w.omarID), apperr.NotFound)
		})
		t.Run("overlapping or inverted windows are refused", func(t *testing.T) {
			err := w.store.SetAvailability(ctx, w.amina, w.aminaID, []mediation.Window{{Weekday: 1, StartMin: 600, EndMin: 700}, {Weekday: 1, StartMin: 650, EndMin: 800}})
			wantField(t, err, "weekly_1")
			err = w.store.SetAvailability(ctx, w.amina, w.aminaID, []mediation.Window{{Weekday: 2, StartMin: 700, EndMin: 600}})
			wantField(t, err, "weekly_2")
		})
		t.Run("leave is added and removed", func(t *testing.T) {
			_, err := w.store.AddLeave(ctx, w.amina, w.aminaID, mediation.LeaveForm{From: "2026-08-15", To: "2026-08-01"})
			wantField(t, err, "to")
			_, err = w.store.AddLeave(ctx, w.amina, w.aminaID, mediation.LeaveForm{From: "domani", To: ""})
			wantField(t, err, "from")
			lid, err := w.store.AddLeave(ctx, w.amina, w.aminaID, mediation.LeaveForm{From: "01/08/2026", To: "2026-08-15", Note: "Ferie"})
			if err != nil {
				t.Fatal(err)
			}
			lv := w.mustMediator(t, w.aminaID).Leave
			if len(lv) != 1 || lv[0].From.Format("2006-01-02") != "2026-08-01" || lv[0].To.Day() != 15 || lv[0].Note != "Ferie" {
				t.Fatalf("leave = %+v", lv)
			}
			wantKind(t, w.store.RemoveLeave(ctx, w.amina, w.omarID, lid), apperr.NotFound)
			if err := w.store.RemoveLeave(ctx, w.amina, w.aminaID, lid); err != nil {
				t.Fatal(err)
			}
			wantKind(t, w.store.RemoveLeave(ctx, w.amina, w.aminaID, lid), apperr.NotFound)
		})
		t.Run("a new secret replaces the old one", func(t *testing.T) {
			old := w.mustMediator(t, w.aminaID).ICalToken
			if err := w.store.RegenerateToken(ctx, w.amina, w.aminaID); err != nil {
				t.Fatal(err)
			}
			if _, err := w.store.MediatorByToken(context.Background(), old); apperr.KindOf(err) != apperr.NotFound {
				t.Errorf("old token still resolves: %v", err)
			}
			m, err := w.store.MediatorByToken(context.Background(), w.mustMediator(t, w.aminaID).ICalToken)
			if err != nil || m.ID != w.aminaID {
				t.Errorf("new token: %v, %v", m, err)
			}
		})
		t.Run("each change is audited, the secret never", func(t *testing.T) {
			if n := countRows(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity IN ('mediator', 'mediator_leave')`); n < 6 {
				t.Errorf("audit entries = %d; want creates, availability, leave added and removed, secret", n)
			}
			tok := w.mustMediator(t, w.aminaID).ICalToken
			if n := countRows(t, d, `SELECT COUNT(*) FROM audit_log WHERE changes LIKE ?`, "%"+tok+"%"); n != 0 {
				t.Error("the feed secret is in the audit trail")
			}
		})
	})
}
