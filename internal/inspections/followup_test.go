package inspections_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
)

// TestFollowUp follows a signed inspection with open actions through its
// follow-up inspection to its closing.
func TestFollowUp(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ae := mustActionEnv(t, d)
		officer := ae.env.User("prefettura@example.org", auth.RolePrefettura)
		pref := ae.env.Login(officer)
		mine := "/ispezioni/" + id(ae.mine)
		phase := func(id int64) inspections.Phase {
			in, err := ae.store.Inspection(context.Background(), inspections.Scope{All: true}, id)
			if err != nil {
				t.Fatalf("Inspection %d: %v", id, err)
			}
			return in.Phase
		}

		t.Run("a signed inspection offers the follow-up to the Prefettura", func(t *testing.T) {
			pref.Get(mine).WantBody(t, `action="/ispezioni/`+id(ae.mine)+`/verifica"`, `action="/ispezioni/`+id(ae.mine)+`/chiudi"`)
			if strings.Contains(ae.env.Login(ae.president).Get(mine).Body, `/verifica"`) {
				t.Error("the inspector is offered the follow-up, which is the Prefettura's")
			}
		})
		t.Run("the inspector may not request one", func(t *testing.T) {
			ae.env.Login(ae.president).Post(mine+"/verifica", url.Values{"planned_on": {"2026-06-10"}}).WantStatus(t, http.StatusNotFound)
		})
		t.Run("it is not closed while actions are open", func(t *testing.T) {
			res := pref.Post(mine+"/chiudi", nil)
			res.WantStatus(t, http.StatusConflict)
			res.WantBody(t, "Restano azioni correttive da chiudere")
		})
		t.Run("a follow-up needs a date, and the date typed is kept", func(t *testing.T) {
			res := pref.Post(mine+"/verifica", url.Values{"planned_on": {"31/02/2026"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Indica la data prevista", `value="31/02/2026"`)
		})
		var followUp int64
		t.Run("the follow-up is planned with the same commission", func(t *testing.T) {
			res := pref.Post(mine+"/verifica", url.Values{"planned_on": {"2026-06-10"}})
			res.WantStatus(t, http.StatusSeeOther)
			followUp = mustInt(t, strings.TrimPrefix(res.Header.Get("Location"), "/ispezioni/"))
			fu, err := ae.store.Inspection(context.Background(), inspections.Scope{All: true}, followUp)
			switch {
			case err != nil:
				t.Fatal(err)
			case fu.Kind != inspections.FollowUp || fu.FollowUpOf == nil || *fu.FollowUpOf != ae.mine:
				t.Fatalf("follow-up kind %s of %v; want follow_up of %d", fu.Kind, fu.FollowUpOf, ae.mine)
			case !fu.HasMember(ae.president.ID):
				t.Error("the follow-up's commission lacks the first commission's president")
			}
			if got := phase(ae.mine); got != inspections.FollowUpReq {
				t.Errorf("first inspection in %s; want follow_up", got)
			}
			pref.Get("/ispezioni/"+id(followUp)).WantBody(t, "Azioni da verificare",
				`href="/azioni-correttive/`+id(actionsOf(t, ae.store, ae.mine)[0].ID)+`"`)
			pref.Get(mine).WantBody(t, "Ispezioni di verifica", `href="/ispezioni/`+id(followUp)+`"`)
		})
		t.Run("only one follow-up at a time", func(t *testing.T) {
			pref.Post(mine+"/verifica", url.Values{"planned_on": {"2026-07-10"}}).WantStatus(t, http.StatusConflict)
		})
		t.Run("an inspector sent only on the follow-up reviews the first inspection's actions", func(t *testing.T) {
			checker := ae.env.User("verificatore@example.org", auth.RoleInspector)
			if _, err := d.ExecContext(context.Background(), `INSERT INTO inspection_members (inspection_id, user_id, role) VALUES (?, ?, 'member')`,
				followUp, checker.ID); err != nil {
				t.Fatal(err)
			}
			c := ae.env.Login(checker)
			for _, a := range actionsOf(t, ae.store, ae.mine) {
				c.Get("/azioni-correttive/"+id(a.ID)).WantStatus(t, http.StatusOK)
				c.Post("/azioni-correttive/"+id(a.ID)+"/esito", url.Values{"decision": {"close"}, "note": {"Verificato sul posto"}}).
					WantStatus(t, http.StatusSeeOther)
			}
			for _, a := range actionsOf(t, ae.store, ae.theirs) {
				c.Get("/azioni-correttive/"+id(a.ID)).WantStatus(t, http.StatusNotFound)
			}
		})
		t.Run("signing the follow-up closes the first inspection once its actions are closed", func(t *testing.T) {
			fs, err := files.New(d, files.Config{})
			if err != nil {
				t.Fatal(err)
			}
			signAllConforming(t, ae, fs, followUp)
			if got := phase(ae.mine); got != inspections.Closed {
				t.Errorf("first inspection in %s; want closed", got)
			}
			pref.Get(mine).WantBody(t, "Chiusa il")
		})
		t.Run("a closed inspection is not closed again nor followed up", func(t *testing.T) {
			pref.Post(mine+"/chiudi", nil).WantStatus(t, http.StatusConflict)
			pref.Post(mine+"/verifica", url.Values{"planned_on": {"2026-08-10"}}).WantStatus(t, http.StatusConflict)
		})
		t.Run("the Prefettura closes a signed inspection with no action left", func(t *testing.T) {
			if got := phase(followUp); got != inspections.Signed {
				t.Fatalf("follow-up in %s; want signed", got)
			}
			res := pref.Post("/ispezioni/"+id(followUp)+"/chiudi", nil)
			res.WantStatus(t, http.StatusSeeOther)
			if got := phase(followUp); got != inspections.Closed {
				t.Errorf("follow-up in %s after closing; want closed", got)
			}
		})
	})
}

// signAllConforming fills in inspection id as all conforming and signs it.
func signAllConforming(t *testing.T, ae *actionEnv, fs *files.Store, id int64) {
	t.Helper()
	mustStart(t, ae.store, id)
	ins := map[int64]inspections.AnswerInput{}
	for _, a := range mustAnswers(t, ae.store, id) {
		ins[a.Item.ID] = inspections.AnswerInput{Result: inspections.Conforming, Severity: inspections.Medium}
	}
	ctx := context.Background()
	if _, err := ae.store.SaveAnswers(ctx, inspections.Scope{All: true}, id, ins); err != nil {
		t.Fatalf("SaveAnswers: %v", err)
	}
	if err := ae.store.MarkDraft(ctx, inspections.Scope{All: true}, id); err != nil {
		t.Fatalf("MarkDraft: %v", err)
	}
	if _, err := ae.store.Sign(ctx, fs, ae.president, id); err != nil {
		t.Fatalf("Sign: %v", err)
	}
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

// TestListFilteredByFacilityCode: the list is filtered by the facility's
// code as typed, in any case, rather than picked among thousands.
func TestListFilteredByFacilityCode(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ae := mustActionEnv(t, d)
		pref := ae.env.Login(ae.env.User("prefettura@example.org", auth.RolePrefettura))
		res := pref.Get("/ispezioni?codice=al-cas-0101")
		res.WantBody(t, `href="/ispezioni/`+id(ae.mine)+`"`, `value="al-cas-0101"`)
		if strings.Contains(res.Body, `href="/ispezioni/`+id(ae.theirs)+`"`) {
			t.Error("the list filtered by AL-CAS-0101 shows another facility's inspection")
		}
	})
}
