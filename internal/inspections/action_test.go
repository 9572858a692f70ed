package inspections_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestDeadline(t *testing.T) {
	signed := time.Date(2026, 3, 10, 15, 30, 0, 0, time.UTC)
	for sev, want := range map[inspections.Severity]time.Time{
		inspections.Critical: day(2026, 3, 17), inspections.High: day(2026, 3, 25),
		inspections.Medium: day(2026, 4, 9), inspections.Low: day(2026, 5, 9),
	} {
		if got := inspections.Deadline(signed, sev); !got.Equal(want) {
			t.Errorf("Deadline(%s) = %s; want %s", sev, got, want)
		}
	}
}

func TestSigningCreatesActions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ae := mustActionEnv(t, d)
		as := actionsOf(t, ae.store, ae.mine)
		if len(as) != 2 {
			t.Fatalf("%d actions; want 2 (one non-conforming, one partial)", len(as))
		}
		for _, a := range as {
			want := inspections.Deadline(a.CreatedAt, a.Severity)
			switch {
			case a.State != inspections.ActionOpen:
				t.Errorf("action %d state %s; want open", a.ID, a.State)
			case a.OwnerID != ae.mineBody:
				t.Errorf("action %d owner %d; want the managing body %d", a.ID, a.OwnerID, ae.mineBody)
			case !a.Deadline.Equal(want):
				t.Errorf("action %d (%s) deadline %s; want %s", a.ID, a.Severity, a.Deadline, want)
			}
		}
		if as[0].Severity != inspections.Critical || as[0].Finding != "Estintori scaduti" {
			t.Errorf("first action %s %q; want the critical finding with its note", as[0].Severity, as[0].Finding)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'corrective_action'`); n != 4 {
			t.Errorf("%d audit rows for actions; want 4", n)
		}
	})
}

func TestActionOverdue(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ae := mustActionEnv(t, d)
		critical := actionsOf(t, ae.store, ae.mine)[0]
		overdue := inspections.ActionOverdue
		list := func(now time.Time) int {
			as, err := ae.store.Actions(context.Background(), inspections.ActionScope{All: true},
				inspections.ActionFilter{State: &overdue}, now)
			if err != nil {
				t.Fatalf("Actions: %v", err)
			}
			return len(as)
		}
		if critical.Overdue(critical.Deadline) || list(critical.Deadline) != 0 {
			t.Error("an action is overdue on its deadline day")
		}
		after := critical.Deadline.AddDate(0, 0, 2)
		if !critical.Overdue(after) || list(after) != 2 {
			t.Errorf("two days after the deadline: overdue %v, %d in the list; want true, 2", critical.Overdue(after), list(after))
		}
	})
}

func TestActionPagesAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ae := mustActionEnv(t, d)
		mine, theirs := actionsOf(t, ae.store, ae.mine)[0], actionsOf(t, ae.store, ae.theirs)[0]
		manager := ae.env.Login(ae.env.UserIn(ae.mineBody, "gestore@example.org", auth.RoleFacilityManager))
		t.Run("a manager sees only its own body's actions", func(t *testing.T) {
			res := manager.Get("/azioni-correttive")
			res.WantBody(t, `href="/azioni-correttive/`+id(mine.ID)+`"`, "AL-CAS-0101")
			if strings.Contains(res.Body, "AL-CAS-0102") {
				t.Error("the list shows another body's facility")
			}
		})
		t.Run("another body's action does not exist for the manager", func(t *testing.T) {
			manager.Get("/azioni-correttive/"+id(theirs.ID)).WantStatus(t, http.StatusNotFound)
			manager.Post("/azioni-correttive/"+id(theirs.ID)+"/risposta",
				url.Values{"remedy": {"Fatto"}}).WantStatus(t, http.StatusNotFound)
		})
		t.Run("an empty remedy keeps the page with a message next to the field", func(t *testing.T) {
			res := manager.Post("/azioni-correttive/"+id(mine.ID)+"/risposta", url.Values{"remedy": {"  "}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-remedy-error"`, "Descrivi il rimedio adottato.")
		})
		t.Run("a too long remedy is shown again with its message", func(t *testing.T) {
			long := "Sostituiti " + strings.Repeat("a", 4000)
			res := manager.Post("/azioni-correttive/"+id(mine.ID)+"/risposta", url.Values{"remedy": {long}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-remedy-error"`, "Il testo non può superare i 4000 caratteri.", long)
		})
		t.Run("the manager answers its own action", func(t *testing.T) {
			res := manager.Post("/azioni-correttive/"+id(mine.ID)+"/risposta", url.Values{"remedy": {"Estintori sostituiti"}})
			res.WantStatus(t, http.StatusSeeOther)
			manager.Follow(res).WantBody(t, "Risposta registrata.", "Estintori sostituiti", "Con risposta")
		})
		t.Run("the manager's evidence is kept and shown only to who sees the action", func(t *testing.T) {
			second := actionsOf(t, ae.store, ae.mine)[1]
			res := remedyWithFile(manager, second.ID, "Foto del nuovo impianto", "impianto.png", pngBytes)
			res.WantStatus(t, http.StatusSeeOther)
			page := manager.Follow(res)
			page.WantBody(t, "Documentazione del rimedio", "impianto.png")
			link := "/files/" + between(t, page.Body, `<li><a href="/files/`, `"`)
			manager.Get(link).WantStatus(t, http.StatusOK)
			other := ae.env.Login(ae.env.UserIn(ae.another, "altro-gestore@example.org", auth.RoleFacilityManager))
			other.Get(link).WantStatus(t, http.StatusNotFound)
		})
		t.Run("the manager does not close its own action", func(t *testing.T) {
			manager.Post("/azioni-correttive/"+id(mine.ID)+"/esito",
				url.Values{"decision": {"close"}, "note": {"Chiusa"}}).WantStatus(t, http.StatusForbidden)
		})
		t.Run("an inspector not on the commission gets 404", func(t *testing.T) {
			outsider := ae.env.Login(ae.env.User("estraneo@example.org", auth.RoleInspector))
			outsider.Get("/azioni-correttive/"+id(mine.ID)).WantStatus(t, http.StatusNotFound)
			if strings.Contains(outsider.Get("/azioni-correttive").Body, "AL-CAS-0101") {
				t.Error("the outsider's list shows the commission's actions")
			}
		})
		t.Run("the commission's inspector sees them", func(t *testing.T) {
			ae.env.Login(ae.president).Get("/azioni-correttive/"+id(theirs.ID)).WantStatus(t, http.StatusOK)
		})
		t.Run("other roles get 404", func(t *testing.T) {
			ae.env.Login(ae.env.User("operatore@example.org")).Get("/azioni-correttive").WantStatus(t, http.StatusNotFound)
		})
	})
}

