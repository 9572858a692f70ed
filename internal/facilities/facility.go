package facilities

import (
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
)

// Facility is one reception facility of the registry. Its Code is
// permanent: other modules (presences, inspections, contestations) name a
// facility by ID or Code, and neither ever changes or is reused.
type Facility struct {
	ID               int64
	Code             string
	Name             string
	System           SystemType
	Typology         Typology
	Guests           []Guest
	Address          string
	ISTATCode        string
	Municipality     string
	AuthorisedPlaces int
	ContractedPlaces int
	BodyID           int64
	BodyName         string
	State            State
	StateSince       time.Time
	OpenedOn         *time.Time
	ClosedOn         *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Validate checks the registry fields a user enters.
func (f *Facility) Validate() error {
	f.Name = strings.TrimSpace(f.Name)
	f.Address = strings.TrimSpace(f.Address)
	f.ISTATCode = strings.TrimSpace(f.ISTATCode)
	e := apperr.Fields{}
	e.Check(f.Name != "", "name", "Inserisci la denominazione della struttura.")
	e.Check(len(f.Name) <= 200, "name", "La denominazione è troppo lunga (massimo 200 caratteri).")
	e.Check(f.System.Valid(), "system_type", "Scegli la tipologia di accoglienza.")
	e.Check(f.Typology.Valid(), "typology", "Scegli la tipologia fisica.")
	e.Check(len(f.Guests) > 0, "guests", "Indica almeno una tipologia di ospiti.")
	for _, g := range f.Guests {
		e.Check(g.Valid(), "guests", "Tipologia di ospiti non valida.")
	}
	e.Check(f.Address != "", "address", "Inserisci l'indirizzo.")
	e.Check(len(f.ISTATCode) == 6, "istat_code", "Scegli il Comune.")
	e.Check(f.AuthorisedPlaces > 0 && f.AuthorisedPlaces <= 5000, "authorised_places", "I posti autorizzati devono essere tra 1 e 5000.")
	e.Check(f.ContractedPlaces >= 0, "contracted_places", "I posti in convenzione non possono essere negativi.")
	e.Check(f.ContractedPlaces <= f.AuthorisedPlaces, "contracted_places", "I posti in convenzione non possono superare quelli autorizzati.")
	e.Check(f.BodyID > 0, "managing_body_id", "Scegli l'ente gestore.")
	return e.Err()
}

// GuestsText is the stored form of the target guests.
func (f *Facility) GuestsText() string {
	parts := make([]string, len(f.Guests))
	for i, g := range f.Guests {
		parts[i] = string(g)
	}
	return strings.Join(parts, ",")
}

func parseGuests(s string) []Guest {
	var out []Guest
	for _, p := range strings.Split(s, ",") {
		if p != "" {
			out = append(out, Guest(p))
		}
	}
	return out
}

// HasGuest reports whether the facility is meant for guests of group g.
func (f *Facility) HasGuest(g string) bool {
	for _, x := range f.Guests {
		if string(x) == g {
			return true
		}
	}
	return false
}

func (f *Facility) auditFields() audit.Fields {
	return audit.Fields{"code": f.Code, "name": f.Name, "system_type": string(f.System), "typology": string(f.Typology),
		"guests": f.GuestsText(), "address": f.Address, "istat_code": f.ISTATCode,
		"authorised_places": f.AuthorisedPlaces, "contracted_places": f.ContractedPlaces,
		"managing_body_id": f.BodyID, "state": string(f.State), "state_since": dateText(f.StateSince)}
}

// Filter selects facilities for the list; nil fields do not filter.
type Filter struct {
	ISTATCode *string
	BodyID    *int64
	System    *SystemType
	State     *State
	Text      *string // part of the name or the code
	Limit     int
	Offset    int
}

// day is t's calendar date at midnight UTC: dates are stored so, on both
// engines, whatever the time of the action.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
