package inspections

import (
	"fmt"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/pdfdoc"
)

type pdfDoc = pdfdoc.Doc

const lineH = pdfdoc.LineH

// renderVerbale prints v as a PDF.
func renderVerbale(v *Verbale) ([]byte, error) {
	d := pdfdoc.New("P")
	d.SetTitle("Verbale di ispezione "+v.In.FacilityCode, true)
	// The code in plain ASCII keeps the file findable by a text search.
	d.SetKeywords("verbale "+v.In.FacilityCode, false)
	d.SetCreationDate(v.In.UpdatedAt)
	d.SetModificationDate(v.In.UpdatedAt)
	d.SetMargins(18, 18, 18)
	d.AddPage()
	d.Heading(16, "Verbale di ispezione")
	v.header(d)
	v.commission(d)
	v.findings(d)
	v.signatures(d)
	out, err := d.Bytes()
	if err != nil {
		return nil, fmt.Errorf("verbale: %w", err)
	}
	return out, nil
}

func rome(t time.Time) string { return t.In(i18n.Rome).Format("02/01/2006 15:04") }

func (v *Verbale) header(d pdfDoc) {
	in := v.In
	d.Heading(12, "Struttura")
	d.Field("Codice", in.FacilityCode)
	d.Field("Denominazione", in.FacilityName)
	d.Field("Indirizzo", v.Address+", "+v.Municipality)
	d.Field("Ente gestore", v.Body)
	d.Heading(12, "Contratto")
	d.Field("CIG", v.CIG)
	d.Field("Capitolato", v.Capitolato)
	d.Heading(12, "Ispezione")
	d.Field("Tipo", in.Kind.Label())
	d.Field("Data prevista", in.PlannedOn.Format("02/01/2006"))
	if in.StartedAt != nil {
		d.Field("Inizio delle operazioni (ora di Roma)", rome(*in.StartedAt))
	}
	d.Field("Ospiti dichiarati", optInt(in.GuestsDeclared))
	d.Field("Ospiti contati", optInt(in.GuestsCounted))
}

func optInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func (v *Verbale) commission(d pdfDoc) {
	d.Heading(12, "Commissione")
	for _, m := range v.In.Members {
		d.Line("• " + m.Name + " — " + m.Role.Label())
	}
}

func (v *Verbale) findings(d pdfDoc) {
	d.Heading(12, "Esiti dei controlli")
	for _, sec := range v.Sections {
		d.Heading(11, sec.Title)
		for _, a := range sec.Answers {
			d.SetFont("dejavu", "B", 10)
			d.Line(a.Item.Text)
			d.SetFont("dejavu", "", 10)
			d.Line("Esito: " + a.Result.Label() + " · Gravità: " + a.Severity.Label())
			if a.Note != "" {
				d.Line("Nota: " + a.Note)
			}
			for _, e := range v.Evidence[a.ID] {
				d.Line(fmt.Sprintf("Allegato: %s (%s, %d byte), caricato il %s, SHA-256 %s",
					e.Name, e.ContentType, e.Size, rome(e.UploadedAt), e.SHA256))
			}
			d.Ln(1.5)
		}
	}
}

func (v *Verbale) signatures(d pdfDoc) {
	d.Heading(12, "Firme dei componenti della commissione")
	if v.Signed != nil {
		d.Line("Verbale firmato il " + rome(v.Signed.SignedAt) + " da " + v.Signed.SignedBy + ".")
	}
	for _, m := range v.In.Members {
		d.Ln(4)
		d.Line(m.Role.Label() + ": " + m.Name)
		d.Line("Firma ______________________________________")
	}
}
