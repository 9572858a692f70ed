package facilities_test

import (
	"bytes"
	"encoding/csv"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/xuri/excelize/v2"
)

// upload posts a file as the import form does, with the page's CSRF token
// and, to confirm, the digest of the report shown.
func upload(t testing.TB, c *webtest.Client, path, name string, data []byte, digest string) *webtest.Response {
	t.Helper()
	token := c.Get("/facilities/import").FormToken()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("csrf_token", token)
	if digest != "" {
		_ = mw.WriteField("digest", digest)
	}
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.Do(req)
}

var digestField = regexp.MustCompile(`name="digest" value="([0-9a-f]+)"`)

func digestOf(t testing.TB, res *webtest.Response) string {
	t.Helper()
	m := digestField.FindStringSubmatch(res.Body)
	if m == nil {
		t.Fatalf("the report offers no confirmation\n%s", res.Body)
	}
	return m[1]
}

// outcomes are the report's rows as "line|code|outcome", in order.
var outcomeRow = regexp.MustCompile(`<th scope="row">(\d+)</th><td>([^<]*)</td><td>[^<]*</td><td>([^<]*)</td>`)

func outcomes(res *webtest.Response) []string {
	var out []string
	for _, m := range outcomeRow.FindAllStringSubmatch(res.Body, -1) {
		out = append(out, m[1]+"|"+m[2]+"|"+m[3])
	}
	return out
}

