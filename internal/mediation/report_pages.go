package mediation

import (
	"encoding/csv"
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/tabular"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// reportURL is the reports' page.
const reportURL = baseURL + "/report"

// reportRoutes are the reports, their exports and the timesheets.
func (h *Handler) reportRoutes() []web.Route {
	r := func(pattern string, fn http.HandlerFunc) web.Route {
		return web.Route{Method: "GET", Pattern: reportURL + pattern, Access: budgetAccess, Handler: fn}
	}
	return []web.Route{
		r("", h.report),
		r("/export.csv", h.reportCSV),
		r("/export.xlsx", h.reportXLSX),
		r("/cedolino.pdf", h.timesheet),
	}
}

// reportPage shows the report of a period, with the export links and the
// timesheet form.
type reportPage struct {
	web.Page
	Report    *Report
	From, To  string // the period's months, YYYY-MM, for the export links
	Mediators []web.Option
}

func (h *Handler) report(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &reportPage{Page: h.web.NewPage(r, "Report della mediazione")}
	p.Crumb("Mediazione", baseURL).Crumb("Report della mediazione", "")
	p.Form = q
	ctx := r.Context()
	var err error
	if p.Mediators, err = mediatorOptions(ctx, h.store.DB); err != nil {
		h.web.Error(w, r, err)
		return
	}
	period, err := ParsePeriod(q.Get("dal"), q.Get("al"), time.Now())
	if err != nil {
		p.WithErr(err)
		h.web.RenderStatus(w, r, web.StatusOf(err), "mediation/report_index.html", p)
		return
	}
	if p.Report, err = BuildReport(ctx, h.store.DB, period, time.Now()); err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.From, p.To = period.From.Format("2006-01"), period.To.Format("2006-01")
	if q.Get("mese") == "" {
		p.Form.Set("mese", time.Now().In(romeZone).AddDate(0, -1, 0).Format("2006-01"))
	}
	h.web.Render(w, r, "mediation/report_index.html", p)
}

// Hours formats minutes as hours for the page.
func (p *reportPage) Hours(min int) string { return budgetHours(min) }

// Percent formats a share for the page.
func (p *reportPage) Percent(v float64) string { return budgetPercent(v) }

// Decimal formats a figure with one decimal for the page.
func (p *reportPage) Decimal(v float64) string { return budgetDecimal(v, 1) }

// Month is a period bound as the page shows it.
func (p *reportPage) Month(t time.Time) string { return t.Format("01/2006") }

func (h *Handler) reportExport(w http.ResponseWriter, r *http.Request) ([][]string, bool) {
	p := h.web.NewPage(r, "Report della mediazione")
	period, err := ParsePeriod(r.URL.Query().Get("dal"), r.URL.Query().Get("al"), time.Now())
	var rep *Report
	if err == nil {
		rep, err = BuildReport(r.Context(), h.store.DB, period, time.Now())
	}
	if err != nil {
		h.web.Error(w, r, err)
		return nil, false
	}
	return ReportRows(rep, func(s string) string { return p.T(s) }), true
}

func (h *Handler) reportCSV(w http.ResponseWriter, r *http.Request) {
	rows, ok := h.reportExport(w, r)
	if !ok {
		return
	}
	web.Attachment(w, "text/csv; charset=utf-8", "report-mediazione.csv")
	_ = csv.NewWriter(w).WriteAll(rows)
}

func (h *Handler) reportXLSX(w http.ResponseWriter, r *http.Request) {
	rows, ok := h.reportExport(w, r)
	if !ok {
		return
	}
	x, err := tabular.Workbook(rows, 2)
	if err == nil {
		web.Attachment(w, files.TypeXLSX, "report-mediazione.xlsx")
		err = x.Write(w)
	}
	if err != nil {
		h.web.Error(w, r, err)
	}
}

// OverallLines is the period's total as a one-line table.
func (p *reportPage) OverallLines() []*ReportLine {
	if p.Report == nil {
		return nil
	}
	return []*ReportLine{&p.Report.Overall}
}
