package facilities

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// layoutColumns are the columns of Openpolis "Centri d'Italia" (CC BY 4.0),
// same names, same order; codeColumn, our permanent code, follows them.
var layoutColumns = []string{"rilevazione_data", "centro_id", "centro_denominazione", "comune_denominazione",
	"comune_codice_istat", "provincia_cm_denominazione", "provincia_cm_codice_istat", "provincia_cm_sigla",
	"regione_denominazione", "regione_codice_istat", "ente_gestore", "data_stipula_convenzione",
	"data_scadenza_convenzione", "data_scadenza_proroga", "costo_giornaliero_per_ospite", "presenze_giornaliere",
	"capienza", "procedura_affidamento", "operativita", "tipologia_centro", "tipologia_ospiti"}

const codeColumn = "codice_struttura"

// ExportColumns is the header of the export: the layout plus our code.
func ExportColumns() []string { return append(append([]string(nil), layoutColumns...), codeColumn) }

// numericColumns are written as numbers in a spreadsheet.
var numericColumns = map[string]bool{"centro_id": true, "costo_giornaliero_per_ospite": true,
	"presenze_giornaliere": true, "capienza": true}

// placeRow is where a Comune sits, as the layout names it.
type placeRow struct{ province, sigla, region, regionCode string }

// contractTerms are the terms of the latest contract covering a facility.
type contractTerms struct {
	signed, expires time.Time
	extended        *time.Time
	priceCents      int64
	procedure       Procedure
}

// Export returns the facilities u may see matching fl as rows of
// ExportColumns, surveyed on the day on. centro_id is our numeric ID: it
// never changes and, like the layout's, is a number; the permanent code
// travels in codice_struttura, which the import matches on.
func (s *Store) Export(ctx context.Context, u *auth.User, fl Filter, on time.Time) ([][]string, error) {
	sc := ListScope(u)
	fl.Limit, fl.Offset = 1<<31-1, 0
	list, _, err := listFacilities(ctx, s.DB, sc, fl)
	if err != nil {
		return nil, err
	}
	places, err := placesOf(ctx, s.DB)
	if err != nil {
		return nil, err
	}
	terms, err := latestTerms(ctx, s.DB, sc)
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(list))
	for i, f := range list {
		out[i] = exportRow(f, places[f.ISTATCode], terms[f.ID], dateText(day(on)))
	}
	return out, nil
}

func exportRow(f *Facility, p placeRow, t *contractTerms, on string) []string {
	row := []string{on, strconv.FormatInt(f.ID, 10), f.Name, f.Municipality, f.ISTATCode, p.province,
		provinceISTAT(f.ISTATCode), p.sigla, p.region, p.regionCode, f.BodyName, "", "", "", "", "",
		strconv.Itoa(f.ContractedPlaces), "", f.State.Label(), f.System.Label(), guestLabels(f.Guests), f.Code}
	if t != nil {
		row[11], row[12], row[14], row[17] = dateText(t.signed), dateText(t.expires), decimal(t.priceCents), t.procedure.Label()
		if t.extended != nil {
			row[13] = dateText(*t.extended)
		}
	}
	return row
}

// provinceISTAT is the province's ISTAT code: the first three digits of
// every Comune's code.
func provinceISTAT(istat string) string {
	if len(istat) < 3 {
		return ""
	}
	return istat[:3]
}

// decimal writes cents with a dot as decimal mark, as open data does.
func decimal(cents int64) string { return strconv.FormatInt(cents/100, 10) + "." + pad2(cents%100) }

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

func guestLabels(gs []Guest) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.Label()
	}
	return strings.Join(parts, ", ")
}

func placesOf(ctx context.Context, q db.Querier) (map[string]placeRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.istat_code, m.province, m.province_code, m.region, m.region_code
		FROM municipalities m WHERE m.istat_code IN (SELECT istat_code FROM facilities)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]placeRow{}
	for rows.Next() {
		var code string
		var p placeRow
		if err := rows.Scan(&code, &p.province, &p.sigla, &p.region, &p.regionCode); err != nil {
			return nil, err
		}
		out[code] = p
	}
	return out, rows.Err()
}

// latestTerms maps each facility to the terms of the latest signed contract
// covering it that the scope may see.
func latestTerms(ctx context.Context, q db.Querier, sc Scope) (map[int64]*contractTerms, error) {
	where, args := sc.clause("c.managing_body_id")
	rows, err := q.QueryContext(ctx, `SELECT cf.facility_id, c.signed_on, c.expires_on, c.extended_to, c.price_cents,
		c.award_procedure FROM contract_facilities cf JOIN contracts c ON c.id = cf.contract_id
		WHERE `+where+` ORDER BY cf.facility_id, c.signed_on DESC, c.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*contractTerms{}
	for rows.Next() {
		var id int64
		var ext nullDate
		t := &contractTerms{}
		if err := rows.Scan(&id, &t.signed, &t.expires, &ext, &t.priceCents, &t.procedure); err != nil {
			return nil, err
		}
		if out[id] == nil {
			t.signed, t.expires, t.extended = day(t.signed), day(t.expires), ext.ptr()
			out[id] = t
		}
	}
	return out, rows.Err()
}
