package main

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/riverqueue/river"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// TestTwoInstancesSharePostgres runs two instances on one PostgreSQL
// database, as behind a load balancer: a session opened on one is valid on
// the other, ending it anywhere ends it everywhere, and each job runs once.
func TestTwoInstancesSharePostgres(t *testing.T) {
	base := dbtest.PostgresURL()
	if base == "" {
		t.Skip("set CROCEVIA_TEST_POSTGRES to run two instances on one PostgreSQL database")
	}
	dbURL := dbtest.NewDatabase(t, base)
	runs := &jobRuns{count: map[int64]int{}, by: map[string]int{}}
	start := func(name string) *Main {
		m := newTestMain(t, dbtest.Target{Name: name, URL: dbURL, DataDir: t.TempDir()})
		m.ExtraWorkers = func(w *river.Workers) { river.AddWorker(w, &countWorker{instance: name, runs: runs}) }
		if err := m.Run(context.Background()); err != nil {
			t.Fatalf("run instance %s: %v", name, err)
		}
		return m
	}
	a, b := start("A"), start("B")

	t.Run("a session opened on A is valid on B", func(t *testing.T) {
		onA, onB := newClient(t, a.URL()), newClient(t, b.URL())
		onA.mustLogin(demoEmail(auth.RoleEditor), demo.Password)
		shareSession(t, onA, onB)
		if !onB.loggedIn() {
			t.Fatal("B does not know A's session")
		}
		if r := onB.logout(); r.Status != http.StatusSeeOther {
			t.Fatalf("logout on B: status %d", r.Status)
		}
		if onA.loggedIn() {
			t.Error("A still accepts the session ended on B")
		}
	})
	t.Run("deactivation on A logs the user out of B at once", func(t *testing.T) {
		onB := newClient(t, b.URL())
		email := demoEmail(auth.RoleAnalyst)
		onB.mustLogin(email, demo.Password)
		u, err := a.Auth.UserByEmail(context.Background(), a.DB, email)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.DB.InTx(context.Background(), func(tx *db.Tx) error {
			return a.Auth.SetActive(context.Background(), tx, u.ID, false)
		}); err != nil {
			t.Fatal(err)
		}
		if onB.loggedIn() {
			t.Error("B still accepts the session of a deactivated user")
		}
	})
	t.Run("each job runs exactly once across the instances", func(t *testing.T) {
		const n = 50
		for i := range n {
			if err := a.Jobs.Insert(context.Background(), countArgs{N: i}, nil); err != nil {
				t.Fatal(err)
			}
		}
		waitJobsDone(t, a.DB, countArgs{}.Kind(), n)
		runs.check(t, n)
	})
}

// shareSession copies the session cookie of from into to, as a load
// balancer sending the next request to the other instance would.
func shareSession(t *testing.T, from, to *client) {
	t.Helper()
	src, _ := url.Parse(from.base)
	dst, _ := url.Parse(to.base)
	for _, ck := range from.http.Jar.Cookies(src) {
		if ck.Name == web.SessionCookie {
			to.http.Jar.SetCookies(dst, []*http.Cookie{{Name: ck.Name, Value: ck.Value, Path: "/"}})
			return
		}
	}
	t.Fatal("no session cookie to share")
}
