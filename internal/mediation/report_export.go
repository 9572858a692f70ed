package mediation

import (
	"strconv"
)

// reportHeader are the export's columns, Italian catalogue keys.
var reportHeader = []string{"Sezione", "Voce", "Richieste", "Richieste dovute", "Interventi svolti", "Ore conteggiate",
	"Copertura (%)", "Domanda non soddisfatta", "Anticipo mediano (giorni)", "Assenze dell'utente (%)",
	"Annullamenti tardivi (%)", "Soddisfazione media (1-5)"}

func reportDecimal(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// ReportRows is the report as rows of text, the header first, labels
// through tr (names from the database pass unchanged). Figures use a
// decimal point, as spreadsheets read them; an empty cell is a figure
// that does not apply (no request due, nobody rated).
func ReportRows(rep *Report, tr func(string) string) [][]string {
	out := [][]string{make([]string, len(reportHeader))}
	for i, h := range reportHeader {
		out[0][i] = tr(h)
	}
	add := func(section string, l *ReportLine) {
		row := []string{tr(section), tr(l.Label), strconv.Itoa(l.Requests), strconv.Itoa(l.Due),
			strconv.Itoa(l.Fulfilled), exportHours(l.CountedMin), "", strconv.Itoa(l.Unmet), "", "", "", ""}
		if l.Due > 0 {
			row[6], row[9], row[10] = reportDecimal(l.FulfilmentRate()), reportDecimal(l.NoShowRate()), reportDecimal(l.LateRate())
		}
		if l.HasLead {
			row[8] = reportDecimal(l.LeadMedian)
		}
		if l.Rated > 0 {
			row[11] = strconv.FormatFloat(l.Satisfaction(), 'f', 2, 64)
		}
		out = append(out, row)
	}
	add("Totale", &rep.Overall)
	for _, g := range rep.Groups {
		for _, l := range g.Lines {
			add(g.Title, l)
		}
	}
	return out
}
