package presences

import (
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// dayRow is one line of the month table.
type dayRow struct {
	Day     time.Time
	P       *Presence
	Missing bool // expected and not reported
	Future  bool
	Today   bool
}

type monthPage struct {
	web.Page
	F           *Facility
	Month       time.Time
	Prev, Next  string
	Days        []dayRow
	CanReport   bool
	Missing     int
	Late        int
	GuestDays   int
	MonthLabel  string
	MonthChoice string
}

func (h *Handler) month(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	f, err := facilityByCode(r.Context(), h.db, scopeOf(u), r.PathValue("code"))
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	today := dayOf(time.Now())
	first := parseMonth(r.URL.Query().Get("mese"), today)
	last := first.AddDate(0, 1, -1)
	list, err := presencesBetween(r.Context(), h.db, f.ID, first, last)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &monthPage{Page: h.web.NewPage(r, "Presenze della struttura"), F: f, Month: first,
		Prev: first.AddDate(0, -1, 0).Format("2006-01"), Next: first.AddDate(0, 1, 0).Format("2006-01"),
		CanReport: CanReport(u, f.BodyID), MonthChoice: first.Format("2006-01")}
	p.fill(f, list, first, last, today)
	p.Crumb("Presenze", "/presenze").Crumb(f.Code, "")
	h.web.Render(w, r, "presences/month.html", p)
}

// fill builds the table: every day of the month, reported or not.
func (p *monthPage) fill(f *Facility, list []*Presence, first, last, today time.Time) {
	byDay := make(map[time.Time]*Presence, len(list))
	for _, pr := range list {
		byDay[pr.Day] = pr
		p.GuestDays += pr.Present
		if pr.Late {
			p.Late++
		}
	}
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		row := dayRow{Day: d, P: byDay[d], Future: d.After(today), Today: d.Equal(today)}
		row.Missing = row.P == nil && expected(f, d, today)
		if row.Missing {
			p.Missing++
		}
		p.Days = append(p.Days, row)
	}
}

// expected reports whether f should have reported day d by today: an
// active facility, from its start, up to yesterday.
func expected(f *Facility, d, today time.Time) bool {
	return f.Active() && !d.Before(f.Since) && d.Before(today)
}
