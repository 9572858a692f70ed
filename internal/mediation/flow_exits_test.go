package mediation_test

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/mediation"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestUrgentRequestGoesToTheFirstMediatorWhoAccepts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ctx := webtest.System()
		f := urgentIn(2)
		id := w.mustCreate(t, f, true)[0]
		amina, omar := w.scope(t, w.aminaUser), w.scope(t, w.omarUser)
		for _, who := range []mediation.Scope{amina, omar} {
			offered, _, err := w.store.List(context.Background(), who, mediation.Filter{Offered: true})
			if err != nil || len(offered) != 1 || offered[0].ID != id {
				t.Fatalf("the urgent request is not offered to mediator %d: %v %v", who.Mediator, offered, err)
			}
		}
		if n := unread(t, d, w.aminaUser.ID) + unread(t, d, w.omarUser.ID); n < 2 {
			t.Errorf("the matching mediators got %d notifications, want one each", n)
		}
		if err := w.store.Accept(ctx, w.omarUser, omar, id); err != nil {
			t.Fatalf("Omar accepts: %v", err)
		}
		if err := w.store.Accept(ctx, w.aminaUser, amina, id); apperr.KindOf(err) != apperr.Conflict {
			t.Errorf("Amina accepting second gave %v, want a conflict", err)
		}
		r := w.get(t, id)
		if r.State != mediation.Confirmed || r.MediatorID != w.omar || r.HeldMin != 60 {
			t.Errorf("after the first acceptance: %s, mediator %d, held %d", r.State, r.MediatorID, r.HeldMin)
		}
		if err := w.store.Accept(ctx, w.omarUser, w.scope(t, w.omarUser), w.mustCreate(t, form(2, 10, 60), true)[0]); apperr.KindOf(err) != apperr.NotFound {
			t.Errorf("accepting a request never offered gave %v, want not found", err)
		}
	})
}

// urgentIn is an urgent request for Arabic hours from now.
func urgentIn(hours int) mediation.Form {
	f := form(0, 0, 60)
	s := nowRome().Add(timeHours(hours)).Truncate(timeHours(1))
	f.Day, f.Time, f.Urgency = s.Format("2006-01-02"), s.Format("15:04"), mediation.Urgent
	return f
}

func unread(t *testing.T, d *db.DB, user int64) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM notifications WHERE user_id = ?`, user).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDeclineReleasesTheBooking(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		id := w.mustBooked(t, form(2, 10, 60), w.amina)
		if err := w.store.Decline(webtest.System(), w.aminaUser, w.scope(t, w.aminaUser), id, "Sono in ferie"); err != nil {
			t.Fatal(err)
		}
		r := w.get(t, id)
		if r.State != mediation.Validated || r.MediatorID != 0 || r.HeldMin != 0 {
			t.Errorf("after declining: %s, mediator %d, held %d; want validated, none, 0", r.State, r.MediatorID, r.HeldMin)
		}
		if b := w.balance(t); b.HeldMin != 0 {
			t.Errorf("%d minutes still held", b.HeldMin)
		}
	})
}

func TestCancellationsAndNoShows(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ctx := webtest.System()
		op := w.scope(t, w.operator)

		early := w.mustBooked(t, form(5, 10, 120), w.amina)
		if err := w.store.Cancel(ctx, w.operator, op, early, "Appuntamento spostato"); err != nil {
			t.Fatal(err)
		}
		if r := w.get(t, early); r.State != mediation.CancelledTime || r.CountedMin != 0 {
			t.Errorf("five days ahead: %s counting %d, want cancelled in time counting nothing", r.State, r.CountedMin)
		}

		late := w.mustBooked(t, urgentFree(3), w.omar)
		if err := w.store.Cancel(ctx, w.operator, op, late, "La persona è stata dimessa"); err != nil {
			t.Fatal(err)
		}
		if r := w.get(t, late); r.State != mediation.CancelledLate || r.CountedMin != 60 {
			t.Errorf("three hours ahead: %s counting %d, want cancelled late counting the minimum hour", r.State, r.CountedMin)
		}

		absent := w.mustBooked(t, form(2, 15, 90), w.amina)
		am := w.scope(t, w.aminaUser)
		if err := w.store.Confirm(ctx, w.aminaUser, am, absent); err != nil {
			t.Fatal(err)
		}
		if err := w.store.NoShow(ctx, w.aminaUser, am, absent, ""); apperr.KindOf(err) != apperr.Conflict {
			t.Errorf("a no-show before the slot gave %v, want a conflict", err)
		}
		w.moveToPast(t, absent, 72)
		if err := w.store.NoShow(ctx, w.aminaUser, am, absent, "Nessuno in sala d'attesa"); err != nil {
			t.Fatal(err)
		}
		if b := w.balance(t); b.ConsumedMin != 120 || b.HeldMin != 0 {
			t.Errorf("balance %+v: want the late cancellation and the no-show consuming an hour each", b)
		}
	})
}

// urgentFree is a scheduled request hours from now.
func urgentFree(hours int) mediation.Form {
	f := urgentIn(hours)
	f.Urgency = mediation.Scheduled
	return f
}
