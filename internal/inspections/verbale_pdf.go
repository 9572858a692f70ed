package inspections

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/pdffonts"
)

const lineH = 5.5

// pdfDoc wraps fpdf with the few text shapes the verbale uses.
type pdfDoc struct{ *fpdf.Fpdf }

func (d pdfDoc) heading(size float64, s string) {
	d.Ln(2)
	d.SetFont("dejavu", "B", size)
	d.MultiCell(0, lineH+1, s, "", "L", false)
	d.SetFont("dejavu", "", 10)
}

func (d pdfDoc) line(s string) { d.MultiCell(0, lineH, s, "", "L", false) }

func (d pdfDoc) field(label, value string) {
	if value == "" {
		value = "—"
	}
	d.line(label + ": " + value)
}

// renderVerbale prints v as a PDF.
func renderVerbale(v *Verbale) ([]byte, error) {
	d := pdfDoc{pdffonts.New("P")}
	d.SetTitle("Verbale di ispezione "+v.In.FacilityCode, true)
	// The code in plain ASCII keeps the file findable by a text search.
	d.SetKeywords("verbale "+v.In.FacilityCode, false)
	d.SetCreationDate(v.In.UpdatedAt)
	d.SetModificationDate(v.In.UpdatedAt)
	d.SetMargins(18, 18, 18)
	d.AddPage()
	d.heading(16, "Verbale di ispezione")
	v.header(d)
	v.commission(d)
	v.findings(d)
	v.signatures(d)
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		return nil, fmt.Errorf("verbale: %w", err)
	}
	return buf.Bytes(), nil
}

func rome(t time.Time) string { return t.In(i18n.Rome).Format("02/01/2006 15:04") }

func (v *Verbale) header(d pdfDoc) {
	in := v.In
	d.heading(12, "Struttura")
	d.field("Codice", in.FacilityCode)
	d.field("Denominazione", in.FacilityName)
	d.field("Indirizzo", v.Address+", "+v.Municipality)
	d.field("Ente gestore", v.Body)
	d.heading(12, "Contratto")
	d.field("CIG", v.CIG)
	d.field("Capitolato", v.Capitolato)
	d.heading(12, "Ispezione")
	d.field("Tipo", in.Kind.Label())
	d.field("Data prevista", in.PlannedOn.Format("02/01/2006"))
	if in.StartedAt != nil {
		d.field("Inizio delle operazioni (ora di Roma)", rome(*in.StartedAt))
	}
	d.field("Ospiti dichiarati", optInt(in.GuestsDeclared))
	d.field("Ospiti contati", optInt(in.GuestsCounted))
}

func optInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func (v *Verbale) commission(d pdfDoc) {
	d.heading(12, "Commissione")
	for _, m := range v.In.Members {
		d.line("• " + m.Name + " — " + m.Role.Label())
	}
}

func (v *Verbale) findings(d pdfDoc) {
	d.heading(12, "Esiti dei controlli")
	for _, sec := range v.Sections {
		d.heading(11, sec.Title)
		for _, a := range sec.Answers {
			d.SetFont("dejavu", "B", 10)
			d.line(a.Item.Text)
			d.SetFont("dejavu", "", 10)
			d.line("Esito: " + a.Result.Label() + " · Gravità: " + a.Severity.Label())
			if a.Note != "" {
				d.line("Nota: " + a.Note)
			}
			for _, e := range v.Evidence[a.ID] {
				d.line(fmt.Sprintf("Allegato: %s (%s, %d byte), caricato il %s, SHA-256 %s",
					e.Name, e.ContentType, e.Size, rome(e.UploadedAt), e.SHA256))
			}
			d.Ln(1.5)
		}
	}
}

func (v *Verbale) signatures(d pdfDoc) {
	d.heading(12, "Firme dei componenti della commissione")
	if v.Signed != nil {
		d.line("Verbale firmato il " + rome(v.Signed.SignedAt) + " da " + v.Signed.SignedBy + ".")
	}
	for _, m := range v.In.Members {
		d.Ln(4)
		d.line(m.Role.Label() + ": " + m.Name)
		d.line("Firma ______________________________________")
	}
}
