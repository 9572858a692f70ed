package presences

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestReconciliationFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		rc := newRecCase(t, fx)
		r, err := reconcileOne(context.Background(), d, scope{all: true}, rc.contract, rc.month, dayOf(time.Now()))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Lines) != 2 {
			t.Fatalf("lines = %d; want the contract's two facilities", len(r.Lines))
		}
		a, b := r.Lines[0], r.Lines[1]
		if a.Code != rc.a.Code {
			a, b = b, a
		}
		t.Run("each facility counts its days, places and guests", func(t *testing.T) {
			if a.Days != rc.days || a.PlaceDays != 12*rc.days || a.GuestDays != 10*(rc.days-2) || a.Reported != rc.days-2 {
				t.Errorf("A = %+v", a)
			}
			if b.PlaceDays != 5*rc.days || b.GuestDays != 4*rc.days {
				t.Errorf("B = %+v", b)
			}
		})
		t.Run("days not reported are counted as missing", func(t *testing.T) {
			if a.Missing != 2 || b.Missing != 0 || r.Total.Missing != 2 {
				t.Errorf("missing A %d, B %d, total %d; want 2, 0, 2", a.Missing, b.Missing, r.Total.Missing)
			}
		})
		t.Run("each day is priced at the price in force that day", func(t *testing.T) {
			if want := rc.priced(10, 5, 6); a.DueCents != want {
				t.Errorf("A due = %d; want %d", a.DueCents, want)
			}
			if want := rc.priced(12); a.PlacesCents != want {
				t.Errorf("A on places = %d; want %d", a.PlacesCents, want)
			}
			if want := rc.priced(10, 5, 6) + rc.priced(4); r.Total.DueCents != want {
				t.Errorf("total due = %d; want %d", r.Total.DueCents, want)
			}
			if want := rc.priced(17) - rc.priced(10, 5, 6) - rc.priced(4); r.Total.EmptyCents() != want {
				t.Errorf("empty places = %d; want %d", r.Total.EmptyCents(), want)
			}
			if len(r.Prices) != 2 {
				t.Errorf("prices applied = %v; want two", r.Prices)
			}
		})
		t.Run("occupancy is guest-days over place-days", func(t *testing.T) {
			want := 100 * float64(10*(rc.days-2)+4*rc.days) / float64(17*rc.days)
			if got := r.Total.Rate(); got < want-0.001 || got > want+0.001 {
				t.Errorf("rate = %f; want %f", got, want)
			}
		})
	})
}

func invoiceForm(number, date, days, amount string) url.Values {
	return url.Values{"number": {number}, "issued_on": {date}, "guest_days": {days}, "amount": {amount}}
}

