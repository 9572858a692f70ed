package questions

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// ImportOutcome is what an import does with one row.
type ImportOutcome string

// The outcomes of a row. A row whose question was imported before with a
// different answer is not written: a published answer changes only
// through a new version that a validator validates, never by import.
const (
	ImportNew     ImportOutcome = "new"
	ImportPresent ImportOutcome = "present"
	ImportChanged ImportOutcome = "changed"
	ImportError   ImportOutcome = "error"
)

var importOutcomeLabels = map[ImportOutcome]string{
	ImportNew:     "Da importare",
	ImportPresent: "Già presente",
	ImportChanged: "Modificata: non importata",
	ImportError:   "Con errori",
}

// Label is the outcome's Italian name (a catalogue key).
func (o ImportOutcome) Label() string { return importOutcomeLabels[o] }

// ImportIssue is a problem of one field of a row: Message is a catalogue
// key, formatted with Arg when Arg is not 0.
type ImportIssue struct {
	Field   string
	Message string
	Arg     int
}

// ImportResult is one row of the report: what was read, what it resolves
// to and what the import does with it.
type ImportResult struct {
	ImportRow
	Key         string // import_key: the row's identity
	Outcome     ImportOutcome
	Issues      []ImportIssue
	TopicID     int64
	TopicName   string
	AuthorityID int64 // the organisation matched by name, 0 if the name is kept as written
	ValidDate   *time.Time
	ExistingID  int64 // the question already imported with the same key
}

// ImportReport is the per-row report of an import. Digest sums up the
// file and every row's outcome: the confirmation writes only if it still
// gets the report the user saw.
type ImportReport struct {
	Rows    []*ImportResult
	Counts  map[ImportOutcome]int
	Digest  string
	Written []int64 // the questions created, once confirmed
}

// errImportStale is a confirmation whose report is no longer the one shown.
var errImportStale = &apperr.Error{Kind: apperr.Conflict,
	Message: "Nel frattempo i dati sono cambiati: controlla il nuovo resoconto e conferma di nuovo."}

// PreviewImport reads data and reports, row by row, what an import would
// do. It writes nothing.
func PreviewImport(ctx context.Context, q db.Querier, data []byte) (*ImportReport, error) {
	if len(data) > maxImportSize {
		return nil, apperr.Errorf(apperr.TooLarge, "Il file supera la dimensione massima consentita.")
	}
	rows, err := ParseImport(data)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, errImportEmpty
	}
	lk, err := newImportLookup(ctx, q)
	if err != nil {
		return nil, err
	}
	rep := &ImportReport{Counts: map[ImportOutcome]int{}}
	seen := map[string]int{}
	for _, r := range rows {
		res, err := lk.resolve(ctx, q, r, seen)
		if err != nil {
			return nil, err
		}
		rep.Rows = append(rep.Rows, res)
		rep.Counts[res.Outcome]++
	}
	rep.Digest = importDigest(data, rep)
	return rep, nil
}

func importDigest(data []byte, rep *ImportReport) string {
	h := sha256.New()
	h.Write(data)
	for _, r := range rep.Rows {
		h.Write([]byte("\n" + r.Key + " " + string(r.Outcome)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// importKey is a row's identity: its topic, title and question, with case
// and spacing normalised, so a re-saved spreadsheet keeps its keys.
func importKey(topicSlug, title, question string) string {
	sum := sha256.Sum256([]byte(topicSlug + "\x00" + normText(title) + "\x00" + normText(question)))
	return hex.EncodeToString(sum[:])
}

func normText(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// sameAnswer compares answers ignoring line endings and outer spaces.
func sameAnswer(a, b string) bool {
	clean := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return clean(a) == clean(b)
}

// Count is how many rows have outcome o, for the templates.
func (r *ImportReport) Count(o string) int { return r.Counts[ImportOutcome(o)] }
