package questions_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/crocevia/crocevia/internal/questions"
)

// sees reports whether u finds question id, by the store and by the page.
func (w *flowWorld) sees(t *testing.T, u *auth.User, id int64) bool {
	t.Helper()
	_, err := w.store.Question(context.Background(), questions.ScopeOf(u), id)
	if err != nil && apperr.KindOf(err) != apperr.NotFound {
		t.Fatal(err)
	}
	res := w.env.Login(u).Get("/domande/" + idOf(id))
	if (err == nil) != (res.Status == http.StatusOK) || (err != nil && res.Status != http.StatusNotFound) {
		t.Fatalf("%s: store says %v, page answers %d", u.Email, err, res.Status)
	}
	return err == nil
}

func TestEachRoleSeesItsQuestionsOnly(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		id := w.mustAsk(t, questions.Private)
		type row struct {
			who  string
			u    *auth.User
			want bool
		}
		check := func(stage string, rows []row) {
			for _, r := range rows {
				if got := w.sees(t, r.u, id); got != r.want {
					t.Errorf("%s: %s sees the question: %v; want %v", stage, r.who, got, r.want)
				}
			}
		}
		check("submitted", []row{
			{"the asker", w.asker, true}, {"a colleague of the asker's organisation", w.colleague, true},
			{"the coordinator", w.coordinator, true}, {"an operator of another organisation", w.stranger, false},
			{"an expert", w.expert, false}, {"the office's validator, before any draft", w.validator, false},
		})
		w.mustAssign(t, id)
		check("assigned", []row{{"the assigned expert", w.expert, true}, {"another expert", w.otherExpert, false},
			{"the office's validator", w.validator, false}})
		if err := w.store.SaveDraft(webtest.System(), w.expert, id, draft(draftText)); err != nil {
			t.Fatal(err)
		}
		check("drafted", []row{{"the office's validator", w.validator, true}, {"another office's validator", w.otherValid, false},
			{"an operator of another organisation", w.stranger, false}})
	})
}

func TestListFollowsTheScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		id := w.mustAsk(t, questions.Public)
		if res := w.env.Login(w.asker).Get("/domande"); !contains(res.Body, askTitle) {
			t.Errorf("the asker's list misses the question")
		}
		if res := w.env.Login(w.stranger).Get("/domande"); contains(res.Body, askTitle) {
			t.Errorf("another organisation's list shows the question")
		}
		res := w.env.Login(w.stranger).Post("/domande/"+idOf(id)+"/informazioni", map[string][]string{"info": {"Prova"}})
		res.WantStatus(t, http.StatusNotFound)
		w.env.Login(w.asker).Get("/domande/smistamento").WantStatus(t, http.StatusNotFound)
		w.env.Login(w.coordinator).Get("/domande/smistamento").WantBody(t, askTitle)
	})
}

func TestDraftsAndNotesAreHiddenFromTheAsker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		id := w.mustAsk(t, questions.Public)
		w.mustAssign(t, id)
		w.mustDraftAndSubmit(t, id, draftText)
		if res := w.env.Login(w.asker).Get("/domande/" + idOf(id)); contains(res.Body, "Verificare la prassi") || contains(res.Body, draftText) {
			t.Errorf("the asker reads the draft or the notes for the validator")
		}
		w.env.Login(w.validator).Get("/domande/"+idOf(id)).WantBody(t, "Verificare la prassi", "Valida e pubblica")
	})
}

func TestAttachmentsFollowTheQuestion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		up := files.Upload{Name: "richiesta.txt", Reader: strings.NewReader("Testo della richiesta, senza dati personali.")}
		id, err := w.store.Ask(webtest.System(), w.fs, w.asker, questions.Ask{Title: askTitle, Body: askBody,
			TopicID: w.topic, Visibility: questions.Private}, []files.Upload{up})
		if err != nil {
			t.Fatalf("Ask with an attachment: %v", err)
		}
		fs, err := w.fs.List(context.Background(), "question", idOf(id))
		if err != nil || len(fs) != 1 {
			t.Fatalf("attachments %v, %v; want one", fs, err)
		}
		file := "/files/" + idOf(fs[0].ID)
		w.env.Login(w.colleague).Get(file).WantStatus(t, http.StatusOK)
		w.env.Login(w.stranger).Get(file).WantStatus(t, http.StatusNotFound)
		w.env.Login(w.asker).Get("/domande/"+idOf(id)).WantBody(t, "richiesta.txt")
	})
}

func TestReviewListShowsAnswersPastTheirReviewDate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		id := w.mustPublished(t)
		now := time.Now().UTC()
		fl := questions.Filter{Review: true, Now: now, Limit: 10}
		if _, n, _ := w.store.List(webtest.System(), questions.ScopeOf(w.validator), fl); n != 0 {
			t.Fatalf("%d answers to review before their date; want 0", n)
		}
		if _, err := d.ExecContext(context.Background(), `UPDATE question_answers SET review_by = ? WHERE question_id = ?`,
			now.AddDate(0, 0, -1), id); err != nil {
			t.Fatal(err)
		}
		if _, n, _ := w.store.List(webtest.System(), questions.ScopeOf(w.validator), fl); n != 1 {
			t.Errorf("%d answers to review; want the one past its date", n)
		}
		w.env.Login(w.validator).Get("/domande?state=da-rivedere").WantBody(t, askTitle)
		if _, n, _ := w.store.List(webtest.System(), questions.ScopeOf(w.otherValid), fl); n != 0 {
			t.Errorf("another office's validator sees %d answers to review", n)
		}
	})
}
