package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/apitoken"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// fixture is the API mounted on the demo registry: ponte and other are two
// managing bodies with facilities, and ponte has a manager with a token.
type fixture struct {
	env          *webtest.Env
	tokens       *apitoken.Store
	ponte, other int64
	manager      *auth.User
	token        string
}

func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	env := webtest.New(t, d)
	f := &fixture{env: env, tokens: &apitoken.Store{DB: d}}
	h, err := New(Deps{Web: env.Web, DB: d, Tokens: f.tokens})
	if err != nil {
		t.Fatalf("api.New: %v", err)
	}
	env.Mount(h)
	f.ponte = env.Org("Cooperativa Il Ponte", auth.KindEnteGestore).ID
	f.other = env.Org("Cooperativa L'Approdo", auth.KindEnteGestore).ID
	env.InTx(func(ctx context.Context, tx *db.Tx) error {
		return facilities.DemoSeed(ctx, tx, map[string]int64{"coop-ponte": f.ponte, "coop-approdo": f.other}, nil)
	})
	f.manager = env.UserIn(f.ponte, "referente@ponte.example.org", auth.RoleFacilityManager)
	f.token = f.newToken(t, f.ponte)
	return f
}

// newToken issues a token for org on behalf of the ponte manager or, for
// other organisations, an admin.
func (f *fixture) newToken(t testing.TB, org int64) string {
	t.Helper()
	u := f.manager
	if org != f.ponte {
		u = f.env.UserIn(org, "admin-"+itoa(org)+"@example.org", auth.RoleAdmin)
	}
	secret, err := f.tokens.Create(webtest.System(), u, org, "Gestionale")
	if err != nil {
		t.Fatalf("create token: %v", err)
	}
	return secret
}

// call sends an API request with the bearer token (none when empty).
func (f *fixture) call(method, path, token, body string) *webtest.Response {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return f.env.Anonymous().Do(req)
}

// codeOf is a facility code of body, active when asked.
func (f *fixture) codeOf(t testing.TB, body int64) string {
	t.Helper()
	var code string
	err := f.env.DB.QueryRowContext(context.Background(), `SELECT code FROM facilities
		WHERE managing_body_id = ? AND state = 'active' ORDER BY code LIMIT 1`, body).Scan(&code)
	if err != nil {
		t.Fatalf("no active facility of body %d: %v", body, err)
	}
	return code
}

// decode parses res's JSON body into v, failing on anything else.
func decode(t testing.TB, res *webtest.Response, v any) {
	t.Helper()
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("content type = %q; want JSON\n%s", ct, res.Body)
	}
	if err := json.NewDecoder(strings.NewReader(res.Body)).Decode(v); err != nil && err != io.EOF {
		t.Fatalf("decode %q: %v", res.Body, err)
	}
}

// wantError checks res is the envelope with status and code.
func wantError(t testing.TB, res *webtest.Response, status int, code string) errorBody {
	t.Helper()
	res.WantStatus(t, status)
	var e errorBody
	decode(t, res, &e)
	if e.Error.Code != code || e.Error.Message == "" {
		t.Fatalf("error = %+v; want code %q with a message", e.Error, code)
	}
	return e
}

func count(t testing.TB, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("count %q: %v", query, err)
	}
	return n
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
