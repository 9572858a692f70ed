package mediation_test

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestRoundingRule(t *testing.T) {
	p := mediation.Policy{RoundMin: 15, MinimumMin: 60}
	travel := p
	travel.TravelCounts = true
	cases := []struct {
		name           string
		p              mediation.Policy
		worked, travel int
		want           int
	}{
		{"short interventions count the minimum hour", p, 20, 0, 60},
		{"exact blocks stay as they are", p, 90, 0, 90},
		{"a started block counts whole", p, 91, 0, 105},
		{"one minute over the hour is a block more", p, 61, 0, 75},
		{"travel is ignored unless the policy counts it", p, 90, 40, 90},
		{"counted travel is added before rounding", travel, 90, 40, 135},
		{"no rounding and no minimum counts the minutes", mediation.Policy{}, 47, 0, 47},
		{"half-hour blocks", mediation.Policy{RoundMin: 30, MinimumMin: 30}, 61, 0, 90},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.Count(c.worked, c.travel); got != c.want {
				t.Errorf("Count(%d, %d) = %d, want %d", c.worked, c.travel, got, c.want)
			}
		})
	}
}

func TestRecurringRequestExpandsIntoWeeklySlots(t *testing.T) {
	f := form(3, 9, 180)
	f.Weeks = 8
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	slots := f.Slots()
	if len(slots) != 8 {
		t.Fatalf("got %d slots, want 8", len(slots))
	}
	first := slots[0].Start.In(romeZone())
	for i, s := range slots {
		local := s.Start.In(romeZone())
		if local.Weekday() != first.Weekday() || local.Hour() != 9 || local.Minute() != 0 {
			t.Errorf("slot %d starts %v: want %v at 09:00 Rome time, across daylight saving too", i, local, first.Weekday())
		}
		if s.End.Sub(s.Start) != 3*time.Hour {
			t.Errorf("slot %d lasts %v, want 3h", i, s.End.Sub(s.Start))
		}
		if i > 0 && local.Sub(slots[i-1].Start.In(romeZone())) < 6*24*time.Hour {
			t.Errorf("slot %d is not a week after the previous one", i)
		}
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ids := w.mustCreate(t, f, true)
		if len(ids) != 8 {
			t.Fatalf("created %d requests, want 8", len(ids))
		}
		series := w.get(t, ids[0]).SeriesID
		for i, id := range ids {
			r := w.get(t, id)
			if r.SeriesID == 0 || r.SeriesID != series || r.State != mediation.Sent || !r.Start.Equal(slots[i].Start) {
				t.Errorf("request %d: series %d state %s start %v, want series %d, sent, %v", i, r.SeriesID, r.State, r.Start, series, slots[i].Start)
			}
		}
	})
}

func TestRecurringRequestValidation(t *testing.T) {
	f := form(3, 9, 60)
	f.Weeks, f.Urgency = 4, mediation.Urgent
	if fields := apperr.FieldsOf(f.Validate()); fields["weeks"] == "" {
		t.Errorf("an urgent request repeated weekly was accepted: %v", fields)
	}
	f = form(3, 9, 60)
	f.Weeks = 53
	if fields := apperr.FieldsOf(f.Validate()); fields["weeks"] == "" {
		t.Errorf("53 weeks were accepted: %v", fields)
	}
}

func TestWholeLoopConsumesTheRoundedHours(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ctx := webtest.System()
		id := w.mustBooked(t, form(2, 10, 100), w.amina)
		if b := w.balance(t); b.HeldMin != 105 || b.ConsumedMin != 0 {
			t.Fatalf("after booking: %+v, want 105 minutes held (100 rounded up to 15-minute blocks)", b)
		}
		amina := w.scope(t, w.aminaUser)
		if err := w.store.Confirm(ctx, w.aminaUser, amina, id); err != nil {
			t.Fatalf("Confirm: %v", err)
		}
		rep := mediation.DeliveryReport{Day: "", Start: "10:00", End: "11:50"}
		w.moveToPast(t, id, 72)
		r := w.get(t, id)
		rep.Day = r.Start.In(romeZone()).Format("2006-01-02")
		if err := w.store.Report(ctx, w.aminaUser, amina, id, rep); err != nil {
			t.Fatalf("Report: %v", err)
		}
		if r := w.get(t, id); r.State != mediation.Reported || r.CountedMin != 120 || r.DeliveredAt.IsZero() {
			t.Fatalf("after the report: state %s, counted %d, want reported, 120 (110 minutes in 15-minute blocks)", r.State, r.CountedMin)
		}
		op := w.scope(t, w.operator)
		if err := w.store.Approve(ctx, w.operator, op, id, mediation.SignOff{Rating: 5, Comment: "Puntuale e chiara"}); err != nil {
			t.Fatalf("Approve: %v", err)
		}
		b := w.balance(t)
		if b.HeldMin != 0 || b.ConsumedMin != 120 || b.RemainingMin() != lineHours*60-120 {
			t.Errorf("after approval: %+v, want 120 minutes consumed, nothing held", b)
		}
		r = w.get(t, id)
		for name, at := range map[string]time.Time{"sent": r.SentAt, "validated": r.ValidatedAt, "assigned": r.AssignedAt,
			"confirmed": r.ConfirmedAt, "delivered": r.DeliveredAt, "reported": r.ReportedAt, "approved": r.ApprovedAt} {
			if at.IsZero() {
				t.Errorf("step %s has no timestamp", name)
			}
		}
		if r.Rating != 5 {
			t.Errorf("rating %d, want 5", r.Rating)
		}
	})
}

func TestDoubleBookingIsRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ctx := webtest.System()
		w.mustBooked(t, form(2, 10, 120), w.amina)
		overlapping := w.mustCreate(t, form(2, 11, 60), true)[0]
		err := w.store.Assign(ctx, w.coordinator, overlapping, mediation.Booking{MediatorID: w.amina})
		if apperr.KindOf(err) != apperr.Conflict {
			t.Fatalf("booking Amina twice at 11:00 gave %v, want a conflict", err)
		}
		cands, busy, err := w.store.Match(context.Background(), w.get(t, overlapping))
		if err != nil {
			t.Fatal(err)
		}
		if busy != 1 || len(cands) != 1 || cands[0].ID != w.omar {
			t.Errorf("candidates %v (busy %d): want only Omar, Amina counted as busy", names(cands), busy)
		}
		adjacent := w.mustCreate(t, form(2, 12, 60), true)[0]
		if err := w.store.Assign(ctx, w.coordinator, adjacent, mediation.Booking{MediatorID: w.amina}); err != nil {
			t.Errorf("a slot starting when the other ends was refused: %v", err)
		}
	})
}

func TestBookingBeyondTheBudget(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ctx := webtest.System()
		w.mustBooked(t, form(2, 8, 9*60), w.amina) // 9 of the 10 hours held
		id := w.mustCreate(t, form(3, 10, 120), true)[0]
		err := w.store.Assign(ctx, w.coordinator, id, mediation.Booking{MediatorID: w.omar})
		if apperr.KindOf(err) != apperr.Conflict {
			t.Fatalf("booking 2 hours with 1 left gave %v, want a conflict", err)
		}
		if r := w.get(t, id); r.State != mediation.Sent || r.MediatorID != 0 {
			t.Fatalf("a refused booking changed the request: %s, mediator %d", r.State, r.MediatorID)
		}
		err = w.store.Assign(ctx, w.coordinator, id, mediation.Booking{MediatorID: w.omar, Override: true})
		if apperr.FieldsOf(err)["override_reason"] == "" {
			t.Fatalf("an override without a reason gave %v, want a field error", err)
		}
		reason := "Codice rosa del pronto soccorso: autorizzato dalla Prefettura"
		if err := w.store.Assign(ctx, w.coordinator, id, mediation.Booking{MediatorID: w.omar, Override: true, Reason: reason}); err != nil {
			t.Fatalf("override: %v", err)
		}
		if r := w.get(t, id); !r.Overbooked || r.State != mediation.Assigned {
			t.Errorf("the overridden booking: overbooked %v, state %s", r.Overbooked, r.State)
		}
		if b := w.balance(t); b.RemainingMin() != -60 {
			t.Errorf("remaining %d minutes, want -60 after booking beyond the budget", b.RemainingMin())
		}
		entries, _, err := audit.List(context.Background(), d, audit.Filter{Entity: ptr("mediation_request"), Action: ptr("override")})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			changes, _ := e.ChangeList()
			for _, c := range changes {
				if c.Field == "budget_override" && c.After == reason {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("the audit trail does not record the override and its reason")
		}
		if err := w.store.Assign(ctx, w.operator, id, mediation.Booking{MediatorID: w.omar, Override: true, Reason: reason}); apperr.KindOf(err) != apperr.Forbidden {
			t.Errorf("an operator's override gave %v, want forbidden", err)
		}
	})
}

func names(cs []mediation.Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func ptr(s string) *string { return &s }

func romeZone() *time.Location { return i18n.Rome }
