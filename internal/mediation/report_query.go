package mediation

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Dimension is one way of grouping the report.
type Dimension struct {
	Key   string // as in the URL and the export
	Title string // Italian heading
	col   func(p ReportPeriod) (string, []any)
	names string // query of key → name, "" when the key is its own label
}

// Dimensions are the groupings, in the order the report shows them.
var Dimensions = []Dimension{
	{Key: "servizio", Title: "Per tipo di servizio", col: reportCol("r.service_type")},
	{Key: "comune", Title: "Per comune", col: reportCol("COALESCE(r.istat_code, '')"),
		names: `SELECT istat_code, name FROM municipalities WHERE istat_code IN (SELECT DISTINCT istat_code FROM mediation_requests)`},
	{Key: "lingua", Title: "Per lingua", col: reportCol("r.language"), names: `SELECT code, name FROM mediation_languages`},
	{Key: "modalita", Title: "Per modalità", col: reportCol("r.mode")},
	{Key: "mediatore", Title: "Per mediatore", col: reportCol("COALESCE(r.mediator_id, 0)"),
		names: `SELECT id, name FROM mediators`},
	{Key: "mese", Title: "Per mese", col: reportMonthCol},
}

func reportCol(c string) func(ReportPeriod) (string, []any) {
	return func(ReportPeriod) (string, []any) { return c, nil }
}

// reportMonthCol is the slot's month in Rome as YYYY-MM: a CASE over the
// period's month boundaries, so both engines agree on the time zone.
func reportMonthCol(p ReportPeriod) (string, []any) {
	var b strings.Builder
	var args []any
	b.WriteString("CASE")
	for m := p.From; m.Before(p.end()); m = m.AddDate(0, 1, 0) {
		b.WriteString(" WHEN r.starts_at < ? THEN '" + m.Format("2006-01") + "'")
		args = append(args, m.AddDate(0, 1, 0).UTC())
	}
	b.WriteString(" ELSE '' END")
	return b.String(), args
}

// reportCube runs the GROUP BY and hands each group to fn: its key in
// every dimension, in the order of Dimensions, and its figures.
func reportCube(ctx context.Context, q db.Querier, p ReportPeriod, now time.Time, fn func([]string, *ReportLine)) error {
	var cols []string
	var args []any
	for _, d := range Dimensions {
		c, a := d.col(p)
		cols = append(cols, c)
		args = append(args, a...)
	}
	days := wholeDays(q.Dialect(), "r.starts_at", "r.sent_at")
	due := "r.state <> 'cancelled_in_time'"
	query := `SELECT ` + strings.Join(cols, ", ") + `,
		CASE WHEN r.sent_at IS NULL OR NOT (` + due + `) THEN NULL ELSE ` + days + ` END,
		COUNT(*),
		SUM(CASE WHEN ` + due + ` THEN 1 ELSE 0 END),
		SUM(CASE WHEN r.state IN ('delivered', 'reported', 'approved') THEN 1 ELSE 0 END),
		SUM(CASE WHEN r.state = 'no_show' THEN 1 ELSE 0 END),
		SUM(CASE WHEN r.state = 'cancelled_late' THEN 1 ELSE 0 END),
		SUM(CASE WHEN r.state = 'refused' OR (r.state IN ('sent', 'validated') AND r.starts_at < ?) THEN 1 ELSE 0 END),
		SUM(CASE WHEN r.state IN ('approved', 'cancelled_late', 'no_show') THEN r.counted_min ELSE 0 END),
		COUNT(r.rating), COALESCE(SUM(r.rating), 0)
		FROM mediation_requests r WHERE r.starts_at >= ? AND r.starts_at < ? AND r.state <> 'draft'
		GROUP BY ` + groupByOrdinals(len(cols)+1)
	args = append(args, now.UTC(), p.From.UTC(), p.end().UTC())
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	keys := make([]sql.NullString, len(cols))
	out := make([]string, len(cols))
	var leadDays sql.NullInt64
	var o ReportLine
	dest := make([]any, 0, len(cols)+11)
	for i := range keys {
		dest = append(dest, &keys[i])
	}
	dest = append(dest, &leadDays, &o.Requests, &o.Due, &o.Fulfilled, &o.NoShows, &o.LateCancelled,
		&o.Unmet, &o.CountedMin, &o.Rated, &o.RatingSum)
	lead := map[int]int{}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		clear(lead)
		o.lead = nil
		if leadDays.Valid {
			// A request sent after its slot began counts as no notice.
			lead[max(int(leadDays.Int64), 0)] = o.Due
			o.lead = lead
		}
		for i, k := range keys {
			out[i] = k.String
		}
		fn(out, &o)
	}
	return rows.Err()
}

// groupByOrdinals is "1, 2, ..., n", a GROUP BY of the first n columns.
func groupByOrdinals(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(parts, ", ")
}

// reportLabels names each line: a label of the domain vocabulary, a name
// from the database, or the key itself.
func reportLabels(ctx context.Context, q db.Querier, d Dimension, lines []*ReportLine) error {
	names := map[string]string{}
	if d.names != "" {
		rows, err := q.QueryContext(ctx, d.names)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k, n string
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return err
			}
			names[k] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for _, l := range lines {
		l.Label = reportLabel(d.Key, l.Key, names)
	}
	return nil
}

func reportLabel(dim, key string, names map[string]string) string {
	switch {
	case dim == "servizio":
		if s := ServiceType(key).Label(); s != "" {
			return s
		}
	case dim == "modalita":
		if s := Mode(key).Label(); s != "" {
			return s
		}
	case dim == "comune" && key == "":
		return "Nessun comune (telefonica o video)"
	case dim == "mediatore" && (key == "0" || key == ""):
		return "Nessun mediatore assegnato"
	}
	if n, ok := names[key]; ok {
		return n
	}
	return key
}

// reportSort orders months by date, every other grouping by requests, most
// first, then by name.
func reportSort(d Dimension, lines []*ReportLine) {
	sort.Slice(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if d.Key == "mese" {
			return a.Key < b.Key
		}
		if a.Requests != b.Requests {
			return a.Requests > b.Requests
		}
		return a.Label < b.Label
	})
}
