package mediation

import (
	"strings"
	"testing"
	"time"
)

func TestForecastExhaustion(t *testing.T) {
	from, to := budgetDate(2026, 1, 1), budgetDate(2026, 12, 31)
	now := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC) // 56 days after 6 April
	// daily spreads min minutes over every day of [a, b).
	daily := func(a, b time.Time, min int) []DayUse {
		var out []DayUse
		for d := a; d.Before(b); d = d.Add(budgetDay) {
			out = append(out, DayUse{Day: d, Min: min})
		}
		return out
	}
	cases := []struct {
		name      string
		uses      []DayUse
		total     int
		weeks     int
		wantAt    time.Time // zero: no date
		exhausted bool
		beyond    bool
		weekly    float64
	}{
		{
			// 60 min a day from 1 January to 1 June: 152 days, 9120 min consumed;
			// 180000 - 9120 = 170880 left at 60 a day = 2848 days.
			name: "a steady pace runs out beyond the period", uses: daily(from, now, 60), total: 180000, weeks: 8,
			wantAt: budgetDate(2026, 6, 1).Add(2848 * budgetDay), beyond: true, weekly: 420,
		},
		{
			// 9120 consumed, 880 left; the window runs from 6 April to 1 June (57 days begun,
			// 3420 min): 60 a day, 880/60 = 14.7, so 15 days.
			name: "the pace of the last weeks sets the date", uses: daily(from, now, 60), total: 10000, weeks: 8,
			wantAt: budgetDate(2026, 6, 16), weekly: 420,
		},
		{
			// Old consumption does not count toward the pace: only the last 4 weeks, 120 a day.
			name: "only the window counts", total: 20000, weeks: 4,
			uses:   append(daily(from, budgetDate(2026, 5, 4), 10), daily(budgetDate(2026, 5, 4), now, 120)...),
			wantAt: budgetDate(2026, 6, 1).Add(time.Duration(ceilInt(float64(20000-1230-3480)/(3480.0/29))) * budgetDay), weekly: 3480.0 / 29 * 7,
		},
		{name: "no consumption in the window: no date", total: 6000, weeks: 8, uses: daily(from, budgetDate(2026, 2, 1), 30)},
		{name: "nothing consumed at all: no date", total: 6000, weeks: 8},
		{name: "everything consumed: exhausted", total: 600, weeks: 8, uses: daily(from, now, 60), exhausted: true},
		{name: "consumption after now is ignored", total: 6000, weeks: 8, uses: []DayUse{{Day: budgetDate(2026, 7, 1), Min: 6000}}},
		{
			// A line that began on 22 May measures its pace over its 11 days begun: 330/11 = 30 a day.
			name: "a young line measures since it began", total: 3000, weeks: 8,
			uses:   daily(budgetDate(2026, 5, 22), now, 30),
			wantAt: budgetDate(2026, 6, 1).Add(89 * budgetDay), weekly: 30 * 7,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := from
			if strings.HasPrefix(c.name, "a young") {
				start = budgetDate(2026, 5, 22)
			}
			f := forecastExhaustion(c.uses, c.total, start, to, now, c.weeks)
			if !f.At.Equal(c.wantAt) || f.Exhausted != c.exhausted || f.BeyondEnd != c.beyond {
				t.Errorf("forecast = %+v; want at %v, exhausted %v, beyond %v", f, c.wantAt, c.exhausted, c.beyond)
			}
			if c.weekly != 0 && (f.WeeklyMin < c.weekly-0.01 || f.WeeklyMin > c.weekly+0.01) {
				t.Errorf("weekly = %v; want %v", f.WeeklyMin, c.weekly)
			}
		})
	}
}

func ceilInt(v float64) int {
	n := int(v)
	if float64(n) < v {
		n++
	}
	return n
}

func TestBurndown(t *testing.T) {
	l := &FundingLine{TotalMin: 6000, From: budgetDate(2026, 1, 5), To: budgetDate(2026, 3, 1)}
	now := time.Date(2026, 1, 20, 12, 0, 0, 0, time.UTC) // in the third week
	uses := []DayUse{{Day: budgetDate(2026, 1, 6), Min: 600}, {Day: budgetDate(2026, 1, 13), Min: 600}, {Day: budgetDate(2026, 1, 20), Min: 600}}
	f := forecastExhaustion(uses, l.TotalMin, l.From, l.To, now, 8)
	pts := burndown(uses, l, f, now)
	if len(pts) != 8 {
		t.Fatalf("points = %d; want the 8 weeks from 5 January to 1 March", len(pts))
	}
	want := []float64{90, 80, 70}
	for i, w := range want {
		if !pts[i].HasActual || pts[i].Actual != w {
			t.Errorf("week %d actual = %v (%v); want %v", i, pts[i].Actual, pts[i].HasActual, w)
		}
	}
	if pts[3].HasActual || !pts[2].HasForecast || pts[2].Forecast != 70 {
		t.Errorf("the forecast should start where the actual line stops: %+v", pts[2:4])
	}
	for i := 3; i < len(pts); i++ {
		if pts[i].HasForecast && (pts[i].Forecast > pts[i-1].Forecast || pts[i].Forecast < 0) {
			t.Errorf("week %d forecast %v does not fall from %v", i, pts[i].Forecast, pts[i-1].Forecast)
		}
	}
	last := pts[len(pts)-1]
	if !last.HasForecast || last.Forecast != 0 {
		t.Errorf("last week = %+v; want the forecast down to zero (1800 min in 16 days)", last)
	}
}

func TestBurndownSVGIsAccessible(t *testing.T) {
	l := &FundingLine{TotalMin: 6000, From: budgetDate(2026, 1, 5), To: budgetDate(2026, 3, 1)}
	now := time.Date(2026, 1, 20, 12, 0, 0, 0, time.UTC)
	pts := burndown(nil, l, Forecast{RemainingMin: 6000}, now)
	svg, err := burndownSVG("x", "Ore <residue>", "Descrizione & dati", [2]string{"Ore residue", "Previsione"}, pts)
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	for _, want := range []string{`<svg role="img" aria-labelledby="x-title x-desc"`, `<title id="x-title">Ore &lt;residue&gt;</title>`,
		`<desc id="x-desc">Descrizione &amp; dati</desc>`} {
		if !strings.Contains(s, want) {
			t.Errorf("svg lacks %s", want)
		}
	}
	if strings.Contains(s, "style=") {
		t.Error("the svg keeps inline styles, which the Content-Security-Policy blocks")
	}
}

func TestPresentational(t *testing.T) {
	got := presentational(`<path d="M 0 0" style="stroke-width:3;stroke:rgb(1,2,3);fill:none"/><text style="font-family:'Roboto',sans-serif">a</text>`)
	want := `<path d="M 0 0" stroke-width="3" stroke="rgb(1,2,3)" fill="none"/><text font-family="'Roboto',sans-serif">a</text>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestHoursText(t *testing.T) {
	for min, want := range map[int]string{0: "0", 90: "1,5", 180000: "3.000", 61: "1,02", -30: "-0,5", 1234567: "20.576,12"} {
		if got := budgetHours(min); got != want {
			t.Errorf("budgetHours(%d) = %q; want %q", min, got, want)
		}
	}
}
