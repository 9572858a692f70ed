package presences

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/pdfdoc"
)

// recPDF prints the reconciliation on a landscape A4: the contract, the
// table by facility with its total, the invoice and its differences.
func recPDF(r *Reconciliation) ([]byte, error) {
	d := pdfdoc.New("L").Fpdf
	d.SetTitle("Riconciliazione "+r.Contract.CIG+" "+r.MonthKey(), true)
	d.SetMargins(12, 12, 12)
	d.AddPage()
	d.SetFont("dejavu", "B", 14)
	d.CellFormat(0, 8, "Riconciliazione mensile "+r.Month.Format("01/2006")+" · CIG "+r.Contract.CIG, "", 1, "L", false, 0, "")
	d.SetFont("dejavu", "", 10)
	c := r.Contract
	d.MultiCell(0, 5.5, fmt.Sprintf("Ente gestore: %s · Posti in convenzione (contratto): %d · Giorni del mese: %d · Prezzi applicati: %s",
		c.BodyName, c.Places, r.DaysInMonth, priceList(r.Prices)), "", "L", false)
	d.Ln(2)
	recPDFTable(d, r)
	d.Ln(4)
	recPDFInvoice(d, r)
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		return nil, fmt.Errorf("riconciliazione: %w", err)
	}
	return buf.Bytes(), nil
}

// pdfWidths are the column widths of the table, in mm (273 in all).
var pdfWidths = []float64{24, 43, 13, 18, 22, 22, 20, 18, 20, 25, 25, 23}

func recPDFTable(d *fpdf.Fpdf, r *Reconciliation) {
	d.SetFont("dejavu", "B", 7)
	y := d.GetY()
	x := d.GetX()
	for i, h := range recColumns {
		d.SetXY(x, y)
		d.MultiCell(pdfWidths[i], 3.5, h, "", "L", false)
		x += pdfWidths[i]
	}
	d.SetXY(12, y+11)
	d.SetFont("dejavu", "", 7.5)
	for _, l := range r.Lines {
		pdfRow(d, l)
	}
	d.SetFont("dejavu", "B", 7.5)
	t := r.Total
	t.Code = "Totale"
	pdfRow(d, t)
}

func pdfRow(d *fpdf.Fpdf, l Line) {
	for i, v := range l.cells() {
		align := "R"
		if i < 2 {
			align = "L"
		}
		text := pdfText(v)
		if i >= 9 {
			text = facilities.Euro(int64(v.(float64)*100 + sign(v.(float64))*0.5))
		}
		d.CellFormat(pdfWidths[i], 6, trimTo(d, text, pdfWidths[i]-1), "B", 0, align, false, 0, "")
	}
	d.Ln(-1)
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

func pdfText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strings.Replace(strconv.FormatFloat(x, 'f', 1, 64), ".", ",", 1)
	}
	return fmt.Sprint(v)
}

// trimTo shortens s to fit w mm in the current font.
func trimTo(d *fpdf.Fpdf, s string, w float64) string {
	for d.GetStringWidth(s) > w && len([]rune(s)) > 1 {
		rs := []rune(s)
		s = string(rs[:len(rs)-2]) + "…"
	}
	return s
}

func recPDFInvoice(d *fpdf.Fpdf, r *Reconciliation) {
	d.SetFont("dejavu", "B", 11)
	d.CellFormat(0, 7, "Fattura e differenze", "", 1, "L", false, 0, "")
	d.SetFont("dejavu", "", 10)
	if r.Invoice == nil {
		d.MultiCell(0, 5.5, "Fattura non registrata.", "", "L", false)
		return
	}
	for _, kv := range r.invoiceRows() {
		v := pdfText(kv[1])
		if f, ok := kv[1].(float64); ok {
			v = facilities.Euro(int64(f*100 + sign(f)*0.5))
		}
		d.MultiCell(0, 5.5, kv[0].(string)+": "+v, "", "L", false)
	}
	d.SetFont("dejavu", "B", 10)
	if r.HasDifference() {
		d.MultiCell(0, 5.5, "DIFFERENZA: la fattura non corrisponde alle presenze comunicate.", "", "L", false)
	} else {
		d.MultiCell(0, 5.5, "Nessuna differenza: la fattura corrisponde alle presenze comunicate.", "", "L", false)
	}
}

// priceList is the prices applied, formatted and joined.
func priceList(prices []int64) string {
	if len(prices) == 0 {
		return "—"
	}
	out := make([]string, len(prices))
	for i, p := range prices {
		out[i] = facilities.Euro(p)
	}
	return strings.Join(out, ", ")
}
