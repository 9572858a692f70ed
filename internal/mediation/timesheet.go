package mediation

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/pdfdoc"
)

// Timesheet is a mediator's counted interventions of one month, for
// payment: approved deliveries and the late cancellations and no-shows the
// policy counts.
type Timesheet struct {
	MediatorID   int64
	MediatorName string
	Provider     string
	Month        time.Time // first day, Rome
	Entries      []TimesheetEntry
	TotalMin     int
}

// TimesheetEntry is one counted intervention.
type TimesheetEntry struct {
	RequestID  int64
	Start, End time.Time // actual times when reported, else the slot
	CountedMin int
	TravelMin  int
	State      State
	Service    ServiceType
	OrgName    string
	Office     string
	Language   string
}

var errNoTimesheetMediator = apperr.NotFoundf("Mediatore non trovato.")

// parseReportMonth reads "YYYY-MM" as the first day of that month in Rome.
func parseReportMonth(s string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01", strings.TrimSpace(s), i18n.Rome)
	if err != nil {
		f := apperr.Fields{}
		f.Check(false, "mese", "Indica il mese nel formato AAAA-MM.")
		return t, f.Err()
	}
	return t, nil
}

// TimesheetOf is mediator id's timesheet for the month starting at month
// (Rome): the interventions whose slot falls in it, in order.
func TimesheetOf(ctx context.Context, q db.Querier, id int64, month time.Time) (*Timesheet, error) {
	ts := &Timesheet{MediatorID: id, Month: month}
	err := q.QueryRowContext(ctx, `SELECT m.name, COALESCE(o.name, '') FROM mediators m
		LEFT JOIN organisations o ON o.id = m.provider_id WHERE m.id = ?`, id).Scan(&ts.MediatorName, &ts.Provider)
	if noRows(err) {
		return nil, errNoTimesheetMediator
	}
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.starts_at, r.ends_at, r.actual_start, r.actual_end,
		r.counted_min, r.travel_min, r.state, r.service_type, COALESCE(og.name, ''), r.office, COALESCE(l.name, r.language)
		FROM mediation_requests r LEFT JOIN organisations og ON og.id = r.org_id
		LEFT JOIN mediation_languages l ON l.code = r.language
		WHERE r.mediator_id = ? AND r.starts_at >= ? AND r.starts_at < ? AND r.state IN (?, ?, ?) AND r.counted_min > 0
		ORDER BY r.starts_at, r.id`, id, month.UTC(), month.AddDate(0, 1, 0).UTC(),
		string(Approved), string(CancelledLate), string(NoShow))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e TimesheetEntry
		var from, to sql.NullTime
		if err := rows.Scan(&e.RequestID, &e.Start, &e.End, &from, &to, &e.CountedMin, &e.TravelMin, &e.State, &e.Service,
			&e.OrgName, &e.Office, &e.Language); err != nil {
			return nil, err
		}
		if from.Valid && to.Valid {
			e.Start, e.End = from.Time, to.Time
		}
		ts.Entries = append(ts.Entries, e)
		ts.TotalMin += e.CountedMin
	}
	return ts, rows.Err()
}

// PDF prints the timesheet: a table of the interventions and the totals,
// with room for the signatures.
func (ts *Timesheet) PDF(now time.Time) ([]byte, error) {
	d := pdfdoc.New("L")
	month := ts.Month.Format("01/2006")
	d.SetTitle("Cedolino delle ore di mediazione "+month+" - "+ts.MediatorName, true)
	d.SetCreationDate(now)
	d.SetModificationDate(now)
	d.SetMargins(14, 14, 14)
	d.AddPage()
	d.Heading(15, "Cedolino delle ore di mediazione")
	d.Field("Mediatore", ts.MediatorName)
	d.Field("Ente", ts.Provider)
	d.Field("Mese", month)
	d.Ln(2)
	widths := []float64{18, 24, 26, 34, 92, 30, 22, 23}
	head := []string{"Richiesta", "Data", "Orario", "Lingua", "Servizio richiedente", "Esito", "Viaggio (min)", "Ore conteggiate"}
	d.SetFont(pdfdoc.Family, "B", 9)
	for i, h := range head {
		d.CellFormat(widths[i], 7, h, "1", 0, "L", false, 0, "")
	}
	d.Ln(-1)
	d.SetFont(pdfdoc.Family, "", 9)
	for _, e := range ts.Entries {
		start, end := e.Start.In(i18n.Rome), e.End.In(i18n.Rome)
		cells := []string{"N. " + strconv.FormatInt(e.RequestID, 10), start.Format("02/01/2006"),
			start.Format("15:04") + "–" + end.Format("15:04"), e.Language, timesheetClip(e.Requester(), 52), e.State.Label(),
			strconv.Itoa(e.TravelMin), budgetHours(e.CountedMin)}
		for i, c := range cells {
			align := "L"
			if i >= 6 {
				align = "R"
			}
			d.CellFormat(widths[i], 6.5, c, "1", 0, align, false, 0, "")
		}
		d.Ln(-1)
	}
	d.SetFont(pdfdoc.Family, "B", 9)
	total := 0.0
	for _, w := range widths[:7] {
		total += w
	}
	d.CellFormat(total, 7, fmt.Sprintf("Totale: %d interventi", len(ts.Entries)), "1", 0, "R", false, 0, "")
	d.CellFormat(widths[7], 7, budgetHours(ts.TotalMin), "1", 0, "R", false, 0, "")
	d.Ln(-1)
	d.SetFont(pdfdoc.Family, "", 10)
	d.Ln(6)
	d.Line("Ore conteggiate secondo le regole della linea di finanziamento (arrotondamento e minimo). " +
		"Gli annullamenti tardivi e le assenze dell'utente compaiono solo se la regola li conteggia.")
	d.Ln(8)
	d.Line("Il coordinatore della mediazione ______________________________        Il mediatore ______________________________")
	return d.Bytes()
}

// Requester is the requesting service in words: type, organisation and
// office.
func (e *TimesheetEntry) Requester() string {
	s := e.Service.Label() + " — " + e.OrgName
	if e.Office != "" {
		s += ", " + e.Office
	}
	return s
}

// timesheetClip shortens s to n runes.
func timesheetClip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
