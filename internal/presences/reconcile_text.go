package presences

import (
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/facilities"
)

// The figures as pages show them, Italian style: "€ 1.234,50", "85,3".

// DueText is the amount due on presences.
func (l Line) DueText() string { return facilities.Euro(l.DueCents) }

// PlacesText is the amount billing on places would give.
func (l Line) PlacesText() string { return facilities.Euro(l.PlacesCents) }

// EmptyText is the cost of the empty places.
func (l Line) EmptyText() string { return facilities.Euro(l.EmptyCents()) }

// AverageText is the average presence, one decimal.
func (l Line) AverageText() string { return decimal1(l.Average()) }

// RateText is the occupancy, one decimal, with the percent sign.
func (l Line) RateText() string { return decimal1(l.Rate()) + "%" }

func decimal1(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", ",", 1)
}

// AmountText is the invoiced amount.
func (inv *Invoice) AmountText() string { return facilities.Euro(inv.AmountCents) }

// GuestDaysDiffText is the difference in guest-days with its sign.
func (r *Reconciliation) GuestDaysDiffText() string {
	n := r.GuestDaysDiff()
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// AmountDiffText is the difference in amount with its sign.
func (r *Reconciliation) AmountDiffText() string {
	n := r.AmountDiff()
	if n > 0 {
		return "+" + facilities.Euro(n)
	}
	return facilities.Euro(n)
}

// PricesText lists the prices applied in the month.
func (r *Reconciliation) PricesText() string { return priceList(r.Prices) }
