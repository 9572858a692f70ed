package contestations

import (
	"fmt"
	"time"

	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/pdfdoc"
)

type pdfDoc = pdfdoc.Doc

const lineH = pdfdoc.LineH

func dateText(t time.Time) string { return t.Format("02/01/2006") }

func rome(t time.Time) string { return t.In(i18n.Rome).Format("02/01/2006 15:04") }

// renderDossier prints the dossier's summary: facility, contract,
// findings with their calculation, the timeline and the files with their
// checksums.
func renderDossier(d *Dossier, now time.Time) ([]byte, error) {
	p := pdfdoc.New("P")
	c := d.C
	p.SetTitle("Contestazione di addebito "+itoa(c.ID)+" - "+c.FacilityCode, true)
	p.SetKeywords("contestazione "+c.FacilityCode, false)
	p.SetCreationDate(c.UpdatedAt)
	p.SetModificationDate(c.UpdatedAt)
	p.SetMargins(18, 18, 18)
	p.AddPage()
	p.Heading(16, "Contestazione di addebito n. "+itoa(c.ID))
	d.header(p, now)
	d.findings(p)
	d.timeline(p, now)
	d.files(p)
	out, err := p.Bytes()
	if err != nil {
		return nil, fmt.Errorf("dossier: %w", err)
	}
	return out, nil
}

func (d *Dossier) header(p pdfDoc, now time.Time) {
	c := d.C
	p.Heading(12, "Struttura e contratto")
	p.Field("Struttura", c.FacilityCode+" · "+c.FacilityName)
	p.Field("Ente gestore", c.BodyName)
	p.Field("CIG", c.CIG)
	p.Field("Importo del contratto", c.ContractText())
	p.Field("Stato", c.StateLabel(now))
	if c.Deadline != nil {
		p.Field("Termine per le controdeduzioni", dateText(*c.Deadline))
	}
	w := d.Warning
	p.Field("Penali cumulate sul contratto", w.CumulativeText()+" ("+w.Percent()+" dell'importo; limite del 10%: "+w.CapText()+")")
	switch w.Level {
	case Over:
		p.Line("ATTENZIONE: le penali superano il 10% dell'importo netto del contratto, limite dell'art. 126 d.lgs. 36/2023.")
	case Near:
		p.Line("Attenzione: le penali si avvicinano al 10% dell'importo netto del contratto (art. 126 d.lgs. 36/2023).")
	}
}

func (d *Dossier) findings(p pdfDoc) {
	p.Heading(12, "Rilievi contestati")
	for i, f := range d.C.Findings {
		p.SetFont("dejavu", "B", 10)
		p.Line(fmt.Sprintf("%d. %s", i+1, f.ItemText))
		p.SetFont("dejavu", "", 10)
		p.Line("Esito: " + f.ResultLabel() + " · Gravità: " + f.SeverityLabel() + " · Ispezione n. " + itoa(f.InspectionID))
		if f.Note != "" {
			p.Line("Nota della commissione: " + f.Note)
		}
		if f.Code == "" {
			p.Line("Nessuna penale della griglia.")
		} else {
			p.Line("Penale " + f.Code + " (" + f.Description + "): " + f.Calculation)
		}
		p.Ln(1.5)
	}
	p.SetFont("dejavu", "B", 10)
	p.Line("Totale calcolato: " + d.C.TotalText())
	if d.C.State == Penalised || d.C.State == Executed {
		p.Line("Penale applicata: " + d.C.PenaltyText())
	}
	p.SetFont("dejavu", "", 10)
}

func (d *Dossier) timeline(p pdfDoc, now time.Time) {
	p.Heading(12, "Cronologia")
	for _, e := range d.C.Timeline(now) {
		when := rome(e.On)
		if e.Date {
			when = dateText(e.On)
		}
		s := when + " — " + e.Label
		if e.Detail != "" {
			s += ": " + e.Detail
		}
		p.Line(s)
	}
	if d.C.ReplyText != "" {
		p.Heading(11, "Controdeduzioni")
		p.Line(d.C.ReplyText)
	}
}

func (d *Dossier) files(p pdfDoc) {
	p.Heading(12, "Documenti e allegati")
	if len(d.Attachments) == 0 {
		p.Line("Nessun documento.")
	}
	for _, a := range d.Attachments {
		p.Line(fmt.Sprintf("%s — %s (%d byte), SHA-256 %s", a.Origin, a.Name, a.Size, a.SHA256))
	}
}
