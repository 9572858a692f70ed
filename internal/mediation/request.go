package mediation

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// Request is a service's request for a mediator and, once assigned, the
// booking and its delivery.
type Request struct {
	ID            int64
	SeriesID      int64
	OrgID         int64
	OrgName       string
	Office        string
	RequesterID   int64
	Referent      string
	Contact       string
	Service       ServiceType
	Kind          Kind
	Language      string
	LanguageName  string
	Nationality   string
	Mode          Mode
	Urgency       Urgency
	ISTATCode     string
	Municipality  string
	Place         string
	Start, End    time.Time // the requested slot, UTC
	Reason        string
	Beneficiary   string
	State         State
	MediatorID    int64
	MediatorName  string
	FundingLineID int64
	HeldMin       int
	CountedMin    int
	Overbooked    bool
	ActualStart   time.Time
	ActualEnd     time.Time
	TravelMin     int
	Rating        int
	RatingComment string
	ExitReason    string
	SentAt        time.Time
	ValidatedAt   time.Time
	AssignedAt    time.Time
	ConfirmedAt   time.Time
	DeliveredAt   time.Time
	ReportedAt    time.Time
	ApprovedAt    time.Time
	ClosedAt      time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Minutes is the requested slot's length.
func (r *Request) Minutes() int { return int(r.End.Sub(r.Start) / time.Minute) }

// LeadTime is how long before the slot the request was sent.
func (r *Request) LeadTime() time.Duration {
	if r.SentAt.IsZero() {
		return 0
	}
	return r.Start.Sub(r.SentAt)
}

// Form is what a service operator fills in. Day, Time and Duration are
// as typed (Rome time); Weeks > 1 repeats the slot every week.
type Form struct {
	OrgID       int64
	Office      string
	Referent    string
	Contact     string
	Service     ServiceType
	Kind        Kind
	Language    string
	Nationality string
	Mode        Mode
	Urgency     Urgency
	ISTATCode   string
	Place       string
	Day         string // 2006-01-02
	Time        string // 15:04
	DurationMin int
	Weeks       int
	Reason      string
	Beneficiary string
}

const (
	maxText    = 2000
	maxLine    = 200
	maxWeeks   = 52
	maxSlotMin = 12 * 60
)

func (d *Form) normalise() {
	for _, s := range []*string{&d.Office, &d.Referent, &d.Contact, &d.Language, &d.Nationality,
		&d.ISTATCode, &d.Place, &d.Day, &d.Time, &d.Reason, &d.Beneficiary} {
		*s = strings.TrimSpace(*s)
	}
	if d.Weeks == 0 {
		d.Weeks = 1
	}
	if d.Kind == "" {
		d.Kind = Interpreting
	}
}

// Validate checks the fields a person types; the language, municipality
// and organisation are checked against the database by the store.
func (d *Form) Validate() error {
	d.normalise()
	f := apperr.Fields{}
	f.Check(d.Office != "", "office", "Indica l'ufficio o il reparto che richiede.")
	f.Check(d.Referent != "", "referent", "Indica il referente della richiesta.")
	f.Check(d.Service.Valid(), "service", "Scegli il tipo di servizio.")
	f.Check(d.Kind.Valid(), "kind", "Scegli il tipo di intervento.")
	f.Check(d.Language != "", "language", "Scegli la lingua.")
	f.Check(d.Mode.Valid(), "mode", "Scegli la modalità.")
	f.Check(d.Urgency.Valid(), "urgency", "Scegli l'urgenza.")
	f.Check(d.Mode != InPerson || d.ISTATCode != "", "municipality", "Per un intervento in presenza indica il comune.")
	_, err := d.start()
	f.Check(err == nil, "day", "Indica data e ora nel formato gg/mm/aaaa e hh:mm.")
	f.Check(d.DurationMin >= 15 && d.DurationMin <= maxSlotMin, "duration", "La durata stimata va da 15 minuti a 12 ore.")
	f.Check(d.Weeks >= 1 && d.Weeks <= maxWeeks, "weeks", "Le ripetizioni settimanali vanno da 1 a 52.")
	f.Check(d.Weeks == 1 || d.Urgency == Scheduled, "weeks", "Solo le richieste programmate si ripetono.")
	f.Check(utf8.RuneCountInString(d.Reason) <= maxText, "reason", "Il motivo è troppo lungo (massimo 2.000 caratteri).")
	for _, s := range []string{d.Office, d.Referent, d.Contact, d.Nationality, d.Place, d.Beneficiary} {
		f.Check(utf8.RuneCountInString(s) <= maxLine, "office", "Un campo è troppo lungo (massimo 200 caratteri).")
	}
	return f.Err()
}

// start is the first slot's start, parsed in Rome time.
func (d *Form) start() (time.Time, error) {
	for _, layout := range []string{"2006-01-02 15:04", "02/01/2006 15:04"} {
		if t, err := time.ParseInLocation(layout, d.Day+" "+d.Time, i18n.Rome); err == nil {
			return t, nil
		}
	}
	return time.ParseInLocation("2006-01-02 15:04", d.Day+" "+d.Time, i18n.Rome)
}

// Slot is one occurrence of a request, UTC.
type Slot struct{ Start, End time.Time }

// Slots expands the form into its occurrences: the same local time on the
// same weekday for Weeks weeks. Daylight saving moves the UTC time, never
// the local one.
func (d *Form) Slots() []Slot {
	first, err := d.start()
	if err != nil {
		return nil
	}
	out := make([]Slot, 0, d.Weeks)
	for w := range d.Weeks {
		s := first.AddDate(0, 0, 7*w)
		out = append(out, Slot{Start: s.UTC(), End: s.Add(time.Duration(d.DurationMin) * time.Minute).UTC()})
	}
	return out
}
