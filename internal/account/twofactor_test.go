package account

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

var (
	secretText   = regexp.MustCompile(`<code class="totp-secret">([A-Z2-7 ]+)</code>`)
	recoveryText = regexp.MustCompile(`<code>([A-Z2-7]{5}-[A-Z2-7]{5})</code>`)
)

func code(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	c, err := totp.GenerateCode(secret, at)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// wrongCode is a six-digit code valid at no step near now.
func wrongCode(t *testing.T, secret string) string {
	now := time.Now()
	valid := []string{code(t, secret, now.Add(-30*time.Second)), code(t, secret, now), code(t, secret, now.Add(30*time.Second))}
	for i := 0; ; i++ {
		if c := fmt.Sprintf("%06d", i); !slices.Contains(valid, c) {
			return c
		}
	}
}

// enrol goes through the set-up page and returns the secret and the
// recovery codes shown.
func enrol(t *testing.T, c *webtest.Client) (string, []string) {
	t.Helper()
	res := c.Get("/account/2fa")
	res.WantStatus(t, http.StatusOK)
	res.WantBody(t, `src="data:image/png;base64,`)
	m := secretText.FindStringSubmatch(res.Body)
	if m == nil {
		t.Fatalf("no secret on the page\n%s", res.Body)
	}
	secret := strings.ReplaceAll(m[1], " ", "")
	res = post(c, "/account/2fa", url.Values{"code": {code(t, secret, time.Now())}, "next": {"/private"}})
	res.WantStatus(t, http.StatusOK)
	var codes []string
	for _, m := range recoveryText.FindAllStringSubmatch(res.Body, -1) {
		codes = append(codes, m[1])
	}
	if len(codes) != auth.RecoveryCodeCount {
		t.Fatalf("recovery codes shown = %d; want %d", len(codes), auth.RecoveryCodeCount)
	}
	return secret, codes
}

func otp(c *webtest.Client, code string) *webtest.Response {
	return post(c, "/login/otp", url.Values{"code": {code}, "next": {"/private"}})
}

func TestTwoFactor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		f.User("admin@example.org", auth.RoleAdmin)
		c := f.Anonymous()
		var secret string
		var codes []string
		relogin := func(t *testing.T) {
			t.Helper()
			post(c, "/logout", url.Values{})
			wantRedirect(t, login(c, "admin@example.org", webtest.Password), "/login/otp?next=")
		}

		t.Run("admin is sent to enrolment and stays out of logged-in pages", func(t *testing.T) {
			wantRedirect(t, login(c, "admin@example.org", webtest.Password), "/account/2fa?next=")
			wantLoggedIn(t, c, false)
			wantRedirect(t, c.Get("/account"), "/login")
		})
		t.Run("wrong enrolment code is refused next to the field", func(t *testing.T) {
			res := c.Get("/account/2fa")
			secret = strings.ReplaceAll(secretText.FindStringSubmatch(res.Body)[1], " ", "")
			res = post(c, "/account/2fa", url.Values{"code": {wrongCode(t, secret)}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, `id="f-code-error"`, "Il codice non è corretto")
			wantLoggedIn(t, c, false)
		})
		t.Run("valid code enrols, shows recovery codes and logs in", func(t *testing.T) {
			got, shown := enrol(t, c)
			if got != secret {
				t.Fatalf("secret changed between page loads: %q then %q", secret, got)
			}
			codes = shown
			wantLoggedIn(t, c, true)
		})
		t.Run("login asks the code and refuses a wrong one", func(t *testing.T) {
			relogin(t)
			wantLoggedIn(t, c, false)
			otp(c, wrongCode(t, secret)).WantStatus(t, http.StatusUnprocessableEntity)
			wantLoggedIn(t, c, false)
		})
		next := code(t, secret, time.Now().Add(30*time.Second))
		t.Run("valid code logs in", func(t *testing.T) {
			wantRedirect(t, otp(c, next), "/private")
			wantLoggedIn(t, c, true)
		})
		t.Run("a code already used is refused", func(t *testing.T) {
			relogin(t)
			otp(c, next).WantStatus(t, http.StatusUnprocessableEntity)
		})
		t.Run("recovery code works once", func(t *testing.T) {
			wantRedirect(t, otp(c, strings.ToLower(codes[0])), "/private")
			wantLoggedIn(t, c, true)
			relogin(t)
			otp(c, codes[0]).WantStatus(t, http.StatusUnprocessableEntity)
			wantRedirect(t, otp(c, codes[1]), "/private")
		})
	})
}

func TestTwoFactorRateLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		u := f.User("op@example.org", auth.RoleServiceOperator)
		secret, _ := enrol(t, f.Login(u))
		c := f.Anonymous()
		wantRedirect(t, login(c, u.Email, webtest.Password), "/login/otp")
		for range 5 {
			otp(c, wrongCode(t, secret)).WantStatus(t, http.StatusUnprocessableEntity)
		}
		otp(c, code(t, secret, time.Now().Add(30*time.Second))).WantStatus(t, http.StatusTooManyRequests)
		wantLoggedIn(t, c, false)
	})
}

func TestDemoDoesNotForceEnrolment(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		f.demo.Store(true)
		f.User("admin@example.org", auth.RoleAdmin)
		c := f.Anonymous()
		wantRedirect(t, login(c, "admin@example.org", webtest.Password), "/")
		wantLoggedIn(t, c, true)
	})
}

func TestDisableTwoFactor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d, nil)
		admin := f.Login(f.User("admin@example.org", auth.RoleAdmin))
		enrol(t, admin)
		op := f.Login(f.User("op@example.org", auth.RoleServiceOperator))
		enrol(t, op)

		t.Run("refused when the role requires it", func(t *testing.T) {
			res := post(admin, "/account/2fa/disattiva", url.Values{"current_password": {webtest.Password}})
			res.WantStatus(t, http.StatusForbidden)
		})
		t.Run("refused with a wrong password", func(t *testing.T) {
			res := post(op, "/account/2fa/disattiva", url.Values{"current_password": {"sbagliata-sbagliata"}})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "La password attuale non è corretta.")
		})
		t.Run("allowed with the password, and login needs no code after", func(t *testing.T) {
			res := post(op, "/account/2fa/disattiva", url.Values{"current_password": {webtest.Password}})
			wantRedirect(t, res, "/account")
			c := f.Anonymous()
			wantRedirect(t, login(c, "op@example.org", webtest.Password), "/")
			wantLoggedIn(t, c, true)
		})
	})
}
