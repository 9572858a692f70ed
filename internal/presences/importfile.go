package presences

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/tabular"
)

// Row is one line of an import file as written, before any check.
type Row struct {
	Line   int      `json:"l"`
	Code   string   `json:"c"`
	Date   string   `json:"d"`
	Values []string `json:"v"` // in countFields order
}

// MaxRows caps an import file: a year of daily reports for a dozen facilities.
const MaxRows = 5000

// ParseFile reads a CSV (comma or semicolon separated) or XLSX file with
// the columns: facility code, date, then the counts in countFields order.
// A first line whose date cannot be read is a header and is skipped.
func ParseFile(data []byte) ([]Row, error) {
	// Raw XLSX cells: a date comes as its serial whatever its display format.
	records, err := tabular.Read(data, tabular.Options{RawXLSX: true})
	if err == nil {
		for _, r := range records {
			if len(r) > 1 {
				r[1] = serialDate(r[1])
			}
		}
	}
	if err != nil {
		return nil, apperr.Wrap(apperr.Invalid, "Il file non è un CSV o XLSX leggibile.", err)
	}
	rows := make([]Row, 0, len(records))
	for i, rec := range records {
		if i == 0 && len(rec) > 1 {
			if _, ok := parseDay(strings.TrimSpace(rec[1])); !ok {
				continue
			}
		}
		if tabular.Blank(rec) {
			continue
		}
		rows = append(rows, rowOf(i+1, rec))
	}
	if len(rows) == 0 {
		return nil, apperr.Errorf(apperr.Invalid, "Il file non contiene righe.")
	}
	if len(rows) > MaxRows {
		return nil, apperr.Errorf(apperr.TooLarge, "Il file contiene troppe righe (massimo 5000).")
	}
	return rows, nil
}

func rowOf(line int, rec []string) Row {
	cell := func(i int) string {
		if i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	r := Row{Line: line, Code: cell(0), Date: cell(1), Values: make([]string, len(countFields))}
	for i := range countFields {
		r.Values[i] = cell(i + 2)
	}
	return r
}

// serialDate turns a spreadsheet date serial into YYYY-MM-DD, leaving any
// other text as it is.
func serialDate(s string) string {
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || n < 1 || n > 2958465 {
		return s
	}
	t, err := excelize.ExcelDateToTime(n, false)
	if err != nil {
		return s
	}
	return t.Format(time.DateOnly)
}
