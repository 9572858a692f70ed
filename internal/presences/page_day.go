package presences

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// countField is one count of the daily form.
type countField struct{ Name, Label string }

var formFields = func() []countField {
	out := make([]countField, len(countFields))
	for i, n := range countFields {
		out[i] = countField{n, countLabels[n]}
	}
	return out
}()

type dayPage struct {
	web.Page
	F         *Facility
	Day       time.Time
	Existing  *Presence
	CanReport bool
	Fields    []countField
	Back      string
}

func (h *Handler) dayForm(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	f, err := facilityByCode(r.Context(), h.db, scopeOf(u), r.PathValue("code"))
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	today := dayOf(time.Now())
	day, ok := parseDay(r.URL.Query().Get("data"))
	if !ok || day.After(today) {
		day = today
	}
	old, err := presenceOn(r.Context(), h.db, f.ID, day)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := h.dayPage(r, f, day)
	p.Existing = old
	p.Form = formValues(day, old)
	h.web.Render(w, r, "presences/day.html", p)
}

func (h *Handler) dayPage(r *http.Request, f *Facility, day time.Time) *dayPage {
	p := &dayPage{Page: h.web.NewPage(r, "Presenze del giorno"), F: f, Day: day,
		CanReport: CanReport(web.UserOf(r), f.BodyID), Fields: formFields,
		Back: "/presenze/" + f.Code + "?mese=" + day.Format("2006-01")}
	p.Crumb("Presenze", "/presenze").Crumb(f.Code, p.Back).Crumb("Giorno", "")
	return p
}

// formValues fills the form with the stored report, or zeros.
func formValues(day time.Time, old *Presence) map[string][]string {
	v := map[string][]string{"day": {dayText(day)}}
	var c Counts
	if old != nil {
		c = old.Counts
		v["notes"] = []string{old.Notes}
	}
	for i, n := range c.values() {
		v[countFields[i]] = []string{strconv.Itoa(n)}
	}
	return v
}

func (h *Handler) daySave(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	f, err := facilityByCode(r.Context(), h.db, scopeOf(u), r.PathValue("code"))
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if err := mayReport(u, f.BodyID); err != nil {
		h.web.Error(w, r, err)
		return
	}
	pr, err := presenceFromForm(r, f)
	p := h.dayPage(r, f, pr.Day)
	if err != nil {
		h.web.FormError(w, r, "presences/day.html", p, &p.Page, err)
		return
	}
	err = h.db.InTx(r.Context(), func(tx *db.Tx) error {
		_, err := Report(r.Context(), tx, u, f, pr)
		return err
	})
	if err != nil {
		h.web.FormError(w, r, "presences/day.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, p.Back, "Presenze registrate.")
}

// presenceFromForm reads the posted form. Unreadable numbers and the
// figures' own checks are reported together, so one submission shows every
// problem.
func presenceFromForm(r *http.Request, f *Facility) (*Presence, error) {
	p := &Presence{Source: SourceForm, Notes: strings.TrimSpace(r.PostFormValue("notes"))}
	fe := apperr.Fields{}
	if d, ok := parseDay(r.PostFormValue("day")); ok {
		p.Day = d
	} else {
		fe.Add("day", "Indica una data valida.")
	}
	for i, ptr := range p.ptrs() {
		s := strings.TrimSpace(r.PostFormValue(countFields[i]))
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		fe.Check(err == nil, countFields[i], "Indica un numero intero.")
		*ptr = n
	}
	if len(fe) == 0 {
		return p, nil
	}
	for k, v := range apperr.FieldsOf(p.Validate(f.AuthorisedPlaces, dayOf(time.Now()))) {
		fe.Add(k, v)
	}
	return p, fe.Err()
}
