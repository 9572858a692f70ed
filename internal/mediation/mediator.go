package mediation

import "time"

// Mediator is a person of a provider organisation who mediates; UserID
// links their login, when they have one.
type Mediator struct {
	ID           int64
	UserID       int64
	ProviderID   int64
	ProviderName string
	Name         string
	Email        string
	Phone        string
	InPerson     bool
	PhoneMode    bool
	Video        bool
	Areas        []Area
	Notes        string
	Active       bool
	ICalToken    string
	Languages    []Spoken
	Municipality []string // ISTAT codes covered in person
	Weekly       []Window
	Leave        []Leave
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Spoken is a language a mediator speaks, with the level.
type Spoken struct {
	Code  string
	Name  string
	Level Level
}

// Window is a weekly availability: weekday 1 (Monday) to 7, minutes from
// midnight, Rome time, [StartMin, EndMin).
type Window struct {
	Weekday  int
	StartMin int
	EndMin   int
}

// Leave is an exception to the weekly availability, from one day to
// another inclusive (Rome dates).
type Leave struct {
	ID       int64
	From, To time.Time
	Note     string
}

// Offers reports whether the mediator works in mode m.
func (m *Mediator) Offers(mode Mode) bool {
	switch mode {
	case InPerson:
		return m.InPerson
	case Phone:
		return m.PhoneMode
	case Video:
		return m.Video
	}
	return false
}

// HasArea reports whether the mediator is trained for area a.
func (m *Mediator) HasArea(a Area) bool {
	for _, x := range m.Areas {
		if x == a {
			return true
		}
	}
	return false
}
