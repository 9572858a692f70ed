package questions_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/notify"
	"github.com/crocevia/crocevia/internal/platform/search"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/crocevia/crocevia/internal/questions"
)

// flowWorld is a server with the workflow mounted: the topic "permessi"
// routed to the Prefettura, a coordinator, two experts, a validator of
// the Prefettura and one of the Questura, an operator of a Comune with a
// colleague, and an operator of the ASL.
type flowWorld struct {
	env                   *webtest.Env
	store                 *questions.Store
	fs                    *files.Store
	office, otherOffice   int64
	askerOrg              int64
	topic                 int64
	coordinator           *auth.User
	expert, otherExpert   *auth.User
	validator, otherValid *auth.User
	asker, colleague      *auth.User
	stranger              *auth.User
}

func mustFlowWorld(t *testing.T, d *db.DB) *flowWorld {
	t.Helper()
	env := webtest.New(t, d)
	fs, err := files.New(d, files.Config{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := questions.New(questions.Deps{Web: env.Web, DB: d, Files: fs, Notify: &notify.Service{DB: d}})
	if err != nil {
		t.Fatal(err)
	}
	env.Mount(h, &files.Handler{Store: fs, Web: env.Web})
	w := &flowWorld{env: env, store: h.Store(), fs: fs}
	w.office = env.Org("Prefettura di prova", auth.KindPrefettura).ID
	w.otherOffice = env.Org("Questura di prova", auth.KindQuestura).ID
	w.askerOrg = env.Org("Comune di prova", auth.KindComune).ID
	asl := env.Org("ASL di prova", auth.KindHealth).ID
	experts := env.Org("Associazione giuristi", auth.KindAssociation).ID
	w.coordinator = env.UserIn(w.office, "coordinatore@example.org", auth.RoleQuestionCoordinator)
	w.expert = env.UserIn(experts, "esperto@example.org", auth.RoleExpert)
	w.otherExpert = env.UserIn(experts, "esperto2@example.org", auth.RoleExpert)
	w.validator = env.UserIn(w.office, "validatore@example.org", auth.RoleValidator)
	w.otherValid = env.UserIn(w.otherOffice, "validatore2@example.org", auth.RoleValidator)
	w.asker = env.UserIn(w.askerOrg, "operatore@example.org", auth.RoleServiceOperator)
	w.colleague = env.UserIn(w.askerOrg, "collega@example.org", auth.RoleMediator)
	w.stranger = env.UserIn(asl, "asl@example.org", auth.RoleServiceOperator)
	env.InTx(func(ctx context.Context, tx *db.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT id FROM question_topics WHERE slug = 'permessi'`).Scan(&w.topic); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE question_topics SET office_id = ? WHERE id = ?`, w.office, w.topic)
		return err
	})
	return w
}

const (
	askTitle  = "Rinnovo del permesso di soggiorno scaduto da tre mesi"
	askBody   = "Una persona seguita dal servizio ha il permesso scaduto da tre mesi: può ancora chiederne il rinnovo?"
	draftText = "Sì: il rinnovo si chiede anche dopo la scadenza, ma il ritardo va motivato alla Questura."
)

func (w *flowWorld) mustAsk(t *testing.T, v questions.Visibility) int64 {
	t.Helper()
	id, err := w.store.Ask(webtest.System(), w.fs, w.asker, questions.Ask{Title: askTitle, Body: askBody,
		TopicID: w.topic, ISTATCode: "006003", Visibility: v}, nil)
	if err != nil {
		t.Fatalf("Ask: %v", err)
	}
	return id
}

func (w *flowWorld) mustAssign(t *testing.T, id int64) {
	t.Helper()
	a := questions.Assignment{OfficeID: w.office, ExpertID: w.expert.ID, DueOn: time.Now().UTC().AddDate(0, 0, 10)}
	if err := w.store.Assign(webtest.System(), w.coordinator, id, a); err != nil {
		t.Fatalf("Assign: %v", err)
	}
}

func draft(body string) questions.Draft {
	return questions.Draft{Body: body, ValidAsOf: time.Now().UTC(), ReviewBy: time.Now().UTC().AddDate(1, 0, 0),
		Notes:      "Verificare la prassi della Questura.",
		References: []questions.Reference{{Norm: "d.lgs. 286/1998", Article: "5", URL: "https://www.normattiva.it/"}, {}}}
}

func (w *flowWorld) mustDraftAndSubmit(t *testing.T, id int64, body string) {
	t.Helper()
	ctx := webtest.System()
	if err := w.store.SaveDraft(ctx, w.expert, id, draft(body)); err != nil {
		t.Fatalf("SaveDraft: %v", err)
	}
	if err := w.store.Submit(ctx, w.expert, id); err != nil {
		t.Fatalf("Submit: %v", err)
	}
}

func (w *flowWorld) mustValidate(t *testing.T, id int64) {
	t.Helper()
	q := w.get(t, id)
	if err := w.store.Validate(webtest.System(), w.validator, id, questions.Review{Title: q.Title, Body: q.Body}); err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

// mustPublished runs a question through the whole workflow.
func (w *flowWorld) mustPublished(t *testing.T) int64 {
	t.Helper()
	id := w.mustAsk(t, questions.Public)
	w.mustAssign(t, id)
	w.mustDraftAndSubmit(t, id, draftText)
	w.mustValidate(t, id)
	return id
}

func (w *flowWorld) get(t *testing.T, id int64) *questions.Entry {
	t.Helper()
	e, err := w.store.Question(context.Background(), questions.Scope{All: true}, id)
	if err != nil {
		t.Fatalf("Question(%d): %v", id, err)
	}
	return e
}

func wantKind(t *testing.T, err error, kind apperr.Kind) {
	t.Helper()
	if err == nil || apperr.KindOf(err) != kind {
		t.Fatalf("error = %v (kind %d); want kind %d", err, apperr.KindOf(err), kind)
	}
}

func countRows(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("count %q: %v", query, err)
	}
	return n
}

// faqHits is how many published FAQ documents match text.
func faqHits(t *testing.T, d *db.DB, text string) int {
	t.Helper()
	_, total, err := search.Query(context.Background(), d, search.Request{Kind: "faq", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return total
}

func idOf(id int64) string { return strconv.FormatInt(id, 10) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