// writes counts the audit entries, which every registry write adds to.
func writes(t testing.TB, d *db.DB) int {
	t.Helper()
	return count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity IN ('facility', 'contract')`)
}

func TestImportRoundTripChangesNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		off := fx.login(t, auth.RolePrefettura, 0)
		_, csvData := getCSV(t, off, "/facilities/export.csv")
		_, xlsxData := getXLSX(t, off, "/facilities/export.xlsx")
		total := count(t, d, `SELECT COUNT(*) FROM facilities`)
		for name, data := range map[string][]byte{"strutture.csv": []byte(csvData), "strutture.xlsx": xlsxData} {
			t.Run(name+" reports every row unchanged", func(t *testing.T) {
				res := upload(t, off, "/facilities/import", name, data, "")
				res.WantStatus(t, http.StatusOK)
				rows := outcomes(res)
				if len(rows) != total {
					t.Fatalf("report has %d rows; want %d", len(rows), total)
				}
				for _, r := range rows {
					if !strings.HasSuffix(r, "|Invariata") {
						t.Errorf("row %s; want unchanged", r)
					}
				}
				res.WantBody(t, "Non c&#39;è nulla da scrivere.")
			})
		}
	})
}

// edited is the officer's export with one update, one unknown managing
// body, one new facility and one row whose numbers do not parse.
func edited(t testing.TB, fx *fixture, off *webtest.Client) (recs [][]string, updated, refused string) {
	t.Helper()
	_, body := getCSV(t, off, "/facilities/export.csv")
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return indexOf(recs[0], name) }
	recs[0] = append(recs[0], "indirizzo")
	for i := range recs[1:] {
		recs[i+1] = append(recs[i+1], "")
	}
	updated, refused = recs[1][col("codice_struttura")], recs[2][col("codice_struttura")]
	recs[1][col("centro_denominazione")] += " (rinnovato)"
	recs[2][col("ente_gestore")] = "Cooperativa Inesistente"
	bad := append([]string(nil), recs[3]...)
	bad[col("codice_struttura")], bad[col("capienza")], bad[col("data_stipula_convenzione")] = "", "molti", "31/02/2024"
	bad[col("centro_denominazione")] = "Struttura illeggibile"
	fresh := append([]string(nil), recs[3]...)
	fresh[col("codice_struttura")], fresh[col("centro_id")] = "", ""
	fresh[col("centro_denominazione")], fresh[col("capienza")] = "Appartamento Via Nuova", "4"
	fresh[col("operativita")], fresh[len(fresh)-1] = "Attiva", "Via Nuova 9"
	return append(recs, bad, fresh), updated, refused
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func encodeCSV(t testing.TB, recs [][]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeXLSX(t testing.TB, recs [][]string) []byte {
	t.Helper()
	x := excelize.NewFile()
	for i, rec := range recs {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(x.GetSheetName(0), cell, &rec); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImportReportsBeforeWriting(t *testing.T) {
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) { importScenario(t, d, format) })
		})
	}
}

func importScenario(t *testing.T, d *db.DB, format string) {
	fx := setup(t, d)
	off := fx.login(t, auth.RolePrefettura, 0)
	recs, updated, refused := edited(t, fx, off)
	data, name := encodeCSV(t, recs), "modifiche.csv"
	if format == "xlsx" {
		data, name = encodeXLSX(t, recs), "modifiche.xlsx"
	}
	n := len(recs) // the new facility's line: the header is line 1
	before, facilitiesBefore := writes(t, d), count(t, d, `SELECT COUNT(*) FROM facilities`)

	res := upload(t, off, "/facilities/import", name, data, "")
	res.WantStatus(t, http.StatusOK)
	res.WantBody(t, "Campi modificati: Denominazione", "Nessun ente gestore attivo ha questo nome.",
		"<code>capienza</code>: La capienza deve essere un numero intero.",
		"<code>data_stipula_convenzione</code>: Data non valida: usa AAAA-MM-GG.")
	got := outcomes(res)
	if len(got) != n-1 {
		t.Fatalf("report has %d rows; want %d", len(got), n-1)
	}
	want := map[string]string{"2|" + updated: "Aggiornamento", "3|" + refused: "Errore", itoa(int64(n-1)) + "|": "Errore",
		itoa(int64(n)) + "|": "Nuova"}
	for _, r := range got {
		line, code, outcome := splitOutcome(r)
		if w, ok := want[line+"|"+code]; ok && w != outcome {
			t.Errorf("line %s (%s) = %s; want %s", line, code, outcome, w)
		} else if !ok && outcome != "Invariata" {
			t.Errorf("line %s (%s) = %s; want unchanged", line, code, outcome)
		}
	}
	if w := writes(t, d); w != before {
		t.Fatalf("the report wrote %d audit entries; want none before confirming", w-before)
	}

	res = upload(t, off, "/facilities/import/confirm", name, data, "stale")
	res.WantStatus(t, http.StatusConflict)
	if w := writes(t, d); w != before {
		t.Fatalf("a confirmation of another report wrote %d entries", w-before)
	}

	res = upload(t, off, "/facilities/import/confirm", name, data, digestOf(t, res))
	res.WantStatus(t, http.StatusSeeOther)
	if got := count(t, d, `SELECT COUNT(*) FROM facilities`); got != facilitiesBefore+1 {
		t.Errorf("facilities = %d; want one new (%d)", got, facilitiesBefore+1)
	}
	if got := count(t, d, `SELECT COUNT(*) FROM facilities WHERE code = ? AND name LIKE '% (rinnovato)'`, updated); got != 1 {
		t.Errorf("the updated row was not written")
	}
	if got := count(t, d, `SELECT COUNT(*) FROM facilities WHERE name = 'Struttura illeggibile'`); got != 0 {
		t.Errorf("an invalid row was written")
	}
	if got := count(t, d, `SELECT COUNT(*) FROM facility_history h JOIN facilities f ON f.id = h.facility_id
		WHERE f.name = 'Appartamento Via Nuova' AND h.field = 'state' AND h.value = 'active'`); got != 1 {
		t.Errorf("the new facility has %d active state periods; want 1", got)
	}
	if w := writes(t, d); w != before+2 {
		t.Errorf("confirming wrote %d audit entries; want 2 (one create, one update)", w-before)
	}

	t.Run("the same file again changes nothing", func(t *testing.T) {
		after := writes(t, d)
		res := upload(t, off, "/facilities/import", name, data, "")
		res.WantStatus(t, http.StatusOK)
		for _, r := range outcomes(res) {
			if _, code, outcome := splitOutcome(r); outcome != "Invariata" && code != refused && code != "" {
				t.Errorf("row %s; want unchanged", r)
			}
		}
		res.WantBody(t, "Non c&#39;è nulla da scrivere.")
		if w := writes(t, d); w != after {
			t.Errorf("a second import wrote %d entries", w-after)
		}
	})
}

func splitOutcome(r string) (line, code, outcome string) {
	p := strings.SplitN(r, "|", 3)
	return p[0], p[1], p[2]
}

func TestImportIsForTheRegistryKeepers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		for _, tc := range []struct {
			name string
			c    *webtest.Client
		}{
			{"a managing body", fx.login(t, auth.RoleFacilityManager, fx.ponte)},
			{"an inspector", fx.login(t, auth.RoleInspector, 0)},
			{"an editor", fx.login(t, auth.RoleEditor, 0)},
		} {
			t.Run(tc.name+" does not find it", func(t *testing.T) {
				tc.c.Get("/facilities/import").WantStatus(t, http.StatusNotFound)
				tc.c.Post("/facilities/import", nil).WantStatus(t, http.StatusNotFound)
				tc.c.Post("/facilities/import/confirm", nil).WantStatus(t, http.StatusNotFound)
			})
		}
		t.Run("a file without the layout is refused", func(t *testing.T) {
			res := upload(t, fx.login(t, auth.RoleAdmin, 0), "/facilities/import", "x.csv", []byte("nome,posti\nA,3\n"), "")
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Mancano colonne del tracciato Centri d&#39;Italia")
		})
	})
}
