package facilities

import (
	"fmt"
	"strconv"
	"strings"
)

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// Euro formats cents the Italian way: "€ 1.234,50".
func Euro(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	units := strconv.FormatInt(cents/100, 10)
	var b strings.Builder
	for i, r := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s€ %s,%02d", sign, b.String(), cents%100)
}

// parseCents reads an amount in euro as typed by a person, "1.234,5",
// "1234.50" or "€ 30": a comma is the decimal mark when present, otherwise
// a single dot followed by one or two digits is.
func parseCents(s string) (int64, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "€"))
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return 0, false
	}
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	} else if i := strings.LastIndex(s, "."); i >= 0 && (len(s)-i-1 > 2 || strings.Count(s, ".") > 1) {
		s = strings.ReplaceAll(s, ".", "")
	}
	return parseFixed(s, 2)
}

// parseFixed reads a non-negative decimal with at most places decimals as
// an integer scaled by 10^places.
func parseFixed(s string, places int) (int64, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if len(frac) > places || strings.ContainsAny(whole+frac, "+-") {
		return 0, false
	}
	frac += strings.Repeat("0", places-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || n < 0 || len(whole) > 12 {
		return 0, false
	}
	return n, true
}

// parseRate reads a per-mille rate ("1,5") as parts per million (1500).
func parseRate(s string) (int64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "‰")), ",", ".")
	if s == "" {
		return 0, false
	}
	return parseFixed(s, 3)
}

// Rate formats parts per million as a per-mille rate: "1,5 ‰".
func Rate(ppm int64) string {
	s := strconv.FormatFloat(float64(ppm)/1000, 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1) + " ‰"
}

// PriceText is the price per guest per day, formatted.
func (c *Contract) PriceText() string { return Euro(c.PriceCents) }

// AmountText is the contract's amount, formatted.
func (c *Contract) AmountText() string { return Euro(c.AmountCents) }

// AmountText is the row's amount or rate, formatted.
func (p *Penalty) AmountText() string {
	if p.Basis == BasisPerMille {
		return Rate(p.RatePPM)
	}
	return Euro(p.AmountCents)
}

// CapText is the row's cap, formatted, "" when it has none.
func (p *Penalty) CapText() string {
	if p.CapCents == nil {
		return ""
	}
	return Euro(*p.CapCents)
}
