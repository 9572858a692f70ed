package mediation

import (
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// feedAddress is the absolute address of m's feed, as a calendar
// application needs it.
func feedAddress(r *http.Request, m *Mediator) string { return siteOf(r) + m.FeedURL() }

// siteOf is the scheme and host r was addressed to.
func siteOf(r *http.Request) string {
	if web.From(r).Secure || r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// upcomingLimit bounds the assignments a profile lists.
const upcomingLimit = 20

type mediatorShowPage struct {
	web.Page
	M              *Mediator
	CanEdit        bool // the profile itself: coordinators
	Days           []weekdayWindows
	Municipalities []string
	Upcoming       []*Request
	Feed           string
}

type weekdayWindows struct {
	Day     int
	Name    string
	Windows []Window
}

// Clock formats minutes from midnight as hh:mm.
func (p *mediatorShowPage) Clock(min int) string { return windowClock(min) }

// Day formats a leave date.
func (p *mediatorShowPage) Day(t time.Time) string { return t.Format("02/01/2006") }

func (h *Handler) mediatorPageFor(r *http.Request, m *Mediator) (*mediatorShowPage, error) {
	p := &mediatorShowPage{Page: h.web.NewPage(r, m.Name), M: m, CanEdit: CanEditProfile(web.UserOf(r)),
		Feed: feedAddress(r, m)}
	if p.CanEdit {
		p.Crumb("Mediazione", baseURL).Crumb("Mediatori", mediatorsURL).Crumb(m.Name, "")
	} else {
		p.Crumb("Mediazione", baseURL).Crumb("Il mio profilo di mediatore", "")
	}
	for d := 1; d <= 7; d++ {
		wd := weekdayWindows{Day: d, Name: WeekdayName(d)}
		for _, w := range m.Weekly {
			if w.Weekday == d {
				wd.Windows = append(wd.Windows, w)
			}
		}
		p.Days = append(p.Days, wd)
	}
	ctx := r.Context()
	var err error
	if p.Municipalities, err = municipalityNames(ctx, h.store.DB, m.Municipality); err != nil {
		return nil, err
	}
	rs, err := calendarRequests(ctx, h.store.DB, Scope{All: true}, CalendarFilter{From: time.Now(), MediatorID: m.ID})
	if len(rs) > upcomingLimit {
		rs = rs[:upcomingLimit]
	}
	p.Upcoming = rs
	return p, err
}

func (h *Handler) mediatorShow(w http.ResponseWriter, r *http.Request) {
	m, err := h.mediatorOf(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.mediatorPageFor(r, m)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "mediation/mediator_show.html", p)
}
