package admin_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

func TestAuditList(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, admin := setup(t, d)
		org := env.Org("Ente Gestore Uno", auth.KindEnteGestore) // written by the system
		res := admin.Post("/admin/organisations/"+itoa(org.ID), url.Values{"name": {"Ente Gestore Due"}, "kind": {"ente_gestore"}, "active": {"1"}})
		res.WantStatus(t, http.StatusSeeOther)
		today := time.Now().In(i18n.Rome)
		day := func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }
		orgRow := ">organisation " + itoa(org.ID) + "</a>"
		adminRow := ">user " + itoa(admin.User.ID) + "</a>"
		tests := []struct {
			name, query string
			want, not   []string
		}{
			{"no filter lists everything", "", []string{orgRow, adminRow, "Sistema", "admin@example.org"}, nil},
			{"entity and id keep one record's history", "entity=organisation&entity_id=" + itoa(org.ID),
				[]string{orgRow, "Ente Gestore Uno", "Ente Gestore Due"}, []string{adminRow}},
			{"actor keeps the admin's changes", "actor=ADMIN@example", []string{orgRow, "Ente Gestore Due"}, []string{adminRow, "Sistema"}},
			{"action keeps updates", "action=update", []string{"Modifica", "Ente Gestore Due"}, []string{adminRow}},
			{"today's dates include everything", "from=" + day(0) + "&to=" + day(0), []string{orgRow, adminRow}, nil},
			{"a range before today is empty", "to=" + day(-1), []string{"Nessuna voce corrisponde ai criteri."}, []string{orgRow}},
			{"a range after today is empty", "from=" + day(1), []string{"Nessuna voce corrisponde ai criteri."}, []string{orgRow}},
			{"a malformed date is reported and ignored", "from=ieri", []string{`id="f-from-error"`, orgRow}, nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := admin.Get("/admin/audit?" + tc.query)
				res.WantStatus(t, http.StatusOK)
				res.WantBody(t, tc.want...)
				for _, n := range tc.not {
					if strings.Contains(res.Body, n) {
						t.Errorf("list shows %q", n)
					}
				}
			})
		}
	})
}