func TestReconciliationInvoice(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		rc := newRecCase(t, fx)
		pref := fx.login(t, auth.RolePrefettura, 0)
		due := rc.priced(10, 5, 6) + rc.priced(4)
		guests := 10*(rc.days-2) + 4*rc.days

		t.Run("the page shows the figures and no invoice yet", func(t *testing.T) {
			res := pref.Get(rc.path())
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, rc.a.Code, rc.b.Code, strconv.Itoa(guests), euroText(due), "Nessuna fattura registrata per il mese.")
		})
		t.Run("an invalid invoice is refused next to its fields with the input kept", func(t *testing.T) {
			future := dayText(dayOf(time.Now()).AddDate(0, 0, 5))
			res := pref.Post(rc.path(), invoiceForm("", future, "molte", "dieci euro"))
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Indica il numero della fattura", "La data della fattura non può essere futura.",
				"Indica le giornate fatturate", "Indica l&#39;importo fatturato in euro.", `value="molte"`, `value="dieci euro"`)
			if n := count(t, d, `SELECT COUNT(*) FROM contract_invoices`); n != 0 {
				t.Fatalf("a refused invoice wrote %d rows", n)
			}
		})
		over := guests + 30
		overAmount := due + 30*priceAfter
		t.Run("an over-invoice is recorded, audited and its difference shown with its sign", func(t *testing.T) {
			res := pref.Post(rc.path(), invoiceForm("FT-12/2026", dayText(dayOf(time.Now())), strconv.Itoa(over), centsInput(overAmount)))
			res.WantStatus(t, http.StatusSeeOther)
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'contract_invoice' AND action = 'create'`); n != 1 {
				t.Errorf("audit entries = %d; want 1", n)
			}
			page := pref.Follow(res)
			page.WantBody(t, "FT-12/2026", "Differenza &#43;30", "Differenza &#43;"+euroText(30*priceAfter), "La fattura non corrisponde")
		})
		t.Run("the overview flags the contract", func(t *testing.T) {
			res := pref.Get("/riconciliazione?mese=" + rc.month.Format("2006-01"))
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, `href="`+rc.path()+`"`, "Differenza")
		})
		t.Run("a corrected invoice matching the presences shows no difference", func(t *testing.T) {
			res := pref.Post(rc.path(), invoiceForm("FT-12/2026", dayText(dayOf(time.Now())), strconv.Itoa(guests), centsInput(due)))
			res.WantStatus(t, http.StatusSeeOther)
			pref.Follow(res).WantBody(t, "La fattura corrisponde alle presenze comunicate.")
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'contract_invoice' AND action = 'update'`); n != 1 {
				t.Errorf("update audit entries = %d; want 1", n)
			}
		})
		t.Run("the XLSX holds the same figures", func(t *testing.T) {
			res := pref.Get(rc.path() + "/export.xlsx")
			res.WantStatus(t, http.StatusOK)
			x, err := excelize.OpenReader(bytes.NewReader([]byte(res.Body)))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := x.GetRows(x.GetSheetName(0))
			if err != nil {
				t.Fatal(err)
			}
			total := findRow(rows, "Totale")
			if total == nil || total[5] != strconv.Itoa(guests) || total[6] != "2" || total[9] != euroNumber(due) {
				t.Errorf("total row = %v; want %d guest-days, 2 missing, due %s", total, guests, euroNumber(due))
			}
			if inv := findRow(rows, "Giornate fatturate"); inv == nil || inv[1] != strconv.Itoa(guests) {
				t.Errorf("invoice row = %v", inv)
			}
		})
		t.Run("the PDF is a PDF", func(t *testing.T) {
			res := pref.Get(rc.path() + "/export.pdf")
			res.WantStatus(t, http.StatusOK)
			if !strings.HasPrefix(res.Body, "%PDF") {
				t.Errorf("PDF starts with %q", res.Body[:min(8, len(res.Body))])
			}
		})
	})
}

func TestReconciliationAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		rc := newRecCase(t, fx)
		form := invoiceForm("F-1", dayText(dayOf(time.Now())), "10", "300")
		t.Run("a manager cannot read or invoice another body's contract by changing the ID", func(t *testing.T) {
			other := fx.login(t, auth.RoleFacilityManager, fx.other)
			other.Get(rc.path()).WantStatus(t, http.StatusNotFound)
			other.Get(rc.path()+"/export.xlsx").WantStatus(t, http.StatusNotFound)
			other.Post(rc.path(), form).WantStatus(t, http.StatusNotFound)
			if n := count(t, d, `SELECT COUNT(*) FROM contract_invoices`); n != 0 {
				t.Fatalf("forged invoice wrote %d rows", n)
			}
		})
		t.Run("the managing body records its own invoice", func(t *testing.T) {
			fx.login(t, auth.RoleFacilityManager, fx.ponte).Post(rc.path(), form).WantStatus(t, http.StatusSeeOther)
		})
		t.Run("an inspector reads but may not record", func(t *testing.T) {
			insp := fx.login(t, auth.RoleInspector, 0)
			insp.Get(rc.path()).WantStatus(t, http.StatusOK)
			insp.Post(rc.path(), form).WantStatus(t, http.StatusForbidden)
		})
		t.Run("other roles do not see the module", func(t *testing.T) {
			fx.login(t, auth.RoleAnalyst, 0).Get(rc.path()).WantStatus(t, http.StatusNotFound)
		})
	})
}

func findRow(rows [][]string, first string) []string {
	for _, r := range rows {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	return nil
}

// euroText is cents as the pages print them.
func euroText(cents int64) string { return Line{DueCents: cents}.DueText() }

// centsInput is cents as a person types them: "1234,50".
func centsInput(cents int64) string {
	return strconv.FormatInt(cents/100, 10) + "," + strconv.FormatInt(cents%100+100, 10)[1:]
}

// euroNumber is cents as a spreadsheet cell reads back.
func euroNumber(cents int64) string { return strconv.FormatFloat(float64(cents)/100, 'f', -1, 64) }
