package inspections

// PDFFonts are the embedded DejaVu Sans regular and bold faces, for other
// modules' PDFs: one copy of the fonts in the binary, printed alike.
func PDFFonts() (regular, bold []byte) { return fontRegular, fontBold }
