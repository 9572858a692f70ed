package files_test

import (
	"testing"

	"github.com/crocevia/crocevia/internal/platform/files"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		file string
		want string
	}{
		{"pdf", pdfData, "verbale.pdf", files.TypePDF},
		{"jpeg", jpegData, "foto.jpg", files.TypeJPEG},
		{"png", pngData(t), "foto.png", files.TypePNG},
		{"webp", webpData, "foto.webp", files.TypeWebP},
		{"heic from a phone", heicData, "IMG_0001.HEIC", files.TypeHEIC},
		{"plain text", textData, "note.txt", "text/plain; charset=utf-8"},
		{"csv by name, text by content", csvData, "ospiti.csv", "text/csv; charset=utf-8"},
		{"csv that is not utf-8", latinCSV, "ospiti.csv", "text/csv; charset=windows-1252"},
		{"docx", docxData(t), "lettera.docx", files.TypeDOCX},
		{"xlsx", xlsxData(t), "tabella.xlsx", files.TypeXLSX},
		{"odt", zipData(t, "mimetype", files.TypeODT, "content.xml", "<x/>"), "lettera.odt", files.TypeODT},
		{"ods", zipData(t, "mimetype", files.TypeODS, "content.xml", "<x/>"), "tabella.ods", files.TypeODS},
		{"docx is named by content, not name", docxData(t), "lettera.pdf", files.TypeDOCX},
		{"refused: exe named pdf", exeData, "verbale.pdf", ""},
		{"refused: html", htmlData, "pagina.txt", ""},
		{"refused: svg with script", svgData, "logo.png", ""},
		{"refused: plain zip", zipData(t, "a.txt", "ciao"), "archivio.docx", ""},
		{"refused: macro-enabled word", zipData(t, "[Content_Types].xml", "<Types/>",
			"word/document.xml", "<w:document/>", "word/vbaProject.bin", "macro"), "lettera.docx", ""},
		{"refused: other opendocument", zipData(t, "mimetype", "application/vnd.oasis.opendocument.presentation"), "a.odp", ""},
		{"refused: broken zip", []byte("PK\x03\x04 not really a zip"), "a.xlsx", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := files.Detect(tt.data, tt.file); got != tt.want {
				t.Errorf("Detect(%s) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}
