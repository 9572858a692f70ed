package mediation

import (
	"strconv"
	"strings"
)

// budgetHours is minutes as hours the Italian way, thousands grouped by a
// dot, at most two decimals after a comma: 180000 → "3.000", 90 → "1,5".
func budgetHours(min int) string {
	return budgetDecimal(Hours(min), 2)
}

// budgetDecimal is v with at most places decimals, trailing zeros dropped,
// thousands grouped by a dot and a decimal comma.
func budgetDecimal(v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// budgetPercent is a share with one decimal and the per cent sign.
func budgetPercent(v float64) string { return budgetDecimal(v, 1) + "%" }

// exportHours is minutes as hours with two decimals and a dot, as a
// spreadsheet or a program reads them.
func exportHours(min int) string { return strconv.FormatFloat(Hours(min), 'f', 2, 64) }
