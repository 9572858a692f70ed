package inspections

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
)

// Result is the outcome of one checklist item.
type Result string

// Results. An answer row exists from the start with no result yet.
const (
	Unanswered    Result = ""
	Conforming    Result = "conforming"
	Partial       Result = "partial"
	NonConforming Result = "non_conforming"
	NotApplicable Result = "not_applicable"
)

// Results lists every result in display order.
var Results = []Code{
	{string(Conforming), "Conforme"}, {string(Partial), "Parzialmente conforme"},
	{string(NonConforming), "Non conforme"}, {string(NotApplicable), "Non applicabile"},
}

// Label is the result's Italian name (a catalogue key).
func (r Result) Label() string {
	if r == Unanswered {
		return "Da compilare"
	}
	return codeLabel(Results, string(r))
}

// Valid reports whether r is a result an inspector may choose.
func (r Result) Valid() bool { return r != Unanswered && codeLabel(Results, string(r)) != string(r) }

// Answer is the commission's finding on one item.
type Answer struct {
	ID           int64
	InspectionID int64
	Item         *Item
	Section      string
	Result       Result
	Severity     Severity
	Note         string
	AnsweredAt   *time.Time
	AnsweredBy   string
}

// AnswerInput is what the inspector sets on an item.
type AnswerInput struct {
	Result   Result
	Severity Severity
	Note     string
}

// answerField names the form field of item itemID: the whole checklist is
// one form, so every control carries its item.
func answerField(name string, itemID int64) string { return name + "-" + strconv.FormatInt(itemID, 10) }

// Validate checks an answer; field names carry the item, so messages land
// next to the item's controls.
func (in *AnswerInput) Validate(itemID int64) error {
	in.Note = strings.TrimSpace(in.Note)
	f := apperr.Fields{}
	f.Check(in.Result.Valid(), answerField("result", itemID), "Scegli l'esito del controllo.")
	f.Check(in.Severity.Valid(), answerField("severity", itemID), "Scegli la gravità.")
	f.Check(utf8.RuneCountInString(in.Note) <= 2000, answerField("note", itemID), "La nota non può superare i 2000 caratteri.")
	return f.Err()
}
