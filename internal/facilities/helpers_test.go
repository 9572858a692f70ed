package facilities_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// fixture is a server with the registry mounted and the demo registry
// loaded: coop-ponte and coop-approdo are two of its managing bodies.
type fixture struct {
	env          *webtest.Env
	store        *facilities.Store
	ponte, other int64
}

func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	env := webtest.New(t, d)
	h, err := facilities.New(facilities.Deps{Web: env.Web, Auth: env.Auth})
	if err != nil {
		t.Fatalf("facilities.New: %v", err)
	}
	env.Mount(h)
	f := &fixture{env: env, store: h.Store()}
	f.ponte = env.Org("Cooperativa Il Ponte", auth.KindEnteGestore).ID
	f.other = env.Org("Cooperativa L'Approdo", auth.KindEnteGestore).ID
	env.InTx(func(ctx context.Context, tx *db.Tx) error {
		return facilities.DemoSeed(ctx, tx, map[string]int64{"coop-ponte": f.ponte, "coop-approdo": f.other}, nil)
	})
	return f
}

// login returns a client for a new user holding role in org (the default
// organisation when org is 0).
func (f *fixture) login(t testing.TB, role auth.Role, org int64) *webtest.Client {
	t.Helper()
	email := strings.ReplaceAll(string(role), "_", "-") + "-" + itoa(org) + "@example.org"
	if org == 0 {
		return f.env.Login(f.env.User(email, role))
	}
	return f.env.Login(f.env.UserIn(org, email, role))
}

// codeOf is the code of a facility of body, in the given state.
func (f *fixture) codeOf(t testing.TB, body int64, state facilities.State) string {
	t.Helper()
	var code string
	err := f.env.DB.QueryRowContext(context.Background(), `SELECT code FROM facilities WHERE managing_body_id = ? AND state = ?
		ORDER BY code LIMIT 1`, body, string(state)).Scan(&code)
	if err != nil {
		t.Fatalf("no %s facility of body %d: %v", state, body, err)
	}
	return code
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

// officer is a Prefettura officer acting outside HTTP.
func officer() *auth.User {
	return &auth.User{ID: 0, Memberships: []auth.Membership{{OrgID: 1, Role: auth.RolePrefettura}}}
}
