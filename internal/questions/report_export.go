package questions

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/tabular"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// reportHeader are the export's columns, Italian catalogue keys.
var reportHeader = []string{"Sezione", "Voce", "Domande", "Con risposta", "Giorni per rispondere (mediana)",
	"Con scadenza", "Risposte nei tempi", "Nei tempi (%)"}

// formatOne is v with one decimal and a dot, as a spreadsheet reads it.
func formatOne(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// ReportRows is the report as rows of text, the header first, labels
// through tr (names of topics and organisations pass unchanged); an empty
// cell is a figure that does not apply (no answer, no due date).
func ReportRows(rep *Report, tr func(string) string) [][]string {
	out := [][]string{make([]string, len(reportHeader))}
	for i, h := range reportHeader {
		out[0][i] = tr(h)
	}
	add := func(section string, l *ReportLine) {
		row := []string{tr(section), tr(l.Label), strconv.Itoa(l.Total), strconv.Itoa(l.Answered), "",
			strconv.Itoa(l.WithDue), strconv.Itoa(l.OnTime), ""}
		if l.HasMedian() {
			row[4] = formatOne(l.Median)
		}
		if l.WithDue > 0 {
			row[7] = formatOne(l.OnTimeShare())
		}
		out = append(out, row)
	}
	add("Totale", &rep.Overall)
	for _, sec := range []struct {
		name  string
		lines []*ReportLine
	}{{"Argomento", rep.ByTopic}, {"Organizzazione", rep.ByOrg}, {"Mese", rep.ByMonth}} {
		for _, l := range sec.lines {
			add(sec.name, l)
		}
	}
	return out
}

func (t *Tools) reportExport(w http.ResponseWriter, r *http.Request) ([][]string, bool) {
	p := t.web.NewPage(r, "Rapporti sulle domande")
	rep, err := BuildReport(r.Context(), t.db, reportFilter(r.URL.Query(), map[string]string{}))
	if err != nil {
		t.web.Error(w, r, err)
		return nil, false
	}
	return ReportRows(rep, func(s string) string { return p.T(s) }), true
}

func (t *Tools) reportsCSV(w http.ResponseWriter, r *http.Request) {
	rows, ok := t.reportExport(w, r)
	if !ok {
		return
	}
	web.Attachment(w, "text/csv; charset=utf-8", "rapporti-domande.csv")
	_ = csv.NewWriter(w).WriteAll(rows)
}

func (t *Tools) reportsXLSX(w http.ResponseWriter, r *http.Request) {
	rows, ok := t.reportExport(w, r)
	if !ok {
		return
	}
	x, err := tabular.Workbook(rows, 2)
	if err == nil {
		web.Attachment(w, files.TypeXLSX, "rapporti-domande.xlsx")
		err = x.Write(w)
	}
	if err != nil {
		t.web.Error(w, r, err)
	}
}
