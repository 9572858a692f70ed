package presences

import (
	"bytes"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// importCSV has two good rows of own, one row past the authorised places,
// one with a bad date, one for another body's facility.
func importCSV(own, other *Facility, day time.Time) []byte {
	d1, d2 := dayText(day), dayText(day.AddDate(0, 0, -1))
	too := strconv.Itoa(own.AuthorisedPlaces + 1)
	return []byte("codice;data;presenti;ingressi;trasf;vol;revoca;fine;altro;assenze;ingiust\n" +
		own.Code + ";" + d1 + ";2;1;0;0;0;0;0;0;0\n" +
		own.Code + ";" + d2 + ";1;0;0;0;0;0;0;1;0\n" +
		own.Code + ";" + dayText(day.AddDate(0, 0, -2)) + ";" + too + ";0;0;0;0;0;0;0;0\n" +
		own.Code + ";31/02/2026;1;0;0;0;0;0;0;0;0\n" +
		other.Code + ";" + d1 + ";1;0;0;0;0;0;0;0;0\n")
}

var payloadField = regexp.MustCompile(`name="rows" value="([^"]*)"`)

func payload(t *testing.T, body string) string {
	t.Helper()
	m := payloadField.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the report has no confirmation form\n%s", body)
	}
	return html.UnescapeString(m[1])
}

func TestImport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		own, other := fx.facility(t, fx.ponte), fx.facility(t, fx.other)
		mgr := fx.login(t, auth.RoleFacilityManager, fx.ponte)
		file := importCSV(own, other, yesterday())
		audits := func() int { return count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'presence'`) }

		res := upload(t, mgr, "presenze.csv", file)
		t.Run("the report comes before anything is written", func(t *testing.T) {
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Esito della verifica", "Nuovi giorni: <strong>2</strong>", "Righe con errori: <strong>3</strong>",
				"Le presenze superano i posti autorizzati", "Indica una data valida.", "Struttura non trovata")
			if n := count(t, d, `SELECT COUNT(*) FROM presences`); n != 0 {
				t.Fatalf("the preview wrote %d rows", n)
			}
		})
		rows := payload(t, res.Body)
		t.Run("confirming writes only the valid rows", func(t *testing.T) {
			done := mgr.Post("/presenze/importa/conferma", url.Values{"rows": {rows}})
			done.WantStatus(t, http.StatusOK)
			done.WantBody(t, "Importazione completata")
			if n := count(t, d, `SELECT COUNT(*) FROM presences WHERE facility_id = ? AND source = 'upload'`, own.ID); n != 2 {
				t.Errorf("own rows = %d; want 2", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM presences WHERE facility_id = ?`, other.ID); n != 0 {
				t.Errorf("another body's facility got %d rows", n)
			}
		})
		before := audits()
		t.Run("the same file again changes nothing", func(t *testing.T) {
			again := upload(t, mgr, "presenze.csv", file)
			again.WantBody(t, "Nuovi giorni: <strong>0</strong>", "Invariati: <strong>2</strong>")
			mgr.Post("/presenze/importa/conferma", url.Values{"rows": {payload(t, again.Body)}}).WantStatus(t, http.StatusOK)
			if n := audits(); n != before {
				t.Errorf("audit entries went from %d to %d", before, n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM presences`); n != 2 {
				t.Errorf("presences = %d; want 2", n)
			}
		})
		t.Run("a changed figure is an update", func(t *testing.T) {
			changed := bytes.Replace(file, []byte(";2;1;0;0"), []byte(";3;1;0;0"), 1)
			res := upload(t, mgr, "presenze.csv", changed)
			res.WantBody(t, "Aggiornamenti: <strong>1</strong>")
		})
		t.Run("an upload without a file is refused next to the field", func(t *testing.T) {
			res := mgr.Post("/presenze/importa", url.Values{})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Scegli un file CSV o XLSX.")
		})
	})
}

func TestParseCSVAndXLSXAlike(t *testing.T) {
	day := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	csvRows, err := ParseFile([]byte("codice,data,p\nAL-CAS-0001,2026-11-03,5,1,0,0,0,0,0,2,1\n"))
	if err != nil {
		t.Fatal(err)
	}
	x := excelize.NewFile()
	sheet := x.GetSheetName(0)
	_ = x.SetSheetRow(sheet, "A1", &[]any{"codice", "data", "presenti"})
	_ = x.SetSheetRow(sheet, "A2", &[]any{"AL-CAS-0001", day, 5, 1, 0, 0, 0, 0, 0, 2, 1})
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	xlsxRows, err := ParseFile(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(csvRows) != 1 || len(xlsxRows) != 1 {
		t.Fatalf("rows: csv %d, xlsx %d; want 1 each", len(csvRows), len(xlsxRows))
	}
	c, x2 := csvRows[0], xlsxRows[0]
	if fmtRow(c) != fmtRow(x2) {
		t.Errorf("csv row %+v differs from xlsx row %+v", c, x2)
	}
	if x2.Date != "2026-11-03" {
		t.Errorf("xlsx date = %q; want 2026-11-03", x2.Date)
	}
}

func fmtRow(r Row) string {
	return strconv.Itoa(r.Line) + "|" + r.Code + "|" + r.Date + "|" + strings.Join(r.Values, ",")
}
