package presences

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// natChunk is how many facilities' presences one transaction writes
// (about 55,000 rows at three years each): memory and the SQLite
// write-ahead log stay bounded however large the load.
const natChunk = 50

// natFacility is what the load needs of a synthetic facility.
type natFacility struct {
	id                 int64
	contracted, places int
	first, last        time.Time // first and last day with guests
	rng                *rand.Rand
}

// NationalSeed adds three years of daily presences of every synthetic
// facility: about 8.8 million rows at the national scale.
func NationalSeed(ctx context.Context, d *db.DB, out io.Writer) error {
	return NationalSeedAt(demo.National)(ctx, d, out)
}

// NationalSeedAt adds sc.Days of daily presences (to yesterday) of every
// facility of a synthetic managing body that has opened, until it was
// suspended or closed: occupancy between 70% and 100% of the contracted
// places, a few arrivals and exits, about one day in a hundred missing
// and one in twenty-three reported late. It runs after the registry's
// national seeder. The rows are streamed facility by facility into
// multi-row INSERTs, with no audit entry each: they are bulk synthetic
// data, not anybody's reports.
func NationalSeedAt(sc demo.Scale) demo.NationalSeeder {
	return func(ctx context.Context, d *db.DB, out io.Writer) error {
		start := time.Now()
		today := dayOf(time.Now())
		facs, err := natFacilities(ctx, d, today.AddDate(0, 0, -sc.Days), today)
		if err != nil {
			return fmt.Errorf("national presences: %w", err)
		}
		rows, step := 0, max(natChunk, len(facs)/10/natChunk*natChunk)
		for i := 0; i < len(facs); i += natChunk {
			chunk := facs[i:min(i+natChunk, len(facs))]
			err := d.InTx(ctx, func(tx *db.Tx) error {
				n, err := writeNatPresences(ctx, tx, chunk, i)
				rows += n
				return err
			})
			if err != nil {
				return fmt.Errorf("national presences: %w", err)
			}
			if done := i + len(chunk); done%step == 0 || done == len(facs) {
				fmt.Fprintf(out, "presences: %d/%d facilities, %d rows, %s\n", done, len(facs), rows,
					time.Since(start).Round(time.Second))
			}
		}
		if err := RebuildMonths(ctx, d); err != nil {
			return fmt.Errorf("national presences: months: %w", err)
		}
		fmt.Fprintf(out, "synthetic: %d presences in %s\n", rows, time.Since(start).Round(time.Millisecond))
		return nil
	}
}

// natFacilities lists the synthetic facilities that have had guests since
// from, with the days they had them.
func natFacilities(ctx context.Context, d *db.DB, from, today time.Time) ([]*natFacility, error) {
	rows, err := d.QueryContext(ctx, `SELECT f.id, f.contracted_places, f.authorised_places, f.opened_on, f.state, f.state_since
		FROM facilities f JOIN organisations o ON o.id = f.managing_body_id
		WHERE o.synthetic = ? AND f.opened_on IS NOT NULL AND f.contracted_places > 0 ORDER BY f.id`, true)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*natFacility
	for rows.Next() {
		f := &natFacility{}
		var opened sql.NullTime
		var state string
		var since time.Time
		if err := rows.Scan(&f.id, &f.contracted, &f.places, &opened, &state, &since); err != nil {
			return nil, err
		}
		f.first, f.last = laterOf(from, ptr(asDay(opened.Time))), today.AddDate(0, 0, -1)
		if state != "active" {
			f.last = asDay(since).AddDate(0, 0, -1)
		}
		if !f.first.After(f.last) {
			f.rng = rand.New(rand.NewPCG(uint64(f.id), 8))
			out = append(out, f)
		}
	}
	return out, rows.Err()
}

var natCols = []string{"facility_id", "day", "present", "arrivals", "exits_transfer", "exits_voluntary", "exits_revoca",
	"exits_end", "exits_other", "absences", "unjustified", "notes", "source", "late", "reported_at", "updated_at"}

// writeNatPresences writes the chunk's days and says how many.
func writeNatPresences(ctx context.Context, tx *db.Tx, facs []*natFacility, offset int) (int, error) {
	if err := db.ReadyBulk(ctx, tx); err != nil {
		return 0, err
	}
	b := db.NewBulk(tx, "presences", natCols, 1000)
	for j, f := range facs {
		i := offset + j
		present := f.contracted * (70 + f.rng.IntN(31)) / 100
		for d, n := f.first, 0; !d.After(f.last); d, n = d.AddDate(0, 0, 1), n+1 {
			if (n*7+i)%97 == 0 {
				continue
			}
			arr, tr, vol, end := chance(f.rng, 8), chance(f.rng, 20), chance(f.rng, 30), chance(f.rng, 25)
			present = min(max(present+arr-tr-vol-end, f.contracted*7/10), f.contracted, f.places)
			reported := time.Date(d.Year(), d.Month(), d.Day(), 19, 30, 0, 0, rome)
			if (n+i)%23 == 0 {
				reported = reported.Add(44 * time.Hour)
			}
			at := reported.UTC()
			if err := b.Add(ctx, f.id, d, present, arr, tr, vol, 0, end, 0, chance(f.rng, 6), 0, "",
				string(SourceForm), isLate(d, reported), at, at); err != nil {
				return 0, err
			}
		}
	}
	err := b.Close(ctx)
	return b.Count, err
}
