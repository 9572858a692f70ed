package inspections_test

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestStartFreezesVersionAndApplicableItems(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, v := seeded(t, d)
		env := webtest.New(t, d)
		inspector := env.User("ispettore@example.org", auth.RoleInspector)
		id := mustPlan(t, s, mustFacility(t, env, "AL-CAS-0001"), day(2026, 3, 2), inspector)
		mustStart(t, s, id)
		in, err := s.Inspection(context.Background(), inspections.Scope{All: true}, id)
		if err != nil {
			t.Fatal(err)
		}
		if in.Phase != inspections.InProgress || in.VersionID == nil || *in.VersionID != v.ID {
			t.Fatalf("phase %s, version %v; want in progress on version %d", in.Phase, in.VersionID, v.ID)
		}
		if in.GuestsDeclared == nil || *in.GuestsDeclared != 8 {
			t.Errorf("guests declared = %v; want the 8 contracted places", in.GuestsDeclared)
		}
		want := 0
		for _, it := range allItems(v) {
			if it.AppliesTo("2024", "cas", "apartment") {
				want++
			}
		}
		as := mustAnswers(t, s, id)
		if len(as) != want || want == len(allItems(v)) {
			t.Fatalf("%d answers; want %d of %d items", len(as), want, len(allItems(v)))
		}
		for _, a := range as {
			if !a.Item.AppliesTo("2024", "cas", "apartment") || a.Severity != a.Item.Severity || a.Result != "" {
				t.Errorf("answer for %q: result %q severity %q", a.Item.Text, a.Result, a.Severity)
			}
		}
		t.Run("a second start is refused", func(t *testing.T) {
			wantKind(t, s.Start(webtest.System(), inspections.Scope{All: true}, id), apperr.Conflict)
		})
		t.Run("a later version does not change the started inspection", func(t *testing.T) {
			draft := mustNewVersion(t, s, v.ID)
			if err := s.Publish(webtest.System(), draft.ID); err != nil {
				t.Fatal(err)
			}
			again, _ := s.Inspection(context.Background(), inspections.Scope{All: true}, id)
			if *again.VersionID != v.ID || len(mustAnswers(t, s, id)) != want {
				t.Errorf("version %d with %d answers after a new publication", *again.VersionID, len(mustAnswers(t, s, id)))
			}
		})
	})
}

func TestSaveAnswer(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := seeded(t, d)
		env := webtest.New(t, d)
		inspector := env.User("ispettore@example.org", auth.RoleInspector)
		id := mustPlan(t, s, mustFacility(t, env, "AL-CAS-0001"), day(2026, 3, 2), inspector)
		mustStart(t, s, id)
		as := mustAnswers(t, s, id)
		first, second := as[0], as[1]
		sc := inspections.ScopeOf(inspector)
		t.Run("saving one item leaves the others alone", func(t *testing.T) {
			_, err := s.SaveAnswer(webtest.System(), sc, id, first.Item.ID,
				inspections.AnswerInput{Result: inspections.NonConforming, Severity: inspections.Critical, Note: " Estintore scaduto. "})
			if err != nil {
				t.Fatal(err)
			}
			after := mustAnswers(t, s, id)
			if after[0].Result != inspections.NonConforming || after[0].Note != "Estintore scaduto." || after[0].AnsweredAt == nil {
				t.Errorf("first answer = %+v", after[0])
			}
			if after[1].Result != "" || after[1].Severity != second.Severity || after[1].AnsweredAt != nil {
				t.Errorf("second answer changed: %+v", after[1])
			}
		})
		t.Run("an answer without result is refused next to the item", func(t *testing.T) {
			_, err := s.SaveAnswer(webtest.System(), sc, id, second.Item.ID, inspections.AnswerInput{Severity: inspections.Low})
			wantKind(t, err, apperr.Invalid)
			if apperr.FieldsOf(err)["result-"+id64(second.Item.ID)] == "" {
				t.Errorf("fields = %v", apperr.FieldsOf(err))
			}
		})
		t.Run("an item of another version is not found", func(t *testing.T) {
			_, err := s.SaveAnswer(webtest.System(), sc, id, 999999, inspections.AnswerInput{Result: inspections.Conforming, Severity: inspections.Low})
			wantKind(t, err, apperr.NotFound)
		})
		t.Run("the draft report needs every answer", func(t *testing.T) {
			wantKind(t, s.MarkDraft(webtest.System(), sc, id), apperr.Conflict)
			all := map[int64]inspections.AnswerInput{}
			for _, a := range as {
				all[a.Item.ID] = inspections.AnswerInput{Result: inspections.Conforming, Severity: a.Severity}
			}
			if _, err := s.SaveAnswers(webtest.System(), sc, id, all); err != nil {
				t.Fatal(err)
			}
			if err := s.MarkDraft(webtest.System(), sc, id); err != nil {
				t.Fatal(err)
			}
		})
	})
}

func TestScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := seeded(t, d)
		env := webtest.New(t, d)
		member := env.User("membro@example.org", auth.RoleInspector)
		other := env.User("altro@example.org", auth.RoleInspector)
		fac := mustFacility(t, env, "AL-CAS-0001")
		mine := mustPlan(t, s, fac, day(2026, 3, 2), member)
		theirs := mustPlan(t, s, fac, day(2026, 4, 2), other)
		ctx := context.Background()
		list, err := s.Inspections(ctx, inspections.ScopeOf(member), inspections.Filter{})
		if err != nil || len(list) != 1 || list[0].ID != mine {
			t.Fatalf("member's list = %v, %v; want only %d", list, err, mine)
		}
		_, err = s.Inspection(ctx, inspections.ScopeOf(member), theirs)
		wantKind(t, err, apperr.NotFound)
		wantKind(t, s.Start(webtest.System(), inspections.ScopeOf(member), theirs), apperr.NotFound)
		all, _ := s.Inspections(ctx, inspections.Scope{All: true}, inspections.Filter{})
		if len(all) != 2 {
			t.Errorf("the Prefettura sees %d inspections; want 2", len(all))
		}
	})
}

func TestOverdue(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _ := seeded(t, d)
		env := webtest.New(t, d)
		inspector := env.User("ispettore@example.org", auth.RoleInspector)
		never := mustFacility(t, env, "AL-CAS-0001")
		recent := mustFacility(t, env, "AL-CAS-0002")
		planned := mustFacility(t, env, "AL-CAS-0003")
		old := mustFacility(t, env, "AL-CAS-0004")
		mustStart(t, s, mustPlan(t, s, recent, day(2026, 5, 1), inspector))
		mustStart(t, s, mustPlan(t, s, old, day(2025, 6, 1), inspector))
		mustPlan(t, s, planned, day(2026, 8, 1), inspector)
		if err := s.AddRecurring(webtest.System(), &inspections.Recurring{Months: 6, StartsOn: day(2025, 1, 1)}); err != nil {
			t.Fatal(err)
		}
		got, err := s.OverdueOn(context.Background(), day(2026, 7, 1))
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, o := range got {
			ids = append(ids, o.FacilityID)
		}
		if len(ids) != 2 || ids[0] != never || ids[1] != old {
			t.Fatalf("overdue = %v; want never inspected %d then last inspected a year ago %d", ids, never, old)
		}
		if got[1].Due != day(2025, 12, 1) || got[1].Last == nil {
			t.Errorf("due %v last %v", got[1].Due, got[1].Last)
		}
		t.Run("a stricter facility plan wins", func(t *testing.T) {
			if err := s.AddRecurring(webtest.System(), &inspections.Recurring{FacilityID: &recent, Months: 1, StartsOn: day(2025, 1, 1)}); err != nil {
				t.Fatal(err)
			}
			got, _ := s.OverdueOn(context.Background(), day(2026, 7, 1))
			if len(got) != 3 || got[2].FacilityID != recent || got[2].Months != 1 {
				t.Errorf("overdue = %+v", got)
			}
		})
	})
}

func id64(n int64) string { return id(n) }
