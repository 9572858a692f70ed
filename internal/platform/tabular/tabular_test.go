package tabular

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestReadsCSVAndXLSXAlike(t *testing.T) {
	x := excelize.NewFile()
	_ = x.SetSheetRow("Sheet1", "A1", &[]any{"codice", "presenti"})
	_ = x.SetSheetRow("Sheet1", "A2", &[]any{"AL-CAS-0001", 12})
	var xb bytes.Buffer
	if err := x.Write(&xb); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"comma CSV":              []byte("codice,presenti\nAL-CAS-0001,12\n"),
		"semicolon CSV with BOM": []byte("\xef\xbb\xbfcodice;presenti\r\nAL-CAS-0001;12\r\n"),
		"XLSX":                   xb.Bytes(),
	} {
		t.Run(name, func(t *testing.T) {
			rows, err := Read(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 2 || rows[0][0] != "codice" || rows[1][0] != "AL-CAS-0001" || rows[1][1] != "12" {
				t.Fatalf("rows = %q", rows)
			}
		})
	}
}

func TestBlank(t *testing.T) {
	if !Blank([]string{"", "  "}) || Blank([]string{"", "x"}) {
		t.Fatal("Blank misjudges a row")
	}
}

func TestWorkbookWritesFiguresAsNumbers(t *testing.T) {
	x, err := Workbook([][]string{{"Classe", "Strutture"}, {"12", "5"}, {"Rurale", "<3"}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	// excelize writes numbers untyped and text as shared strings.
	want := map[string]excelize.CellType{"A2": excelize.CellTypeSharedString, "B2": excelize.CellTypeUnset,
		"B3": excelize.CellTypeSharedString}
	for cell, w := range want {
		got, err := x.GetCellType(x.GetSheetName(0), cell)
		if err != nil || got != w {
			t.Errorf("%s: type %v (%v); want %v", cell, got, err, w)
		}
	}
}
