package questions_test

import (
	"testing"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
	"github.com/crocevia/crocevia/internal/questions"
)

func TestCheckPersonalFlagsLikelyPersonalData(t *testing.T) {
	flagged := []struct{ kind, text string }{
		{"Nome dopo un titolo", "Il sig. Mario Rossi chiede il rinnovo."},
		{"Nome dopo un titolo", "La sig.ra Bianchi è in attesa."},
		{"Nome dopo un titolo", "Ne ha parlato la dott.ssa Verdi."},
		{"Nome dopo un titolo", "Ha chiamato la sig.na Esposito."},
		{"Codice fiscale", "Codice fiscale RSSMRA80A01H501U allegato."},
		{"Numero di telefono", "Chiamare il 333 1234567 dopo le 15."},
		{"Numero di telefono", "Tel. +39 0131 123456."},
		{"Indirizzo e-mail", "Scrivere a mario.rossi@example.org."},
		{"Data di nascita", "La signora, nata il 12/03/1985, chiede la residenza."},
		{"Data di nascita", "Il ragazzo, nato a Lagos il 3 marzo 2007, è un MSNA."},
	}
	for _, c := range flagged {
		fs := questions.CheckPersonal("", c.text, "")
		if len(fs) == 0 || fs[0].Kind != c.kind || fs[0].Where != "Testo della domanda" {
			t.Errorf("%q: %+v; want %s", c.text, fs, c.kind)
		}
	}
	clean := []string{
		"Art. 5, comma 5, d.lgs. 286/1998 e circolare n. 400/A/2017.",
		"Il permesso scaduto nel 2024 si rinnova entro 60 giorni.",
		"La Questura di Alessandria riceve il martedì dalle 9 alle 12.",
		"Il signore chiede informazioni sul ricongiungimento.",
		"Legge 91/1992, art. 9: dieci anni di residenza legale.",
	}
	for _, text := range clean {
		if fs := questions.CheckPersonal(text, text, text); len(fs) != 0 {
			t.Errorf("%q flagged: %+v", text, fs)
		}
	}
}

func TestValidatingWithPersonalDataNeedsConfirmation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustFlowWorld(t, d)
		ctx := webtest.System()
		id := w.mustAsk(t, questions.Public)
		w.mustAssign(t, id)
		w.mustDraftAndSubmit(t, id, draftText+" Per informazioni: mario.rossi@example.org.")
		body := askBody + " Il sig. Mario Rossi attende."
		wantKind(t, w.store.Validate(ctx, w.validator, id, questions.Review{Title: askTitle, Body: body}), apperr.Invalid)
		res := w.env.Login(w.validator).Post("/domande/"+idOf(id)+"/valida", map[string][]string{"title": {askTitle}, "body": {body}})
		res.WantStatus(t, 422)
		res.WantBody(t, "Indirizzo e-mail", "mario.rossi@example.org", "conferma che si può pubblicare", "Il sig. Mario Rossi attende.")
		// The validator anonymises the question, keeps the e-mail of the office on purpose, and confirms.
		if err := w.store.Validate(ctx, w.validator, id, questions.Review{Title: askTitle, Body: askBody, Confirm: true}); err != nil {
			t.Fatalf("Validate with confirmation: %v", err)
		}
		if q := w.get(t, id); q.State != questions.Published || q.Body != askBody {
			t.Errorf("%s %q; want published with the anonymised text", q.State, q.Body)
		}
	})
}
