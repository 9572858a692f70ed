package facilities_test

import (
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/xuri/excelize/v2"
)

// centriDItalia is the Openpolis layout, spelled out here so that a change
// to the exported columns fails a test.
var centriDItalia = []string{"rilevazione_data", "centro_id", "centro_denominazione", "comune_denominazione",
	"comune_codice_istat", "provincia_cm_denominazione", "provincia_cm_codice_istat", "provincia_cm_sigla",
	"regione_denominazione", "regione_codice_istat", "ente_gestore", "data_stipula_convenzione",
	"data_scadenza_convenzione", "data_scadenza_proroga", "costo_giornaliero_per_ospite", "presenze_giornaliere",
	"capienza", "procedura_affidamento", "operativita", "tipologia_centro", "tipologia_ospiti", "codice_struttura"}

// sheet is an export read back: the header and the rows by facility code.
type sheet struct {
	header []string
	rows   map[string]map[string]string
}

func parseSheet(t testing.TB, records [][]string) *sheet {
	t.Helper()
	if len(records) == 0 {
		t.Fatal("export is empty")
	}
	s := &sheet{header: records[0], rows: map[string]map[string]string{}}
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, col := range s.header {
			if i < len(rec) {
				row[col] = rec[i]
			}
		}
		s.rows[row["codice_struttura"]] = row
	}
	return s
}

func getCSV(t testing.TB, c *webtest.Client, path string) (*sheet, string) {
	t.Helper()
	res := c.Get(path)
	res.WantStatus(t, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("Content-Type = %q; want text/csv", ct)
	}
	recs, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatalf("export is not a comma-separated CSV: %v", err)
	}
	return parseSheet(t, recs), res.Body
}

func getXLSX(t testing.TB, c *webtest.Client, path string) (*sheet, []byte) {
	t.Helper()
	res := c.Get(path)
	res.WantStatus(t, http.StatusOK)
	x, err := excelize.OpenReader(strings.NewReader(res.Body))
	if err != nil {
		t.Fatalf("export is not an XLSX: %v", err)
	}
	defer x.Close()
	recs, err := x.GetRows(x.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return parseSheet(t, recs), []byte(res.Body)
}

func TestExportFollowsCentriDItalia(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		off := fx.login(t, auth.RolePrefettura, 0)
		code := contractedFacility(t, d, fx.ponte)
		f, err := fx.store.Facility(t.Context(), officer(), code)
		if err != nil {
			t.Fatal(err)
		}
		var signed, expires time.Time
		var price int64
		var procedure string
		if err := d.QueryRowContext(t.Context(), `SELECT c.signed_on, c.expires_on, c.price_cents, c.award_procedure
			FROM contracts c JOIN contract_facilities cf ON cf.contract_id = c.id WHERE cf.facility_id = ?
			ORDER BY c.signed_on DESC LIMIT 1`, f.ID).Scan(&signed, &expires, &price, &procedure); err != nil {
			t.Fatal(err)
		}
		csvSheet, _ := getCSV(t, off, "/facilities/export.csv")
		xlsxSheet, _ := getXLSX(t, off, "/facilities/export.xlsx")
		for name, s := range map[string]*sheet{"csv": csvSheet, "xlsx": xlsxSheet} {
			t.Run(name, func(t *testing.T) {
				if !slices.Equal(s.header, centriDItalia) {
					t.Fatalf("header = %v\nwant %v", s.header, centriDItalia)
				}
				if n := count(t, d, `SELECT COUNT(*) FROM facilities`); len(s.rows) != n {
					t.Errorf("exported %d facilities; want all %d", len(s.rows), n)
				}
				row := s.rows[code]
				want := map[string]string{"rilevazione_data": time.Now().UTC().Format("2006-01-02"), "centro_id": itoa(f.ID),
					"centro_denominazione": f.Name, "comune_denominazione": "Alessandria", "comune_codice_istat": "006003",
					"provincia_cm_denominazione": "Alessandria", "provincia_cm_codice_istat": "006", "provincia_cm_sigla": "AL",
					"regione_denominazione": "Piemonte", "regione_codice_istat": "01", "ente_gestore": "Cooperativa Il Ponte",
					"data_stipula_convenzione": signed.Format("2006-01-02"), "data_scadenza_convenzione": expires.Format("2006-01-02"),
					"costo_giornaliero_per_ospite": euros(price), "presenze_giornaliere": "", "capienza": itoa(int64(f.ContractedPlaces)),
					"operativita": f.State.Label(), "tipologia_centro": f.System.Label(), "codice_struttura": code}
				for col, v := range want {
					if row[col] != v {
						t.Errorf("%s = %q; want %q", col, row[col], v)
					}
				}
				if row["procedura_affidamento"] == "" || row["tipologia_ospiti"] == "" {
					t.Errorf("procedure %q or guests %q empty", row["procedura_affidamento"], row["tipologia_ospiti"])
				}
			})
		}
	})
}

// euros is cents with a dot decimal, as open data writes amounts.
func euros(c int64) string {
	s := itoa(c/100) + "."
	if c%100 < 10 {
		s += "0"
	}
	return s + itoa(c%100)
}

// contractedFacility is the code of an active facility of body covered by
// a contract.
func contractedFacility(t testing.TB, d *db.DB, body int64) string {
	t.Helper()
	var code string
	if err := d.QueryRowContext(t.Context(), `SELECT f.code FROM facilities f JOIN contract_facilities cf ON cf.facility_id = f.id
		WHERE f.managing_body_id = ? AND f.istat_code = '006003' AND f.state = 'active' ORDER BY f.code LIMIT 1`, body).Scan(&code); err != nil {
		t.Fatalf("no contracted facility: %v", err)
	}
	return code
}

func TestExportScopeAndFilters(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		mgr := fx.login(t, auth.RoleFacilityManager, fx.ponte)
		for _, path := range []string{"/facilities/export.csv", "/facilities/export.xlsx"} {
			t.Run("a manager exports only their own facilities as "+path, func(t *testing.T) {
				var s *sheet
				if strings.HasSuffix(path, ".csv") {
					s, _ = getCSV(t, mgr, path)
				} else {
					s, _ = getXLSX(t, mgr, path)
				}
				if want := count(t, d, `SELECT COUNT(*) FROM facilities WHERE managing_body_id = ?`, fx.ponte); len(s.rows) != want {
					t.Errorf("exported %d rows; want the body's %d", len(s.rows), want)
				}
				for code, row := range s.rows {
					if row["ente_gestore"] != "Cooperativa Il Ponte" {
						t.Errorf("%s of %q exported to another body's manager", code, row["ente_gestore"])
					}
				}
			})
		}
		t.Run("the list filters apply", func(t *testing.T) {
			s, _ := getCSV(t, fx.login(t, auth.RoleInspector, 0), "/facilities/export.csv?state=closed&istat_code=006039")
			want := count(t, d, `SELECT COUNT(*) FROM facilities WHERE state = 'closed' AND istat_code = '006039'`)
			if len(s.rows) != want || want == 0 {
				t.Fatalf("exported %d rows; want %d closed in Casale", len(s.rows), want)
			}
			for code, row := range s.rows {
				if row["operativita"] != facilities.StateClosed.Label() || row["comune_codice_istat"] != "006039" {
					t.Errorf("%s does not match the filters: %v", code, row)
				}
			}
		})
		t.Run("outsiders do not find it", func(t *testing.T) {
			fx.login(t, auth.RoleEditor, 0).Get("/facilities/export.csv").WantStatus(t, http.StatusNotFound)
		})
	})
}
