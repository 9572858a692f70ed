// Package questions is Medi-AL: operators ask about practices and services
// for immigrants, a coordinator routes each question to the competent
// office, an expert drafts the answer, a validator of that office validates
// it, and only then is it published in the public FAQ.
package questions

import "time"

// State is where a question stands in its lifecycle.
type State string

// The states of a question, in lifecycle order.
const (
	Submitted  State = "submitted"
	Triage     State = "triage"
	Assigned   State = "assigned"
	NeedsInfo  State = "needs_info"
	Drafted    State = "drafted"
	Validation State = "in_validation"
	Published  State = "published"
	Rejected   State = "rejected"
	Archived   State = "archived"
	Superseded State = "superseded"
)

// States lists every state in lifecycle order.
var States = []State{Submitted, Triage, Assigned, NeedsInfo, Drafted, Validation, Published, Rejected, Archived, Superseded}

var stateLabels = map[State]string{
	Submitted:  "Inviata",
	Triage:     "In smistamento",
	Assigned:   "Assegnata",
	NeedsInfo:  "Servono informazioni",
	Drafted:    "Risposta in bozza",
	Validation: "In validazione",
	Published:  "Pubblicata",
	Rejected:   "Respinta",
	Archived:   "Archiviata",
	Superseded: "Superata",
}

// Label is the state's Italian name (a catalogue key).
func (s State) Label() string { return stateLabels[s] }

// Valid reports whether s is a known state.
func (s State) Valid() bool { _, ok := stateLabels[s]; return ok }

// Open reports whether the question still waits for an answer, so that its
// due date matters.
func (s State) Open() bool {
	switch s {
	case Submitted, Triage, Assigned, NeedsInfo, Drafted, Validation:
		return true
	}
	return false
}

// Visibility says who may read a question once answered.
type Visibility string

const (
	// Public questions are published in the FAQ once anonymised and validated.
	Public Visibility = "public"
	// Private questions stay within the asker's organisation.
	Private Visibility = "private"
)

// Valid reports whether v is a known visibility.
func (v Visibility) Valid() bool { return v == Public || v == Private }

// AnswerState is where one version of an answer stands.
type AnswerState string

// The states of an answer version.
const (
	AnswerDraft      AnswerState = "draft"
	AnswerValidation AnswerState = "in_validation"
	AnswerReturned   AnswerState = "returned"
	AnswerValidated  AnswerState = "validated"
	AnswerRejected   AnswerState = "rejected"
)

// Topic is a subject of questions, with its routing rule: the competent
// office (an organisation) and the default days to answer.
type Topic struct {
	ID       int64
	Slug     string
	Name     string
	Position int
	OfficeID int64 // 0: the coordinator chooses
	DueDays  int
}

// Question is what an operator asked and where it stands.
type Question struct {
	ID           int64
	Title        string
	Body         string
	TopicID      int64
	TopicSlug    string
	TopicName    string
	ISTATCode    string // municipality concerned, "" if none
	Service      string // service concerned, free text
	Visibility   Visibility
	State        State
	AskerID      int64
	OrgID        int64 // the asker's organisation
	OfficeID     int64 // the competent office
	ExpertID     int64
	DueOn        *time.Time
	InfoRequest  string
	RejectReason string
	MergedInto   int64
	SupersededBy int64
	AnswerID     int64 // the published version, 0 if none
	PublishedAt  *time.Time
	AnsweredAt   *time.Time
	Views        int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Late reports whether the question is still open past its due date.
func (q *Question) Late(now time.Time) bool {
	return q.State.Open() && q.DueOn != nil && now.After(q.DueOn.AddDate(0, 0, 1))
}

// Answer is one version of the answer to a question.
type Answer struct {
	ID               int64
	QuestionID       int64
	Version          int
	Body             string // Markdown
	ValidAsOf        *time.Time
	ReviewBy         *time.Time
	Notes            string // private notes for the validator
	State            AnswerState
	AuthorID         int64
	AuthorityID      int64  // the validating authority
	AuthorityName    string // its name, or the imported authority's
	ValidatorID      int64
	ValidatorComment string
	SubmittedAt      *time.Time
	ValidatedAt      *time.Time
	References       []Reference
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Reference is a legal reference of an answer: a norm and article, a
// circular, a link.
type Reference struct {
	Norm     string
	Article  string
	Circular string
	URL      string
}

// Event is one step of a question's timeline.
type Event struct {
	At       time.Time
	UserID   int64
	UserName string
	From     State
	To       State
	Note     string
}
