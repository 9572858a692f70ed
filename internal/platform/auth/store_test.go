package auth_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// mustUser creates an active user with a role in a new organisation.
func mustUser(t *testing.T, s *auth.Store, email string, role auth.Role) int64 {
	t.Helper()
	var uid int64
	err := s.DB.InTx(context.Background(), func(tx *db.Tx) error {
		org, err := s.CreateOrganisation(context.Background(), tx, &auth.Organisation{Name: "Org " + email, Kind: auth.KindPrefettura})
		if err != nil {
			return err
		}
		uid, err = s.CreateUser(context.Background(), tx, auth.NewUser{Email: email, Name: "Test", Password: "password-lunga-1"})
		if err != nil {
			return err
		}
		return s.AddMembership(context.Background(), tx, uid, org, role)
	})
	if err != nil {
		t.Fatalf("mustUser: %v", err)
	}
	return uid
}

func TestAuthenticate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, ctx := auth.NewStore(d), context.Background()
		uid := mustUser(t, s, "Anna@Example.org", auth.RoleAdmin)
		t.Run("right password, e-mail in any case", func(t *testing.T) {
			u, err := s.Authenticate(ctx, " anna@example.ORG ", "password-lunga-1")
			if err != nil || u.ID != uid || !u.IsAdmin() {
				t.Fatalf("Authenticate = %+v, %v", u, err)
			}
		})
		t.Run("wrong password and unknown account give the same error", func(t *testing.T) {
			_, e1 := s.Authenticate(ctx, "anna@example.org", "sbagliata-sbagliata")
			_, e2 := s.Authenticate(ctx, "nessuno@example.org", "sbagliata-sbagliata")
			if e1 != auth.ErrBadCredentials || e2 != auth.ErrBadCredentials {
				t.Fatalf("errors = %v, %v; want ErrBadCredentials twice", e1, e2)
			}
		})
		t.Run("deactivated user cannot log in", func(t *testing.T) {
			if err := d.InTx(ctx, func(tx *db.Tx) error { return s.SetActive(ctx, tx, uid, false) }); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Authenticate(ctx, "anna@example.org", "password-lunga-1"); err != auth.ErrBadCredentials {
				t.Fatalf("err = %v", err)
			}
		})
	})
}

func TestAccountsMadeInBulkShareOneHash(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, ctx := auth.NewStore(d), context.Background()
		hash, err := auth.HashPassword("password-condivisa")
		if err != nil {
			t.Fatal(err)
		}
		err = d.InTx(ctx, func(tx *db.Tx) error {
			for _, email := range []string{"uno@example.org", "due@example.org"} {
				if _, err := s.CreateUser(ctx, tx, auth.NewUser{Email: email, Name: "Demo", PasswordHash: hash}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, email := range []string{"uno@example.org", "due@example.org"} {
			if _, err := s.Authenticate(ctx, email, "password-condivisa"); err != nil {
				t.Errorf("%s: %v", email, err)
			}
		}
	})
}

func TestCreateUserValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, ctx := auth.NewStore(d), context.Background()
		mustUser(t, s, "dup@example.org", auth.RoleEditor)
		cases := []struct {
			name  string
			in    auth.NewUser
			field string
		}{
			{"bad e-mail", auth.NewUser{Email: "nope", Name: "X"}, "email"},
			{"missing name", auth.NewUser{Email: "a@example.org"}, "name"},
			{"short password", auth.NewUser{Email: "b@example.org", Name: "B", Password: "corta"}, "password"},
			{"taken e-mail", auth.NewUser{Email: "DUP@example.org", Name: "D"}, "email"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				err := d.InTx(ctx, func(tx *db.Tx) error { _, err := s.CreateUser(ctx, tx, c.in); return err })
				if apperr.KindOf(err) != apperr.Invalid || apperr.FieldsOf(err)[c.field] == "" {
					t.Fatalf("err = %v; want a message on %s", err, c.field)
				}
			})
		}
	})
}

func TestSessions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, ctx := auth.NewStore(d), context.Background()
		uid := mustUser(t, s, "s@example.org", auth.RoleInspector)
		tok, _, err := s.CreateSession(ctx, uid, true, "127.0.0.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		t.Run("token finds the user", func(t *testing.T) {
			_, u, err := s.SessionUser(ctx, tok)
			if err != nil || u.ID != uid {
				t.Fatalf("SessionUser = %v, %v", u, err)
			}
		})
		t.Run("unknown token finds nothing", func(t *testing.T) {
			if _, _, err := s.SessionUser(ctx, "nope"); !errors.Is(err, auth.ErrNoSession) {
				t.Fatalf("err = %v", err)
			}
		})
		t.Run("deactivation ends the session at once", func(t *testing.T) {
			if err := d.InTx(ctx, func(tx *db.Tx) error { return s.SetActive(ctx, tx, uid, false) }); err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.SessionUser(ctx, tok); !errors.Is(err, auth.ErrNoSession) {
				t.Fatalf("err = %v; want the session gone", err)
			}
		})
	})
}

func TestLimiter(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		l := &auth.Limiter{DB: d, Limit: 3, Window: time.Minute}
		t.Run("allows up to the limit, then refuses", func(t *testing.T) {
			for i := 1; i <= 4; i++ {
				ok, err := l.Allow(ctx, "k1")
				if err != nil {
					t.Fatal(err)
				}
				if want := i <= 3; ok != want {
					t.Fatalf("attempt %d allowed = %v, want %v", i, ok, want)
				}
			}
		})
		t.Run("concurrent attempts are all counted", func(t *testing.T) {
			var wg sync.WaitGroup
			var mu sync.Mutex
			allowed := 0
			for range 10 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ok, err := l.Allow(ctx, "k2")
					if err != nil {
						t.Error(err)
					}
					if ok {
						mu.Lock()
						allowed++
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			if allowed != 3 {
				t.Fatalf("allowed %d of 10 concurrent attempts, want 3", allowed)
			}
		})
		t.Run("a new window starts afresh", func(t *testing.T) {
			short := &auth.Limiter{DB: d, Limit: 1, Window: 50 * time.Millisecond}
			ok1, _ := short.Allow(ctx, "k3")
			ok2, _ := short.Allow(ctx, "k3")
			time.Sleep(80 * time.Millisecond)
			ok3, _ := short.Allow(ctx, "k3")
			if !ok1 || ok2 || !ok3 {
				t.Fatalf("allowed = %v %v %v, want true false true", ok1, ok2, ok3)
			}
		})
	})
}
