package questions_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/questions"
)

func askForm(w *flowWorld, title string) url.Values {
	return url.Values{"title": {title}, "body": {askBody}, "topic": {idOf(w.topic)}, "municipality": {"006003"},
		"visibility": {"public"}}
}

func TestAskPageKeepsInputWithItalianErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		c := w.env.Login(w.asker)
		c.Get("/domande/nuova").WantBody(t, "Nuova domanda", "Cerca domande simili", "dato personale")
		res := c.Post("/domande", url.Values{"title": {"Breve"}, "body": {"Testo da conservare"}, "municipality": {"999999"}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Scrivi un titolo di almeno 10 caratteri.", "Scegli l&#39;argomento.", "Breve", "Testo da conservare")
		f := askForm(w, askTitle)
		f.Set("municipality", "999999")
		res = c.Post("/domande", f)
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Scegli un comune dell&#39;elenco.")
		f.Set("topic", "abc")
		c.Post("/domande", f).WantStatus(t, http.StatusUnprocessableEntity)
	})
}

func TestAskShowsSimilarPublishedAnswersFirst(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		c := w.env.Login(w.asker)
		// Nothing published yet: the question goes straight in.
		res := c.Post("/domande", askForm(w, "Iscrizione anagrafica di un richiedente asilo ospite in CAS"))
		res.WantStatus(t, http.StatusSeeOther)
		published := w.mustPublished(t)
		res = c.Post("/domande", askForm(w, "Rinnovare i permessi scaduti: che cosa serve"))
		res.WantStatus(t, http.StatusOK)
		res.WantBody(t, "Domande simili già risposte", "/faq/"+idOf(published), "Invia comunque la domanda",
			"Rinnovare i permessi scaduti: che cosa serve")
		f := askForm(w, "Rinnovare i permessi scaduti: che cosa serve")
		f.Set("confirm", "1")
		res = c.Post("/domande", f)
		res.WantStatus(t, http.StatusSeeOther)
		if !strings.HasPrefix(res.Header.Get("Location"), "/domande/") {
			t.Errorf("confirmed ask went to %q", res.Header.Get("Location"))
		}
		f.Set("action", "similar")
		c.Post("/domande", f).WantBody(t, "/faq/"+idOf(published))
	})
}

func TestWorkflowThroughThePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		id := w.mustAsk(t, questions.Public)
		q := "/domande/" + idOf(id)
		coord := w.env.Login(w.coordinator)
		coord.Get(q).WantBody(t, "Assegna", "Unisci al duplicato", "Respingi la domanda")
		res := coord.Post(q+"/assegna", url.Values{"office": {idOf(w.office)}, "expert": {"x"}, "due_on": {"2001-01-01"}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Scegli un esperto dell&#39;elenco.", "La scadenza non può essere passata.")
		due := time.Now().UTC().AddDate(0, 0, 7).Format(time.DateOnly)
		coord.Post(q+"/assegna", url.Values{"office": {idOf(w.office)}, "expert": {idOf(w.expert.ID)}, "due_on": {due}}).
			WantStatus(t, http.StatusSeeOther)

		exp := w.env.Login(w.expert)
		exp.Get(q).WantBody(t, "Testo della risposta", "Aggiungi riga", "ref_norm_2")
		form := url.Values{"answer": {draftText}, "valid_as_of": {"2026-01-10"}, "ref_norm_0": {"d.lgs. 286/1998"},
			"ref_url_0": {"normattiva"}, "ref_norm_1": {""}, "action": {"add_row"}}
		exp.Post(q+"/risposta", form).WantBody(t, "ref_norm_2", "d.lgs. 286/1998")
		form.Set("action", "submit")
		res = exp.Post(q+"/risposta", form)
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Indica un indirizzo che inizia con http:// o https://.", draftText)
		form.Set("ref_url_0", "https://www.normattiva.it/")
		exp.Post(q+"/risposta", form).WantStatus(t, http.StatusSeeOther)

		val := w.env.Login(w.validator)
		val.Post(q+"/rimanda", url.Values{"comment": {""}}).WantStatus(t, http.StatusUnprocessableEntity)
		val.Post(q+"/rimanda", url.Values{"comment": {"Aggiungi la circolare."}}).WantStatus(t, http.StatusSeeOther)
		exp.Get(q).WantBody(t, "Aggiungi la circolare.")
		form.Set("ref_circular_1", "Circolare 400/A/2017")
		exp.Post(q+"/risposta", form).WantStatus(t, http.StatusSeeOther)
		val.Post(q+"/valida", url.Values{"title": {askTitle}, "body": {askBody}}).WantStatus(t, http.StatusSeeOther)
		w.env.Login(w.asker).Get(q).WantBody(t, "Risposta pubblicata (versione 1)", "Circolare 400/A/2017", "Pubblicata")
		if n := countRows(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ? AND title = ?`, w.asker.ID,
			"Risposta validata e pubblicata"); n != 1 {
			t.Errorf("the asker has %d publication notices; want 1", n)
		}
	})
}

func TestTopicsRouting(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		w.env.Login(w.expert).Get("/domande/argomenti").WantStatus(t, http.StatusNotFound)
		c := w.env.Login(w.coordinator)
		c.Get("/domande/argomenti").WantBody(t, "Permessi di soggiorno", "Prefettura di prova")
		key := idOf(w.topic)
		res := c.Post("/domande/argomenti", url.Values{"days_" + key: {"0"}, "office_" + key: {idOf(w.otherOffice)}})
		res.WantStatus(t, http.StatusUnprocessableEntity)
		res.WantBody(t, "Indica un numero di giorni tra 1 e 365.")
		c.Post("/domande/argomenti", url.Values{"days_" + key: {"7"}, "office_" + key: {idOf(w.otherOffice)}}).
			WantStatus(t, http.StatusSeeOther)
		q := w.get(t, w.mustAsk(t, questions.Public))
		if q.OfficeID != w.otherOffice {
			t.Errorf("routed to %d; want the new office %d", q.OfficeID, w.otherOffice)
		}
	})
}
