// Package contestations is the contestazione di addebito: the formal
// charge the Prefettura sends a managing body, by PEC, for findings of
// signed inspections, the body's counter-deductions, the decision and the
// penalty computed from the contract's grid.
package contestations

import (
	"strconv"
	"time"
)

// State is where a contestation stands. "Deadline passed" is not stored:
// it is a notified contestation read after its reply deadline.
type State string

// The lifecycle of DOMAIN.md.
const (
	Draft     State = "draft"
	Notified  State = "notified"
	Replied   State = "replied"
	Archived  State = "archived"
	Penalised State = "penalised"
	Executed  State = "executed"
)

// States are the stored states in lifecycle order, with their labels.
var States = []struct {
	Value State
	Label string
}{
	{Draft, "Bozza"}, {Notified, "Notificata"}, {Replied, "Controdeduzioni pervenute"},
	{Archived, "Archiviata"}, {Penalised, "Penale applicata"}, {Executed, "Eseguita"},
}

// Label is the state's Italian name.
func (s State) Label() string {
	for _, x := range States {
		if x.Value == s {
			return x.Label
		}
	}
	return string(s)
}

// Valid reports whether s is a stored state.
func (s State) Valid() bool { return s.Label() != string(s) }

// openStates await something: a reply, a decision or its execution.
var openStates = []State{Notified, Replied, Penalised}

// Method is how an applied penalty is recovered.
type Method string

// Execution methods.
const (
	ByInvoice   Method = "invoice"
	ByGuarantee Method = "guarantee"
)

// Label is the method's Italian name.
func (m Method) Label() string {
	switch m {
	case ByInvoice:
		return "Detrazione dalla fattura"
	case ByGuarantee:
		return "Escussione della cauzione"
	}
	return string(m)
}

// Deadline days for counter-deductions: ten by default, as most
// capitolati say; the Prefettura may set five to fifteen.
const (
	DefaultDays = 10
	MinDays     = 5
	MaxDays     = 15
)

// Contestation is one charge against a managing body. Money in cents.
type Contestation struct {
	ID                         int64
	FacilityID                 int64
	FacilityCode, FacilityName string
	ContractID                 int64
	CIG                        string
	ContractCents              int64
	BodyID                     int64
	BodyName                   string
	InspectionID               int64
	State                      State
	PECDate                    *time.Time
	PECReference               string
	DeadlineDays               int
	Deadline                   *time.Time
	NotifiedAt                 *time.Time
	ReplyText                  string
	RepliedAt                  *time.Time
	Decision                   string // "archived" or "penalty"
	DecisionReason             string
	DecidedAt                  *time.Time
	PenaltyCents               int64
	ExecutionMethod            Method
	ExecutedOn                 *time.Time
	ExecutionReference         string
	ExecutedAt                 *time.Time
	CreatedBy                  int64
	CreatedByName              string
	CreatedAt, UpdatedAt       time.Time
	Findings                   []*Finding
	Documents                  []Document
}

// DeadlinePassed reports whether, at now, the body's time to reply ran out
// without counter-deductions.
func (c *Contestation) DeadlinePassed(now time.Time) bool {
	return c.State == Notified && c.Deadline != nil && day(now).After(*c.Deadline)
}

// StateLabel is the state as the pages say it, the computed one included.
func (c *Contestation) StateLabel(now time.Time) string {
	if c.DeadlinePassed(now) {
		return "Termine scaduto"
	}
	return c.State.Label()
}

// Decided reports whether the Prefettura has decided.
func (c *Contestation) Decided() bool {
	return c.State == Archived || c.State == Penalised || c.State == Executed
}

// Total is the sum of the findings' penalties.
func (c *Contestation) Total() int64 {
	var t int64
	for _, f := range c.Findings {
		t += f.AmountCents
	}
	return t
}

// URL is the contestation's page.
func (c *Contestation) URL() string { return contestURL(c.ID) }

func contestURL(id int64) string { return listURL + "/" + itoa(id) }

const listURL = "/contestazioni"

// Document is a file of the contestation.
type Document struct {
	FileID      int64
	Kind        string
	Name        string
	ContentType string
	Size        int64
	SHA256      string
	UploadedAt  time.Time
}

// KindLabel names what the document is.
func (d Document) KindLabel() string {
	switch d.Kind {
	case kindPEC:
		return "Contestazione inviata via PEC"
	case kindReply:
		return "Controdeduzioni"
	}
	return "Documento"
}

// Document kinds.
const (
	kindPEC   = "pec"
	kindReply = "reply"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// day is t's calendar date at midnight UTC, as dates are stored.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
