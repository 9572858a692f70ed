package facilities_test

import (
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/apperr"
)

func validFacility() *facilities.Facility {
	return &facilities.Facility{Name: "Appartamento Via Roma", System: facilities.SystemCAS, Typology: "apartment",
		Guests: []facilities.Guest{"men"}, Address: "Via Roma 1", ISTATCode: "006003", AuthorisedPlaces: 6,
		ContractedPlaces: 5, BodyID: 1}
}

func TestFacilityValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(f *facilities.Facility)
		field string // "" when valid
	}{
		{"a complete facility is valid", func(*facilities.Facility) {}, ""},
		{"a blank name is refused", func(f *facilities.Facility) { f.Name = "  " }, "name"},
		{"an unknown system type is refused", func(f *facilities.Facility) { f.System = "hotspot" }, "system_type"},
		{"no target guests is refused", func(f *facilities.Facility) { f.Guests = nil }, "guests"},
		{"an unknown guest group is refused", func(f *facilities.Facility) { f.Guests = []facilities.Guest{"aliens"} }, "guests"},
		{"zero authorised places is refused", func(f *facilities.Facility) { f.AuthorisedPlaces, f.ContractedPlaces = 0, 0 }, "authorised_places"},
		{"more contracted than authorised places is refused", func(f *facilities.Facility) { f.ContractedPlaces = 7 }, "contracted_places"},
		{"a missing managing body is refused", func(f *facilities.Facility) { f.BodyID = 0 }, "managing_body_id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := validFacility()
			tc.edit(f)
			checkField(t, f.Validate(), tc.field)
		})
	}
}

func TestContractAndPenaltyValidate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	contract := func(edit func(c *facilities.Contract)) error {
		c := &facilities.Contract{CIG: "a1b2c3d4e5", Procedure: "open", Capitolato: "2024", BodyID: 1,
			SignedOn: day(2024, 1, 1), ExpiresOn: day(2026, 1, 1), AmountCents: 100000000, PriceCents: 2950, Places: 50}
		edit(c)
		return c.Validate()
	}
	penalty := func(edit func(p *facilities.Penalty)) error {
		p := &facilities.Penalty{Code: "p01", Description: "Ritardo", Basis: facilities.BasisPerDay, AmountCents: 10000}
		edit(p)
		return p.Validate()
	}
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"a contract with a lower-case CIG is valid", contract(func(*facilities.Contract) {}), ""},
		{"a nine-character CIG is refused", contract(func(c *facilities.Contract) { c.CIG = "A1B2C3D4E" }), "cig"},
		{"a CIG with symbols is refused", contract(func(c *facilities.Contract) { c.CIG = "A1B2C3-4E5" }), "cig"},
		{"an unknown capitolato is refused", contract(func(c *facilities.Contract) { c.Capitolato = "2018" }), "capitolato"},
		{"expiry before signature is refused", contract(func(c *facilities.Contract) { c.ExpiresOn = day(2023, 1, 1) }), "expires_on"},
		{"an extension before expiry is refused", contract(func(c *facilities.Contract) { e := day(2025, 6, 1); c.ExtendedTo = &e }), "extended_to"},
		{"a zero price is refused", contract(func(c *facilities.Contract) { c.PriceCents = 0 }), "price"},
		{"a per-day penalty with an amount is valid", penalty(func(*facilities.Penalty) {}), ""},
		{"a per-mille penalty needs a rate", penalty(func(p *facilities.Penalty) { p.Basis = facilities.BasisPerMille }), "rate"},
		{"a per-mille penalty with a rate is valid", penalty(func(p *facilities.Penalty) { p.Basis, p.RatePPM = facilities.BasisPerMille, 1500 }), ""},
		{"a fixed penalty needs an amount", penalty(func(p *facilities.Penalty) { p.Basis, p.AmountCents = facilities.BasisFixed, 0 }), "amount"},
		{"an unknown basis is refused", penalty(func(p *facilities.Penalty) { p.Basis = "per_hour" }), "basis"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkField(t, tc.err, tc.field) })
	}
}

func checkField(t *testing.T, err error, field string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatalf("Validate() = %v; want nil", err)
		}
		return
	}
	if _, ok := apperr.FieldsOf(err)[field]; !ok || apperr.KindOf(err) != apperr.Invalid {
		t.Fatalf("Validate() = %v (fields %v); want a message for %q", err, apperr.FieldsOf(err), field)
	}
}

func TestDocumentStatus(t *testing.T) {
	today := time.Date(2025, 3, 10, 15, 0, 0, 0, time.UTC)
	on := func(y int, m time.Month, d int) *time.Time { v := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); return &v }
	tests := []struct {
		name    string
		expires *time.Time
		want    facilities.ExpiryStatus
	}{
		{"a document without expiry is valid", nil, facilities.DocValid},
		{"expiring in 31 days is valid", on(2025, 4, 10), facilities.DocValid},
		{"expiring in 30 days is flagged", on(2025, 4, 9), facilities.DocExpiring},
		{"expiring today is flagged", on(2025, 3, 10), facilities.DocExpiring},
		{"expired yesterday is expired", on(2025, 3, 9), facilities.DocExpired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &facilities.Document{ExpiresOn: tc.expires}
			if got := d.Status(today); got != tc.want {
				t.Errorf("Status = %s; want %s", got, tc.want)
			}
		})
	}
}

func TestDefaultCapByPopulationBand(t *testing.T) {
	tests := []struct {
		population, want int
	}{
		{0, 20}, {2999, 20}, {3000, 40}, {9999, 40}, {10000, 80}, {29999, 80}, {30000, 150}, {59999, 150}, {60000, 300}, {900000, 300},
	}
	for _, tc := range tests {
		if got := facilities.DefaultCap(tc.population); got != tc.want {
			t.Errorf("DefaultCap(%d) = %d; want %d", tc.population, got, tc.want)
		}
	}
}
