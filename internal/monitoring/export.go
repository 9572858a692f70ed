package monitoring

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/tabular"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// exportHeader are the export's columns, Italian catalogue keys.
var exportHeader = []string{"Dimensione", "Classe", "Strutture", "Quota delle strutture (%)", "Posti",
	"Conformi (%)", "Parziali (%)", "Non conformi (%)", "Risposte"}

// exportRows is the analysis as rows of text, in the page's language; a
// hidden cell shows "<3" and a withheld one "n.d.", and nothing else, as
// on the page.
func exportRows(p *page, a *Analysis) [][]string {
	out := [][]string{translate(p, exportHeader)}
	pct := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	for _, t := range a.Tables {
		for _, c := range t.Cells {
			row := []string{p.T(t.Title), p.T(c.Label)}
			switch {
			case c.Hidden:
				row = append(row, "<"+strconv.Itoa(MinCell), "", "", "", "", "", "")
			case c.Withheld:
				row = append(row, "n.d.", "", "", "", "", "", "")
			case c.Answered() == 0:
				row = append(row, strconv.Itoa(c.Facilities), pct(t.Share(c, a.Active)), strconv.Itoa(c.Places), "", "", "", "0")
			default:
				row = append(row, strconv.Itoa(c.Facilities), pct(t.Share(c, a.Active)), strconv.Itoa(c.Places),
					pct(c.Outcome(0)), pct(c.Outcome(1)), pct(c.Outcome(2)), strconv.Itoa(c.Answered()))
			}
			out = append(out, row)
		}
	}
	return out
}

func translate(p *page, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = p.T(k)
	}
	return out
}

func (h *Handler) exportData(w http.ResponseWriter, r *http.Request) ([][]string, bool) {
	a, err := h.analysis(r)
	if !h.guard(w, r, err) {
		return nil, false
	}
	p := h.newPage(r, "Analisi delle tipologie")
	return exportRows(&p, a), true
}

func (h *Handler) typologyCSV(w http.ResponseWriter, r *http.Request) {
	rows, ok := h.exportData(w, r)
	if !ok {
		return
	}
	web.Attachment(w, "text/csv; charset=utf-8", "analisi-tipologie.csv")
	cw := csv.NewWriter(w)
	_ = cw.WriteAll(rows)
}

func (h *Handler) typologyXLSX(w http.ResponseWriter, r *http.Request) {
	rows, ok := h.exportData(w, r)
	if !ok {
		return
	}
	x, err := tabular.Workbook(rows, 2)
	if err == nil {
		web.Attachment(w, files.TypeXLSX, "analisi-tipologie.xlsx")
		err = x.Write(w)
	}
	if err != nil {
		h.web.Error(w, r, err)
	}
}
