package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestCreateOrganisation(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		_, admin := setup(t, d)
		t.Run("empty name is shown next to the field with the input kept", func(t *testing.T) {
			res := admin.Post("/admin/organisations", url.Values{"name": {" "}, "kind": {"association"}, "ipa_code": {"ipa-kept"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-name-error">Inserisci il nome dell&#39;organizzazione.`, `value="ipa-kept"`,
				`<option value="association" selected>`)
			if n := count(t, d, `SELECT COUNT(*) FROM organisations WHERE ipa_code = 'ipa-kept'`); n != 0 {
				t.Fatalf("%d organisations stored; want none", n)
			}
		})
		t.Run("a code outside the list is reported next to the free-text field", func(t *testing.T) {
			res := admin.Post("/admin/organisations", url.Values{"name": {"Comune di Nessunluogo"}, "kind": {"comune"}, "istat_other": {"999999"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-istat_other-error">Nessun Comune ha questo codice ISTAT.`, `value="999999"`)
		})
		t.Run("valid organisation is stored and audited", func(t *testing.T) {
			res := admin.Post("/admin/organisations", url.Values{"name": {"Comune di Casale Monferrato"}, "kind": {"comune"},
				"istat_code": {"006039"}, "ipa_code": {"c_b885"}})
			res.WantStatus(t, http.StatusSeeOther)
			id := strings.TrimPrefix(res.Header.Get("Location"), "/admin/organisations/")
			page := admin.Follow(res)
			page.WantStatus(t, http.StatusOK)
			page.WantBody(t, "Organizzazione creata.", "<h1>Comune di Casale Monferrato</h1>", "Casale Monferrato (006039)")
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'organisation' AND entity_id = ? AND actor_email = ?`,
				id, "admin@example.org"); n != 1 {
				t.Fatalf("%d audit entries for the organisation; want 1", n)
			}
		})
	})
}

func TestEditOrganisation(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		org := env.Org("Questura di Alessandria", auth.KindQuestura)
		path := "/admin/organisations/" + itoa(org.ID)
		t.Run("form shows the stored values", func(t *testing.T) {
			admin.Get(path+"/edit").WantBody(t, `value="Questura di Alessandria"`, `<option value="questura" selected>`, `name="active" type="checkbox" value="1" checked`)
		})
		t.Run("update is saved with the change in the audit trail", func(t *testing.T) {
			res := admin.Post(path, url.Values{"name": {"Questura di Alessandria - Ufficio immigrazione"}, "kind": {"questura"},
				"ipa_code": {"qal"}, "active": {"1"}})
			res.WantStatus(t, http.StatusSeeOther)
			got, err := env.Auth.Organisation(context.Background(), d, org.ID)
			if err != nil || got.Name != "Questura di Alessandria - Ufficio immigrazione" || got.IPACode != "qal" || !got.Active {
				t.Fatalf("stored %+v, %v", got, err)
			}
			admin.Get("/admin/audit?entity=organisation&entity_id="+itoa(org.ID)).
				WantBody(t, `<strong>name</strong>: Questura di Alessandria <span aria-hidden="true">→</span>`, "Questura di Alessandria - Ufficio immigrazione")
		})
		t.Run("a Comune without code is refused", func(t *testing.T) {
			res := admin.Post(path, url.Values{"name": {"X"}, "kind": {"comune"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-istat_code-error">Per un Comune indica il codice ISTAT.`)
		})
	})
}

func TestOrganisationList(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		env.Org("Prefettura di Alessandria", auth.KindPrefettura)
		env.Org("Comune di Alessandria", auth.KindComune)
		env.Org("Cooperativa Sociale Aurora", auth.KindEnteGestore)
		tests := []struct {
			name, query string
			want, not   []string
		}{
			{"kind keeps one type", "kind=comune", []string{"Comune di Alessandria"}, []string{"Prefettura di Alessandria", "Aurora"}},
			{"name search ignores case", "q=aurora", []string{"Cooperativa Sociale Aurora"}, []string{"Comune di Alessandria"}},
			{"both together", "kind=prefettura&q=alessandria", []string{"Prefettura di Alessandria"}, []string{"Comune di Alessandria"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := admin.Get("/admin/organisations?" + tc.query)
				res.WantStatus(t, http.StatusOK)
				res.WantBody(t, tc.want...)
				for _, n := range tc.not {
					if strings.Contains(res.Body, ">"+n) {
						t.Errorf("list shows %q", n)
					}
				}
			})
		}
	})
}
