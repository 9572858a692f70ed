package facilities_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestOfficerPagesRender(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		off := fx.login(t, auth.RolePrefettura, 0)
		code := fx.codeOf(t, fx.ponte, facilities.StateActive)
		var contract, doc int64
		if err := d.QueryRowContext(t.Context(), `SELECT MIN(id) FROM contracts`).Scan(&contract); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRowContext(t.Context(), `SELECT MIN(d.id) FROM facility_documents d JOIN facilities f ON f.id = d.facility_id
			WHERE f.code = ?`, code).Scan(&doc); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/strutture?q=appartamento&state=active&system_type=cas", "/strutture/nuova",
			"/strutture/" + code, "/strutture/" + code + "/modifica", "/strutture/" + code + "/documenti/nuovo",
			"/strutture/" + code + "/documenti/" + itoa(doc), "/contratti", "/contratti/nuovo", "/contratti/" + itoa(contract),
			"/contratti/" + itoa(contract) + "/modifica", "/comuni/tetti", "/comuni/tetti?tutti=1", "/comuni/tetti/006021"} {
			t.Run(path, func(t *testing.T) { off.Get(path).WantStatus(t, http.StatusOK) })
		}
		off.Get("/contratti/"+itoa(contract)).WantBody(t, "Griglia delle penali", "Per mille del valore del contratto", "1 ‰")
		off.Get("/comuni/tetti/006021").WantBody(t, "Tetto superato")
	})
}

func TestOfficerEditsThePenaltyGrid(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		off := fx.login(t, auth.RolePrefettura, 0)
		var contract int64
		if err := d.QueryRowContext(t.Context(), `SELECT MIN(id) FROM contracts`).Scan(&contract); err != nil {
			t.Fatal(err)
		}
		path := "/contratti/" + itoa(contract) + "/penali"
		before := count(t, d, `SELECT COUNT(*) FROM contract_penalties WHERE contract_id = ?`, contract)
		res := off.Post(path, url.Values{"code": {"P99"}, "description": {"Ritardo"}, "basis": {"per_mille"}, "rate": {"abc"}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Indica l&#39;aliquota per mille, ad esempio 1,5.")
		off.Post(path, url.Values{"code": {"P99"}, "description": {"Ritardo"}, "basis": {"per_mille"}, "rate": {"1,5"}, "cap": {"10.000,00"}}).
			WantStatus(t, http.StatusSeeOther)
		var id, ppm, capCents int64
		if err := d.QueryRowContext(t.Context(), `SELECT id, rate_ppm, cap_cents FROM contract_penalties WHERE contract_id = ? AND code = 'P99'`,
			contract).Scan(&id, &ppm, &capCents); err != nil {
			t.Fatal(err)
		}
		if ppm != 1500 || capCents != 1000000 {
			t.Errorf("rate %d ppm, cap %d cents; want 1500 and 1000000", ppm, capCents)
		}
		off.Post(path+"/"+itoa(id)+"/elimina", nil).WantStatus(t, http.StatusSeeOther)
		if n := count(t, d, `SELECT COUNT(*) FROM contract_penalties WHERE contract_id = ?`, contract); n != before {
			t.Errorf("grid has %d rows after add and remove; want %d", n, before)
		}
	})
}
