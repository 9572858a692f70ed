package presences

import (
	"bytes"

	"github.com/xuri/excelize/v2"
)

// recWorkbook is the reconciliation as one sheet: the contract, the table
// by facility with its total, then the invoice and its differences.
func recWorkbook(r *Reconciliation) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	sheet := x.GetSheetName(0)
	c := r.Contract
	rows := [][]any{
		{"Riconciliazione mensile", r.Month.Format("01/2006")},
		{"CIG", c.CIG},
		{"Ente gestore", c.BodyName},
		{"Posti in convenzione (contratto)", c.Places},
		{"Giorni del mese", r.DaysInMonth},
		{},
		anySlice(recColumns),
	}
	for _, l := range r.Lines {
		rows = append(rows, l.cells())
	}
	total := r.Total
	total.Code = "Totale"
	rows = append(rows, total.cells(), []any{})
	if r.Invoice == nil {
		rows = append(rows, []any{"Fattura", "non registrata"})
	}
	for _, kv := range r.invoiceRows() {
		rows = append(rows, []any{kv[0], kv[1]})
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(sheet, cell, &row); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
