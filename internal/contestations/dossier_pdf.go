package contestations

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/pdffonts"
)

const lineH = 5.5

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

func dateText(t time.Time) string { return t.Format("02/01/2006") }

func rome(t time.Time) string { return t.In(i18n.Rome).Format("02/01/2006 15:04") }

// renderDossier prints the dossier's summary: facility, contract,
// findings with their calculation, the timeline and the files with their
// checksums.
func renderDossier(d *Dossier, now time.Time) ([]byte, error) {
	p := pdfDoc{pdffonts.New("P")}
	c := d.C
	p.SetTitle("Contestazione di addebito "+itoa(c.ID)+" - "+c.FacilityCode, true)
	p.SetKeywords("contestazione "+c.FacilityCode, false)
	p.SetCreationDate(c.UpdatedAt)
	p.SetModificationDate(c.UpdatedAt)
	p.SetMargins(18, 18, 18)
	p.AddPage()
	p.heading(16, "Contestazione di addebito n. "+itoa(c.ID))
	d.header(p, now)
	d.findings(p)
	d.timeline(p, now)
	d.files(p)
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("dossier: %w", err)
	}
	return buf.Bytes(), nil
}

func (d *Dossier) header(p pdfDoc, now time.Time) {
	c := d.C
	p.heading(12, "Struttura e contratto")
	p.field("Struttura", c.FacilityCode+" · "+c.FacilityName)
	p.field("Ente gestore", c.BodyName)
	p.field("CIG", c.CIG)
	p.field("Importo del contratto", c.ContractText())
	p.field("Stato", c.StateLabel(now))
	if c.Deadline != nil {
		p.field("Termine per le controdeduzioni", dateText(*c.Deadline))
	}
	w := d.Warning
	p.field("Penali cumulate sul contratto", w.CumulativeText()+" ("+w.Percent()+" dell'importo; limite del 10%: "+w.CapText()+")")
	switch w.Level {
	case Over:
		p.line("ATTENZIONE: le penali superano il 10% dell'importo netto del contratto, limite dell'art. 126 d.lgs. 36/2023.")
	case Near:
		p.line("Attenzione: le penali si avvicinano al 10% dell'importo netto del contratto (art. 126 d.lgs. 36/2023).")
	}
}

func (d *Dossier) findings(p pdfDoc) {
	p.heading(12, "Rilievi contestati")
	for i, f := range d.C.Findings {
		p.SetFont("dejavu", "B", 10)
		p.line(fmt.Sprintf("%d. %s", i+1, f.ItemText))
		p.SetFont("dejavu", "", 10)
		p.line("Esito: " + f.ResultLabel() + " · Gravità: " + f.SeverityLabel() + " · Ispezione n. " + itoa(f.InspectionID))
		if f.Note != "" {
			p.line("Nota della commissione: " + f.Note)
		}
		if f.Code == "" {
			p.line("Nessuna penale della griglia.")
		} else {
			p.line("Penale " + f.Code + " (" + f.Description + "): " + f.Calculation)
		}
		p.Ln(1.5)
	}
	p.SetFont("dejavu", "B", 10)
	p.line("Totale calcolato: " + d.C.TotalText())
	if d.C.State == Penalised || d.C.State == Executed {
		p.line("Penale applicata: " + d.C.PenaltyText())
	}
	p.SetFont("dejavu", "", 10)
}

func (d *Dossier) timeline(p pdfDoc, now time.Time) {
	p.heading(12, "Cronologia")
	for _, e := range d.C.Timeline(now) {
		when := rome(e.On)
		if e.Date {
			when = dateText(e.On)
		}
		s := when + " — " + e.Label
		if e.Detail != "" {
			s += ": " + e.Detail
		}
		p.line(s)
	}
	if d.C.ReplyText != "" {
		p.heading(11, "Controdeduzioni")
		p.line(d.C.ReplyText)
	}
}

func (d *Dossier) files(p pdfDoc) {
	p.heading(12, "Documenti e allegati")
	if len(d.Attachments) == 0 {
		p.line("Nessun documento.")
	}
	for _, a := range d.Attachments {
		p.line(fmt.Sprintf("%s — %s (%d byte), SHA-256 %s", a.Origin, a.Name, a.Size, a.SHA256))
	}
}
