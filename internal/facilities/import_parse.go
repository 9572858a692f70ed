package facilities

import (
	"slices"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/tabular"
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

// readTable reads the uploaded CSV or XLSX and indexes its header.
func readTable(data []byte) (*table, error) {
	rows, err := tabular.Read(data, tabular.Options{})
	if err != nil {
		return nil, apperr.Fields{"file": msgUnreadable}.Err()
	}
	rows = slices.DeleteFunc(rows, tabular.Blank)
	if len(rows) < 2 {
		return nil, apperr.Fields{"file": msgEmptyTable}.Err()
	}
	t := &table{index: map[string]int{}, rows: rows[1:]}
	for i, name := range rows[0] {
		t.index[strings.ToLower(strings.TrimSpace(name))] = i
	}
	return t, t.requireLayout()
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
