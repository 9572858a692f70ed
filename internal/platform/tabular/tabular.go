// Package tabular reads the spreadsheets users upload for imports: a CSV
// (comma or, as Italian spreadsheets save it, semicolon separated) or the
// first sheet of an XLSX, told apart by content rather than by name.
package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Options tune the reading.
type Options struct {
	// RawXLSX returns XLSX cells unformatted, so a date comes as its serial
	// number whatever its display format (see ExcelDate).
	RawXLSX bool
}

// Read returns every row of the table in data.
func Read(data []byte, o Options) ([][]string, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readXLSX(data, o)
	}
	return readCSV(data)
}

func readCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	return r.ReadAll()
}

func readXLSX(data []byte, o Options) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("tabular: the workbook has no sheet")
	}
	return f.GetRows(sheets[0], excelize.Options{RawCellValue: o.RawXLSX})
}

// Blank reports whether every cell of row is empty.
func Blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
