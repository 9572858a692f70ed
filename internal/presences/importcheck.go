package presences

import (
	"context"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Problem is one reason a row cannot be imported: the column's label (""
// for the whole row) and the message, both catalogue keys.
type Problem struct {
	Label   string
	Message string
}

// Checked is one row of the import report.
type Checked struct {
	Row
	Facility *Facility
	Presence *Presence
	Problems []Problem
	Outcome  Outcome
	old      *Presence
}

// OK reports whether the row can be written.
func (c *Checked) OK() bool { return len(c.Problems) == 0 }

func (c *Checked) problem(label, msg string) { c.Problems = append(c.Problems, Problem{label, msg}) }

// checkRows checks every row as u would report it today, reading but never
// writing: the report shown before the import and the import itself come
// from this same check.
func checkRows(ctx context.Context, q db.Querier, u *auth.User, rows []Row, today time.Time) ([]*Checked, error) {
	facs := map[string]*Facility{}
	seen := map[string]bool{}
	out := make([]*Checked, len(rows))
	for i, r := range rows {
		c := &Checked{Row: r}
		out[i] = c
		f, err := reportable(ctx, q, u, facs, r.Code)
		if err != nil {
			return nil, err
		}
		c.Facility = f
		if f == nil {
			c.problem("", "Struttura non trovata")
		}
		p := &Presence{Source: SourceUpload}
		c.Presence = p
		if !parseRow(c, p) || f == nil {
			continue
		}
		key := f.Code + " " + dayText(p.Day)
		if seen[key] {
			c.problem("", "Giorno ripetuto nel file: vale la prima riga.")
			continue
		}
		seen[key] = true
		if err := classify(ctx, q, c, f, today); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// reportable finds the facility code among those u may report for; any
// other facility is not found, whether it exists or not.
func reportable(ctx context.Context, q db.Querier, u *auth.User, cache map[string]*Facility, code string) (*Facility, error) {
	if f, ok := cache[code]; ok {
		return f, nil
	}
	f, err := facilityByCode(ctx, q, scopeOf(u), code)
	switch {
	case apperr.KindOf(err) == apperr.NotFound:
		f, err = nil, nil
	case err != nil:
		return nil, err
	case !CanReport(u, f.BodyID):
		f = nil
	}
	cache[code] = f
	return f, nil
}

// parseRow reads the date and counts into p, noting every unreadable cell.
func parseRow(c *Checked, p *Presence) bool {
	if len(c.Values) != len(countFields) {
		c.problem("", "La riga non ha il numero di colonne previsto.")
		return false
	}
	ok := true
	if d, good := parseDay(c.Date); good {
		p.Day = d
	} else {
		c.problem("Data", "Indica una data valida.")
		ok = false
	}
	for i, ptr := range p.ptrs() {
		v := c.Values[i]
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			c.problem(countLabels[countFields[i]], "Indica un numero intero.")
			ok = false
			continue
		}
		*ptr = n
	}
	return ok
}

// classify validates the row against its facility and compares it with
// the stored day.
func classify(ctx context.Context, q db.Querier, c *Checked, f *Facility, today time.Time) error {
	p := c.Presence
	p.FacilityID = f.ID
	if err := p.Validate(f.AuthorisedPlaces, today); err != nil {
		fields := apperr.FieldsOf(err)
		if len(fields) == 0 {
			return err
		}
		for _, name := range append([]string{"day"}, countFields...) {
			if msg, bad := fields[name]; bad {
				c.problem(labelOf(name), msg)
			}
		}
		return nil
	}
	old, err := presenceOn(ctx, q, f.ID, p.Day)
	if err != nil {
		return err
	}
	c.old, c.Outcome = old, OutcomeNew
	if old != nil {
		c.Outcome = OutcomeUpdate
		if old.same(p) {
			c.Outcome = OutcomeUnchanged
		}
	}
	return nil
}

func labelOf(field string) string {
	if field == "day" {
		return "Data"
	}
	return countLabels[field]
}
