package questions

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// demoSeed is what every demo question shares: who asks, who answers,
// who validates, and the topics' routing.
type demoSeed struct {
	tx        *db.Tx
	now       time.Time
	askers    [][2]int64 // user and organisation
	office    int64
	authority string
	expert    int64
	validator int64
	topics    map[string][2]int64 // slug → id, due days
	ids       []int64             // the published questions, in demoPublished order
}

// DemoSeed adds 60 questions across the ten topics, in every state: 40
// published with legal references (one private to its organisation, three
// with a new version awaiting validation), the others on their way or set
// aside. Operators of the demo ask; the demo expert answers; the demo
// validator's Prefettura is the competent office and validating
// authority, and every topic is routed to it. Some were answered late,
// some open ones are past their due date.
func DemoSeed(ctx context.Context, tx *db.Tx, orgs map[string]int64, users map[auth.Role]int64) error {
	s := &demoSeed{tx: tx, now: tx.Now, office: orgs["prefettura"], expert: users[auth.RoleExpert],
		validator: users[auth.RoleValidator], topics: map[string][2]int64{}}
	for _, o := range demo.Orgs {
		if o.Key == "prefettura" {
			s.authority = o.Name
		}
	}
	for _, a := range demo.Accounts {
		switch a.Role {
		case auth.RoleServiceOperator, auth.RoleFacilityManager, auth.RoleMediator, auth.RoleMediationCoordinator:
			s.askers = append(s.askers, [2]int64{users[a.Role], orgs[a.OrgKey]})
		}
	}
	if err := s.loadTopics(ctx); err != nil {
		return err
	}
	for i, qa := range demoPublished {
		if err := s.published(ctx, i, qa); err != nil {
			return err
		}
	}
	for j, o := range demoOthers {
		if err := s.other(ctx, j, o); err != nil {
			return err
		}
	}
	return nil
}

// loadTopics routes every topic without an office to the Prefettura and
// reads their ids and due days.
func (s *demoSeed) loadTopics(ctx context.Context) error {
	if _, err := s.tx.ExecContext(ctx, `UPDATE question_topics SET office_id = ? WHERE office_id IS NULL`, toolsNullID(s.office)); err != nil {
		return err
	}
	rows, err := s.tx.QueryContext(ctx, `SELECT slug, id, due_days FROM question_topics`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var slug string
		var v [2]int64
		if err := rows.Scan(&slug, &v[0], &v[1]); err != nil {
			return err
		}
		s.topics[slug] = v
	}
	return rows.Err()
}

// demoRow is one question to write.
type demoRow struct {
	qa                demoQA
	state             State
	visibility        Visibility
	asker             [2]int64
	office, expert    int64
	created, due      time.Time
	answered          *time.Time
	infoRequest, note string
	rejectReason      string
}

func (s *demoSeed) day(daysAgo int) time.Time {
	y, m, d := s.now.AddDate(0, 0, -daysAgo).Date()
	return time.Date(y, m, d, 9+daysAgo%8, (daysAgo*7)%60, 0, 0, time.UTC)
}

// published writes demoPublished[i]: asked 10 to 170 days ago, answered
// by its due date except every fifth, answered five days late.
func (s *demoSeed) published(ctx context.Context, i int, qa demoQA) error {
	t := s.topics[qa.topic]
	created := s.day(10 + i*4)
	due := demoDateOnly(created.AddDate(0, 0, int(t[1])))
	answered := due.AddDate(0, 0, -3-i%4).Add(11 * time.Hour)
	if i%5 == 0 {
		answered = due.AddDate(0, 0, 5).Add(10 * time.Hour)
	}
	if answered.After(s.now) {
		answered = s.now.Add(-time.Hour)
	}
	vis := Public
	if i == 38 {
		vis = Private
	}
	r := demoRow{qa: qa, state: Published, visibility: vis, asker: s.askers[i%len(s.askers)], office: s.office,
		expert: s.expert, created: created, due: due, answered: &answered}
	id, err := s.write(ctx, r)
	if err != nil {
		return err
	}
	s.ids = append(s.ids, id)
	if rev, ok := demoRevisions[i]; ok {
		_, err = s.answer(ctx, id, 2, rev, qa.refs, AnswerValidation, s.now.AddDate(0, 0, -2))
	}
	return err
}

// other writes demoOthers[j]; every third open one is past its due date.
func (s *demoSeed) other(ctx context.Context, j int, o demoOther) error {
	t := s.topics[o.topic]
	ago := 1 + j
	if o.state.Open() && j%3 == 0 {
		ago = int(t[1]) + 3 + j
	}
	if !o.state.Open() {
		ago = 60 + 5*j
	}
	created := s.day(ago)
	r := demoRow{qa: o.demoQA, state: o.state, visibility: Public, asker: s.askers[j%len(s.askers)],
		created: created, due: demoDateOnly(created.AddDate(0, 0, int(t[1])))}
	switch o.state {
	case Submitted, Triage:
	case NeedsInfo:
		r.office, r.expert = s.office, s.expert
		r.infoRequest = "Indicate il tipo di permesso, la data di scadenza e il Comune di residenza."
	case Rejected:
		r.rejectReason = "La domanda riguarda il caso di una persona identificabile: rivolgetevi direttamente all'ufficio competente."
	default:
		r.office, r.expert = s.office, s.expert
	}
	if o.state == Archived || o.state == Superseded {
		a := created.AddDate(0, 0, 8)
		r.answered = &a
	}
	_, err := s.write(ctx, r)
	return err
}

func demoDateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
