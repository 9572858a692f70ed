package api

import (
	"context"
	"net/http"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestInspections(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		if err := inspections.EnsureDefaultChecklist(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		inspector := fx.env.User("ispettore@example.org", auth.RoleInspector)
		officer := fx.env.User("prefettura@example.org", auth.RolePrefettura)
		fx.env.InTx(func(ctx context.Context, tx *db.Tx) error {
			return inspections.DemoSeed(ctx, tx, nil, map[auth.Role]int64{auth.RoleInspector: inspector.ID, auth.RolePrefettura: officer.ID})
		})
		all := count(t, d, `SELECT COUNT(*) FROM inspections`)
		list := func(t *testing.T, path string) inspectionList {
			t.Helper()
			var out inspectionList
			res := fx.env.Login(officer).Get(path)
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &out)
			return out
		}
		t.Run("the Prefettura sees every inspection", func(t *testing.T) {
			if got := list(t, "/api/v1/inspections"); all == 0 || len(got.Items) != all {
				t.Errorf("items = %d; want %d", len(got.Items), all)
			}
		})
		t.Run("state and facility narrow the list", func(t *testing.T) {
			got := list(t, "/api/v1/inspections?state=planned")
			for _, in := range got.Items {
				if in.State != "planned" {
					t.Errorf("inspection %d is %s", in.ID, in.State)
				}
			}
			if len(got.Items) == 0 || len(got.Items) == all {
				t.Errorf("planned = %d of %d; want some", len(got.Items), all)
			}
			code := got.Items[0].FacilityCode
			for _, in := range list(t, "/api/v1/inspections?facility="+code).Items {
				if in.FacilityCode != code {
					t.Errorf("inspection %d of %s listed for %s", in.ID, in.FacilityCode, code)
				}
			}
		})
		t.Run("a managing body's token sees no inspection", func(t *testing.T) {
			var out inspectionList
			res := fx.call("GET", "/api/v1/inspections", fx.token, "")
			res.WantStatus(t, http.StatusOK)
			decode(t, res, &out)
			if len(out.Items) != 0 {
				t.Errorf("items = %d; want none", len(out.Items))
			}
		})
	})
}
