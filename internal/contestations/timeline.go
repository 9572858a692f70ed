package contestations

import (
	"sort"
	"time"

	"github.com/crocevia/crocevia/internal/facilities"
)

// Event is one step of a contestation's life, for the page and the dossier.
type Event struct {
	On     time.Time
	Label  string
	Detail string
	// Date is true when On is a calendar date (PEC, deadline, execution)
	// rather than the moment something was recorded.
	Date bool
}

// Timeline lists c's steps so far in order, with the deadline passing when
// it has at now.
func (c *Contestation) Timeline(now time.Time) []Event {
	ev := []Event{{On: c.CreatedAt, Label: "Bozza creata", Detail: c.CreatedByName}}
	if c.PECDate != nil {
		ev = append(ev, Event{On: *c.PECDate, Label: "Notificata via PEC", Detail: c.PECReference, Date: true})
	}
	if c.Deadline != nil && day(now).After(*c.Deadline) && (c.RepliedAt == nil || c.Late()) {
		ev = append(ev, Event{On: *c.Deadline, Label: "Termine per le controdeduzioni scaduto", Date: true})
	}
	if c.RepliedAt != nil {
		ev = append(ev, Event{On: *c.RepliedAt, Label: "Controdeduzioni pervenute"})
	}
	if c.DecidedAt != nil {
		e := Event{On: *c.DecidedAt, Label: "Decisa: archiviata", Detail: c.DecisionReason}
		if c.Decision == "penalty" {
			e.Label, e.Detail = "Decisa: penale applicata", facilities.Euro(c.PenaltyCents)+" · "+c.DecisionReason
		}
		ev = append(ev, e)
	}
	if c.ExecutedOn != nil {
		label := "Eseguita: detrazione dalla fattura"
		if c.ExecutionMethod == ByGuarantee {
			label = "Eseguita: escussione della cauzione"
		}
		ev = append(ev, Event{On: *c.ExecutedOn, Label: label, Detail: c.ExecutionReference, Date: true})
	}
	sort.SliceStable(ev, func(i, j int) bool { return day(ev[i].On).Before(day(ev[j].On)) })
	return ev
}

// Late reports whether the counter-deductions arrived after the deadline.
func (c *Contestation) Late() bool {
	return c.RepliedAt != nil && c.Deadline != nil && day(*c.RepliedAt).After(*c.Deadline)
}

// Pending reports whether the deadline is still running at now.
func (c *Contestation) Pending(now time.Time) bool {
	return c.State == Notified && !c.DeadlinePassed(now)
}

// TotalText and PenaltyText are amounts, formatted.
func (c *Contestation) TotalText() string   { return facilities.Euro(c.Total()) }
func (c *Contestation) PenaltyText() string { return facilities.Euro(c.PenaltyCents) }

// ContractText is the contract's value, formatted.
func (c *Contestation) ContractText() string { return facilities.Euro(c.ContractCents) }

// AmountText is the finding's penalty, formatted.
func (f *Finding) AmountText() string { return facilities.Euro(f.AmountCents) }

var resultLabels = map[string]string{"non_conforming": "Non conforme", "partial": "Parzialmente conforme"}
var severityLabels = map[string]string{"low": "Lieve", "medium": "Media", "high": "Grave", "critical": "Gravissima"}

// ResultLabel and SeverityLabel name the inspection's answer.
func (f *Finding) ResultLabel() string   { return resultLabels[f.Result] }
func (f *Finding) SeverityLabel() string { return severityLabels[f.Severity] }
