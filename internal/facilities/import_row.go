package facilities

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
)

// parseRow reads a row's registry values, with a message for every cell
// that cannot be read. The layout's contract, cost and presence columns
// belong to contracts and daily reports: they are checked, never written.
func parseRow(t *table, raw []string, refs *importRefs) (*Facility, []RowError) {
	var errs []RowError
	fail := func(col, msg string) { errs = append(errs, RowError{col, msg}) }
	f := &Facility{Name: t.cell(raw, "centro_denominazione"), ISTATCode: istatCode(t.cell(raw, "comune_codice_istat")),
		Address: t.cell(raw, addressColumn)}
	if !refs.comuni[f.ISTATCode] {
		fail("comune_codice_istat", "Nessun Comune ha questo codice ISTAT.")
	}
	body := t.cell(raw, "ente_gestore")
	if f.BodyID = refs.bodies[strings.ToLower(body)]; f.BodyID == 0 {
		fail("ente_gestore", "Nessun ente gestore attivo ha questo nome.")
	}
	n, err := strconv.Atoi(t.cell(raw, "capienza"))
	if err != nil || n < 0 {
		fail("capienza", "La capienza deve essere un numero intero.")
	}
	f.ContractedPlaces = n
	var ok bool
	if f.State, ok = pickLabel[State](states, t.cell(raw, "operativita"), stateAliases); !ok {
		fail("operativita", "Operatività non riconosciuta.")
	}
	if f.System, ok = pickLabel[SystemType](systemTypes, t.cell(raw, "tipologia_centro"), nil); !ok {
		fail("tipologia_centro", "Tipologia di centro non riconosciuta.")
	}
	if f.Guests, ok = pickGuests(t.cell(raw, "tipologia_ospiti")); !ok {
		fail("tipologia_ospiti", "Tipologia di ospiti non riconosciuta.")
	}
	if t.cell(raw, typologyColumn) != "" {
		if f.Typology, ok = pickLabel[Typology](typologies, t.cell(raw, typologyColumn), nil); !ok {
			fail(typologyColumn, "Tipologia fisica non riconosciuta.")
		}
	}
	return f, append(errs, checkInformative(t, raw)...)
}

// checkInformative reads the columns that are exported but not imported,
// so that a malformed file is told rather than silently half-read.
func checkInformative(t *table, raw []string) []RowError {
	var errs []RowError
	for _, c := range []string{"rilevazione_data", "data_stipula_convenzione", "data_scadenza_convenzione", "data_scadenza_proroga"} {
		if v := t.cell(raw, c); v != "" && !isDate(v) {
			errs = append(errs, RowError{c, "Data non valida: usa AAAA-MM-GG."})
		}
	}
	for _, c := range []string{"centro_id", "presenze_giornaliere"} {
		if v := t.cell(raw, c); v != "" {
			if _, err := strconv.Atoi(v); err != nil {
				errs = append(errs, RowError{c, "Indica un numero intero."})
			}
		}
	}
	if v := t.cell(raw, "costo_giornaliero_per_ospite"); v != "" {
		if _, ok := parseCents(v); !ok {
			errs = append(errs, RowError{"costo_giornaliero_per_ospite", "Importo non valido."})
		}
	}
	return errs
}

func isDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "02/01/2006"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// istatCode restores the leading zeros a spreadsheet drops from a code.
func istatCode(s string) string {
	if _, err := strconv.Atoi(s); err == nil && len(s) < 6 {
		return strings.Repeat("0", 6-len(s)) + s
	}
	return s
}

// stateAliases are the masculine forms open data uses for a centre.
var stateAliases = map[string]State{"attivo": StateActive, "sospeso": StateSuspended, "chiuso": StateClosed, "proposto": StateProposed}

// pickLabel finds v among list's labels or values, case-insensitively, or
// as the part of a label before " - " when that names one entry only.
func pickLabel[T ~string](list []choice, v string, aliases map[string]State) (T, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if a, ok := aliases[v]; ok {
		v = string(a)
	}
	var found []string
	for _, c := range list {
		short, _, _ := strings.Cut(c.Label, " - ")
		switch v {
		case strings.ToLower(c.Value), strings.ToLower(c.Label):
			return T(c.Value), true
		case strings.ToLower(short):
			found = append(found, c.Value)
		}
	}
	if len(found) == 1 {
		return T(found[0]), true
	}
	return "", false
}

// pickGuests reads a list of guest groups separated by commas or semicolons.
func pickGuests(v string) ([]Guest, bool) {
	var out []Guest
	for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
		g, ok := pickLabel[Guest](guestGroups, p, nil)
		if !ok {
			return nil, false
		}
		out = append(out, g)
	}
	return out, len(out) > 0
}

// RowError is a message about a row, naming the column when it is one.
type RowError struct {
	Column  string
	Message string
}

// fieldMessages are a validation error's messages, in a stable order.
func fieldMessages(err error) []RowError {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		return []RowError{{"", apperr.MessageOf(err)}}
	}
	keys := make([]string, 0, len(fs))
	for k := range fs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]RowError, len(keys))
	for i, k := range keys {
		out[i] = RowError{"", fs[k]}
	}
	return out
}
