package inspections

import (
	"context"
	"math/rand/v2"
	"time"
)

// answers queues the inspection's answers, one per applicable item (the
// first half only while in progress): mostly conforming, one in
// seventeen not and one in eleven partial. A signed inspection
// gets a corrective action for each of its findings. It says how many
// answer ids it used.
func (nc *natContext) answers(ctx context.Context, b *natBulks, r *rand.Rand, id, next int64, f *natFacility,
	planned time.Time, phase Phase) (int, error) {
	at := planned.Add(11 * time.Hour)
	items := f.items
	shift := r.IntN(54)
	for i, it := range items {
		result, note, by := Conforming, "", nullID(nc.president)
		switch {
		case phase == InProgress && i >= len(items)/2:
			result, by = Unanswered, nil
		case (i+shift)%17 == 4:
			result, note = NonConforming, "Rilevata durante il sopralluogo; chiesta documentazione all'ente gestore."
		case (i+shift)%11 == 2:
			result, note = Partial, "Adempimento incompleto."
		}
		var answered *time.Time
		if by != nil {
			answered = &at
		}
		aid := next + int64(i)
		if err := b.answers.Add(ctx, aid, id, it.ID, string(result), string(it.Severity), note, answered, by); err != nil {
			return 0, err
		}
		if phase == Signed && (result == NonConforming || result == Partial) {
			if err := nc.action(ctx, b, r, id, aid, f, it, result, note, planned.Add(81*time.Hour)); err != nil {
				return 0, err
			}
		}
	}
	return len(items), nil
}

// action queues the corrective action of one finding: past its deadline
// mostly closed, some answered or still open; before it, open or answered.
func (nc *natContext) action(ctx context.Context, b *natBulks, r *rand.Rand, inspection, answer int64, f *natFacility,
	it *Item, result Result, finding string, signed time.Time) error {
	deadline := Deadline(signed, it.Severity)
	state, remedy, review := ActionOpen, "", ""
	var answered, reviewed *time.Time
	x := r.IntN(10)
	if deadline.Before(nc.today) && x < 7 || x < 4 {
		a := signed.Add(time.Duration(r.IntN(int(deadline.Sub(signed).Hours())+1)) * time.Hour)
		state, remedy, answered = ActionAnswered, "Intervento eseguito; documentazione trasmessa.", &a
		if deadline.Before(nc.today) && x < 7 {
			rv := a.Add(48 * time.Hour)
			state, review, reviewed = ActionClosed, "Verificato.", &rv
		}
	}
	if answered != nil && answered.After(nc.today) {
		state, remedy, answered, review, reviewed = ActionOpen, "", nil, "", nil
	}
	return b.actions.Add(ctx, f.id, inspection, answer, f.body, it.Text, string(result), string(it.Severity), finding,
		deadline, string(state), remedy, answered, review, reviewed, signed, signed)
}
