package contestations_test

import (
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/contestations"
)

func TestTimelineShowsTheDeadlinePassingBeforeALateReply(t *testing.T) {
	d := func(day int) *time.Time { x := time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC); return &x }
	at := func(day int) *time.Time { x := time.Date(2026, 3, day, 15, 0, 0, 0, time.UTC); return &x }
	c := &contestations.Contestation{State: contestations.Replied, CreatedAt: *at(1), PECDate: d(2), Deadline: d(12), RepliedAt: at(14)}
	var got []string
	for _, e := range c.Timeline(*at(20)) {
		got = append(got, e.Label)
	}
	want := []string{"Bozza creata", "Notificata via PEC", "Termine per le controdeduzioni scaduto", "Controdeduzioni pervenute"}
	if len(got) != len(want) {
		t.Fatalf("timeline %q; want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("timeline %q; want %q", got, want)
		}
	}
	if !c.Late() {
		t.Error("a reply two days after the deadline is not marked late")
	}
	onTime := &contestations.Contestation{State: contestations.Replied, CreatedAt: *at(1), PECDate: d(2), Deadline: d(12), RepliedAt: at(12)}
	if onTime.Late() || len(onTime.Timeline(*at(20))) != 3 {
		t.Error("a reply on the deadline day is late, or the deadline shows as passed")
	}
}
