package files

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Content types the store accepts.
const (
	TypePDF  = "application/pdf"
	TypeJPEG = "image/jpeg"
	TypePNG  = "image/png"
	TypeWebP = "image/webp"
	TypeHEIC = "image/heic"
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	TypeODT  = "application/vnd.oasis.opendocument.text"
	TypeODS  = "application/vnd.oasis.opendocument.spreadsheet"
)

// Detect returns the content type of data, or "" when it is not one the
// store accepts. Only the content decides; the name only tells CSV from
// plain text, which are the same thing to a browser.
func Detect(data []byte, name string) string {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return TypePDF
	}
	if isHEIC(data) {
		return TypeHEIC
	}
	sniffed := http.DetectContentType(data)
	switch {
	case sniffed == TypeJPEG, sniffed == TypePNG, sniffed == TypeWebP:
		return sniffed
	case sniffed == "application/zip":
		return officeType(data)
	case strings.HasPrefix(sniffed, "text/plain") && !isMarkup(data):
		return textType(data, sniffed, name)
	}
	return ""
}

// isHEIC recognises an ISO media file whose major brand is HEIC, the
// format of iPhone photos, which http.DetectContentType does not know.
func isHEIC(data []byte) bool {
	if len(data) < 12 || string(data[4:8]) != "ftyp" {
		return false
	}
	switch string(data[8:12]) {
	case "heic", "heix", "heim", "heis":
		return true
	}
	return false
}

// officeType tells the office formats, all ZIP archives, apart by the
// entries they must hold. Macro-enabled documents are refused: they carry
// code.
func officeType(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	entries := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		entries[f.Name] = f
	}
	switch {
	case entries["word/vbaProject.bin"] != nil || entries["xl/vbaProject.bin"] != nil:
		return ""
	case entries["[Content_Types].xml"] != nil && entries["word/document.xml"] != nil:
		return TypeDOCX
	case entries["[Content_Types].xml"] != nil && entries["xl/workbook.xml"] != nil:
		return TypeXLSX
	case entries["mimetype"] != nil:
		return openDocumentType(entries["mimetype"])
	}
	return ""
}

// openDocumentType reads the mimetype entry every OpenDocument file starts
// with, at most a few bytes of it, whatever it claims to unpack to.
func openDocumentType(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 64))
	switch string(b) {
	case TypeODT:
		return TypeODT
	case TypeODS:
		return TypeODS
	}
	return ""
}

// isMarkup catches the markup the sniffer calls plain text (SVG, XML
// dialects): a document that opens with a tag is not a text file.
func isMarkup(data []byte) bool {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return bytes.HasPrefix(trimmed, []byte("<"))
}

// textType names plain text and CSV with their charset; text that is not
// UTF-8 is most likely Windows-1252, as spreadsheets export it in Italy.
func textType(data []byte, sniffed, name string) string {
	charset := strings.TrimPrefix(sniffed, "text/plain; charset=")
	if charset == "utf-8" && !utf8.Valid(data) {
		charset = "windows-1252"
	}
	kind := "text/plain"
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		kind = "text/csv"
	}
	return kind + "; charset=" + charset
}

// inline reports whether browsers may show the type in the page: images
// they can draw and PDF. Everything else is downloaded.
func inline(contentType string) bool {
	switch contentType {
	case TypePDF, TypeJPEG, TypePNG, TypeWebP:
		return true
	}
	return false
}
