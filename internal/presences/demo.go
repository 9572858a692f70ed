package presences

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// demoMonths is how far back the demo's presences go.
const demoMonths = 6

// DemoSeed writes six months of daily presences for the demo's active
// facilities, with occupancy between 70% and 100% of contracted places, a
// few arrivals and exits, and some days missing or reported late so the
// flags have something to show. It must run after the registry's seeder.
// Like the synthetic data, the rows are bulk-loaded in multi-row INSERTs
// without one audit entry each: they are fixtures, not anybody's reports.
func DemoSeed(ctx context.Context, tx *db.Tx, _ map[string]int64, _ map[auth.Role]int64) error {
	facs, err := facilitiesIn(ctx, tx, scope{all: true}, true)
	if err != nil {
		return fmt.Errorf("demo presences: %w", err)
	}
	today := dayOf(tx.Now)
	b := &batch{tx: tx}
	for i, f := range facs {
		for _, p := range demoDays(f, i, today) {
			if err := b.add(ctx, p); err != nil {
				return fmt.Errorf("demo presences: %w", err)
			}
		}
	}
	if err := b.flush(ctx); err != nil {
		return err
	}
	return RebuildMonths(ctx, tx)
}

// demoDays invents one facility's reports from its start (at most six
// months ago) to yesterday.
func demoDays(f *Facility, i int, today time.Time) []*Presence {
	rng := rand.New(rand.NewPCG(uint64(f.ID), 42))
	start := laterOf(f.Since, ptr(today.AddDate(0, -demoMonths, 0)))
	present := f.ContractedPlaces * (70 + rng.IntN(31)) / 100
	var out []*Presence
	for d, n := start, 0; d.Before(today); d, n = d.AddDate(0, 0, 1), n+1 {
		if demoMissing(i, n, today.Sub(d)) {
			continue
		}
		p := &Presence{FacilityID: f.ID, Day: d, Source: SourceForm}
		p.Arrivals, p.ExitsTransfer = chance(rng, 8), chance(rng, 20)
		p.ExitsVoluntary, p.ExitsEnd = chance(rng, 30), chance(rng, 25)
		present = min(max(present+p.Arrivals-p.Exits(), f.ContractedPlaces*7/10), f.ContractedPlaces, f.AuthorisedPlaces)
		p.Present, p.Absences = present, chance(rng, 6)
		p.ReportedAt = time.Date(d.Year(), d.Month(), d.Day(), 19, 30, 0, 0, rome)
		if (n+i)%17 == 0 {
			p.ReportedAt = p.ReportedAt.Add(44 * time.Hour)
		}
		p.Late, p.UpdatedAt = isLate(d, p.ReportedAt), p.ReportedAt
		out = append(out, p)
	}
	return out
}

// demoMissing leaves a few holes: scattered days, and for every fifth
// facility the last three days, so the overview shows missing reports.
func demoMissing(i, n int, ago time.Duration) bool {
	return (n*7+i)%61 == 0 || (i%5 == 0 && ago <= 3*24*time.Hour)
}

// chance is 1 with probability 1/n, else 0.
func chance(rng *rand.Rand, n int) int {
	if rng.IntN(n) == 0 {
		return 1
	}
	return 0
}

// batch gathers rows into multi-row INSERTs.
type batch struct {
	tx   *db.Tx
	args []any
	n    int
}

const batchRows = 200

const insertHead = `INSERT INTO presences (facility_id, day, present, arrivals, exits_transfer, exits_voluntary,
	exits_revoca, exits_end, exits_other, absences, unjustified, notes, source, late, reported_at, updated_at) VALUES `

func (b *batch) add(ctx context.Context, p *Presence) error {
	b.args = append(b.args, p.FacilityID, p.Day)
	for _, v := range p.values() {
		b.args = append(b.args, v)
	}
	b.args = append(b.args, p.Notes, string(p.Source), p.Late, p.ReportedAt.UTC(), p.UpdatedAt.UTC())
	b.n++
	if b.n == batchRows {
		return b.flush(ctx)
	}
	return nil
}

func (b *batch) flush(ctx context.Context) error {
	if b.n == 0 {
		return nil
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", 16), ",") + ")"
	q := insertHead + strings.TrimSuffix(strings.Repeat(row+",", b.n), ",")
	_, err := b.tx.ExecContext(ctx, q, b.args...)
	b.args, b.n = b.args[:0], 0
	return err
}
