package questions

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/search"
)

// NationalQuestions is how many published Q&As the national scale loads.
const NationalQuestions = 100000

// natChunk is how many questions one transaction writes, with their
// answers, references and search documents.
var natChunk = 5000

// natPlace is a municipality a synthetic question is about, with the
// synthetic Comune and operator who ask it (0 when there are none).
type natPlace struct {
	code, name, province string
	org, user            int64
}

// natSetup is what every synthetic question shares.
type natSetup struct {
	places    []natPlace
	topics    []int64 // ids in natTopics order
	dueDays   []int
	authority int64
	authName  string
	now       time.Time
}

// NationalSeed adds NationalQuestions published Q&As.
func NationalSeed(ctx context.Context, d *db.DB, out io.Writer) error {
	return NationalSeedAt(NationalQuestions)(ctx, d, out)
}

// NationalSeedAt adds n published public Q&As, made from templates ×
// topics × the Italian municipalities so that search meets common words
// (permesso, soggiorno) and rare ones (a small Comune's name): each asked
// by the synthetic Comune of its municipality over the last three years,
// answered within or after its due date, with its validated answer,
// legal references and search document, all in multi-row INSERTs (bulk
// synthetic data: no audit entries). It runs after the platform's
// national load, whose Comuni ask.
func NationalSeedAt(n int) demo.NationalSeeder {
	return func(ctx context.Context, d *db.DB, out io.Writer) error {
		start := time.Now()
		s, err := natPrepare(ctx, d)
		if err != nil {
			return fmt.Errorf("national questions: %w", err)
		}
		r := rand.New(rand.NewPCG(2026, 4))
		for i := 0; i < n; i += natChunk {
			k := min(natChunk, n-i)
			if err := d.InTx(ctx, func(tx *db.Tx) error { return s.writeChunk(ctx, tx, r, k) }); err != nil {
				return fmt.Errorf("national questions: %w", err)
			}
			if (i/natChunk)%4 == 3 || i+k == n {
				fmt.Fprintf(out, "questions: %d/%d, %s\n", i+k, n, time.Since(start).Round(time.Second))
			}
		}
		if err := natFinish(ctx, d); err != nil {
			return fmt.Errorf("national questions: %w", err)
		}
		fmt.Fprintf(out, "synthetic: %d published questions in %s\n", n, time.Since(start).Round(time.Millisecond))
		return nil
	}
}

// natFinish recounts the search vocabulary the bulk index bypassed, bumps
// the publication generation once, and refreshes the planners' statistics
// of the tables just filled.
func natFinish(ctx context.Context, d *db.DB) error {
	if err := search.RebuildVocabulary(ctx, d, searchKind); err != nil {
		return err
	}
	if _, err := d.ExecContext(ctx, `UPDATE question_generation SET generation = generation + 1 WHERE id = 1`); err != nil {
		return err
	}
	for _, t := range []string{"questions", "question_answers", "question_references", "search_index"} {
		if _, err := d.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return err
		}
	}
	return nil
}

// natPrepare reads the topics, the places and the validating authority:
// the first Prefettura of the network, if any.
func natPrepare(ctx context.Context, d *db.DB) (*natSetup, error) {
	s := &natSetup{now: time.Now().UTC().Truncate(time.Second), authName: "Ministero dell'Interno"}
	bySlug := map[string][2]int64{}
	rows, err := d.QueryContext(ctx, `SELECT slug, id, due_days FROM question_topics`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var slug string
		var v [2]int64
		if err := rows.Scan(&slug, &v[0], &v[1]); err != nil {
			rows.Close()
			return nil, err
		}
		bySlug[slug] = v
	}
	rows.Close()
	for _, t := range natTopics {
		v, ok := bySlug[t.slug]
		if !ok {
			return nil, fmt.Errorf("no topic %q", t.slug)
		}
		s.topics, s.dueDays = append(s.topics, v[0]), append(s.dueDays, int(v[1]))
	}
	err = d.QueryRowContext(ctx, `SELECT id, name FROM organisations WHERE kind = 'prefettura' ORDER BY synthetic, id LIMIT 1`).
		Scan(&s.authority, &s.authName)
	if err != nil && err != db.ErrNotFound {
		return nil, err
	}
	s.places, err = natPlaces(ctx, d)
	if err == nil && len(s.places) == 0 {
		err = fmt.Errorf("no municipalities loaded")
	}
	return s, err
}

// natPlaces lists the municipalities, each with the synthetic Comune and
// its operator when the national load made them.
func natPlaces(ctx context.Context, d *db.DB) ([]natPlace, error) {
	rows, err := d.QueryContext(ctx, `SELECT m.istat_code, m.name, m.province,
		COALESCE((SELECT MIN(o.id) FROM organisations o WHERE o.istat_code = m.istat_code AND o.synthetic = ? AND o.kind = 'comune'), 0)
		FROM municipalities m ORDER BY m.istat_code`, true)
	if err != nil {
		return nil, err
	}
	var out []natPlace
	for rows.Next() {
		var p natPlace
		if err := rows.Scan(&p.code, &p.name, &p.province, &p.org); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	users := map[int64]int64{}
	urows, err := d.QueryContext(ctx, `SELECT m.org_id, MIN(m.user_id) FROM memberships m JOIN organisations o ON o.id = m.org_id
		WHERE o.synthetic = ? AND o.kind = 'comune' GROUP BY m.org_id`, true)
	if err != nil {
		return nil, err
	}
	defer urows.Close()
	for urows.Next() {
		var org, user int64
		if err := urows.Scan(&org, &user); err != nil {
			return nil, err
		}
		users[org] = user
	}
	for i := range out {
		out[i].user = users[out[i].org]
	}
	return out, urows.Err()
}
