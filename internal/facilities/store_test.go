package facilities_test

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestCodesAreNeverReused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		ctx := webtest.System()
		create := func() string {
			t.Helper()
			f := validFacility()
			f.BodyID = fx.ponte
			if err := fx.store.CreateFacility(ctx, officer(), f); err != nil {
				t.Fatalf("CreateFacility: %v", err)
			}
			return f.Code
		}
		first := create()
		// Even a row removed behind the registry's back leaves its code used.
		for _, q := range []string{`DELETE FROM facility_documents WHERE facility_id IN (SELECT id FROM facilities WHERE code = ?)`,
			`DELETE FROM contract_facilities WHERE facility_id IN (SELECT id FROM facilities WHERE code = ?)`,
			`DELETE FROM facility_history WHERE facility_id IN (SELECT id FROM facilities WHERE code = ?)`,
			`DELETE FROM facilities WHERE code = ?`} {
			if _, err := d.ExecContext(context.Background(), q, first); err != nil {
				t.Fatal(err)
			}
		}
		second := create()
		if second == first {
			t.Fatalf("code %s was handed out twice", first)
		}
		if count(t, d, `SELECT COUNT(*) FROM facilities WHERE code LIKE 'AL-CAS-%'`) == 0 || len(second) != len("AL-CAS-0001") {
			t.Errorf("unexpected code form %q", second)
		}
	})
}

func TestChangesAreKeptByPeriod(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		ctx := webtest.System()
		f := validFacility()
		f.BodyID, f.State, f.StateSince = fx.ponte, facilities.StateActive, time.Now().AddDate(0, -2, 0)
		if err := fx.store.CreateFacility(ctx, officer(), f); err != nil {
			t.Fatal(err)
		}
		in := *f
		in.BodyID, in.AuthorisedPlaces, in.ContractedPlaces = fx.other, 8, 8
		if err := fx.store.UpdateFacility(ctx, officer(), f.Code, &in); err != nil {
			t.Fatalf("UpdateFacility: %v", err)
		}
		if err := fx.store.ChangeState(ctx, officer(), f.Code, facilities.StateSuspended, time.Now().AddDate(0, 0, -3)); err != nil {
			t.Fatalf("ChangeState: %v", err)
		}
		hist, err := fx.store.History(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		periods := map[string]int{}
		open := map[string]string{}
		for _, p := range hist {
			periods[p.Field]++
			if p.ValidTo == nil {
				open[p.Field] = p.Value
			}
		}
		for _, field := range []string{facilities.HistBody, facilities.HistAuthorised, facilities.HistContracted, facilities.HistState} {
			if periods[field] != 2 {
				t.Errorf("%s has %d periods; want 2 (before and after)", field, periods[field])
			}
		}
		if open[facilities.HistState] != string(facilities.StateSuspended) || open[facilities.HistAuthorised] != "8" {
			t.Errorf("current periods = %v", open)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'facility' AND entity_id = ?`, itoa(f.ID)); n != 3 {
			t.Errorf("audit entries = %d; want 3 (create, update, state)", n)
		}
	})
}

func TestStateChangesFollowTheLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		closed := fx.codeOf(t, fx.other, facilities.StateClosed)
		err := fx.store.ChangeState(webtest.System(), officer(), closed, facilities.StateActive, time.Now())
		checkField(t, err, "state")
	})
}

func TestContractPriceOpensAPricePeriod(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		ctx := webtest.System()
		cs, err := fx.store.Contracts(ctx, officer())
		if err != nil || len(cs) == 0 {
			t.Fatalf("contracts: %v", err)
		}
		c := *cs[0]
		covered, err := fx.store.ContractFacilities(ctx, officer(), &c)
		if err != nil || len(covered) == 0 {
			t.Fatalf("covered facilities: %v", err)
		}
		before := count(t, d, `SELECT COUNT(*) FROM facility_history WHERE facility_id = ? AND field = 'price'`, covered[0].ID)
		c.PriceCents += 100
		if err := fx.store.UpdateContract(ctx, officer(), c.ID, &c); err != nil {
			t.Fatalf("UpdateContract: %v", err)
		}
		// The demo linked the facility today, so today's period is corrected in place.
		after := count(t, d, `SELECT COUNT(*) FROM facility_history WHERE facility_id = ? AND field = 'price' AND valid_to IS NULL AND value = ?`,
			covered[0].ID, itoa(c.PriceCents))
		if before == 0 || after != 1 {
			t.Errorf("price periods: before %d, current at new price %d", before, after)
		}
	})
}

func TestCapsCompareActivePlaces(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		ctx := webtest.System()
		caps, err := fx.store.Caps(ctx, officer())
		if err != nil {
			t.Fatal(err)
		}
		if len(caps) != 187 {
			t.Fatalf("caps for %d Comuni; want the province's 187", len(caps))
		}
		bosco, err := fx.store.Cap(ctx, officer(), "006021") // Bosco Marengo, 2,531 inhabitants
		if err != nil {
			t.Fatal(err)
		}
		if bosco.Set != nil || bosco.Cap() != 20 || !bosco.Over() {
			t.Errorf("Bosco Marengo: cap %d (set %v), places %d; want the default 20, exceeded", bosco.Cap(), bosco.Set, bosco.Places)
		}
		places := 30
		if err := fx.store.SetCap(ctx, officer(), "006021", &places); err != nil {
			t.Fatal(err)
		}
		if bosco, _ = fx.store.Cap(ctx, officer(), "006021"); bosco.Cap() != 30 || bosco.Over() {
			t.Errorf("after setting 30: cap %d, over %v", bosco.Cap(), bosco.Over())
		}
		if err := fx.store.SetCap(ctx, officer(), "006021", nil); err != nil {
			t.Fatal(err)
		}
		if bosco, _ = fx.store.Cap(ctx, officer(), "006021"); bosco.Cap() != 20 {
			t.Errorf("after clearing: cap %d; want the default 20", bosco.Cap())
		}
	})
}
