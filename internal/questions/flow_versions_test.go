package questions_test

import (
	"testing"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/crocevia/crocevia/internal/questions"
)

// A change to a published answer is a new version, public only once
// validated; the old versions stay readable.
func TestNewVersionIsNotPublicUntilValidated(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		ctx := webtest.System()
		id := w.mustPublished(t)
		first := w.get(t, id).AnswerID
		if err := w.store.NewVersion(ctx, w.expert, id); err != nil {
			t.Fatalf("NewVersion: %v", err)
		}
		wantKind(t, w.store.NewVersion(ctx, w.expert, id), apperr.Conflict)
		changed := "Dal 2025 il rinnovo tardivo richiede anche la dichiarazione di ospitalità aggiornata."
		w.mustDraftAndSubmit(t, id, changed)
		q := w.get(t, id)
		if q.State != questions.Published || q.AnswerID != first {
			t.Fatalf("while the new version waits: %s, answer %d; want still published with %d", q.State, q.AnswerID, first)
		}
		if n := faqHits(t, d, "ospitalità"); n != 0 {
			t.Fatalf("the unvalidated version is searchable (%d hits)", n)
		}
		if res := w.env.Login(w.asker).Get("/domande/" + idOf(id)); contains(res.Body, "ospitalità") {
			t.Errorf("the asker reads the unvalidated version")
		}
		w.mustValidate(t, id)
		q = w.get(t, id)
		if q.AnswerID == first || q.State != questions.Published {
			t.Fatalf("after validation: answer %d (first %d), %s", q.AnswerID, first, q.State)
		}
		if n := faqHits(t, d, "ospitalità"); n != 1 {
			t.Errorf("%d hits for the new version's words; want 1", n)
		}
		as, err := w.store.Answers(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(as) != 2 || as[1].ID != first || as[1].State != questions.AnswerValidated || as[0].Version != 2 {
			t.Errorf("versions %+v; want version 2 over the still validated version 1", as)
		}
		w.env.Login(w.asker).Get("/domande/"+idOf(id)).WantBody(t, "Versione 1", "Versione 2", "ospitalità")
	})
}

func TestRejectedNewVersionKeepsThePublishedOne(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		ctx := webtest.System()
		id := w.mustPublished(t)
		first := w.get(t, id).AnswerID
		if err := w.store.NewVersion(ctx, w.coordinator, id); err != nil {
			t.Fatal(err)
		}
		w.mustDraftAndSubmit(t, id, "Una modifica che il validatore non condivide affatto.")
		if err := w.store.RejectAnswer(ctx, w.validator, id, "La prassi non è cambiata."); err != nil {
			t.Fatal(err)
		}
		if q := w.get(t, id); q.State != questions.Published || q.AnswerID != first {
			t.Errorf("after rejecting the new version: %s, answer %d; want published with %d", q.State, q.AnswerID, first)
		}
	})
}
