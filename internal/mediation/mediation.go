// Package mediation is cultural mediation for public services: a service
// requests a mediator for a language and a slot, a coordinator matches
// one, the mediator confirms and delivers, the service signs off, and
// every hour is counted against the funding line it draws on.
package mediation

import (
	"time"

	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// State is where a request stands in its lifecycle.
type State string

// The states of a request: the main line in order, then the exits.
const (
	Draft     State = "draft"
	Sent      State = "sent"
	Validated State = "validated"
	Assigned  State = "assigned"
	Confirmed State = "confirmed"
	Delivered State = "delivered"
	Reported  State = "reported"
	Approved  State = "approved"

	Refused       State = "refused"
	CancelledTime State = "cancelled_in_time"
	CancelledLate State = "cancelled_late"
	NoShow        State = "no_show"
)

// States lists every state: the main line, then the exits.
var States = []State{Draft, Sent, Validated, Assigned, Confirmed, Delivered, Reported, Approved,
	Refused, CancelledTime, CancelledLate, NoShow}

var stateLabels = map[State]string{
	Draft:         "Bozza",
	Sent:          "Inviata",
	Validated:     "Convalidata",
	Assigned:      "Assegnata",
	Confirmed:     "Confermata",
	Delivered:     "Svolta",
	Reported:      "Rendicontata",
	Approved:      "Approvata",
	Refused:       "Rifiutata",
	CancelledTime: "Annullata in tempo",
	CancelledLate: "Annullata in ritardo",
	NoShow:        "Utente assente",
}

// Label is the state's Italian name (a catalogue key).
func (s State) Label() string { return stateLabels[s] }

// Valid reports whether s is a known state.
func (s State) Valid() bool { _, ok := stateLabels[s]; return ok }

// Booked reports whether a request in state s holds a mediator's slot and
// hours of the budget.
func (s State) Booked() bool {
	switch s {
	case Assigned, Confirmed, Delivered, Reported:
		return true
	}
	return false
}

// Closed reports whether s ends the lifecycle.
func (s State) Closed() bool {
	switch s {
	case Approved, Refused, CancelledTime, CancelledLate, NoShow:
		return true
	}
	return false
}

// Consumes reports whether a request in state s has consumed its counted
// hours of the budget.
func (s State) Consumes() bool { return s == Approved || s == CancelledLate || s == NoShow }

// Urgency is how soon the service needs the mediator.
type Urgency string

// Urgencies: a scheduled appointment, an urgent one, and codice rosa for
// violence, to be covered within hours.
const (
	Scheduled  Urgency = "scheduled"
	Urgent     Urgency = "urgent"
	CodiceRosa Urgency = "codice_rosa"
)

// Urgencies in display order.
var Urgencies = []Urgency{Scheduled, Urgent, CodiceRosa}

var urgencyLabels = map[Urgency]string{
	Scheduled:  "Programmata",
	Urgent:     "Urgente",
	CodiceRosa: "Codice rosa (violenza, entro poche ore)",
}

// Label is the urgency's Italian name.
func (u Urgency) Label() string { return urgencyLabels[u] }

// Valid reports whether u is known.
func (u Urgency) Valid() bool { _, ok := urgencyLabels[u]; return ok }

// Broadcast reports whether a request of this urgency is offered to every
// matching mediator at once, the first to accept taking it.
func (u Urgency) Broadcast() bool { return u == Urgent || u == CodiceRosa }

// Mode is how the mediator takes part.
type Mode string

// Modes of mediation.
const (
	InPerson Mode = "in_person"
	Phone    Mode = "phone"
	Video    Mode = "video"
)

// Modes in display order.
var Modes = []Mode{InPerson, Phone, Video}

var modeLabels = map[Mode]string{InPerson: "In presenza", Phone: "Telefonica", Video: "Video"}

// Label is the mode's Italian name.
func (m Mode) Label() string { return modeLabels[m] }

// Valid reports whether m is known.
func (m Mode) Valid() bool { _, ok := modeLabels[m]; return ok }

// ServiceType is the kind of public service asking.
type ServiceType string

// Service types from the domain brief.
const (
	Health      ServiceType = "health"
	Questura    ServiceType = "questura"
	Prefettura  ServiceType = "prefettura"
	School      ServiceType = "school"
	Social      ServiceType = "social"
	CAS         ServiceType = "cas"
	Commissione ServiceType = "commissione"
)

// ServiceTypes in display order.
var ServiceTypes = []ServiceType{Health, Questura, Prefettura, School, Social, CAS, Commissione}

var serviceLabels = map[ServiceType]string{
	Health:      "Sanità",
	Questura:    "Questura",
	Prefettura:  "Prefettura",
	School:      "Scuola",
	Social:      "Servizi sociali",
	CAS:         "Centro di accoglienza (CAS)",
	Commissione: "Commissione territoriale",
}

// Label is the service type's Italian name.
func (t ServiceType) Label() string { return serviceLabels[t] }

// Valid reports whether t is known.
func (t ServiceType) Valid() bool { _, ok := serviceLabels[t]; return ok }

// Area is the field a mediator is trained for; each service type needs one.
func (t ServiceType) Area() Area {
	switch t {
	case Health:
		return AreaHealth
	case Questura, Prefettura, Commissione:
		return AreaLegal
	case School:
		return AreaSchool
	}
	return AreaSocial
}

// Area is a mediator's field of competence.
type Area string

// Areas of competence.
const (
	AreaHealth Area = "health"
	AreaLegal  Area = "legal"
	AreaSchool Area = "school"
	AreaSocial Area = "social"
)

// Areas in display order.
var Areas = []Area{AreaHealth, AreaLegal, AreaSchool, AreaSocial}

var areaLabels = map[Area]string{AreaHealth: "Sanitaria", AreaLegal: "Legale", AreaSchool: "Scolastica", AreaSocial: "Sociale"}

// Label is the area's Italian name.
func (a Area) Label() string { return areaLabels[a] }

// Valid reports whether a is known.
func (a Area) Valid() bool { _, ok := areaLabels[a]; return ok }

// Kind is what the mediator does: interpret at an appointment, or support
// the service's staff on the job over a block of hours.
type Kind string

// Kinds of request.
const (
	Interpreting Kind = "interpreting"
	OnTheJob     Kind = "on_the_job"
)

var kindLabels = map[Kind]string{Interpreting: "Mediazione in appuntamento", OnTheJob: "Affiancamento on the job"}

// Kinds in display order.
var Kinds = []Kind{Interpreting, OnTheJob}

// Label is the kind's Italian name.
func (k Kind) Label() string { return kindLabels[k] }

// Valid reports whether k is known.
func (k Kind) Valid() bool { _, ok := kindLabels[k]; return ok }

// Level is how well a mediator speaks a language.
type Level string

// Levels, best first.
var Levels = []Level{"native", "C2", "C1", "B2", "B1", "A2"}

var levelLabels = map[Level]string{"native": "Madrelingua", "C2": "C2", "C1": "C1", "B2": "B2", "B1": "B1", "A2": "A2"}

// Label is the level's Italian name.
func (l Level) Label() string { return levelLabels[l] }

// Valid reports whether l is known.
func (l Level) Valid() bool { _, ok := levelLabels[l]; return ok }

// Rank orders levels: 0 is native, higher is weaker.
func (l Level) Rank() int {
	for i, x := range Levels {
		if x == l {
			return i
		}
	}
	return len(Levels)
}

// romeZone is where slots are typed and shown.
var romeZone = i18n.Rome

// rome formats t as people read it, in Rome time.
func rome(t time.Time) string { return t.In(i18n.Rome).Format("02/01/2006 15:04") }
