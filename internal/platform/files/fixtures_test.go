package files_test

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"testing"
)

// Contents of every kind the tests upload.
var (
	pdfData  = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
	jpegData = append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0}, make([]byte, 32)...)
	webpData = []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00")
	heicData = []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
	exeData  = append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), make([]byte, 64)...)
	htmlData = []byte("<!DOCTYPE html><html><script>alert(1)</script></html>")
	svgData  = []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)
	textData = []byte("Verbale della riunione: presenti tutti.\n")
	csvData  = []byte("comune;ospiti\nAlessandria;120\n")
	// Windows-1252 "Città" is not UTF-8.
	latinCSV = []byte("comune;citt\xe0\nAlessandria;s\xec\n")
)

func pngData(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipData builds an archive holding the named entries, each with the given
// content; "mimetype" first, as OpenDocument requires.
func zipData(t testing.TB, entries ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.Create(entries[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(entries[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func docxData(t testing.TB) []byte {
	return zipData(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")
}

func xlsxData(t testing.TB) []byte {
	return zipData(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>")
}
