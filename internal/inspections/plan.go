package inspections

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
)

// PlanInput is what the Prefettura enters to plan an inspection.
type PlanInput struct {
	FacilityID int64
	Kind       Kind
	PlannedOn  time.Time
	Members    []Member
}

// Validate checks a planned inspection. Who may sit on the commission is
// checked by the store, which knows the users.
func (in *PlanInput) Validate() error {
	f := apperr.Fields{}
	f.Check(in.FacilityID > 0, "facility_id", "Scegli la struttura da ispezionare.")
	f.Check(codeLabel(Kinds, string(in.Kind)) != string(in.Kind), "kind", "Scegli il tipo di ispezione.")
	f.Check(!in.PlannedOn.IsZero(), "planned_on", "Indica la data prevista (gg/mm/aaaa o aaaa-mm-gg).")
	f.Check(len(in.Members) > 0, "members", "Scegli almeno un componente della commissione.")
	presidents := 0
	for _, m := range in.Members {
		if m.Role == RolePresident {
			presidents++
		}
	}
	f.Check(presidents <= 1, "members", "La commissione ha un solo presidente.")
	return f.Err()
}

// Recurring is a plan to inspect a facility, or every active facility
// when FacilityID is nil, at least every Months months.
type Recurring struct {
	ID           int64
	FacilityID   *int64
	FacilityName string
	Months       int
	StartsOn     time.Time
	CreatedAt    time.Time
}

// Validate checks a recurring plan.
func (r *Recurring) Validate() error {
	f := apperr.Fields{}
	f.Check(r.Months >= 1 && r.Months <= 60, "months", "La cadenza va da 1 a 60 mesi.")
	f.Check(!r.StartsOn.IsZero(), "starts_on", "Indica da quando vale il piano (gg/mm/aaaa o aaaa-mm-gg).")
	return f.Err()
}

// Overdue is an active facility past its plan's interval without a
// planned inspection.
type Overdue struct {
	FacilityID   int64
	FacilityCode string
	FacilityName string
	Months       int
	Last         *time.Time // the last inspection, nil if never inspected
	Due          time.Time
}

// parseDate reads a date typed as yyyy-mm-dd (the date control) or
// dd/mm/yyyy (typed by hand).
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 10 {
		return time.Time{}
	}
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
