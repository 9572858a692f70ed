package presences

import (
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
)

// Source is how a day's presences reached the platform.
type Source string

// Sources.
const (
	SourceForm   Source = "form"
	SourceUpload Source = "upload"
	SourceAPI    Source = "api"
)

// Counts are the figures a managing body reports for one facility and day.
type Counts struct {
	Present        int `json:"present"`
	Arrivals       int `json:"arrivals"`
	ExitsTransfer  int `json:"exits_transfer"`
	ExitsVoluntary int `json:"exits_voluntary"`
	ExitsRevoca    int `json:"exits_revoca"`
	ExitsEnd       int `json:"exits_end"`
	ExitsOther     int `json:"exits_other"`
	Absences       int `json:"absences"`
	Unjustified    int `json:"unjustified"`
}

// countFields name the counts in forms, files, columns and audit entries,
// in the order the import file lists them.
var countFields = []string{"present", "arrivals", "exits_transfer", "exits_voluntary", "exits_revoca",
	"exits_end", "exits_other", "absences", "unjustified"}

// countLabels are the Italian labels of countFields.
var countLabels = map[string]string{
	"present": "Presenti", "arrivals": "Ingressi", "exits_transfer": "Uscite per trasferimento",
	"exits_voluntary": "Uscite per allontanamento volontario", "exits_revoca": "Uscite per revoca delle misure",
	"exits_end": "Uscite per fine accoglienza", "exits_other": "Uscite per altri motivi",
	"absences": "Assenze giustificate", "unjustified": "Assenze ingiustificate",
}

// ptrs gives the counts in countFields order, for scanning and parsing.
func (c *Counts) ptrs() []*int {
	return []*int{&c.Present, &c.Arrivals, &c.ExitsTransfer, &c.ExitsVoluntary, &c.ExitsRevoca,
		&c.ExitsEnd, &c.ExitsOther, &c.Absences, &c.Unjustified}
}

// values gives the counts in countFields order.
func (c Counts) values() []int {
	out := make([]int, len(countFields))
	for i, p := range c.ptrs() {
		out[i] = *p
	}
	return out
}

// Exits is the total of the exits of the day, whatever the reason.
func (c Counts) Exits() int {
	return c.ExitsTransfer + c.ExitsVoluntary + c.ExitsRevoca + c.ExitsEnd + c.ExitsOther
}

// Presence is one facility's report for one day.
type Presence struct {
	ID         int64
	FacilityID int64
	Day        time.Time // midnight UTC of the calendar day in Europe/Rome
	Counts
	Notes      string
	Source     Source
	Late       bool
	ReportedBy int64
	ReportedAt time.Time
	UpdatedAt  time.Time
}

// Validate checks p against its facility's authorised places and today.
func (p *Presence) Validate(authorised int, today time.Time) error {
	f := apperr.Fields{}
	for i, v := range p.values() {
		f.Check(v >= 0, countFields[i], "Il valore non può essere negativo.")
	}
	if p.Present >= 0 {
		f.Check(p.Present <= authorised, "present", "Le presenze superano i posti autorizzati")
	}
	f.Check(!p.Day.IsZero(), "day", "Indica una data valida.")
	if !p.Day.IsZero() {
		f.Check(!p.Day.After(today), "day", "Non si possono indicare presenze per un giorno futuro.")
	}
	f.Check(len(p.Notes) <= 2000, "notes", "Le note sono troppo lunghe (massimo 2000 caratteri).")
	return f.Err()
}

// same reports whether p and q carry the same figures and notes: a report
// identical to the stored one changes nothing.
func (p *Presence) same(q *Presence) bool { return p.Counts == q.Counts && p.Notes == q.Notes }

// fields are p's auditable fields.
func (p *Presence) fields() audit.Fields {
	out := audit.Fields{"facility_id": p.FacilityID, "day": dayText(p.Day), "notes": p.Notes, "source": string(p.Source)}
	for i, v := range p.values() {
		out[countFields[i]] = v
	}
	return out
}
