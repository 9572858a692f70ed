package mediation

import (
	"crypto/rand"
	"encoding/base64"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

// mediatorEntity names mediators in the audit trail.
const mediatorEntity = "mediator"

const mediatorsURL = baseURL + "/mediatori"

// MediatorURL is the profile page of mediator id.
func MediatorURL(id int64) string { return mediatorsURL + "/" + strconv.FormatInt(id, 10) }

// URL is the mediator's profile page.
func (m *Mediator) URL() string { return MediatorURL(m.ID) }

// FeedURL is the path of the mediator's secret calendar feed.
func (m *Mediator) FeedURL() string { return calendarURL + "/" + m.ICalToken + ".ics" }

// MediatorFilter narrows a list of mediators; an empty field does not
// filter. Active keeps only the active mediators (as matching wants),
// Inactive only the others.
type MediatorFilter struct {
	IDs        []int64
	Language   string
	Area       Area
	ProviderID int64
	Active     bool
	Inactive   bool
}

// CanSeeMediator reports whether u reads mediator m's profile: the
// coordinators every one, a mediator their own.
func CanSeeMediator(u *auth.User, m *Mediator) bool {
	return CanCoordinate(u) || (u != nil && m.UserID != 0 && m.UserID == u.ID && u.HasRole(auth.RoleMediator))
}

// CanEditAvailability reports whether u changes m's weekly availability,
// leave and feed secret: the coordinators and the mediator themselves.
func CanEditAvailability(u *auth.User, m *Mediator) bool { return CanSeeMediator(u, m) }

// CanEditProfile reports whether u changes m's profile (provider,
// languages, areas, modes, municipalities): the coordinators only.
func CanEditProfile(u *auth.User) bool { return CanCoordinate(u) }

// Profile is what a coordinator enters about a mediator.
type Profile struct {
	ProviderID     int64
	UserID         int64 // 0: no login linked
	Name           string
	Email          string
	Phone          string
	InPerson       bool
	PhoneMode      bool
	Video          bool
	Areas          []Area
	Notes          string
	Active         bool
	Languages      []Spoken
	Municipalities []string
}

func (p *Profile) normalise() {
	for _, s := range []*string{&p.Name, &p.Email, &p.Phone, &p.Notes} {
		*s = strings.TrimSpace(*s)
	}
}

// Validate checks the fields a person types; the provider, the login,
// the languages and the municipalities are checked against the database
// by the store.
func (p *Profile) Validate() error {
	p.normalise()
	f := apperr.Fields{}
	f.Check(p.Name != "", "name", "Indica il nome del mediatore.")
	f.Check(utf8.RuneCountInString(p.Name) <= maxLine, "name", "Il nome è troppo lungo (massimo 200 caratteri).")
	f.Check(p.ProviderID > 0, "provider", "Scegli l'ente di appartenenza.")
	if p.Email != "" {
		_, err := mail.ParseAddress(p.Email)
		f.Check(err == nil && !strings.Contains(p.Email, " "), "email", "Indica un indirizzo e-mail valido.")
	}
	f.Check(utf8.RuneCountInString(p.Phone) <= 40, "phone", "Il telefono è troppo lungo (massimo 40 caratteri).")
	f.Check(utf8.RuneCountInString(p.Notes) <= maxText, "notes", "Le note sono troppo lunghe (massimo 2.000 caratteri).")
	f.Check(p.InPerson || p.PhoneMode || p.Video, "modes", "Scegli almeno una modalità.")
	f.Check(len(p.Areas) > 0, "areas", "Scegli almeno un ambito.")
	for _, a := range p.Areas {
		f.Check(a.Valid(), "areas", "Scegli gli ambiti dell'elenco.")
	}
	f.Check(len(p.Languages) > 0, "languages", "Indica almeno una lingua con il livello.")
	for _, l := range p.Languages {
		f.Check(l.Level.Valid(), "languages", "Scegli un livello dell'elenco per ogni lingua.")
	}
	f.Check(!p.InPerson || len(p.Municipalities) > 0, "municipalities", "Per gli interventi in presenza indica almeno un comune.")
	return f.Err()
}

// LeaveForm is a period of leave as typed: dates in the form aaaa-mm-gg
// (or gg/mm/aaaa), inclusive.
type LeaveForm struct {
	From, To string
	Note     string
}

// parse checks the form and returns the leave with its dates at midnight
// UTC, as dates are stored.
func (l LeaveForm) parse() (Leave, error) {
	f := apperr.Fields{}
	from, errFrom := parseLeaveDay(l.From)
	to, errTo := parseLeaveDay(l.To)
	f.Check(errFrom == nil, "from", "Indica la data di inizio nel formato gg/mm/aaaa.")
	f.Check(errTo == nil, "to", "Indica la data di fine nel formato gg/mm/aaaa.")
	if errFrom == nil && errTo == nil {
		f.Check(!to.Before(from), "to", "La fine dell'assenza non può precedere l'inizio.")
		f.Check(to.Sub(from) <= 366*24*time.Hour, "to", "Un'assenza dura al massimo un anno.")
	}
	note := strings.TrimSpace(l.Note)
	f.Check(utf8.RuneCountInString(note) <= maxLine, "note", "La nota è troppo lunga (massimo 200 caratteri).")
	return Leave{From: from, To: to, Note: note}, f.Err()
}

// parseLeaveDay reads a date as typed, at midnight UTC.
func parseLeaveDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t, err = time.Parse("02/01/2006", s)
	}
	return t, err
}

// validWindows checks a weekly availability: each window on a weekday,
// within the day, start before end, no two overlapping on one day.
func validWindows(ws []Window) error {
	f := apperr.Fields{}
	for i, w := range ws {
		field := "weekly_" + strconv.Itoa(w.Weekday)
		f.Check(w.Weekday >= 1 && w.Weekday <= 7, "weekly", "Scegli un giorno della settimana.")
		f.Check(w.StartMin >= 0 && w.EndMin <= minutesPerDay && w.StartMin < w.EndMin, field,
			"L'orario di fine deve seguire quello di inizio, nello stesso giorno.")
		for _, o := range ws[:i] {
			if o.Weekday == w.Weekday && o.StartMin < w.EndMin && w.StartMin < o.EndMin {
				f.Add(field, "Due fasce dello stesso giorno si sovrappongono.")
			}
		}
	}
	return f.Err()
}

const minutesPerDay = 24 * 60

// newICalToken is a fresh secret for a calendar feed: 32 random bytes,
// URL-safe.
func newICalToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// validToken reports whether s looks like a feed secret, before any query.
func validToken(s string) bool {
	if len(s) != 43 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}

// ModeList is the modes the mediator works in, in display order.
func (m *Mediator) ModeList() []Mode {
	var out []Mode
	for _, mode := range Modes {
		if m.Offers(mode) {
			out = append(out, mode)
		}
	}
	return out
}
