package contestations

import (
	"fmt"
	"math/big"

	"github.com/crocevia/crocevia/internal/facilities"
)

// Finding is one inspection answer charged, with the grid row it is priced
// by: the row is copied, so a later change of the grid leaves it alone.
type Finding struct {
	ID           int64
	InspectionID int64
	AnswerID     int64
	ItemText     string
	Result       string
	Severity     string
	Note         string
	Code         string // "" when not (yet) priced
	Description  string
	Basis        facilities.Basis
	UnitCents    int64
	RatePPM      int64
	CapCents     *int64
	Quantity     int
	AmountCents  int64
	Calculation  string
}

// GridRow is a row of the contract's penalty grid.
type GridRow struct {
	Code, Description string
	Basis             facilities.Basis
	UnitCents         int64
	RatePPM           int64
	CapCents          *int64
}

// Label is the row as a choice: code and description.
func (g GridRow) Label() string { return g.Code + " · " + g.Description }

// price sets f's penalty from row g (nil: unpriced) for a contract worth
// contractCents, and writes out how it was computed.
func (f *Finding) price(g *GridRow, contractCents int64) {
	f.Code, f.Description, f.Basis, f.UnitCents, f.RatePPM, f.CapCents = "", "", "", 0, 0, nil
	f.AmountCents, f.Calculation = 0, ""
	if f.Quantity < 1 {
		f.Quantity = 1
	}
	if g == nil {
		return
	}
	f.Code, f.Description, f.Basis, f.UnitCents, f.RatePPM, f.CapCents = g.Code, g.Description, g.Basis, g.UnitCents, g.RatePPM, g.CapCents
	f.AmountCents, f.Calculation = Compute(*g, f.Quantity, contractCents)
}

// Compute is the penalty of grid row g for qty days or guests (ignored by
// a fixed row) on a contract worth contractCents, with the calculation in
// words. A per-mille row is a daily rate (art. 126 d.lgs. 36/2023): qty
// counts its days. The row's cap, when it has one, is applied last.
func Compute(g GridRow, qty int, contractCents int64) (int64, string) {
	q := int64(max(qty, 1))
	var amount int64
	var calc string
	switch g.Basis {
	case facilities.BasisFixed:
		amount, calc = g.UnitCents, "importo fisso "+facilities.Euro(g.UnitCents)
	case facilities.BasisPerDay:
		amount, calc = mulCap(g.UnitCents, q), fmt.Sprintf("%s × %d giorni", facilities.Euro(g.UnitCents), q)
	case facilities.BasisPerGuest:
		amount, calc = mulCap(g.UnitCents, q), fmt.Sprintf("%s × %d ospiti", facilities.Euro(g.UnitCents), q)
	case facilities.BasisPerMille:
		amount = perMille(contractCents, g.RatePPM, q)
		calc = fmt.Sprintf("%s × %s", facilities.Rate(g.RatePPM), facilities.Euro(contractCents))
		if q > 1 {
			calc += fmt.Sprintf(" × %d giorni", q)
		}
	default:
		return 0, ""
	}
	calc += " = " + facilities.Euro(amount)
	if g.CapCents != nil && amount > *g.CapCents {
		amount = *g.CapCents
		calc += "; ridotta al tetto della voce " + facilities.Euro(amount)
	}
	return amount, calc
}

// perMille is contract × ppm / 10^6 × days, rounded to the nearest cent,
// in big integers: a large contract times a rate overflows int64.
func perMille(contract, ppm, days int64) int64 {
	n := new(big.Int).Mul(big.NewInt(contract), big.NewInt(ppm))
	n.Mul(n, big.NewInt(days))
	n.Add(n, big.NewInt(500_000))
	n.Quo(n, big.NewInt(1_000_000))
	if !n.IsInt64() {
		return 1<<62 - 1
	}
	return n.Int64()
}

// mulCap multiplies without overflowing: quantities are small, amounts
// bounded by the grid's validation, but a typo must not wrap around.
func mulCap(a, q int64) int64 {
	if q != 0 && a > (1<<62)/q {
		return 1 << 62
	}
	return a * q
}

// Level is how close the penalties on a contract are to the legal cap.
type Level int

// Levels of the 10% warning.
const (
	Safe Level = iota
	Near       // 8% or more of the contract value
	Over       // more than 10%
)

// Warning is the cumulative penalty on a contract against its 10% cap
// (art. 126 d.lgs. 36/2023).
type Warning struct {
	Level         Level
	Cumulative    int64
	ContractCents int64
}

// Assess compares cumulative penalties with the contract's value.
func Assess(cumulative, contractCents int64) Warning {
	w := Warning{Cumulative: cumulative, ContractCents: contractCents}
	c, v := big.NewInt(cumulative), big.NewInt(contractCents)
	c100 := new(big.Int).Mul(c, big.NewInt(100))
	switch {
	case c100.Cmp(new(big.Int).Mul(v, big.NewInt(10))) > 0:
		w.Level = Over
	case c100.Cmp(new(big.Int).Mul(v, big.NewInt(8))) >= 0:
		w.Level = Near
	}
	return w
}

// Percent is the cumulative share of the contract value, "8,4%".
func (w Warning) Percent() string {
	if w.ContractCents <= 0 {
		return "—"
	}
	tenths := (w.Cumulative*1000 + w.ContractCents/2) / w.ContractCents
	return fmt.Sprintf("%d,%d%%", tenths/10, tenths%10)
}

// Near and Over are for the templates.
func (w Warning) Near() bool { return w.Level == Near }
func (w Warning) Over() bool { return w.Level == Over }

// CumulativeText and CapText are the amounts, formatted.
func (w Warning) CumulativeText() string { return facilities.Euro(w.Cumulative) }
func (w Warning) CapText() string        { return facilities.Euro(w.ContractCents / 10) }
