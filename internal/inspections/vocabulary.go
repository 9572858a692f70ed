package inspections

// Severity is how serious a non-conformity of an item is by default; the
// inspector may change it on the spot.
type Severity string

// Severities, mildest first.
const (
	Low      Severity = "low"
	Medium   Severity = "medium"
	High     Severity = "high"
	Critical Severity = "critical"
)

// Severities lists every severity in display order.
var Severities = []Severity{Low, Medium, High, Critical}

var severityLabels = map[Severity]string{Low: "Lieve", Medium: "Media", High: "Grave", Critical: "Gravissima"}

// Label is the severity's Italian name (a catalogue key).
func (s Severity) Label() string { return severityLabels[s] }

// Valid reports whether s is a known severity.
func (s Severity) Valid() bool { _, ok := severityLabels[s]; return ok }

// Code is a value of an applicability set with its Italian label.
type Code struct {
	Value string
	Label string
}

// Capitolati are the ministry's contract templates an item may apply to.
var Capitolati = []Code{
	{"2017", "Capitolato 2017"}, {"2019", "Capitolato 2019"},
	{"2021", "Capitolato 2021"}, {"2024", "Capitolato 2024"},
}

// SystemTypes are the reception systems a facility belongs to, with the
// codes the facility registry stores, so a facility's values can be passed
// to ItemsFor as they are.
var SystemTypes = []Code{
	{"cas", "CAS - accoglienza straordinaria"}, {"cpa", "CPA - prima accoglienza"},
	{"sai", "SAI - sistema di accoglienza e integrazione"},
	{"msna1", "MSNA - prima accoglienza"}, {"msna2", "MSNA - seconda accoglienza"},
}

// Typologies are the physical forms of a facility.
var Typologies = []Code{
	{"apartment", "Appartamento"}, {"collective", "Centro collettivo"},
	{"hotel", "Struttura alberghiera"}, {"barracks", "Ex caserma"}, {"other", "Altro"},
}

// labels returns the labels of values in the order of codes.
func labels(codes []Code, values []string) []string {
	var out []string
	for _, c := range codes {
		for _, v := range values {
			if v == c.Value {
				out = append(out, c.Label)
			}
		}
	}
	return out
}

// known reports whether every value is one of codes.
func known(codes []Code, values []string) bool {
	for _, v := range values {
		found := false
		for _, c := range codes {
			found = found || c.Value == v
		}
		if !found {
			return false
		}
	}
	return true
}

// CapitolatoLabels, SystemTypeLabels and TypologyLabels name the item's
// applicability for display.
func (in ItemInput) CapitolatoLabels() []string { return labels(Capitolati, in.Capitolati) }
func (in ItemInput) SystemTypeLabels() []string { return labels(SystemTypes, in.SystemTypes) }
func (in ItemInput) TypologyLabels() []string   { return labels(Typologies, in.Typologies) }
