package questions

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// reportPage shows the aggregates with the period filter and the export
// links, which carry the same filter.
type reportPage struct {
	web.Page
	Report *Report
	Query  string // the filter as a query string for the export links
}

// reportFilter reads ?dal=&al= (YYYY-MM-DD); a malformed date is reported
// next to its field and ignored.
func reportFilter(q url.Values, errs map[string]string) ReportFilter {
	var f ReportFilter
	for _, b := range []struct {
		name string
		dst  **time.Time
	}{{"dal", &f.From}, {"al", &f.To}} {
		v := strings.TrimSpace(q.Get(b.name))
		if v == "" {
			continue
		}
		d, ok := parseImportDate(v)
		if !ok {
			errs[b.name] = "Data non valida: usa AAAA-MM-GG o GG/MM/AAAA."
			continue
		}
		*b.dst = &d
	}
	return f
}

func (t *Tools) reports(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &reportPage{Page: t.web.NewPage(r, "Rapporti sulle domande")}
	p.Crumb("Rapporti sulle domande", "")
	p.Form = q
	f := reportFilter(q, p.Errors)
	rep, err := BuildReport(r.Context(), t.db, f)
	if err != nil {
		t.web.Error(w, r, err)
		return
	}
	p.Report = rep
	kept := url.Values{}
	for _, k := range []string{"dal", "al"} {
		if v := q.Get(k); v != "" {
			kept.Set(k, v)
		}
	}
	p.Query = kept.Encode()
	t.web.Render(w, r, "questionstools/reports.html", p)
}

// Days formats a number of days with one decimal, Italian style.
func (p *reportPage) Days(d float64) string { return strings.Replace(formatOne(d), ".", ",", 1) }

// Percent formats a share with one decimal, Italian style.
func (p *reportPage) Percent(v float64) string {
	return strings.Replace(formatOne(v), ".", ",", 1) + "%"
}
