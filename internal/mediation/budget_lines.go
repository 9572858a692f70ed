package mediation

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// lineEntity names funding lines in the audit trail.
const lineEntity = "mediation_funding_line"

var errNoLine = apperr.NotFoundf("Linea di finanziamento non trovata.")

// LineForm is a funding line as a coordinator types it: hours with a
// decimal comma or point, dates as YYYY-MM-DD, and the hours allocated to
// each organisation (blank: no allocation).
type LineForm struct {
	Name         string
	TotalHours   string
	From, To     string
	RoundMin     int
	MinimumMin   int
	TravelCounts bool
	LateNoticeH  int
	LateCounts   bool
	Active       bool
	Allocations  map[int64]string // organisation → hours as typed
}

// lineChecked is a form that passed validation, in minutes and dates.
type lineChecked struct {
	FundingLine
	Alloc map[int64]int // organisation → minutes
}

// parseHours reads "3000", "2,5" or "2.5" hours as whole minutes.
func parseHours(s string) (int, bool) {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	h, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(h) || math.IsInf(h, 0) || h < 0 || h > 1e6 {
		return 0, false
	}
	return int(math.Round(h * 60)), true
}

// parseLineDay reads a date typed as YYYY-MM-DD or DD/MM/YYYY.
func parseLineDay(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "02/01/2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// check validates the form and converts it.
func (f *LineForm) check() (*lineChecked, error) {
	fe := apperr.Fields{}
	f.Name = strings.TrimSpace(f.Name)
	fe.Check(f.Name != "", "name", "Dai un nome alla linea di finanziamento.")
	fe.Check(utf8.RuneCountInString(f.Name) <= maxLine, "name", "Il nome è troppo lungo (massimo 200 caratteri).")
	total, ok := parseHours(f.TotalHours)
	fe.Check(ok && total > 0, "total_hours", "Indica le ore finanziate, un numero maggiore di zero.")
	from, okFrom := parseLineDay(f.From)
	to, okTo := parseLineDay(f.To)
	fe.Check(okFrom, "from", "Indica la data di inizio nel formato AAAA-MM-GG.")
	fe.Check(okTo, "to", "Indica la data di fine nel formato AAAA-MM-GG.")
	fe.Check(!okFrom || !okTo || !to.Before(from), "to", "La fine del periodo non può precedere l'inizio.")
	fe.Check(f.RoundMin >= 0 && f.RoundMin <= 120, "round_min", "L'arrotondamento va da 0 a 120 minuti.")
	fe.Check(f.MinimumMin >= 0 && f.MinimumMin <= 480, "minimum_min", "Il minimo conteggiato va da 0 a 480 minuti.")
	fe.Check(f.LateNoticeH >= 0 && f.LateNoticeH <= 168, "late_notice_hours", "Il preavviso va da 0 a 168 ore.")
	c := &lineChecked{Alloc: map[int64]int{}}
	sum := 0
	for org, v := range f.Allocations {
		if strings.TrimSpace(v) == "" {
			continue
		}
		m, ok := parseHours(v)
		fe.Check(ok, allocField(org), "Indica le ore assegnate come numero, o lascia vuoto.")
		if ok && m > 0 {
			c.Alloc[org] = m
			sum += m
		}
	}
	fe.Check(sum <= total, "allocations", "Le ore assegnate alle organizzazioni superano il totale della linea.")
	if err := fe.Err(); err != nil {
		return nil, err
	}
	c.FundingLine = FundingLine{Name: f.Name, TotalMin: total, From: from, To: to, Active: f.Active,
		Policy: Policy{RoundMin: f.RoundMin, MinimumMin: f.MinimumMin, TravelCounts: f.TravelCounts,
			LateNoticeH: f.LateNoticeH, LateCounts: f.LateCounts}}
	return c, nil
}

// allocField is the form field of organisation org's allocation.
func allocField(org int64) string { return "alloc_" + strconv.FormatInt(org, 10) }

// fields are the line's audited values.
func (l *FundingLine) fields(alloc map[int64]int) audit.Fields {
	a := map[string]int{}
	for org, m := range alloc {
		a[strconv.FormatInt(org, 10)] = m
	}
	return audit.Fields{"name": l.Name, "total_min": l.TotalMin, "starts_on": l.From.Format(time.DateOnly),
		"ends_on": l.To.Format(time.DateOnly), "round_min": l.Policy.RoundMin, "minimum_min": l.Policy.MinimumMin,
		"travel_counts": l.Policy.TravelCounts, "late_notice_hours": l.Policy.LateNoticeH,
		"late_counts": l.Policy.LateCounts, "active": l.Active, "allocations": a}
}

// Lines lists every funding line, the active ones first, oldest first.
func (s *Store) Lines(ctx context.Context) ([]*FundingLine, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT `+lineCols+` FROM mediation_funding_lines
		ORDER BY active DESC, starts_on, id`)
	return db.Collect(rows, err, scanLine)
}

// Line is funding line id.
func (s *Store) Line(ctx context.Context, id int64) (*FundingLine, error) {
	l, err := lineByID(ctx, s.DB, id)
	if noRows(err) {
		return nil, errNoLine
	}
	return l, err
}

// Allocations are line id's allocations in minutes by organisation.
func (s *Store) Allocations(ctx context.Context, id int64) (map[int64]int, error) {
	return allocationsOf(ctx, s.DB, id)
}

func allocationsOf(ctx context.Context, q db.Querier, id int64) (map[int64]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT org_id, total_min FROM mediation_allocations WHERE funding_line_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var org int64
		var m int
		if err := rows.Scan(&org, &m); err != nil {
			return nil, err
		}
		out[org] = m
	}
	return out, rows.Err()
}

// SaveLine creates (id 0) or changes funding line id with its
// allocations, and records the change in the audit trail. The caller has
// checked that the user coordinates.
func (s *Store) SaveLine(ctx context.Context, id int64, f *LineForm) (int64, error) {
	c, err := f.check()
	if err != nil {
		return 0, err
	}
	l := &c.FundingLine
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		var before audit.Fields
		action := audit.Create
		if id != 0 {
			old, err := lineByID(ctx, tx, id)
			if noRows(err) {
				return errNoLine
			}
			if err != nil {
				return err
			}
			alloc, err := allocationsOf(ctx, tx, id)
			if err != nil {
				return err
			}
			before, action = old.fields(alloc), audit.Update
		}
		if id, err = writeLine(ctx, tx, id, l); err != nil {
			return err
		}
		if err := writeAllocations(ctx, tx, id, c.Alloc); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, action, lineEntity, id, audit.Diff(before, l.fields(c.Alloc))); err != nil {
			return err
		}
		// A smaller total can cross a threshold without any delivery.
		return s.CheckAlerts(ctx, tx, id)
	})
	return id, err
}

func writeLine(ctx context.Context, tx *db.Tx, id int64, l *FundingLine) (int64, error) {
	p := l.Policy
	if id == 0 {
		return db.InsertID(ctx, tx, `INSERT INTO mediation_funding_lines (name, total_min, starts_on, ends_on, round_min,
			minimum_min, travel_counts, late_notice_hours, late_counts, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			l.Name, l.TotalMin, l.From, l.To, p.RoundMin, p.MinimumMin, p.TravelCounts, p.LateNoticeH, p.LateCounts, l.Active, tx.Now)
	}
	_, err := tx.ExecContext(ctx, `UPDATE mediation_funding_lines SET name = ?, total_min = ?, starts_on = ?, ends_on = ?,
		round_min = ?, minimum_min = ?, travel_counts = ?, late_notice_hours = ?, late_counts = ?, active = ? WHERE id = ?`,
		l.Name, l.TotalMin, l.From, l.To, p.RoundMin, p.MinimumMin, p.TravelCounts, p.LateNoticeH, p.LateCounts, l.Active, id)
	return id, err
}

// writeAllocations replaces the line's allocations with alloc.
func writeAllocations(ctx context.Context, tx *db.Tx, id int64, alloc map[int64]int) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM mediation_allocations WHERE funding_line_id = ?`, id); err != nil {
		return err
	}
	for org, m := range alloc {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mediation_allocations (funding_line_id, org_id, total_min)
			VALUES (?, ?, ?)`, id, org, m); err != nil {
			return err
		}
	}
	return nil
}

// allocationOrgs are the organisations a line may be allocated to: those
// with service operators, and any already allocated.
func allocationOrgs(ctx context.Context, q db.Querier) ([]allocOrg, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.id, o.name FROM organisations o WHERE o.id IN
		(SELECT org_id FROM memberships WHERE role = 'service_operator' UNION SELECT org_id FROM mediation_allocations)
		ORDER BY o.name, o.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []allocOrg
	for rows.Next() {
		var o allocOrg
		if err := rows.Scan(&o.ID, &o.Name); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

type allocOrg struct {
	ID   int64
	Name string
}
