package inspections

import (
	"context"
	"time"

	"math/rand/v2"

	"github.com/crocevia/crocevia/internal/platform/db"
)

type natCounts struct{ inspections, answers, actions int }

var natKinds = []Kind{Scheduled, Scheduled, Scheduled, Scheduled, Scheduled, Unannounced, Unannounced, OnReport, FollowUp}

// natBulks are the chunk's multi-row INSERTs.
type natBulks struct {
	insp, members, answers, actions *db.Bulk
}

func newNatBulks(tx *db.Tx) *natBulks {
	insp := db.NewBulk(tx, "inspections", []string{"id", "facility_id", "kind", "planned_on", "state", "version_id",
		"guests_declared", "guests_counted", "created_by", "created_at", "updated_at", "started_at", "drafted_at",
		"signed_at", "signed_by"}, 500)
	answers := db.NewBulk(tx, "inspection_answers", []string{"id", "inspection_id", "item_id", "result", "severity", "note",
		"answered_at", "answered_by"}, 1000).After(insp)
	return &natBulks{insp: insp, answers: answers,
		members: db.NewBulk(tx, "inspection_members", []string{"inspection_id", "user_id", "role"}, 1000).After(insp),
		actions: db.NewBulk(tx, "corrective_actions", []string{"facility_id", "inspection_id", "answer_id", "owner_id",
			"item_text", "result", "severity", "finding", "deadline", "state", "remedy", "answered_at", "review_note",
			"reviewed_at", "created_at", "updated_at"}, 500).After(answers),
	}
}

func (b *natBulks) close(ctx context.Context) error {
	for _, x := range []*db.Bulk{b.insp, b.members, b.answers, b.actions} {
		if err := x.Close(ctx); err != nil {
			return err
		}
	}
	return nil
}

// natPhase is where an inspection planned on day is today: planned ahead,
// any phase in the last ten days, mostly signed before.
func (nc *natContext) natPhase(r *rand.Rand, planned time.Time) Phase {
	switch {
	case planned.After(nc.today):
		return Planned
	case nc.today.Sub(planned) < 10*24*time.Hour:
		return []Phase{Planned, InProgress, DraftReport}[r.IntN(3)]
	case r.IntN(50) == 0:
		return DraftReport
	}
	return Signed
}

// write adds n inspections in tx.
func (nc *natContext) write(ctx context.Context, tx *db.Tx, r *rand.Rand, n int, c *natCounts) error {
	if err := db.ReadyBulk(ctx, tx); err != nil {
		return err
	}
	nextInsp, err := db.NextID(ctx, tx, "inspections")
	if err != nil {
		return err
	}
	nextAnswer, err := db.NextID(ctx, tx, "inspection_answers")
	if err != nil {
		return err
	}
	b := newNatBulks(tx)
	for k := range n {
		f := nc.facs[r.IntN(len(nc.facs))]
		planned := nc.today.AddDate(0, 0, -nc.days+r.IntN(nc.days+60))
		if planned.Before(f.opened) {
			planned = f.opened.AddDate(0, 0, r.IntN(60))
		}
		id := nextInsp + int64(k)
		phase := nc.natPhase(r, planned)
		if err := nc.inspection(ctx, b, r, id, f, planned, phase, tx.Now); err != nil {
			return err
		}
		if phase != Planned {
			na, err := nc.answers(ctx, b, r, id, nextAnswer, f, planned, phase)
			if err != nil {
				return err
			}
			nextAnswer += int64(na)
		}
	}
	if err := b.close(ctx); err != nil {
		return err
	}
	c.inspections, c.answers, c.actions = c.inspections+b.insp.Count, c.answers+b.answers.Count, c.actions+b.actions.Count
	for _, t := range []string{"inspections", "inspection_answers"} {
		if err := db.SyncIDs(ctx, tx, t); err != nil {
			return err
		}
	}
	return nil
}

// inspection queues the inspection row and its commission.
func (nc *natContext) inspection(ctx context.Context, b *natBulks, r *rand.Rand, id int64, f *natFacility,
	planned time.Time, phase Phase, now time.Time) error {
	created := laterTime(planned.AddDate(0, 0, -20), f.opened)
	var version, signedBy any
	var declared, counted *int
	var started, drafted, signed *time.Time
	updated := created
	if phase != Planned {
		s, g := planned.Add(9*time.Hour), f.declared*(85+r.IntN(16))/100
		version, declared, started, updated = nc.version, &g, &s, s
	}
	if phase == DraftReport || phase == Signed {
		dr, g := started.Add(30*time.Hour), max(0, *declared-r.IntN(3))
		counted, drafted, updated = &g, &dr, dr
	}
	if phase == Signed {
		sg := started.Add(72 * time.Hour)
		signed, signedBy, updated = &sg, nullID(nc.president), sg
	}
	if updated.After(now) {
		updated = now
	}
	if err := b.insp.Add(ctx, id, f.id, string(natKinds[r.IntN(len(natKinds))]), planned, string(phase), version,
		declared, counted, nullID(nc.president), created, updated, started, drafted, signed, signedBy); err != nil {
		return err
	}
	for _, m := range []Member{{UserID: nc.president, Role: RolePresident}, {UserID: nc.secretary, Role: RoleSecretary}} {
		if m.UserID == 0 {
			continue
		}
		if err := b.members.Add(ctx, id, m.UserID, string(m.Role)); err != nil {
			return err
		}
	}
	return nil
}

func laterTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
