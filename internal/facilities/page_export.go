package facilities

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
	"github.com/xuri/excelize/v2"
)

// exportFilter reads the list's filters from the query string, so that an
// export holds exactly the facilities the list shows, on every page.
func exportFilter(q url.Values) Filter {
	fl := Filter{ISTATCode: web.OptString(q.Get("istat_code")), Text: web.OptString(q.Get("q"))}
	if id, err := strconv.ParseInt(q.Get("managing_body_id"), 10, 64); err == nil {
		fl.BodyID = &id
	}
	if st := SystemType(q.Get("system_type")); st.Valid() {
		fl.System = &st
	}
	if s := State(q.Get("state")); s.Valid() {
		fl.State = &s
	}
	return fl
}

func (h *Handler) exportRows(w http.ResponseWriter, r *http.Request) ([][]string, bool) {
	rows, err := h.store.Export(r.Context(), web.UserOf(r), exportFilter(r.URL.Query()), time.Now())
	if err != nil {
		h.web.Error(w, r, err)
		return nil, false
	}
	return rows, true
}

func (h *Handler) exportCSV(w http.ResponseWriter, r *http.Request) {
	rows, ok := h.exportRows(w, r)
	if !ok {
		return
	}
	web.Attachment(w, "text/csv; charset=utf-8", "strutture.csv")
	cw := csv.NewWriter(w)
	_ = cw.Write(ExportColumns())
	_ = cw.WriteAll(rows)
}

func (h *Handler) exportXLSX(w http.ResponseWriter, r *http.Request) {
	rows, ok := h.exportRows(w, r)
	if !ok {
		return
	}
	x, err := workbook(rows)
	if err == nil {
		web.Attachment(w, files.TypeXLSX, "strutture.xlsx")
		err = x.Write(w)
	}
	if err != nil {
		h.web.Error(w, r, err)
	}
}

// workbook is one sheet with the header and rows; the numeric columns are
// numbers, every other cell text, so ISTAT codes keep their leading zeros.
func workbook(rows [][]string) (*excelize.File, error) {
	x := excelize.NewFile()
	sheet := x.GetSheetName(0)
	cols := ExportColumns()
	if err := x.SetSheetRow(sheet, "A1", &cols); err != nil {
		return nil, err
	}
	if err := moneyColumn(x, sheet, cols); err != nil {
		return nil, err
	}
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, v := range row {
			cells[j] = v
			if n, err := strconv.ParseFloat(v, 64); err == nil && numericColumns[cols[j]] {
				cells[j] = n
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := x.SetSheetRow(sheet, cell, &cells); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// ExportURL is path with the list's current filters.
func (p *listPage) ExportURL(path string) string { return web.ListURL(path, p.Form) }

// moneyColumn shows the daily cost with two decimals, as the CSV writes it.
func moneyColumn(x *excelize.File, sheet string, cols []string) error {
	style, err := x.NewStyle(&excelize.Style{NumFmt: 2})
	if err != nil {
		return err
	}
	col, err := excelize.ColumnNumberToName(slices.Index(cols, "costo_giornaliero_per_ospite") + 1)
	if err != nil {
		return err
	}
	return x.SetColStyle(sheet, col, style)
}
