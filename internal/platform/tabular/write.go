package tabular

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Workbook is rows as the one sheet of a workbook. Past the header row and
// the first labels columns, a cell that reads as a number is written as
// one, so a spreadsheet sums it; anything else ("<3", "n.d.") stays text.
func Workbook(rows [][]string, labels int) (*excelize.File, error) {
	x := excelize.NewFile()
	sheet := x.GetSheetName(0)
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, v := range row {
			cells[j] = v
			if n, err := strconv.ParseFloat(v, 64); err == nil && i > 0 && j >= labels {
				cells[j] = n
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(sheet, cell, &cells); err != nil {
			return nil, err
		}
	}
	return x, nil
}
