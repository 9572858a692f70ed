package mediation_test

import (
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/mediation"
)

func TestAvailableAt(t *testing.T) {
	h := func(hh, mm int) int { return hh*60 + mm }
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	m := &mediation.Mediator{
		Weekly: []mediation.Window{
			{Weekday: 1, StartMin: h(9, 0), EndMin: h(13, 0)}, {Weekday: 1, StartMin: h(14, 0), EndMin: h(18, 0)},
			{Weekday: 2, StartMin: h(0, 0), EndMin: h(2, 0)},
			{Weekday: 3, StartMin: h(12, 0), EndMin: h(16, 0)}, {Weekday: 3, StartMin: h(8, 0), EndMin: h(12, 0)},
			{Weekday: 5, StartMin: h(9, 0), EndMin: h(17, 0)},
			{Weekday: 7, StartMin: h(22, 0), EndMin: h(24, 0)},
		},
		Leave: []mediation.Leave{
			{From: day(2026, 8, 10), To: day(2026, 8, 14), Note: "Ferie"},
			{From: day(2026, 8, 17), To: day(2026, 8, 17)},
		},
	}
	utc := func(y int, mo time.Month, d, hh, mm int) time.Time {
		return time.Date(y, mo, d, hh, mm, 0, 0, time.UTC)
	}
	tests := []struct {
		name       string
		start, end time.Time
		want       bool
	}{
		{"inside a window", rome(2026, 3, 23, 10, 0), rome(2026, 3, 23, 11, 0), true},
		{"exactly a whole window", rome(2026, 3, 23, 9, 0), rome(2026, 3, 23, 13, 0), true},
		{"starting before the window", rome(2026, 3, 23, 8, 30), rome(2026, 3, 23, 9, 30), false},
		{"across the lunch gap", rome(2026, 3, 23, 12, 30), rome(2026, 3, 23, 14, 30), false},
		{"across two windows that touch", rome(2026, 3, 25, 11, 0), rome(2026, 3, 25, 13, 0), true},
		{"on a day without windows", rome(2026, 3, 24, 10, 0), rome(2026, 3, 24, 11, 0), false},
		{"one second beyond the window", rome(2026, 3, 23, 12, 0), rome(2026, 3, 23, 13, 0).Add(time.Second), false},
		{"winter: 07:00 UTC is 08:00 in Rome, before the window", utc(2026, 3, 23, 7, 0), utc(2026, 3, 23, 8, 0), false},
		{"summer: 07:00 UTC is 09:00 in Rome, inside", utc(2026, 3, 30, 7, 0), utc(2026, 3, 30, 8, 0), true},
		{"the night clocks go forward", rome(2026, 3, 29, 22, 30), rome(2026, 3, 29, 23, 30), true},
		{"the night clocks go back, until midnight", rome(2026, 10, 25, 23, 0), rome(2026, 10, 26, 0, 0), true},
		{"the night clocks go back, from before the window", rome(2026, 10, 25, 21, 0), rome(2026, 10, 25, 23, 0), false},
		{"across midnight", rome(2026, 3, 22, 23, 0), rome(2026, 3, 23, 1, 0), false},
		{"an empty slot", rome(2026, 3, 23, 10, 0), rome(2026, 3, 23, 10, 0), false},
		{"the first day of leave", rome(2026, 8, 10, 10, 0), rome(2026, 8, 10, 11, 0), false},
		{"the last day of leave", rome(2026, 8, 14, 10, 0), rome(2026, 8, 14, 11, 0), false},
		{"the day before leave", rome(2026, 8, 7, 10, 0), rome(2026, 8, 7, 11, 0), true},
		{"a day of leave, in person or not", rome(2026, 8, 17, 10, 0), rome(2026, 8, 17, 11, 0), false},
		{"just after midnight in Rome the leave is over, though UTC is still on it", rome(2026, 8, 18, 0, 30), rome(2026, 8, 18, 1, 30), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := m.AvailableAt(tc.start, tc.end); got != tc.want {
				t.Errorf("AvailableAt(%s, %s) = %v; want %v", tc.start.In(time.UTC), tc.end.In(time.UTC), got, tc.want)
			}
		})
	}
}
