package facilities

// CapBand is a population band and its default cap of asylum-seeker
// places: a Comune with fewer than MaxPopulation inhabitants gets Places
// unless the Prefettura sets its own figure.
type CapBand struct {
	MaxPopulation int // exclusive; 0 for the last, open band
	Places        int
}

// CapBands are the default caps. Only the first band is documented (20
// places under 3,000 inhabitants); the others extend it at roughly 3 to 4
// places per thousand inhabitants, the proportion of the national
// distribution plan. They are defaults: every Comune's cap is editable.
var CapBands = []CapBand{
	{MaxPopulation: 3000, Places: 20},
	{MaxPopulation: 10000, Places: 40},
	{MaxPopulation: 30000, Places: 80},
	{MaxPopulation: 60000, Places: 150},
	{MaxPopulation: 0, Places: 300},
}

// DefaultCap is the cap of the band population falls in.
func DefaultCap(population int) int {
	for _, b := range CapBands {
		if b.MaxPopulation == 0 || population < b.MaxPopulation {
			return b.Places
		}
	}
	return CapBands[len(CapBands)-1].Places
}

// MunicipalityCap compares a Comune's cap with the places of its active
// facilities.
type MunicipalityCap struct {
	ISTATCode  string
	Name       string
	Population int
	Default    int
	Set        *int // the Prefettura's figure, nil when the default applies
	Facilities int  // active facilities
	Places     int  // contracted places of the active facilities
}

// Cap is the cap in force.
func (m *MunicipalityCap) Cap() int {
	if m.Set != nil {
		return *m.Set
	}
	return m.Default
}

// Over reports whether the active places exceed the cap.
func (m *MunicipalityCap) Over() bool { return m.Places > m.Cap() }
