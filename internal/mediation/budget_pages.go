package mediation

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// budgetAccess gates the budget and the reports: to everyone else they
// do not exist.
var budgetAccess = web.Access{Roles: Coordinators, NotFound: true}

// ledgerPerPage is how many requests one page of a line's ledger shows.
const ledgerPerPage = 50

// budgetRoutes are the funding lines, their ledger and burn-down.
func (h *Handler) budgetRoutes() []web.Route {
	r := func(method, pattern string, fn http.HandlerFunc) web.Route {
		return web.Route{Method: method, Pattern: budgetURL + pattern, Access: budgetAccess, Handler: fn}
	}
	return []web.Route{
		r("GET", "", h.budget),
		r("GET", "/linee/nuova", h.newLine),
		r("POST", "/linee", h.createLine),
		r("GET", "/linee/{id}", h.editLine),
		r("POST", "/linee/{id}", h.updateLine),
	}
}

// budgetPage is every line's balance and, for the line chosen, its
// forecast, burn-down and ledger.
type budgetPage struct {
	web.Page
	Lines    []*LineSummary
	Line     *LineSummary
	Forecast Forecast
	Burn     []BurnPoint
	Chart    template.HTML
	Ledger   []LedgerEntry
	Pager    *web.Pager
}

func (h *Handler) budget(w http.ResponseWriter, r *http.Request) {
	p := &budgetPage{Page: h.web.NewPage(r, "Budget della mediazione")}
	p.Crumb("Mediazione", baseURL).Crumb("Budget della mediazione", "")
	ctx := r.Context()
	var err error
	if p.Lines, err = h.store.Summaries(ctx); err != nil {
		h.web.Error(w, r, err)
		return
	}
	chosen, _ := strconv.ParseInt(r.URL.Query().Get("linea"), 10, 64)
	for _, l := range p.Lines {
		if l.Line.ID == chosen || (chosen == 0 && p.Line == nil) {
			p.Line = l
		}
	}
	if chosen != 0 && p.Line == nil {
		h.web.Error(w, r, errNoLine)
		return
	}
	if p.Line != nil {
		if err := h.lineDetail(r, p); err != nil {
			h.web.Error(w, r, err)
			return
		}
	}
	h.web.Render(w, r, "mediation/budget_index.html", p)
}

// lineDetail fills the chosen line's forecast, chart and ledger page.
func (h *Handler) lineDetail(r *http.Request, p *budgetPage) error {
	ctx, l := r.Context(), p.Line.Line
	uses, err := usesOf(ctx, h.store.DB, l)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	p.Forecast = forecastExhaustion(uses, l.TotalMin, l.From, l.To, now, ForecastWeeks)
	p.Burn = burndown(uses, l, p.Forecast, now)
	desc := p.T("Ore residue della linea settimana per settimana dal %s al %s; oggi ne restano %s su %s.",
		p.Date(l.From), p.Date(l.To), budgetHours(p.Forecast.RemainingMin), budgetHours(l.TotalMin)) + " " + p.ForecastText()
	if p.Chart, err = burndownSVG("burndown", p.T("Andamento delle ore residue: %s", l.Name), desc,
		[2]string{p.T("Ore residue"), p.T("Previsione al ritmo recente")}, p.Burn); err != nil {
		return err
	}
	n := web.PageNumber(r.URL.Query())
	var total int
	if p.Ledger, total, err = h.store.Ledger(ctx, l.ID, ledgerPerPage, (n-1)*ledgerPerPage); err != nil {
		return err
	}
	p.Pager = web.NewPager(&p.Page, n, ledgerPerPage, total, LineURL(l.ID))
	return nil
}

// ForecastText says in words when the chosen line's hours run out.
func (p *budgetPage) ForecastText() string {
	f := p.Forecast
	switch {
	case f.Exhausted:
		return p.T("Le ore della linea sono esaurite.")
	case !f.HasDate():
		return p.T("Nessun consumo nelle ultime %d settimane: la data di esaurimento non è prevedibile.", ForecastWeeks)
	case f.BeyondEnd:
		return p.T("Al ritmo delle ultime %d settimane (%s ore a settimana) le ore durerebbero fino al %s, oltre la fine della linea.",
			ForecastWeeks, budgetDecimal(Hours(int(f.WeeklyMin)), 1), p.Date(f.At))
	}
	return p.T("Al ritmo delle ultime %d settimane (%s ore a settimana) le ore si esauriscono intorno al %s.",
		ForecastWeeks, budgetDecimal(Hours(int(f.WeeklyMin)), 1), p.Date(f.At))
}

// Hours formats minutes as hours for the page.
func (p *budgetPage) Hours(min int) string { return budgetHours(min) }

// HoursF formats hours for the page.
func (p *budgetPage) HoursF(h float64) string { return budgetDecimal(h, 1) }

// Percent formats a share for the page.
func (p *budgetPage) Percent(v float64) string { return budgetPercent(v) }

// AlertsText lists the thresholds reached, "—" when none.
func (p *budgetPage) AlertsText(ts []int) string {
	if len(ts) == 0 {
		return "—"
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = strconv.Itoa(t) + "%"
	}
	return strings.Join(parts, ", ")
}

// LineURL is the budget page of line id.
func (p *budgetPage) LineURL(id int64) string { return LineURL(id) }

// Weeks is how many weeks set the forecast's pace.
func (p *budgetPage) Weeks() int { return ForecastWeeks }
