package facilities

import (
	"context"
	"slices"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Actions of an import row.
const (
	ActionNew       = "new"
	ActionUpdate    = "update"
	ActionUnchanged = "unchanged"
	ActionError     = "error"
)

// ImportRow is one row of an import report: what confirming would do.
type ImportRow struct {
	Line    int // in the file, the header being line 1
	Code    string
	Name    string
	Action  string
	Changes []string   // Italian labels of the fields an update changes
	Errors  []RowError // why the row cannot be written
	before  *Facility
	after   *Facility
}

// Optional columns an import reads when present; the layout lacks them and
// a new facility needs an address.
const (
	addressColumn  = "indirizzo"
	typologyColumn = "tipologia_struttura"
)

// planImport reads every row of t against the registry and says what
// confirming would do with it; it writes nothing.
func planImport(ctx context.Context, q db.Querier, t *table) ([]*ImportRow, error) {
	refs, err := loadRefs(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]*ImportRow, len(t.rows))
	for i, raw := range t.rows {
		out[i] = refs.plan(t, raw, i+2)
	}
	return out, nil
}

// plan matches a row to a facility by code or, failing that, by name and
// Comune (so a file without codes imported twice creates nothing twice),
// then compares it with the registry.
func (r *importRefs) plan(t *table, raw []string, line int) *ImportRow {
	in, errs := parseRow(t, raw, r)
	row := &ImportRow{Line: line, Code: strings.ToUpper(t.cell(raw, codeColumn)), Name: in.Name, Errors: errs}
	before := r.match(row, in)
	if row.Code != "" && r.seenCode[row.Code] {
		row.Errors = append(row.Errors, RowError{codeColumn, "Il codice compare in più righe del file."})
	}
	r.seenCode[row.Code] = row.Code != ""
	if len(row.Errors) > 0 {
		row.Action = ActionError
		return row
	}
	after := merged(before, in)
	if err := after.Validate(); err != nil {
		row.Errors = fieldMessages(err)
	}
	if before != nil && before.State != after.State && !before.State.CanMoveTo(after.State) {
		row.Errors = append(row.Errors, RowError{"operativita", "Questo cambio di stato non è consentito."})
	}
	row.before, row.after = before, after
	switch {
	case len(row.Errors) > 0:
		row.Action = ActionError
	case before == nil:
		row.Action = ActionNew
	default:
		row.Changes = changedFields(before, after)
		row.Action = ActionUpdate
		if len(row.Changes) == 0 {
			row.Action = ActionUnchanged
		}
	}
	return row
}

func (r *importRefs) match(row *ImportRow, in *Facility) *Facility {
	if row.Code != "" {
		f := r.byCode[row.Code]
		if f == nil {
			row.Errors = append(row.Errors, RowError{codeColumn, "Nessuna struttura ha questo codice."})
		}
		return f
	}
	if same := r.byPlace[placeKey(in.Name, in.ISTATCode)]; len(same) == 1 {
		row.Code = same[0].Code
		return same[0]
	}
	return nil
}

// merged is before (nil for a new facility) with the row's values. The
// layout carries contracted places only: a new facility is authorised for
// as many, an existing one keeps its authorised places. The optional
// columns, when blank, keep what the registry has.
func merged(before, in *Facility) *Facility {
	after := &Facility{Typology: "other", AuthorisedPlaces: in.ContractedPlaces}
	if before != nil {
		cp := *before
		after = &cp
	}
	after.Name, after.ISTATCode, after.BodyID, after.ContractedPlaces = in.Name, in.ISTATCode, in.BodyID, in.ContractedPlaces
	after.State, after.System, after.Guests = in.State, in.System, in.Guests
	if in.Address != "" {
		after.Address = in.Address
	}
	if in.Typology != "" {
		after.Typology = in.Typology
	}
	return after
}

func changedFields(a, b *Facility) []string {
	var out []string
	add := func(changed bool, label string) {
		if changed {
			out = append(out, label)
		}
	}
	add(a.Name != b.Name, "Denominazione")
	add(a.ISTATCode != b.ISTATCode, "Comune")
	add(a.Address != b.Address, "Indirizzo")
	add(a.BodyID != b.BodyID, "Ente gestore")
	add(a.ContractedPlaces != b.ContractedPlaces, "Posti in convenzione")
	add(a.State != b.State, "Stato")
	add(a.System != b.System, "Tipologia di accoglienza")
	add(a.Typology != b.Typology, "Tipologia fisica")
	add(!slices.Equal(sortedGuests(a.Guests), sortedGuests(b.Guests)), "Tipologia di ospiti")
	return out
}

func sortedGuests(gs []Guest) []Guest {
	out := slices.Clone(gs)
	slices.Sort(out)
	return out
}

var actionLabels = map[string]string{ActionNew: "Nuova", ActionUpdate: "Aggiornamento", ActionUnchanged: "Invariata",
	ActionError: "Errore"}

// ActionLabel is the row's outcome in Italian.
func (r *ImportRow) ActionLabel() string { return actionLabels[r.Action] }
