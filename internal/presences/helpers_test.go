package presences

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// fixture is a server with presences mounted on the demo registry:
// ponte and other are two managing bodies, each with active facilities.
type fixture struct {
	env          *webtest.Env
	ponte, other int64
}

func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	env := webtest.New(t, d)
	h, err := New(Deps{Web: env.Web, DB: d})
	if err != nil {
		t.Fatalf("presences.New: %v", err)
	}
	env.Mount(h)
	f := &fixture{env: env}
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
	email := strings.ReplaceAll(string(role), "_", "-") + "-" + strconv.FormatInt(org, 10) + "@example.org"
	if org == 0 {
		return f.env.Login(f.env.User(email, role))
	}
	return f.env.Login(f.env.UserIn(org, email, role))
}

// facility is an active facility of body.
func (f *fixture) facility(t testing.TB, body int64) *Facility {
	t.Helper()
	var code string
	err := f.env.DB.QueryRowContext(context.Background(), `SELECT code FROM facilities
		WHERE managing_body_id = ? AND state = 'active' ORDER BY code LIMIT 1`, body).Scan(&code)
	if err != nil {
		t.Fatalf("no active facility of body %d: %v", body, err)
	}
	fac, err := facilityByCode(context.Background(), f.env.DB, scope{all: true}, code)
	if err != nil {
		t.Fatal(err)
	}
	return fac
}

func count(t testing.TB, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("count %q: %v", query, err)
	}
	return n
}

// upload posts file as the import form would.
func upload(t testing.TB, c *webtest.Client, name string, data []byte) *webtest.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("csrf_token", c.Session.CSRFToken)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/presenze/importa", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.Do(req)
}

func yesterday() time.Time { return dayOf(time.Now()).AddDate(0, 0, -1) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
