package questions

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// ReportFilter limits the reports to the questions asked in a period;
// nil bounds are open. To is inclusive: the whole day counts.
type ReportFilter struct {
	From, To *time.Time
}

// ReportLine is one group of questions: how many were asked, how many
// answered, the median days from question to answer and how many of the
// answered ones with a due date were answered by it.
type ReportLine struct {
	Label    string
	Total    int
	Answered int
	WithDue  int // answered questions that had a due date
	OnTime   int // of those, answered by the end of the due day
	Median   float64
	days     []float64
}

// HasMedian reports whether any question of the line was answered.
func (l *ReportLine) HasMedian() bool { return l.Answered > 0 }

// OnTimeShare is the percentage of answered questions with a due date that
// were answered on time; meaningful only when WithDue > 0.
func (l *ReportLine) OnTimeShare() float64 {
	if l.WithDue == 0 {
		return 0
	}
	return 100 * float64(l.OnTime) / float64(l.WithDue)
}

// Report is the questions' aggregates: overall, by topic, by the asker's
// organisation and by month of the question. Imported FAQs are not
// questions the network received, so they stay out.
type Report struct {
	Filter  ReportFilter
	Overall ReportLine
	ByTopic []*ReportLine
	ByOrg   []*ReportLine
	ByMonth []*ReportLine
}

// reportRow is what the aggregates need of one question.
type reportRow struct {
	topic    string
	position int
	org      string
	created  time.Time
	answered sql.NullTime
	due      sql.NullTime
}

// BuildReport computes the aggregates over the questions of f's period.
// It reads one narrow row per question and sums them in Go: medians need
// every duration, and the two engines have no common median function.
func BuildReport(ctx context.Context, q db.Querier, f ReportFilter) (*Report, error) {
	where, args := "q.import_key IS NULL", []any{}
	if f.From != nil {
		where, args = where+" AND q.created_at >= ?", append(args, *f.From)
	}
	if f.To != nil {
		where, args = where+" AND q.created_at < ?", append(args, f.To.AddDate(0, 0, 1))
	}
	rows, err := q.QueryContext(ctx, `SELECT t.name, t.position, COALESCE(o.name, ''), q.created_at, q.answered_at, q.due_on
		FROM questions q JOIN question_topics t ON t.id = q.topic_id LEFT JOIN organisations o ON o.id = q.org_id
		WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := newReportGroups()
	for rows.Next() {
		var r reportRow
		if err := rows.Scan(&r.topic, &r.position, &r.org, &r.created, &r.answered, &r.due); err != nil {
			return nil, err
		}
		g.add(&r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return g.report(f), nil
}

// reportGroups accumulates the lines while the rows stream by.
type reportGroups struct {
	overall              ReportLine
	topics, orgs, months map[string]*ReportLine
	topicPos             map[string]int
}

func newReportGroups() *reportGroups {
	return &reportGroups{overall: ReportLine{Label: "Tutte le domande"}, topics: map[string]*ReportLine{},
		orgs: map[string]*ReportLine{}, months: map[string]*ReportLine{}, topicPos: map[string]int{}}
}

func (g *reportGroups) add(r *reportRow) {
	g.topicPos[r.topic] = r.position
	org := r.org
	if org == "" {
		org = "Nessuna organizzazione"
	}
	month := r.created.In(i18n.Rome).Format("2006-01")
	for _, l := range []*ReportLine{&g.overall, reportLineOf(g.topics, r.topic), reportLineOf(g.orgs, org), reportLineOf(g.months, month)} {
		l.count(r)
	}
}

func reportLineOf(m map[string]*ReportLine, label string) *ReportLine {
	l, ok := m[label]
	if !ok {
		l = &ReportLine{Label: label}
		m[label] = l
	}
	return l
}

// count adds one question to the line. On time means answered by the end
// of the due day, as Question.Late counts lateness.
func (l *ReportLine) count(r *reportRow) {
	l.Total++
	if !r.answered.Valid {
		return
	}
	l.Answered++
	l.days = append(l.days, r.answered.Time.Sub(r.created).Hours()/24)
	if r.due.Valid {
		l.WithDue++
		if !r.answered.Time.After(r.due.Time.AddDate(0, 0, 1)) {
			l.OnTime++
		}
	}
}

func (g *reportGroups) report(f ReportFilter) *Report {
	rep := &Report{Filter: f, Overall: g.overall}
	rep.Overall.Median = reportMedian(rep.Overall.days)
	rep.ByTopic = reportSorted(g.topics, func(a, b *ReportLine) bool { return g.topicPos[a.Label] < g.topicPos[b.Label] })
	rep.ByOrg = reportSorted(g.orgs, func(a, b *ReportLine) bool {
		return a.Total > b.Total || (a.Total == b.Total && a.Label < b.Label)
	})
	rep.ByMonth = reportSorted(g.months, func(a, b *ReportLine) bool { return a.Label < b.Label })
	return rep
}

func reportSorted(m map[string]*ReportLine, less func(a, b *ReportLine) bool) []*ReportLine {
	out := make([]*ReportLine, 0, len(m))
	for _, l := range m {
		l.Median = reportMedian(l.days)
		l.days = nil
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}

// reportMedian is the median of xs (0 when empty); xs is sorted in place.
func reportMedian(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
