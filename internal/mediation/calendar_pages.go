package mediation

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// The calendar's views and how many requests a day shows in each: a month
// cell lists a few and links to its week; a week lists a day whole up to
// a bound that keeps the page light on a busy day.
const (
	viewWeek     = "settimana"
	viewMonth    = "mese"
	perDayMonth  = 4
	perDayWeek   = 200
	calendarDate = time.DateOnly
)

type calendarPage struct {
	web.Page
	View         string
	Heading      string
	Days         []CalendarDay   // the week view
	Weeks        [][]CalendarDay // the month view
	Weekdays     []string
	Prev, Next   string
	Current      string
	WeekURL      string
	MonthURL     string
	Mediators    []web.Option // the coordinators' filter
	MediatorID   int64
	ShowMediator bool
	NoScope      bool
	Total        int

	mediator string // the filter as a query value, "" when none
}

// Slot formats a request's slot in Rome time.
func (p *calendarPage) Slot(r *Request) string {
	return r.Start.In(i18n.Rome).Format("15:04") + "–" + r.End.In(i18n.Rome).Format("15:04")
}

// DayName is the Italian name of day's weekday.
func (p *calendarPage) DayName(d CalendarDay) string { return WeekdayName(mediatorWeekday(d.Date)) }

// DayURL is the week view holding day d.
func (p *calendarPage) DayURL(d CalendarDay) string { return p.url(viewWeek, d.Date) }

// DateText formats a calendar day.
func (p *calendarPage) DateText(d CalendarDay) string { return i18n.Date(p.Lang, d.Date) }

// DayID is an anchor for day d.
func (p *calendarPage) DayID(d CalendarDay) string { return "giorno-" + d.Date.Format(calendarDate) }

func (p *calendarPage) url(view string, day time.Time) string {
	q := url.Values{"vista": {view}, "data": {day.In(i18n.Rome).Format(calendarDate)}}
	if p.mediator != "" {
		q.Set("mediatore", p.mediator)
	}
	return calendarURL + "?" + q.Encode()
}

// calendarDay reads the data parameter as a Rome date, today otherwise.
func calendarDay(s string, now time.Time) time.Time {
	if t, err := time.ParseInLocation(calendarDate, s, i18n.Rome); err == nil && t.Year() > 1900 && t.Year() < 3000 {
		return t
	}
	y, m, d := now.In(i18n.Rome).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, i18n.Rome)
}

func (h *Handler) calendar(w http.ResponseWriter, r *http.Request) {
	q, ctx, now := r.URL.Query(), r.Context(), time.Now()
	sc, err := h.scope(ctx, web.UserOf(r))
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &calendarPage{Page: h.web.NewPage(r, "Calendario della mediazione"), View: viewWeek,
		ShowMediator: sc.All || len(sc.Orgs) > 0, NoScope: sc.Empty()}
	p.Crumb("Mediazione", baseURL).Crumb("Calendario", "")
	p.Form = q
	if q.Get("vista") == viewMonth {
		p.View = viewMonth
	}
	var f CalendarFilter
	if sc.All {
		if p.Mediators, err = mediatorOptions(ctx, h.store.DB); err != nil {
			h.web.Error(w, r, err)
			return
		}
		if id, err := strconv.ParseInt(q.Get("mediatore"), 10, 64); err == nil && id > 0 {
			f.MediatorID, p.MediatorID, p.mediator = id, id, strconv.FormatInt(id, 10)
		}
	}
	month := p.setRange(calendarDay(q.Get("data"), now), now, &f)
	days, _ := calendarGrid(f.From, f.To, month, now)
	if !p.NoScope {
		perDay := perDayWeek
		if p.View == viewMonth {
			perDay = perDayMonth
		}
		if days, p.Total, err = h.store.CalendarDays(ctx, sc, f, month, now, perDay); err != nil {
			h.web.Error(w, r, err)
			return
		}
	}
	p.lay(days)
	h.web.Render(w, r, "mediation/calendar_view.html", p)
}

// setRange sets the filter's days to the view's week or month grid around
// day, and the page's heading and links; it returns the month shown, zero
// for a week.
func (p *calendarPage) setRange(day, now time.Time, f *CalendarFilter) (month time.Time) {
	if p.View == viewMonth {
		f.From, month, f.To = monthGrid(day)
		p.Heading = monthTitle(p.Lang, month)
		p.Prev, p.Next = p.url(viewMonth, month.AddDate(0, -1, 0)), p.url(viewMonth, month.AddDate(0, 1, 0))
	} else {
		f.From = calendarWeekStart(day)
		f.To = f.From.AddDate(0, 0, 7)
		p.Heading = p.T("Settimana dal %s al %s", i18n.Date(p.Lang, f.From), i18n.Date(p.Lang, f.To.AddDate(0, 0, -1)))
		p.Prev, p.Next = p.url(viewWeek, f.From.AddDate(0, 0, -7)), p.url(viewWeek, f.From.AddDate(0, 0, 7))
	}
	p.Current, p.WeekURL, p.MonthURL = p.url(p.View, now), p.url(viewWeek, day), p.url(viewMonth, day)
	return month
}

// lay puts the days on the page: a list of days for a week, rows of
// seven for a month.
func (p *calendarPage) lay(days []CalendarDay) {
	for d := 1; d <= 7; d++ {
		p.Weekdays = append(p.Weekdays, WeekdayName(d))
	}
	if p.View != viewMonth {
		p.Days = days
		return
	}
	for i := 0; i+7 <= len(days); i += 7 {
		p.Weeks = append(p.Weeks, days[i:i+7])
	}
}

// monthTitle is "dicembre 2026": the date of the month's first day
// without the day.
func monthTitle(lang string, month time.Time) string {
	s := i18n.Date(lang, month)
	if _, rest, ok := strings.Cut(s, " "); ok {
		return rest
	}
	return s
}
