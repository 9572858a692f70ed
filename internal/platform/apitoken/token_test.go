package apitoken_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/apitoken"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

type fixture struct {
	env          *webtest.Env
	store        *apitoken.Store
	ponte, other int64
	provider     int64 // a mediation provider
}

func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	env := webtest.New(t, d)
	f := &fixture{env: env, store: &apitoken.Store{DB: d}}
	h, err := apitoken.New(apitoken.Deps{Web: env.Web, Auth: env.Auth, Store: f.store})
	if err != nil {
		t.Fatalf("apitoken.New: %v", err)
	}
	env.Mount(h)
	f.ponte = env.Org("Cooperativa Il Ponte", auth.KindEnteGestore).ID
	f.other = env.Org("Cooperativa L'Approdo", auth.KindEnteGestore).ID
	f.provider = env.Org("Mediazione Interculturale", auth.KindMediationProvider).ID
	return f
}

func bearer(token string) *http.Request {
	r := httptest.NewRequest("GET", "/api/v1/facilities", nil)
	r.Header.Set("Authorization", "Bearer "+token)
	return r
}

func count(t testing.TB, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("count %q: %v", query, err)
	}
	return n
}

func TestAuthenticate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		mgr := fx.env.UserIn(fx.ponte, "referente@example.org", auth.RoleFacilityManager)
		ctx := webtest.System()
		secret, err := fx.store.Create(ctx, mgr, fx.ponte, "Gestionale")
		if err != nil {
			t.Fatal(err)
		}
		t.Run("a token acts as facility manager of its organisation", func(t *testing.T) {
			u, _, err := fx.store.Authenticate(bearer(secret))
			if err != nil {
				t.Fatal(err)
			}
			if !u.HasRoleIn(auth.RoleFacilityManager, fx.ponte) || len(u.Memberships) != 1 || u.ID != mgr.ID {
				t.Errorf("principal = %+v; want manager of %d only, as its creator", u, fx.ponte)
			}
		})
		t.Run("a missing header is told apart from a bad token", func(t *testing.T) {
			if _, _, err := fx.store.Authenticate(httptest.NewRequest("GET", "/", nil)); err != apitoken.ErrNoBearer {
				t.Errorf("err = %v; want ErrNoBearer", err)
			}
			if _, _, err := fx.store.Authenticate(bearer("x" + secret)); err == nil {
				t.Error("a wrong token was accepted")
			}
		})
		t.Run("nobody manages another organisation's tokens", func(t *testing.T) {
			if _, err := fx.store.Create(ctx, mgr, fx.other, "Altro"); err == nil {
				t.Error("created a token for another organisation")
			}
			if _, err := fx.store.List(ctx, mgr, fx.other); err == nil {
				t.Error("listed another organisation's tokens")
			}
		})
		t.Run("a blank name is refused", func(t *testing.T) {
			if _, err := fx.store.Create(ctx, mgr, fx.ponte, "  "); err == nil {
				t.Error("blank name accepted")
			}
		})
		t.Run("a revoked token stops working and both steps are audited", func(t *testing.T) {
			list, err := fx.store.List(ctx, mgr, fx.ponte)
			if err != nil || len(list) != 1 || list[0].LastUsedAt == nil {
				t.Fatalf("list = %v, %v; want one used token", list, err)
			}
			if err := fx.store.Revoke(ctx, mgr, fx.ponte, list[0].ID); err != nil {
				t.Fatal(err)
			}
			if _, _, err := fx.store.Authenticate(bearer(secret)); err == nil {
				t.Error("revoked token accepted")
			}
			if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'api_token'`); n != 2 {
				t.Errorf("audit entries = %d; want 2", n)
			}
			if n := count(t, d, `SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?`, secret); n != 0 {
				t.Error("the secret is stored in clear")
			}
		})
	})
}

var secretShown = regexp.MustCompile(`<code class="text-break">([^<]+)</code>`)

func TestPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fx := setup(t, d)
		mgr := fx.env.Login(fx.env.UserIn(fx.ponte, "referente@example.org", auth.RoleFacilityManager))
		var secret string
		t.Run("a manager creates a token and sees it once", func(t *testing.T) {
			res := mgr.Post("/account/api-token", url.Values{"org": {strconv.FormatInt(fx.ponte, 10)}, "name": {"Gestionale"}})
			res.WantStatus(t, http.StatusOK)
			m := secretShown.FindStringSubmatch(res.Body)
			if m == nil {
				t.Fatalf("secret not shown\n%s", res.Body)
			}
			secret = m[1]
			if _, _, err := fx.store.Authenticate(bearer(secret)); err != nil {
				t.Fatalf("shown token does not work: %v", err)
			}
			again := mgr.Get("/account/api-token")
			again.WantStatus(t, http.StatusOK)
			again.WantBody(t, "Gestionale", "Revoca")
			if secretShown.MatchString(again.Body) {
				t.Error("secret shown a second time")
			}
		})
		t.Run("a blank name is shown next to its field", func(t *testing.T) {
			res := mgr.Post("/account/api-token", url.Values{"org": {strconv.FormatInt(fx.ponte, 10)}, "name": {""}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Dai un nome al token.")
		})
		t.Run("another organisation's tokens do not exist for the manager", func(t *testing.T) {
			mgr.Get("/account/api-token?org="+strconv.FormatInt(fx.other, 10)).WantStatus(t, http.StatusNotFound)
			mgr.Post("/account/api-token", url.Values{"org": {strconv.FormatInt(fx.other, 10)}, "name": {"X"}}).
				WantStatus(t, http.StatusNotFound)
		})
		t.Run("an admin picks any managing body or mediation provider", func(t *testing.T) {
			admin := fx.env.Login(fx.env.User("admin@example.org", auth.RoleAdmin))
			res := admin.Get("/account/api-token?org=" + strconv.FormatInt(fx.other, 10))
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Cooperativa Il Ponte", "Mediazione Interculturale", "Nessun token.")
		})
		t.Run("a mediation coordinator issues its provider's tokens and no one else's", func(t *testing.T) {
			coord := fx.env.Login(fx.env.UserIn(fx.provider, "coordinatrice@example.org", auth.RoleMediationCoordinator))
			provider := strconv.FormatInt(fx.provider, 10)
			res := coord.Post("/account/api-token", url.Values{"org": {provider}, "name": {"Rendicontazione"}})
			res.WantStatus(t, http.StatusOK)
			m := secretShown.FindStringSubmatch(res.Body)
			if m == nil {
				t.Fatalf("secret not shown\n%s", res.Body)
			}
			u, _, err := fx.store.Authenticate(bearer(m[1]))
			if err != nil || len(u.Memberships) != 0 {
				t.Errorf("provider token principal = %+v, %v; want one with no role of its own", u, err)
			}
			coord.Get("/account/api-token?org="+strconv.FormatInt(fx.ponte, 10)).WantStatus(t, http.StatusNotFound)
		})
		t.Run("a coordinator outside a mediation provider issues none", func(t *testing.T) {
			pref := fx.env.Org("Prefettura", auth.KindPrefettura).ID
			coord := fx.env.Login(fx.env.UserIn(pref, "coordinatore@example.org", auth.RoleMediationCoordinator))
			res := coord.Get("/account/api-token")
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Non gestisci i token di nessuna organizzazione.")
			coord.Post("/account/api-token", url.Values{"org": {strconv.FormatInt(pref, 10)}, "name": {"X"}}).
				WantStatus(t, http.StatusNotFound)
		})
		t.Run("others are told the page does not exist", func(t *testing.T) {
			inspector := fx.env.Login(fx.env.User("ispettore@example.org", auth.RoleInspector))
			inspector.Get("/account/api-token").WantStatus(t, http.StatusNotFound)
		})
		t.Run("the manager revokes the token", func(t *testing.T) {
			var id int64
			if err := d.QueryRowContext(context.Background(), `SELECT id FROM api_tokens`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			res := mgr.Post("/account/api-token/"+strconv.FormatInt(id, 10)+"/revoke",
				url.Values{"org": {strconv.FormatInt(fx.ponte, 10)}})
			res.WantStatus(t, http.StatusSeeOther)
			mgr.Follow(res).WantBody(t, "Token revocato.", "Revocato il")
			if _, _, err := fx.store.Authenticate(bearer(secret)); err == nil {
				t.Error("revoked token still works")
			}
		})
	})
}
