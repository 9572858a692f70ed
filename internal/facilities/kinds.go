package facilities

import "github.com/crocevia/crocevia/internal/platform/web"

// choice is one value of a closed list with its Italian label (a catalogue
// key). The lists below are the registry's vocabulary, in display order.
type choice struct {
	Value string
	Label string
}

func labelOf(list []choice, v string) string {
	for _, c := range list {
		if c.Value == v {
			return c.Label
		}
	}
	return v
}

func valid(list []choice, v string) bool {
	for _, c := range list {
		if c.Value == v {
			return true
		}
	}
	return false
}

func options(list []choice) []web.Option {
	out := make([]web.Option, len(list))
	for i, c := range list {
		out[i] = web.Option{Value: c.Value, Label: c.Label}
	}
	return out
}

// SystemType is the reception system a facility belongs to.
type SystemType string

// System types.
const (
	SystemCAS   SystemType = "cas"
	SystemCPA   SystemType = "cpa"
	SystemSAI   SystemType = "sai"
	SystemMSNA1 SystemType = "msna1"
	SystemMSNA2 SystemType = "msna2"
)

var systemTypes = []choice{
	{string(SystemCAS), "CAS - accoglienza straordinaria"},
	{string(SystemCPA), "CPA - prima accoglienza"},
	{string(SystemSAI), "SAI - sistema di accoglienza e integrazione"},
	{string(SystemMSNA1), "MSNA - prima accoglienza"},
	{string(SystemMSNA2), "MSNA - seconda accoglienza"},
}

// codePrefixes name the counter each system type draws its codes from.
var codePrefixes = map[SystemType]string{
	SystemCAS: "AL-CAS", SystemCPA: "AL-CPA", SystemSAI: "AL-SAI", SystemMSNA1: "AL-MS1", SystemMSNA2: "AL-MS2",
}

func (s SystemType) Label() string { return labelOf(systemTypes, string(s)) }
func (s SystemType) Valid() bool   { return valid(systemTypes, string(s)) }

// Typology is the physical form of a facility.
type Typology string

var typologies = []choice{
	{"apartment", "Appartamento"},
	{"collective", "Centro collettivo"},
	{"hotel", "Struttura alberghiera"},
	{"barracks", "Ex caserma"},
	{"other", "Altro"},
}

func (t Typology) Label() string { return labelOf(typologies, string(t)) }
func (t Typology) Valid() bool   { return valid(typologies, string(t)) }

// Guest is one group of guests a facility is meant for.
type Guest string

var guestGroups = []choice{
	{"men", "Uomini"},
	{"women", "Donne"},
	{"families", "Nuclei familiari"},
	{"vulnerable", "Persone vulnerabili"},
	{"minors", "Minori"},
}

func (g Guest) Label() string { return labelOf(guestGroups, string(g)) }
func (g Guest) Valid() bool   { return valid(guestGroups, string(g)) }

// State is where a facility is in its life.
type State string

// Facility states.
const (
	StateProposed     State = "proposed"
	StateVerification State = "verification"
	StateActive       State = "active"
	StateSuspended    State = "suspended"
	StateClosed       State = "closed"
)

var states = []choice{
	{string(StateProposed), "Proposta"},
	{string(StateVerification), "In verifica"},
	{string(StateActive), "Attiva"},
	{string(StateSuspended), "Sospesa"},
	{string(StateClosed), "Chiusa"},
}

func (s State) Label() string { return labelOf(states, string(s)) }
func (s State) Valid() bool   { return valid(states, string(s)) }

// transitions are the state changes allowed. A closed facility stays
// closed: reopening it means registering a new facility with a new code.
var transitions = map[State][]State{
	StateProposed:     {StateVerification, StateActive, StateClosed},
	StateVerification: {StateProposed, StateActive, StateClosed},
	StateActive:       {StateSuspended, StateClosed},
	StateSuspended:    {StateActive, StateClosed},
}

// Next lists the states a facility in s may move to.
func (s State) Next() []State { return transitions[s] }

// CanMoveTo reports whether s may change to next.
func (s State) CanMoveTo(next State) bool {
	for _, n := range transitions[s] {
		if n == next {
			return true
		}
	}
	return false
}

// DocKind is the kind of a compliance document.
type DocKind string

var docKinds = []choice{
	{"habitability", "Agibilità"},
	{"fire", "Prevenzione incendi"},
	{"insurance", "Assicurazione"},
	{"other", "Altro"},
}

func (k DocKind) Label() string { return labelOf(docKinds, string(k)) }
func (k DocKind) Valid() bool   { return valid(docKinds, string(k)) }
