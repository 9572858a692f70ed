package mediation

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// The profile form's fields: name, email, phone, provider, user, notes,
// active, mode (in_person, phone, video), area (one value each), lang_<code>
// (the level, empty when not spoken) and municipality (one ISTAT code
// each).

func profileFrom(form url.Values, langs []web.Option) Profile {
	provider, _ := strconv.ParseInt(form.Get("provider"), 10, 64)
	user, _ := strconv.ParseInt(form.Get("user"), 10, 64)
	p := Profile{ProviderID: provider, UserID: user, Name: form.Get("name"), Email: form.Get("email"),
		Phone: form.Get("phone"), Notes: form.Get("notes"), Active: form.Get("active") != "",
		Municipalities: form["municipality"]}
	for _, m := range form["mode"] {
		switch Mode(m) {
		case InPerson:
			p.InPerson = true
		case Phone:
			p.PhoneMode = true
		case Video:
			p.Video = true
		}
	}
	for _, a := range form["area"] {
		p.Areas = append(p.Areas, Area(a))
	}
	for _, l := range langs {
		if lv := form.Get("lang_" + l.Value); lv != "" {
			p.Languages = append(p.Languages, Spoken{Code: l.Value, Name: l.Label, Level: Level(lv)})
		}
	}
	return p
}

// profileValues is the profile as the form shows it.
func profileValues(p Profile) url.Values {
	v := url.Values{"name": {p.Name}, "email": {p.Email}, "phone": {p.Phone}, "notes": {p.Notes},
		"provider": {strconv.FormatInt(p.ProviderID, 10)}, "municipality": p.Municipalities}
	if p.UserID != 0 {
		v.Set("user", strconv.FormatInt(p.UserID, 10))
	}
	if p.Active {
		v.Set("active", "1")
	}
	for mode, on := range map[Mode]bool{InPerson: p.InPerson, Phone: p.PhoneMode, Video: p.Video} {
		if on {
			v.Add("mode", string(mode))
		}
	}
	for _, a := range p.Areas {
		v.Add("area", string(a))
	}
	for _, l := range p.Languages {
		v.Set("lang_"+l.Code, string(l.Level))
	}
	return v
}

// windowsFrom reads the weekly table: w<day>_<row>_from and _to as hh:mm.
// A row left empty is no window; a half-filled or unreadable one is an
// error on its day.
func windowsFrom(form url.Values) ([]Window, error) {
	var out []Window
	f := apperr.Fields{}
	for day := 1; day <= 7; day++ {
		for row := 0; row < maxWindowRows; row++ {
			key := fmt.Sprintf("w%d_%d_", day, row)
			from, to := strings.TrimSpace(form.Get(key+"from")), strings.TrimSpace(form.Get(key+"to"))
			if from == "" && to == "" {
				continue
			}
			s, okS := parseClock(from)
			e, okE := parseClock(to)
			if !okS || !okE {
				f.Add("weekly_"+strconv.Itoa(day), "Indica inizio e fine di ogni fascia nel formato hh:mm.")
				continue
			}
			out = append(out, Window{Weekday: day, StartMin: s, EndMin: e})
		}
	}
	return out, f.Err()
}

// maxWindowRows bounds the rows of one day the form is read for.
const maxWindowRows = 8

// parseClock reads hh:mm as minutes from midnight; 24:00 is the end of
// the day.
func parseClock(s string) (int, bool) {
	h, m, ok := strings.Cut(s, ":")
	if !ok {
		h, m, ok = strings.Cut(s, ".")
	}
	hh, errH := strconv.Atoi(h)
	mm, errM := strconv.Atoi(m)
	if !ok || errH != nil || errM != nil || hh < 0 || mm < 0 || mm > 59 || hh*60+mm > minutesPerDay {
		return 0, false
	}
	return hh*60 + mm, true
}

// windowClock formats minutes from midnight as hh:mm.
func windowClock(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

// windowValues is the weekly table as the form shows it, and the number
// of rows each day needs: one empty row beyond the fullest day, at least
// two.
func windowValues(ws []Window) (url.Values, int) {
	v := url.Values{}
	perDay := map[int]int{}
	for _, w := range ws {
		key := fmt.Sprintf("w%d_%d_", w.Weekday, perDay[w.Weekday])
		v.Set(key+"from", windowClock(w.StartMin))
		v.Set(key+"to", windowClock(w.EndMin))
		perDay[w.Weekday]++
	}
	rows := 2
	for _, n := range perDay {
		rows = max(rows, n+1)
	}
	return v, min(rows, maxWindowRows)
}

// The forms' choices.

func languageOptions(ctx context.Context, q db.Querier) ([]web.Option, error) {
	return web.QueryOptions(ctx, q, `SELECT code, name FROM mediation_languages ORDER BY position, code`)
}

func providerOptions(ctx context.Context, q db.Querier) ([]web.Option, error) {
	return web.QueryOptions(ctx, q, `SELECT id, name FROM organisations WHERE kind = ? ORDER BY name, id`,
		string(auth.KindMediationProvider))
}

// mediatorUserOptions are the accounts holding the mediator role.
func mediatorUserOptions(ctx context.Context, q db.Querier) ([]web.Option, error) {
	return web.QueryOptions(ctx, q, `SELECT DISTINCT u.id, u.name || ' (' || u.email || ')' FROM users u
		JOIN memberships ms ON ms.user_id = u.id WHERE ms.role = ? ORDER BY 2, u.id`, string(auth.RoleMediator))
}

// mediatorOptions are the mediators by name, for the calendar's filter.
func mediatorOptions(ctx context.Context, q db.Querier) ([]web.Option, error) {
	return web.QueryOptions(ctx, q, `SELECT id, name FROM mediators ORDER BY name, id`)
}

func areaOptions() []web.Option {
	out := make([]web.Option, 0, len(Areas))
	for _, a := range Areas {
		out = append(out, web.Option{Value: string(a), Label: a.Label()})
	}
	return out
}

func modeOptions() []web.Option {
	out := make([]web.Option, 0, len(Modes))
	for _, m := range Modes {
		out = append(out, web.Option{Value: string(m), Label: m.Label()})
	}
	return out
}

func levelOptions() []web.Option {
	out := make([]web.Option, 0, len(Levels))
	for _, l := range Levels {
		out = append(out, web.Option{Value: string(l), Label: l.Label()})
	}
	return out
}

// weekdayNames are the days of the week from Monday, as the tables show them.
var weekdayNames = [...]string{"Lunedì", "Martedì", "Mercoledì", "Giovedì", "Venerdì", "Sabato", "Domenica"}

// WeekdayName is the Italian name of weekday 1 (Monday) to 7.
func WeekdayName(d int) string {
	if d < 1 || d > 7 {
		return ""
	}
	return weekdayNames[d-1]
}
