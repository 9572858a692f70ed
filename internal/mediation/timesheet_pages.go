package mediation

import (
	"net/http"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// timesheet serves ?mediatore=ID&mese=YYYY-MM as a PDF download.
func (h *Handler) timesheet(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	id, err := strconv.ParseInt(q.Get("mediatore"), 10, 64)
	if err != nil || id <= 0 {
		h.web.Error(w, r, apperr.NotFoundf("Mediatore non trovato."))
		return
	}
	month, err := parseReportMonth(q.Get("mese"))
	var ts *Timesheet
	if err == nil {
		ts, err = TimesheetOf(r.Context(), h.store.DB, id, month)
	}
	var pdf []byte
	if err == nil {
		pdf, err = ts.PDF(time.Now())
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	web.Attachment(w, "application/pdf", "cedolino-mediatore-"+strconv.FormatInt(id, 10)+"-"+month.Format("2006-01")+".pdf")
	_, _ = w.Write(pdf)
}
