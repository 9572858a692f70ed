// Package pdfdoc starts the platform's PDFs (verbale, contestation
// dossier, reconciliation) with the DejaVu Sans fonts embedded, so that
// Italian accented letters print the same on every machine (see README.md
// for their source and licence; one copy lives in the binary), and gives
// them the few text shapes they share.
package pdfdoc

import (
	"bytes"
	_ "embed"

	"codeberg.org/go-pdf/fpdf"
)

// Family is the font family New registers.
const Family = "dejavu"

// LineH is the height of a line of body text, in millimetres.
const LineH = 5.5

var (
	//go:embed DejaVuSans.ttf
	regular []byte
	//go:embed DejaVuSans-Bold.ttf
	bold []byte
)

// Doc is an A4 document in millimetres with the shared text shapes.
type Doc struct{ *fpdf.Fpdf }

// New starts a Doc, orientation "P" or "L", with the regular and bold
// faces registered as Family.
func New(orientation string) Doc {
	d := fpdf.New(orientation, "mm", "A4", "")
	d.AddUTF8FontFromBytes(Family, "", regular)
	d.AddUTF8FontFromBytes(Family, "B", bold)
	return Doc{d}
}

// Heading prints s in bold at size, then goes back to body text.
func (d Doc) Heading(size float64, s string) {
	d.Ln(2)
	d.SetFont(Family, "B", size)
	d.MultiCell(0, LineH+1, s, "", "L", false)
	d.SetFont(Family, "", 10)
}

// Line prints s as a paragraph of body text.
func (d Doc) Line(s string) { d.MultiCell(0, LineH, s, "", "L", false) }

// Field prints "label: value", with a dash for an empty value.
func (d Doc) Field(label, value string) {
	if value == "" {
		value = "—"
	}
	d.Line(label + ": " + value)
}

// Bytes is the finished document.
func (d Doc) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	err := d.Output(&buf)
	return buf.Bytes(), err
}
