package inspections_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// mount serves the module on a fresh server with the default checklist.
func mount(t *testing.T, d *db.DB) (*webtest.Env, *inspections.Version) {
	t.Helper()
	_, v := seeded(t, d)
	env := webtest.New(t, d)
	h, err := inspections.New(inspections.Deps{Web: env.Web, DB: d})
	if err != nil {
		t.Fatalf("inspections.New: %v", err)
	}
	env.Mount(h)
	return env, v
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func TestPagesAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, v := mount(t, d)
		inspector := env.Login(env.User("ispettore@example.org", auth.RoleInspector))
		manager := env.Login(env.User("gestore@example.org", auth.RoleFacilityManager))
		versionPath := "/ispezioni/checklist/versioni/" + id(v.ID)
		t.Run("an inspector reads the checklist without editing tools", func(t *testing.T) {
			res := inspector.Get(versionPath)
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Supporto psicologico", "art. 17 d.lgs. 142/2015", "Capitolato 2021", "Gravissima")
			if strings.Contains(res.Body, "Crea nuova versione") {
				t.Error("the inspector is offered a new version")
			}
		})
		t.Run("an inspector cannot edit", func(t *testing.T) {
			inspector.Post(versionPath+"/nuova", nil).WantStatus(t, http.StatusForbidden)
			item := v.Sections[0].Items[0]
			inspector.Get("/ispezioni/checklist/voci/"+id(item.ID)).WantStatus(t, http.StatusForbidden)
		})
		t.Run("a facility manager does not see the checklists", func(t *testing.T) {
			manager.Get("/ispezioni/checklist").WantStatus(t, http.StatusNotFound)
			manager.Get(versionPath).WantStatus(t, http.StatusNotFound)
		})
		t.Run("a visitor is sent to the login page", func(t *testing.T) {
			res := env.Anonymous().Get("/ispezioni/checklist")
			res.WantStatus(t, http.StatusSeeOther)
			if !strings.HasPrefix(res.Header.Get("Location"), "/login") {
				t.Errorf("Location = %q", res.Header.Get("Location"))
			}
		})
	})
}

func TestPagesEditing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, v := mount(t, d)
		officer := env.Login(env.User("prefettura@example.org", auth.RolePrefettura))
		res := officer.Post("/ispezioni/checklist/versioni/"+id(v.ID)+"/nuova", nil)
		res.WantStatus(t, http.StatusSeeOther)
		draftPath := res.Header.Get("Location")
		draft := officer.Follow(res)
		draft.WantBody(t, "Nuova versione creata come bozza.", "Pubblica questa versione", "Aggiungi voce")
		sectionID := between(t, draft.Body, `/ispezioni/checklist/sezioni/`, `/voci/nuova`)
		t.Run("a wrong item keeps the input and shows messages next to fields", func(t *testing.T) {
			res := officer.Post("/ispezioni/checklist/sezioni/"+sectionID+"/voci",
				url.Values{"legal_basis": {"capitolato art. 7"}, "severity": {"high"}, "capitolati": {"2021"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-text-error"`, "Scrivi il controllo da eseguire.", `value="capitolato art. 7"`,
				`id="f-capitolati-2021" name="capitolati" type="checkbox" value="2021" checked`)
		})
		t.Run("a valid item is added to the draft", func(t *testing.T) {
			res := officer.Post("/ispezioni/checklist/sezioni/"+sectionID+"/voci", url.Values{
				"text": {"Rilevatori di fumo funzionanti."}, "legal_basis": {"DM 22 luglio 2021"},
				"severity": {"high"}, "penalty_code": {"P01"}, "typologies": {"collective", "hotel"}})
			res.WantStatus(t, http.StatusSeeOther)
			follow(officer, res).WantBody(t, "Voce aggiunta.", "Rilevatori di fumo funzionanti.", "Struttura alberghiera")
		})
		t.Run("an empty section title is refused on the version page", func(t *testing.T) {
			res := officer.Post(draftPath+"/sezioni", url.Values{"title": {"  "}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Scrivi il titolo della sezione.")
		})
		t.Run("publishing makes the draft the version in use", func(t *testing.T) {
			res := officer.Post(draftPath+"/pubblica", nil)
			res.WantStatus(t, http.StatusSeeOther)
			officer.Follow(res).WantBody(t, "Versione pubblicata: ora è quella in uso.", "versione in uso", "Crea nuova versione")
			officer.Get("/ispezioni/checklist").WantBody(t, `href="`+draftPath+`">versione 2</a>`)
		})
		t.Run("a published item cannot be edited", func(t *testing.T) {
			item := v.Sections[0].Items[0]
			officer.Post("/ispezioni/checklist/voci/"+id(item.ID), url.Values{"text": {"x"}}).WantStatus(t, http.StatusConflict)
		})
	})
}

// between returns the text of body between the first prefix and the
// following suffix.
func between(t *testing.T, body, prefix, suffix string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, prefix)
	if !ok {
		t.Fatalf("body lacks %q", prefix)
	}
	out, _, ok := strings.Cut(rest, suffix)
	if !ok || strings.ContainsAny(out, `"/ `) {
		t.Fatalf("no %q after %q", suffix, prefix)
	}
	return out
}

// follow is Client.Follow for a Location with a fragment, which a browser
// keeps to itself.
func follow(c *webtest.Client, res *webtest.Response) *webtest.Response {
	loc, _, _ := strings.Cut(res.Header.Get("Location"), "#")
	return c.Get(loc)
}
