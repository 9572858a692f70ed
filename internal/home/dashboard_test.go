package home_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestDashboard(t *testing.T) {
	adminOnly := []string{`href="/admin/outbox"`, `href="/admin/audit"`, `href="/admin/users"`,
		"Utenti attivi: ", "E-mail in attesa di invio: ", "Modifiche registrate oggi: "}
	tests := []struct {
		name      string
		role      auth.Role
		want      []string
		wantAdmin bool
	}{
		{name: "admin sees the administration card with live counts", role: auth.RoleAdmin, wantAdmin: true,
			want: []string{"Amministratore della piattaforma", "Utenti attivi: 2", "Organizzazioni attive: 1"}},
		{name: "operator sees their role and municipality but no admin card", role: auth.RoleServiceOperator,
			want: []string{"Operatore di servizio", "Lavori in un servizio pubblico o privato",
				"<dd>Alessandria, 89.411 abitanti</dd>", "Persone con un account attivo"}},
		{name: "inspector is reminded to turn on the second factor", role: auth.RoleInspector,
			want: []string{"Ispettore", "I tuoi ruoli richiedono la verifica in due passaggi"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				env := newEnv(t, d)
				org := env.Org("Comune di Alessandria", auth.KindComune)
				u := env.UserIn(org.ID, "persona@example.org", tc.role)
				env.UserIn(org.ID, "collega@example.org", auth.RoleServiceOperator)

				res := env.Login(u).Get("/")
				res.WantStatus(t, http.StatusOK)
				res.WantBody(t, "Ti diamo il benvenuto, Utente persona@example.org", "Comune di Alessandria",
					`href="/notifiche"`, "Non hai notifiche da leggere.", "Verifica in due passaggi", "Non attiva")
				res.WantBody(t, tc.want...)
				for _, s := range adminOnly {
					if got := strings.Contains(res.Body, s); got != tc.wantAdmin {
						t.Errorf("body contains %q = %v; want %v", s, got, tc.wantAdmin)
					}
				}
			})
		})
	}
}
