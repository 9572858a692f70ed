package contestations_test

import (
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/contestations"
	"github.com/crocevia/crocevia/internal/facilities"
)

func TestComputeEachBasis(t *testing.T) {
	cap400 := int64(40000)
	for _, tc := range []struct {
		name     string
		row      contestations.GridRow
		qty      int
		want     int64
		wantCalc string
	}{
		{"fixed ignores the quantity", contestations.GridRow{Basis: facilities.BasisFixed, UnitCents: 45000}, 7, 45000,
			"importo fisso € 450,00 = € 450,00"},
		{"per day times days", contestations.GridRow{Basis: facilities.BasisPerDay, UnitCents: 15000}, 2, 30000,
			"€ 150,00 × 2 giorni = € 300,00"},
		{"per guest times guests", contestations.GridRow{Basis: facilities.BasisPerGuest, UnitCents: 5000}, 3, 15000,
			"€ 50,00 × 3 ospiti = € 150,00"},
		{"per mille of the contract", contestations.GridRow{Basis: facilities.BasisPerMille, RatePPM: 1500}, 1, 1500,
			"1,5 ‰ × € 10.000,00 = € 15,00"},
		{"per mille for several days", contestations.GridRow{Basis: facilities.BasisPerMille, RatePPM: 1500}, 4, 6000,
			"1,5 ‰ × € 10.000,00 × 4 giorni = € 60,00"},
		{"the row's cap applies", contestations.GridRow{Basis: facilities.BasisPerDay, UnitCents: 15000, CapCents: &cap400}, 5, 40000,
			"€ 150,00 × 5 giorni = € 750,00; ridotta al tetto della voce € 400,00"},
		{"under the cap nothing changes", contestations.GridRow{Basis: facilities.BasisPerDay, UnitCents: 15000, CapCents: &cap400}, 2, 30000,
			"€ 150,00 × 2 giorni = € 300,00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, calc := contestations.Compute(tc.row, tc.qty, contractCents)
			if got != tc.want || calc != tc.wantCalc {
				t.Errorf("Compute = %d, %q; want %d, %q", got, calc, tc.want, tc.wantCalc)
			}
		})
	}
}

func TestComputePerMilleOfAHugeContractDoesNotOverflow(t *testing.T) {
	got, _ := contestations.Compute(contestations.GridRow{Basis: facilities.BasisPerMille, RatePPM: 100000}, 100, 99_999_999_999_999)
	if got <= 0 {
		t.Fatalf("Compute = %d; want a large positive amount", got)
	}
}

func TestTenPercentWarning(t *testing.T) {
	for _, tc := range []struct {
		cumulative int64
		want       contestations.Level
		percent    string
	}{
		{79_999, contestations.Safe, "8,0%"},
		{80_000, contestations.Near, "8,0%"},
		{100_000, contestations.Near, "10,0%"},
		{100_001, contestations.Over, "10,0%"},
		{150_000, contestations.Over, "15,0%"},
	} {
		w := contestations.Assess(tc.cumulative, contractCents)
		if w.Level != tc.want || !strings.HasPrefix(w.Percent(), tc.percent) {
			t.Errorf("Assess(%d) = level %d, %s; want level %d, %s", tc.cumulative, w.Level, w.Percent(), tc.want, tc.percent)
		}
	}
}
