package presences

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// recColumns head the table of the exports, one line per facility and the total.
var recColumns = []string{"Codice", "Struttura", "Giorni", "Posti in convenzione", "Giornate-posto disponibili",
	"Giornate di presenza", "Giorni non comunicati", "Presenza media", "Occupazione (%)",
	"Dovuto sulle presenze (€)", "Importo sui posti (€)", "Differenza per posti vuoti (€)"}

// cells is l as the values of recColumns: counts as integers, averages and
// rates rounded to one decimal, money in euro.
func (l Line) cells() []any {
	return []any{l.Code, l.Name, l.Days, l.Places, l.PlaceDays, l.GuestDays, l.Missing,
		round1(l.Average()), round1(l.Rate()), euros(l.DueCents), euros(l.PlacesCents), euros(l.EmptyCents())}
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }

func euros(cents int64) float64 { return float64(cents) / 100 }

// invoiceRows are the invoice and its differences as label, value pairs;
// empty when no invoice is recorded.
func (r *Reconciliation) invoiceRows() [][2]any {
	inv := r.Invoice
	if inv == nil {
		return nil
	}
	return [][2]any{
		{"Fattura n.", inv.Number},
		{"Data della fattura", inv.IssuedOn.Format("02/01/2006")},
		{"Giornate fatturate", inv.GuestDays},
		{"Importo fatturato (€)", euros(inv.AmountCents)},
		{"Giornate di presenza", r.Total.GuestDays},
		{"Dovuto sulle presenze (€)", euros(r.Total.DueCents)},
		{"Differenza giornate (fatturate − presenti)", r.GuestDaysDiff()},
		{"Differenza importo (fatturato − dovuto) (€)", euros(r.AmountDiff())},
	}
}

// recFileName is the download's name: the CIG and the month.
func recFileName(r *Reconciliation, ext string) string {
	return "riconciliazione-" + r.Contract.CIG + "-" + r.MonthKey() + "." + ext
}

// reconciliationFile serves export.xlsx and export.pdf; any other name does not exist.
func (h *Handler) reconciliationFile(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	if file != "export.xlsx" && file != "export.pdf" {
		h.web.Error(w, r, apperr.NotFoundf("Pagina non trovata."))
		return
	}
	rec, err := h.loadRec(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	var data []byte
	var ctype, name string
	if file == "export.xlsx" {
		data, err = recWorkbook(rec)
		ctype, name = files.TypeXLSX, recFileName(rec, "xlsx")
	} else {
		data, err = recPDF(rec)
		ctype, name = "application/pdf", recFileName(rec, "pdf")
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	web.Attachment(w, ctype, name)
	_, _ = w.Write(data)
}
