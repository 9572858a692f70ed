package facilities

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// natChunk is how many facilities one transaction writes, with their
// history and documents: bounded transactions keep the load's memory and
// the SQLite write-ahead log small.
const natChunk = 1000

type natMunicipality struct {
	code, name string
	population int64
}

// NationalSeed adds the national registry at the national scale.
func NationalSeed(ctx context.Context, d *db.DB, out io.Writer) error {
	return NationalSeedAt(demo.National)(ctx, d, out)
}

// NationalSeedAt adds a synthetic registry of sc.Facilities facilities in
// municipalities drawn by population, run by sc.Bodies synthetic managing
// bodies (a few bodies run many facilities), with history, documents and
// contracts with penalty grids covering groups of a body's facilities.
// The rows are bulk synthetic data: they are written with multi-row
// INSERTs and no audit entry each, as nobody did these things.
func NationalSeedAt(sc demo.Scale) demo.NationalSeeder {
	return func(ctx context.Context, d *db.DB, out io.Writer) error {
		start := time.Now()
		muns, err := natMunicipalities(ctx, d)
		if err != nil {
			return err
		}
		r := rand.New(rand.NewPCG(2026, 3))
		today := day(time.Now())
		bodyIDs, bodyNames, err := natBodies(ctx, d, r, sc.Bodies, muns)
		if err != nil {
			return err
		}
		facs, err := natFacilities(ctx, d, r, sc, muns, bodyIDs, bodyNames, today)
		if err != nil {
			return err
		}
		contracts := natContracts(r, facs, bodyIDs, today)
		for i := 0; i < len(facs); i += natChunk {
			if err := d.InTx(ctx, func(tx *db.Tx) error { return writeNatFacilities(ctx, tx, facs[i:min(i+natChunk, len(facs))], i) }); err != nil {
				return fmt.Errorf("national facilities: %w", err)
			}
			fmt.Fprintf(out, "facilities: %d/%d\n", min(i+natChunk, len(facs)), len(facs))
		}
		if err := d.InTx(ctx, func(tx *db.Tx) error { return writeNatContracts(ctx, tx, contracts) }); err != nil {
			return fmt.Errorf("national contracts: %w", err)
		}
		fmt.Fprintf(out, "synthetic: %d managing bodies, %d facilities, %d contracts in %s\n",
			len(bodyIDs), len(facs), len(contracts), time.Since(start).Round(time.Millisecond))
		return nil
	}
}

func natMunicipalities(ctx context.Context, d *db.DB) ([]natMunicipality, error) {
	rows, err := d.QueryContext(ctx, `SELECT istat_code, name, population FROM municipalities ORDER BY istat_code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []natMunicipality
	for rows.Next() {
		var m natMunicipality
		if err := rows.Scan(&m.code, &m.name, &m.population); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func munWeights(muns []natMunicipality) weighted {
	w := make([]int64, len(muns))
	for i, m := range muns {
		w[i] = m.population
	}
	return newWeighted(w)
}

// natBodies writes the synthetic managing bodies, with ids chosen up front.
func natBodies(ctx context.Context, d *db.DB, r *rand.Rand, n int, muns []natMunicipality) ([]int64, []string, error) {
	ids, names := make([]int64, n), make([]string, n)
	w := munWeights(muns)
	kinds := []string{"Cooperativa sociale", "Associazione", "Consorzio", "Fondazione", "Impresa sociale"}
	err := d.InTx(ctx, func(tx *db.Tx) error {
		next, err := db.NextID(ctx, tx, "organisations")
		if err != nil {
			return err
		}
		b := db.NewBulk(tx, "organisations", []string{"id", "name", "kind", "ipa_code", "istat_code", "email", "active", "synthetic", "created_at"}, 500)
		for i := range n {
			m := muns[w.pick(r)]
			ids[i], names[i] = next+int64(i), fmt.Sprintf("%s Accoglienza %s %d (sintetico)", kinds[i%len(kinds)], m.name, i+1)
			if err := b.Add(ctx, ids[i], names[i], string(auth.KindEnteGestore), "", m.code, "", true, true, tx.Now); err != nil {
				return err
			}
		}
		if err := b.Close(ctx); err != nil {
			return err
		}
		return db.SyncIDs(ctx, tx, "organisations")
	})
	return ids, names, err
}

// natFacilities invents the facilities and gives them ids and codes.
func natFacilities(ctx context.Context, d *db.DB, r *rand.Rand, sc demo.Scale, muns []natMunicipality,
	bodyIDs []int64, bodyNames []string, today time.Time) ([]*natFacility, error) {
	next, err := db.NextID(ctx, d, "facilities")
	if err != nil {
		return nil, err
	}
	w := munWeights(muns)
	seq := map[SystemType]int{}
	out := make([]*natFacility, sc.Facilities)
	for i := range out {
		f := natFacilityAt(r, i, muns[w.pick(r)], len(bodyIDs), sc.Days, today)
		seq[f.System]++
		f.ID, f.Code = next+int64(i), fmt.Sprintf("SN-%s-%05d", codePrefixes[f.System][3:], seq[f.System])
		f.BodyID, f.BodyName = bodyIDs[f.body], bodyNames[f.body]
		f.bodyHistory(r, i == 0, bodyIDs, bodyNames)
		out[i] = f
	}
	return out, nil
}
