package facilities

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/xuri/excelize/v2"
)

// Messages of a file that cannot be read as a table.
const (
	msgUnreadable     = "Il file non è un CSV o un XLSX leggibile."
	msgEmptyTable     = "Il file non contiene righe da importare."
	msgMissingColumns = "Mancano colonne del tracciato Centri d'Italia: controlla le intestazioni elencate sotto."
)

// table is an uploaded sheet: the header and the data rows, each cell
// reached by column name.
type table struct {
	index map[string]int
	rows  [][]string
}

func (t *table) cell(row []string, col string) string {
	i, ok := t.index[col]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

func (t *table) has(col string) bool { _, ok := t.index[col]; return ok }

// readTable reads a CSV (comma or, as Italian spreadsheets save it,
// semicolon) or the first sheet of an XLSX, told apart by content.
func readTable(data []byte) (*table, error) {
	var rows [][]string
	var err error
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		rows, err = readXLSX(data)
	} else {
		rows, err = readCSV(data)
	}
	if err != nil {
		return nil, apperr.Fields{"file": msgUnreadable}.Err()
	}
	rows = dropBlank(rows)
	if len(rows) < 2 {
		return nil, apperr.Fields{"file": msgEmptyTable}.Err()
	}
	t := &table{index: map[string]int{}, rows: rows[1:]}
	for i, name := range rows[0] {
		t.index[strings.ToLower(strings.TrimSpace(name))] = i
	}
	return t, t.requireLayout()
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

func readXLSX(data []byte) ([][]string, error) {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer x.Close()
	return x.GetRows(x.GetSheetName(0))
}

func dropBlank(rows [][]string) [][]string {
	out := rows[:0]
	for _, r := range rows {
		if strings.TrimSpace(strings.Join(r, "")) != "" {
			out = append(out, r)
		}
	}
	return out
}

// requireLayout refuses a file lacking any column of the layout: a
// misnamed column would otherwise be read as empty on every row. The
// import page lists the columns expected.
func (t *table) requireLayout() error {
	for _, c := range layoutColumns {
		if !t.has(c) {
			return apperr.Fields{"file": msgMissingColumns}.Err()
		}
	}
	return nil
}
