package mediation

import (
	"html/template"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/go-analyze/charts"
)

// BurnPoint is one week of a line's burn-down: the hours not yet consumed
// at the end of the week, actual up to now, forecast after.
type BurnPoint struct {
	Week        time.Time // the week's first day
	Actual      float64
	HasActual   bool
	Forecast    float64
	HasForecast bool
}

// burndown is line l's weekly burn-down from its first day to its last:
// actual remaining hours for the weeks begun by now, then the forecast's
// straight line down at its pace until the hours run out or the period
// ends.
func burndown(uses []DayUse, l *FundingLine, f Forecast, now time.Time) []BurnPoint {
	var out []BurnPoint
	perDay := f.WeeklyMin / 7
	remainingNow := Hours(f.RemainingMin)
	for ws := l.From; !ws.After(l.To); ws = ws.Add(7 * budgetDay) {
		we := ws.Add(7 * budgetDay)
		p := BurnPoint{Week: ws}
		switch {
		case !ws.After(now):
			used := 0
			for _, u := range uses {
				if u.Day.Before(we) && !u.Day.After(now) {
					used += u.Min
				}
			}
			p.Actual, p.HasActual = Hours(l.TotalMin-used), true
			if now.Before(we) && perDay > 0 && !f.Exhausted {
				p.Forecast, p.HasForecast = remainingNow, true
			}
		case perDay > 0 && !f.Exhausted && len(out) > 0:
			left := remainingNow - perDay*we.Sub(now).Hours()/24/60
			if prev := out[len(out)-1]; prev.HasForecast && prev.Forecast > 0 {
				p.Forecast, p.HasForecast = math.Max(left, 0), true
			}
		}
		out = append(out, p)
	}
	return out
}

// styleAttr finds the inline styles the chart library writes.
var styleAttr = regexp.MustCompile(`style="([^"]*)"`)

// presentational rewrites style="a:b;c:d" as the attributes a="b" c="d":
// the site's Content-Security-Policy forbids inline styles, not SVG's
// presentation attributes.
func presentational(svg string) string {
	return styleAttr.ReplaceAllStringFunc(svg, func(m string) string {
		decls := styleAttr.FindStringSubmatch(m)[1]
		var b strings.Builder
		for d := range strings.SplitSeq(decls, ";") {
			k, v, ok := strings.Cut(d, ":")
			if !ok {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.TrimSpace(k) + `="` + strings.TrimSpace(v) + `"`)
		}
		return b.String()
	})
}

// burndownSVG draws the points as an inline SVG an assistive technology
// reads as one image named by title and described by desc, the series
// named by legend (actual, forecast); the page
// gives the same figures as a table.
func burndownSVG(id, title, desc string, legend [2]string, pts []BurnPoint) (template.HTML, error) {
	null := charts.GetNullValue()
	actual, forecast := make([]float64, len(pts)), make([]float64, len(pts))
	labels := make([]string, len(pts))
	for i, p := range pts {
		actual[i], forecast[i] = null, null
		if p.HasActual {
			actual[i] = p.Actual
		}
		if p.HasForecast {
			forecast[i] = p.Forecast
		}
		labels[i] = p.Week.Format("02/01/06")
	}
	opt := charts.NewLineChartOptionWithData([][]float64{actual, forecast})
	opt.XAxis.Labels = labels
	opt.XAxis.LabelCount = min(len(labels), 6)
	opt.Legend.SeriesNames = legend[:]
	opt.Symbol.Shape = charts.SymbolNone
	opt.LineStrokeWidth = 2
	opt.ValueFormatter = func(v float64) string { return budgetDecimal(v, 0) }
	zero := 0.0
	opt.YAxis = []charts.YAxisOption{{Min: &zero}}
	p := charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputSVG, Width: 760, Height: 360})
	if err := p.LineChart(opt); err != nil {
		return "", err
	}
	buf, err := p.Bytes()
	if err != nil {
		return "", err
	}
	svg := presentational(string(buf))
	head := `<svg role="img" aria-labelledby="` + id + `-title ` + id + `-desc" class="budget-chart" width="100%"`
	svg = strings.Replace(svg, "<svg", head, 1)
	i := strings.Index(svg, ">") + 1
	svg = svg[:i] + `<title id="` + id + `-title">` + template.HTMLEscapeString(title) + `</title><desc id="` + id +
		`-desc">` + template.HTMLEscapeString(desc) + `</desc>` + svg[i:]
	return template.HTML(svg), nil
}
