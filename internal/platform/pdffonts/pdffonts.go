// Package pdffonts holds the DejaVu Sans fonts every PDF of the platform
// embeds (verbale, contestation dossier, reconciliation), so that Italian
// accented letters print the same on every machine; see README.md for their
// source and licence. One copy lives in the binary.
package pdffonts

import (
	_ "embed"

	"codeberg.org/go-pdf/fpdf"
)

// Family is the font family name New registers.
const Family = "dejavu"

var (
	//go:embed DejaVuSans.ttf
	regular []byte
	//go:embed DejaVuSans-Bold.ttf
	bold []byte
)

// New starts an A4 document in millimetres, orientation "P" or "L", with
// the regular and bold faces registered as Family.
func New(orientation string) *fpdf.Fpdf {
	d := fpdf.New(orientation, "mm", "A4", "")
	d.AddUTF8FontFromBytes(Family, "", regular)
	d.AddUTF8FontFromBytes(Family, "B", bold)
	return d
}
