package presences

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

var groupings = []web.Option{
	{Value: string(ByFacility), Label: "Struttura"},
	{Value: string(ByMunicipality), Label: "Comune"},
	{Value: string(ByBody), Label: "Ente gestore"},
}

type occupancyPage struct {
	web.Page
	Month     time.Time
	Grouping  Grouping
	Groupings []web.Option
	Rows      []Occupancy // the current page of the table, every row in the export
	Total     Occupancy   // every row, not just the page
	Pager     *web.Pager
	Trend     []Occupancy
	CSV       string
}

// occupancyData computes the month's table (one page of it, or all of it
// for the export) and the twelve-month trend for the user's scope.
func (h *Handler) occupancyData(r *http.Request, month string, all bool) (*occupancyPage, error) {
	sc := scopeOf(web.UserOf(r))
	q := r.URL.Query()
	g := Grouping(q.Get("per"))
	if g != ByMunicipality && g != ByBody {
		g = ByFacility
	}
	first := parseMonth(month, dayOf(time.Now()))
	p := &occupancyPage{Page: h.web.NewPage(r, "Occupazione"), Month: first, Grouping: g, Groupings: groupings}
	limit, page := occupancyPerPage, web.PageNumber(q)
	if all {
		limit, page = 0, 1
	}
	rows, n, err := occupancyRows(r.Context(), h.db, sc, first, g, limit, (page-1)*occupancyPerPage)
	if err != nil {
		return nil, err
	}
	p.Rows = rows
	p.Pager = web.NewPager(&p.Page, page, occupancyPerPage, n, web.ListURL("/presenze/occupazione", q))
	if p.Trend, err = trend(r.Context(), h.db, sc, first); err != nil {
		return nil, err
	}
	// The trend's last month is the month shown: its total is the table's.
	p.Total = p.Trend[len(p.Trend)-1]
	p.Total.Key, p.Total.Label = "", "Totale"
	// The query string is always there: a crawler following links skips
	// them, and a download is not a page to check.
	p.CSV = "/presenze/occupazione/" + first.Format("2006-01") + "/export.csv?per=" + string(g)
	p.Form = map[string][]string{"mese": {first.Format("2006-01")}, "per": {string(g)}}
	p.Crumb("Presenze", "/presenze").Crumb("Occupazione", "")
	return p, nil
}

// occupancyPerPage bounds the table: a national scope has thousands of
// facilities, and the CSV export has them all.
const occupancyPerPage = 100

func (h *Handler) occupancy(w http.ResponseWriter, r *http.Request) {
	p, err := h.occupancyData(r, r.URL.Query().Get("mese"), false)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "presences/occupancy.html", p)
}

// occupancyCSV exports the page's two tables, semicolon separated as
// spreadsheets set to Italian expect.
func (h *Handler) occupancyCSV(w http.ResponseWriter, r *http.Request) {
	p, err := h.occupancyData(r, r.PathValue("mese"), true)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	web.Attachment(w, "text/csv; charset=utf-8", "occupazione-"+p.Month.Format("2006-01")+".csv")
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	_ = cw.Write([]string{"periodo", string(p.Grouping), "presenze_medie", "posti_convenzionati", "tasso_occupazione", "giorni_rilevati"})
	for _, o := range append(p.Rows, p.Total) {
		_ = cw.Write(csvRow(p.Month.Format("2006-01"), o))
	}
	for _, o := range p.Trend {
		_ = cw.Write(csvRow(o.Key, Occupancy{Label: "Totale", Average: o.Average, Places: o.Places, Days: o.Days}))
	}
	cw.Flush()
}

func csvRow(period string, o Occupancy) []string {
	return []string{period, o.Label, strconv.FormatFloat(o.Average, 'f', 1, 64), strconv.Itoa(o.Places),
		strconv.FormatFloat(o.Rate(), 'f', 1, 64), strconv.Itoa(o.Days)}
}
