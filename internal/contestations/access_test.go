package contestations_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/contestations"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
)

func TestManagerNeverSeesDrafts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		page := "/contestazioni/" + id(c.ID)
		mgr := w.env.Login(w.manager)
		mgr.Get(page).WantStatus(t, http.StatusNotFound)
		if _, err := w.store.Contestation(context.Background(), contestations.ScopeOf(w.manager), c.ID); apperr.KindOf(err) != apperr.NotFound {
			t.Errorf("the store gave the manager a draft: %v", err)
		}
		w.mustNotify(t, c, 0)
		mgr.Get(page).WantBody(t, "Presenta le controdeduzioni", "€ 50,00 × 1 ospiti")
	})
}

func TestAnotherBodysContestationDoesNotExist(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		w.mustNotify(t, c, 0)
		page := "/contestazioni/" + id(c.ID)
		stranger := w.env.Login(w.stranger)
		for _, path := range []string{page, page + "/dossier.pdf", page + "/dossier.zip"} {
			stranger.Get(path).WantStatus(t, http.StatusNotFound)
		}
		stranger.Post(page+"/controdeduzioni", url.Values{"reply": {"Non è nostra."}}).WantStatus(t, http.StatusNotFound)
		if got := w.get(t, c.ID).State; got != contestations.Notified {
			t.Errorf("state %s after another body's reply; want notified", got)
		}
		w.env.Login(w.other).Get("/contestazioni").WantStatus(t, http.StatusNotFound)
		w.env.Login(w.inspector).Get(page).WantStatus(t, http.StatusOK)
	})
}

func TestCounterDeductionsOnlyByTheBodyAndOnlyWhileNotified(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		w.mustNotify(t, c, 0)
		path := "/contestazioni/" + id(c.ID) + "/controdeduzioni"
		w.env.Login(w.inspector).Post(path, url.Values{"reply": {"x"}}).WantStatus(t, http.StatusForbidden)
		w.env.Login(w.officer).Post(path, url.Values{"reply": {"x"}}).WantStatus(t, http.StatusForbidden)
		mgr := w.env.Login(w.manager)
		mgr.Post(path, url.Values{"reply": {""}}).WantStatus(t, http.StatusUnprocessableEntity)
		res := mgr.Post(path, url.Values{"reply": {"Il certificato è in rinnovo presso il Comune."}})
		res.WantStatus(t, http.StatusSeeOther)
		mgr.Follow(res).WantBody(t, "Controdeduzioni inviate.", "Il certificato è in rinnovo presso il Comune.")
		mgr.Post(path, url.Values{"reply": {"Ancora."}}).WantStatus(t, http.StatusConflict)
		if got := w.get(t, c.ID).ReplyText; got != "Il certificato è in rinnovo presso il Comune." {
			t.Errorf("reply %q; want the first one kept", got)
		}
	})
}

func TestContestationFilesFollowTheContestation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		w.mustNotify(t, c, 0, files.Upload{Name: "pec.txt", Reader: bytes.NewReader([]byte("Contestazione inviata via PEC."))})
		docs := w.get(t, c.ID).Documents
		if len(docs) != 1 {
			t.Fatalf("%d documents; want the PEC copy", len(docs))
		}
		file := "/files/" + id(docs[0].FileID)
		w.env.Login(w.manager).Get(file).WantStatus(t, http.StatusOK)
		w.env.Login(w.stranger).Get(file).WantStatus(t, http.StatusNotFound)
		w.env.Login(w.other).Get(file).WantStatus(t, http.StatusNotFound)
	})
}

func TestPagesFromInspectionToDecision(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		off := w.env.Login(w.officer)
		off.Get("/ispezioni/"+id(w.inspA)).WantBody(t, `href="/contestazioni/nuova?ispezione=`+id(w.inspA)+`"`)
		if body := w.env.Login(w.inspector).Get("/ispezioni/" + id(w.inspA)).Body; strings.Contains(body, "/contestazioni/nuova") {
			t.Error("the inspector is offered a contestation form that does not exist for him")
		}
		off.Get("/contestazioni/nuova").WantBody(t, "AL-CAS-0201")
		off.Get("/contestazioni/nuova?ispezione="+id(w.inspA)).WantBody(t, "Rilievi da contestare", "penale P01")
		off.Post("/contestazioni", url.Values{"inspection_id": {id(w.inspA)}}).WantStatus(t, http.StatusUnprocessableEntity)
		res := off.Post("/contestazioni", url.Values{"inspection_id": {id(w.inspA)}, "answer": {id(w.answersA[0])}})
		res.WantStatus(t, http.StatusSeeOther)
		page := res.Header.Get("Location")
		off.Follow(res).WantBody(t, "Bozza di contestazione creata.", "Notifica via PEC", "€ 50,00 × 1 ospiti = € 50,00")
		off.Post(page+"/notifica", url.Values{"pec_date": {"2026-01-10"}, "days": {"30"}}).WantStatus(t, http.StatusUnprocessableEntity)
		off.Post(page+"/notifica", url.Values{"pec_date": {"2000-01-10"}, "days": {"10"}, "pec_reference": {"prot. 9"}}).WantStatus(t, http.StatusSeeOther)
		off.Get(page).WantBody(t, "Termine scaduto", "Registra la decisione")
		off.Get("/contestazioni?state=expired").WantBody(t, "AL-CAS-0201")
		off.Post(page+"/decisione", url.Values{"decision": {"penalty"}, "reason": {"Accertata."}}).WantStatus(t, http.StatusSeeOther)
		off.Get(page).WantBody(t, "Penale applicata", "Esecuzione della penale")
		off.Get("/contestazioni?state=expired").WantBody(t, "Nessuna contestazione.")
		off.Post(page+"/esecuzione", url.Values{"method": {"guarantee"}, "executed_on": {"2000-02-01"}, "execution_reference": {"Cauzione 7"}}).
			WantStatus(t, http.StatusSeeOther)
		off.Get("/contestazioni?state=executed").WantBody(t, "AL-CAS-0201", "€ 50,00")
		w.env.Login(w.manager).Get("/contestazioni").WantBody(t, "AL-CAS-0201")
	})
}
