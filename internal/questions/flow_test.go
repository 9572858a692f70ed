package questions_test

import (
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/crocevia/crocevia/internal/questions"
)

func TestAskIsRoutedByTopic(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		q := w.get(t, w.mustAsk(t, questions.Public))
		today := time.Now().UTC()
		want := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 15)
		if q.State != questions.Submitted || q.OfficeID != w.office || q.OrgID != w.askerOrg {
			t.Errorf("state %s office %d org %d; want submitted to the Prefettura from the Comune", q.State, q.OfficeID, q.OrgID)
		}
		if q.DueOn == nil || !q.DueOn.Equal(want) {
			t.Errorf("due on %v; want %v (15 days for permits)", q.DueOn, want)
		}
	})
}

func TestLifecycleFromAskToPublished(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		ctx := webtest.System()
		id := w.mustAsk(t, questions.Public)
		w.mustAssign(t, id)
		if q := w.get(t, id); q.State != questions.Assigned || q.ExpertID != w.expert.ID {
			t.Fatalf("after assignment: %s, expert %d", q.State, q.ExpertID)
		}
		w.mustDraftAndSubmit(t, id, "Una prima risposta troppo sbrigativa da correggere.")
		if q := w.get(t, id); q.State != questions.Validation {
			t.Fatalf("after submission: %s; want in validation", q.State)
		}
		if err := w.store.SendBack(ctx, w.validator, id, "Cita l'articolo del testo unico."); err != nil {
			t.Fatalf("SendBack: %v", err)
		}
		if q := w.get(t, id); q.State != questions.Drafted || q.AnswerID != 0 {
			t.Fatalf("after send-back: %s with answer %d; want drafted, unpublished", q.State, q.AnswerID)
		}
		if n := faqHits(t, d, "permessi"); n != 0 {
			t.Fatalf("%d FAQ hits before validation; want 0", n)
		}
		w.mustDraftAndSubmit(t, id, draftText)
		w.mustValidate(t, id)
		q := w.get(t, id)
		if q.State != questions.Published || q.AnswerID == 0 || q.PublishedAt == nil || q.AnsweredAt == nil {
			t.Fatalf("after validation: %s answer %d published %v", q.State, q.AnswerID, q.PublishedAt)
		}
		// "permessi" is another inflection of the title's "permesso".
		if n := faqHits(t, d, "permessi"); n != 1 {
			t.Errorf("%d FAQ hits for another inflection of the title; want 1", n)
		}
		as, err := w.store.Answers(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(as) != 1 || as[0].State != questions.AnswerValidated || as[0].AuthorityID != w.office || len(as[0].References) != 1 {
			t.Errorf("answers %+v; want one validated version by the office with one reference", as)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM question_events WHERE question_id = ?`, id); n != 7 {
			t.Errorf("%d timeline rows; want 7 (ask, assign, draft, submit, send back, submit, validate)", n)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'question' AND entity_id = ?`, idOf(id)); n < 7 {
			t.Errorf("%d audit entries; want one per transition", n)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ?`, w.asker.ID); n != 4 {
			t.Errorf("the asker has %d notifications; want 4 (assigned, twice in validation, published)", n)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ?`, w.validator.ID); n != 2 {
			t.Errorf("the validator has %d notifications; want one per submission", n)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ?`, w.expert.ID); n < 2 {
			t.Errorf("the expert has %d notifications; want assignment and send-back at least", n)
		}
	})
}

func TestOnlyTheRightPeopleMoveTheQuestion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		ctx := webtest.System()
		id := w.mustAsk(t, questions.Public)
		wantKind(t, w.store.Assign(ctx, w.asker, id, questions.Assignment{}), apperr.Forbidden)
		wantKind(t, w.store.Assign(ctx, w.coordinator, id, questions.Assignment{OfficeID: w.office, ExpertID: w.asker.ID}), apperr.Invalid)
		w.mustAssign(t, id)
		wantKind(t, w.store.SaveDraft(ctx, w.otherExpert, id, draft(draftText)), apperr.NotFound)
		wantKind(t, w.store.SaveDraft(ctx, w.expert, id, questions.Draft{Body: "corta"}), apperr.Invalid)
		w.mustDraftAndSubmit(t, id, draftText)
		wantKind(t, w.store.Validate(ctx, w.otherValid, id, questions.Review{Title: askTitle, Body: askBody}), apperr.NotFound)
		wantKind(t, w.store.Validate(ctx, w.expert, id, questions.Review{Title: askTitle, Body: askBody}), apperr.Forbidden)
		wantKind(t, w.store.SendBack(ctx, w.validator, id, "  "), apperr.Invalid)
	})
}

func TestRequestedInformationReturnsToTheExpert(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		ctx := webtest.System()
		id := w.mustAsk(t, questions.Private)
		if err := w.store.RequestInfo(ctx, w.coordinator, id, "Di che nazionalità è la persona?"); err != nil {
			t.Fatalf("RequestInfo: %v", err)
		}
		wantKind(t, w.store.AddInfo(ctx, w.stranger, id, "Nigeriana."), apperr.NotFound)
		if err := w.store.AddInfo(ctx, w.colleague, id, "Nigeriana, in Italia dal 2019."); err != nil {
			t.Fatalf("AddInfo: %v", err)
		}
		q := w.get(t, id)
		if q.State != questions.Triage || q.InfoRequest != "" || !contains(q.Body, "in Italia dal 2019") {
			t.Fatalf("after the information: %s %q %q; want back in triage with the text appended", q.State, q.InfoRequest, q.Body)
		}
		w.mustAssign(t, id)
		if err := w.store.RequestInfo(ctx, w.expert, id, "Ha un passaporto valido?"); err != nil {
			t.Fatalf("RequestInfo by the expert: %v", err)
		}
		if err := w.store.AddInfo(ctx, w.asker, id, "Sì."); err != nil {
			t.Fatal(err)
		}
		if q := w.get(t, id); q.State != questions.Assigned {
			t.Errorf("with an expert the question returns to %s; want assigned", q.State)
		}
		wantKind(t, w.store.AddInfo(ctx, w.asker, id, "Ancora."), apperr.Conflict)
	})
}

func TestMergeRejectSupersedeArchive(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		ctx := webtest.System()
		first := w.mustPublished(t)
		dup := w.mustAsk(t, questions.Public)
		wantKind(t, w.store.Merge(ctx, w.coordinator, dup, dup), apperr.Invalid)
		if err := w.store.Merge(ctx, w.coordinator, dup, first); err != nil {
			t.Fatalf("Merge: %v", err)
		}
		if q := w.get(t, dup); q.State != questions.Archived || q.MergedInto != first {
			t.Errorf("duplicate %s merged into %d", q.State, q.MergedInto)
		}
		bad := w.mustAsk(t, questions.Public)
		wantKind(t, w.store.Reject(ctx, w.coordinator, bad, ""), apperr.Invalid)
		if err := w.store.Reject(ctx, w.coordinator, bad, "Non riguarda l'immigrazione."); err != nil {
			t.Fatal(err)
		}
		if q := w.get(t, bad); q.State != questions.Rejected || q.RejectReason == "" {
			t.Errorf("rejected question: %s %q", q.State, q.RejectReason)
		}
		second := w.mustPublished(t)
		if n := faqHits(t, d, "permessi"); n != 2 {
			t.Fatalf("%d published; want 2", n)
		}
		if err := w.store.Supersede(ctx, w.validator, first, second); err != nil {
			t.Fatalf("Supersede: %v", err)
		}
		if q := w.get(t, first); q.State != questions.Superseded || q.SupersededBy != second {
			t.Errorf("superseded: %s by %d", q.State, q.SupersededBy)
		}
		if err := w.store.Archive(ctx, w.coordinator, second, "Norma abrogata."); err != nil {
			t.Fatal(err)
		}
		if n := faqHits(t, d, "permessi"); n != 0 {
			t.Errorf("%d FAQ hits after superseding and archiving; want 0", n)
		}
	})
}

func TestLateAgainstTheDueDate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		id := w.mustAsk(t, questions.Public)
		w.env.DB.ExecContext(webtest.System(), `UPDATE questions SET due_on = ? WHERE id = ?`, time.Now().UTC().AddDate(0, 0, -3), id)
		q := w.get(t, id)
		if !q.Late(time.Now().UTC()) {
			t.Fatalf("a question 3 days past due is not late")
		}
		late, n, err := w.store.List(webtest.System(), questions.Scope{All: true}, questions.Filter{Late: true, Now: time.Now().UTC(), Limit: 10})
		if err != nil || n != 1 || late[0].ID != id {
			t.Errorf("late list: %d, %v; want the question", n, err)
		}
	})
}