func TestActionReview(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ae := mustActionEnv(t, d)
		a := actionsOf(t, ae.store, ae.mine)[0]
		officer := ae.env.Login(ae.env.User("prefettura@example.org", auth.RolePrefettura))
		path := "/azioni-correttive/" + id(a.ID) + "/esito"
		t.Run("a decision without a note keeps the input and shows the message", func(t *testing.T) {
			res := officer.Post(path, url.Values{"decision": {"close"}, "note": {""}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-note-error"`, "Scrivi la motivazione.")
		})
		for _, step := range []struct{ decision, note, flash, state string }{
			{"close", "Verificato in sede", "Azione chiusa.", "Chiusa"},
			{"reopen", "Gli estintori mancano ancora", "Azione riaperta.", "Riaperta"},
		} {
			t.Run(step.decision+" moves the action to "+step.state, func(t *testing.T) {
				res := officer.Post(path, url.Values{"decision": {step.decision}, "note": {step.note}})
				res.WantStatus(t, http.StatusSeeOther)
				officer.Follow(res).WantBody(t, step.flash, step.note, step.state)
			})
		}
		t.Run("the facility's trend counts each signed inspection's answers", func(t *testing.T) {
			officer.Get("/azioni-correttive?facility=AL-CAS-0101").WantBody(t, "Andamento della conformità", "</td><td>1</td><td>1</td>")
		})
		t.Run("the facility is found by its code as typed", func(t *testing.T) {
			officer.Get("/azioni-correttive?facility=+al-cas-0101+").WantBody(t, "Andamento della conformità", "AL-CAS-0101 ·")
		})
	})
}

func TestSigningKeepsOutcomeCounts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ae := mustActionEnv(t, d)
		answers := count(t, d, `SELECT COUNT(*) FROM inspection_answers WHERE inspection_id = ?`, ae.mine)
		var c, p, n int
		err := d.QueryRowContext(context.Background(), `SELECT conforming, partial, non_conforming FROM inspections WHERE id = ?`, ae.mine).Scan(&c, &p, &n)
		if err != nil {
			t.Fatal(err)
		}
		// One non-conforming, one partial and one not applicable; the rest conform.
		if n != 1 || p != 1 || c != answers-3 {
			t.Errorf("stored outcomes %d/%d/%d; want %d conforming, 1 partial, 1 non-conforming", c, p, n, answers-3)
		}
	})
}
