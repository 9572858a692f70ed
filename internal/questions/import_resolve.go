package questions

import (
	"context"
	"errors"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// importTopic is a topic as an import matches it.
type importTopic struct {
	id         int64
	slug, name string
}

// importLookup resolves topics and authorities, each read once.
type importLookup struct {
	topics      map[string]importTopic // by lowercase slug and name
	authorities map[string]int64       // lowercase name → organisation, 0 if none
}

func newImportLookup(ctx context.Context, q db.Querier) (*importLookup, error) {
	lk := &importLookup{topics: map[string]importTopic{}, authorities: map[string]int64{}}
	rows, err := q.QueryContext(ctx, `SELECT id, slug, name FROM question_topics`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t importTopic
		if err := rows.Scan(&t.id, &t.slug, &t.name); err != nil {
			return nil, err
		}
		lk.topics[strings.ToLower(t.slug)], lk.topics[strings.ToLower(t.name)] = t, t
	}
	return lk, rows.Err()
}

func (lk *importLookup) authority(ctx context.Context, q db.Querier, name string) (int64, error) {
	key := strings.ToLower(name)
	if id, ok := lk.authorities[key]; ok {
		return id, nil
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM organisations WHERE LOWER(name) = ? ORDER BY id LIMIT 1`, key).Scan(&id)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return 0, err
	}
	lk.authorities[key] = id
	return id, nil
}

// resolve validates r and finds what the database already has of it.
func (lk *importLookup) resolve(ctx context.Context, q db.Querier, r ImportRow, seen map[string]int) (*ImportResult, error) {
	res := &ImportResult{ImportRow: r}
	res.Issues = append(validateImportRow(r), r.refProblems...)
	t, ok := lk.topics[strings.ToLower(r.Topic)]
	switch {
	case r.Topic == "":
		res.Issues = append(res.Issues, ImportIssue{Field: "argomento", Message: "Indica l'argomento."})
	case !ok:
		res.Issues = append(res.Issues, ImportIssue{Field: "argomento", Message: "Argomento sconosciuto: usa uno degli argomenti delle domande (nome o codice)."})
	default:
		res.TopicID, res.TopicName = t.id, t.name
		res.Key = importKey(t.slug, r.Title, r.Question)
	}
	if d, ok := parseImportDate(r.ValidAsOf); ok {
		res.ValidDate = &d
	}
	if res.Key != "" {
		if first, dup := seen[res.Key]; dup {
			res.Issues = append(res.Issues, ImportIssue{Field: "domanda", Message: "Stessa domanda della riga %d del file.", Arg: first})
		} else {
			seen[res.Key] = r.Line
		}
	}
	var err error
	if r.Authority != "" {
		if res.AuthorityID, err = lk.authority(ctx, q, r.Authority); err != nil {
			return nil, err
		}
	}
	res.Outcome = ImportError
	if len(res.Issues) == 0 {
		res.Outcome, err = existingOutcome(ctx, q, res)
	}
	return res, err
}

// existingOutcome compares a valid row with the question imported before
// under the same key, if any.
func existingOutcome(ctx context.Context, q db.Querier, res *ImportResult) (ImportOutcome, error) {
	var answer string
	err := q.QueryRowContext(ctx, `SELECT q.id, COALESCE(a.body, '') FROM questions q
		LEFT JOIN question_answers a ON a.id = q.answer_id WHERE q.import_key = ?`, res.Key).Scan(&res.ExistingID, &answer)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return ImportNew, nil
	case err != nil:
		return "", err
	case sameAnswer(answer, res.Answer):
		return ImportPresent, nil
	}
	return ImportChanged, nil
}
