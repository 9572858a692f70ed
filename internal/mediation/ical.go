package mediation

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
)

// feedPast is how far back a feed goes: calendar applications keep what
// they fetched before.
const feedPast = 90 * 24 * time.Hour

// FeedUID is the stable identifier of request id's event in every feed.
func FeedUID(id int64) string { return "mediation-" + strconv.FormatInt(id, 10) + "@crocevia" }

// Feed is the iCalendar of mediator m's booked requests; site is the
// address the events link to (scheme and host). An event says when, which
// language, for which service and where: never the beneficiary, the
// reason or the contacts.
func Feed(m *Mediator, rs []*Request, site string, now time.Time) *ics.Calendar {
	cal := ics.NewCalendar()
	cal.SetMethod(ics.MethodPublish)
	cal.SetProductId("-//Crocevia//Mediazione//IT")
	cal.SetName("Mediazione – " + m.Name)
	cal.SetXWRCalName("Mediazione – " + m.Name)
	cal.SetXWRTimezone("Europe/Rome")
	cal.SetRefreshInterval("PT1H")
	for _, r := range rs {
		e := cal.AddEvent(FeedUID(r.ID))
		e.SetDtStampTime(now.UTC())
		e.SetModifiedAt(r.UpdatedAt.UTC())
		e.SetStartAt(r.Start.UTC())
		e.SetEndAt(r.End.UTC())
		e.SetSummary(feedSummary(r))
		if loc := feedLocation(r); loc != "" {
			e.SetLocation(loc)
		}
		e.SetDescription(r.Kind.Label() + " · " + r.Mode.Label() + " · " + r.State.Label())
		e.SetURL(site + RequestURL(r.ID))
		if r.State == Assigned {
			e.SetStatus(ics.ObjectStatusTentative)
		} else {
			e.SetStatus(ics.ObjectStatusConfirmed)
		}
	}
	return cal
}

// feedSummary is "Arabo – ASL AL (Sanità)".
func feedSummary(r *Request) string {
	name := r.LanguageName
	if name == "" {
		name = r.Language
	}
	return name + " – " + r.OrgName + " (" + r.Service.Label() + ")"
}

// feedLocation is where the mediator goes: the place and municipality in
// person, the mode otherwise.
func feedLocation(r *Request) string {
	if r.Mode != InPerson {
		return r.Mode.Label()
	}
	var parts []string
	for _, s := range []string{r.Place, r.Municipality} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// icalFeed serves /mediazione/calendario/<secret>.ics to whoever holds
// the secret, a calendar application without a session included.
func (h *Handler) icalFeed(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutSuffix(r.PathValue("feed"), ".ics")
	if !ok {
		h.web.NotFound(w, r)
		return
	}
	m, err := h.store.MediatorByToken(r.Context(), token)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	now := time.Now()
	rs, err := h.store.Calendar(r.Context(), Scope{Mediator: m.ID}, CalendarFilter{From: now.Add(-feedPast)})
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	w.Header().Set("Content-Disposition", `inline; filename="mediazione.ics"`)
	if err := Feed(m, rs, siteOf(r), now).SerializeTo(w, ics.WithNewLineWindows); err != nil {
		h.web.Log().Warn("mediation: write feed", "error", err)
	}
}
