package presences

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// recPerPage is how many contracts the overview computes at a time: the
// page stays quick whatever the number of contracts in the country.
const recPerPage = 50

type recListPage struct {
	web.Page
	Month time.Time
	Rows  []*Reconciliation
	Pager *web.Pager
}

func (h *Handler) reconciliations(w http.ResponseWriter, r *http.Request) {
	sc := scopeOf(web.UserOf(r))
	today := dayOf(time.Now())
	month := parseMonth(r.URL.Query().Get("mese"), today.AddDate(0, -1, 0))
	page := web.PageNumber(r.URL.Query())
	list, total, err := contractsInForce(r.Context(), h.db, sc, month, recPerPage, (page-1)*recPerPage)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &recListPage{Page: h.web.NewPage(r, "Riconciliazione mensile"), Month: month}
	if p.Rows, err = reconcile(r.Context(), h.db, sc, list, month, today); err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Form = map[string][]string{"mese": {month.Format("2006-01")}}
	p.Pager = web.NewPager(&p.Page, page, recPerPage, total, "/riconciliazione?mese="+month.Format("2006-01"))
	p.Crumb("Presenze", "/presenze").Crumb("Riconciliazione mensile", "")
	h.web.Render(w, r, "presences/reconciliations.html", p)
}

type recPage struct {
	web.Page
	R         *Reconciliation
	CanRecord bool
	Prev      string
	Next      string
	XLSX, PDF string
}

// recTarget reads the contract and month of the path: a malformed month is
// a page that does not exist.
func recTarget(r *http.Request) (int64, time.Time, error) {
	id, err := web.PathID(r, "contract")
	if err != nil {
		return 0, time.Time{}, err
	}
	month, err := time.Parse("2006-01", r.PathValue("mese"))
	if err != nil || month.Year() < 2000 || month.Year() > 2100 {
		return 0, time.Time{}, apperr.NotFoundf("Pagina non trovata.")
	}
	return id, month, nil
}

// loadRec is the reconciliation the path names, within the user's scope.
func (h *Handler) loadRec(r *http.Request) (*Reconciliation, error) {
	id, month, err := recTarget(r)
	if err != nil {
		return nil, err
	}
	return reconcileOne(r.Context(), h.db, scopeOf(web.UserOf(r)), id, month, dayOf(time.Now()))
}

func (h *Handler) recPage(r *http.Request, rec *Reconciliation) *recPage {
	p := &recPage{Page: h.web.NewPage(r, "Riconciliazione del contratto"), R: rec,
		CanRecord: CanRecordInvoice(web.UserOf(r), rec.Contract.BodyID),
		Prev:      rec.Month.AddDate(0, -1, 0).Format("2006-01"), Next: rec.Month.AddDate(0, 1, 0).Format("2006-01")}
	// The query string marks downloads, which the crawler does not check as pages.
	base := recURL(rec.Contract.ID, rec.MonthKey())
	p.XLSX, p.PDF = base+"/export.xlsx?formato=xlsx", base+"/export.pdf?formato=pdf"
	p.Crumb("Presenze", "/presenze").Crumb("Riconciliazione mensile", "/riconciliazione?mese="+rec.MonthKey()).
		Crumb(rec.Contract.CIG, "")
	return p
}

func recURL(contract int64, month string) string {
	return "/riconciliazione/" + strconv.FormatInt(contract, 10) + "/" + month
}

// reconciliationLatest sends to the last complete month of the contract,
// which is what the contract page links to.
func (h *Handler) reconciliationLatest(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "contract")
	if err == nil {
		_, err = recContractByID(r.Context(), h.db, scopeOf(web.UserOf(r)), id)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	month := monthStart(dayOf(time.Now())).AddDate(0, -1, 0)
	http.Redirect(w, r, recURL(id, month.Format("2006-01")), http.StatusSeeOther)
}

func (h *Handler) reconciliation(w http.ResponseWriter, r *http.Request) {
	rec, err := h.loadRec(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := h.recPage(r, rec)
	p.Form = invoiceValues(rec.Invoice)
	h.web.Render(w, r, "presences/reconciliation.html", p)
}

// invoiceValues fills the form with the recorded invoice, if any.
func invoiceValues(inv *Invoice) map[string][]string {
	if inv == nil {
		return map[string][]string{}
	}
	return map[string][]string{"number": {inv.Number}, "issued_on": {dayText(inv.IssuedOn)},
		"guest_days": {strconv.Itoa(inv.GuestDays)}, "amount": {strings.TrimPrefix(facilities.Euro(inv.AmountCents), "€ ")}}
}

func (h *Handler) recordInvoice(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	rec, err := h.loadRec(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if !CanRecordInvoice(u, rec.Contract.BodyID) {
		h.web.Error(w, r, apperr.Forbiddenf("Non puoi registrare fatture per questo contratto."))
		return
	}
	p := h.recPage(r, rec)
	inv, err := invoiceFromForm(r, rec.MonthKey())
	if err == nil {
		err = h.db.InTx(r.Context(), func(tx *db.Tx) error {
			return RecordInvoice(r.Context(), tx, u, rec.Contract, inv)
		})
	}
	if err != nil {
		h.web.FormError(w, r, "presences/reconciliation.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, recURL(rec.Contract.ID, rec.MonthKey()), "Fattura registrata.")
}

// invoiceFromForm reads the posted invoice; unreadable values and the
// invoice's own checks are reported together.
func invoiceFromForm(r *http.Request, month string) (*Invoice, error) {
	inv := &Invoice{Month: month, Number: r.PostFormValue("number")}
	fe := apperr.Fields{}
	if d, ok := parseDay(strings.TrimSpace(r.PostFormValue("issued_on"))); ok {
		inv.IssuedOn = d
	}
	n, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("guest_days")))
	fe.Check(err == nil, "guest_days", "Indica le giornate fatturate (un numero intero non negativo).")
	inv.GuestDays = n
	cents, ok := facilities.ParseCents(r.PostFormValue("amount"))
	fe.Check(ok, "amount", "Indica l'importo fatturato in euro.")
	inv.AmountCents = cents
	for k, v := range apperr.FieldsOf(inv.Validate(dayOf(time.Now()))) {
		fe.Add(k, v)
	}
	return inv, fe.Err()
}
