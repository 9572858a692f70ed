package files_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// verbaleAccess lets anyone see record "public", forbids "private" and
// hides every other record.
func verbaleAccess(_ context.Context, _ *auth.User, id string) error {
	switch id {
	case "public":
		return nil
	case "private":
		return apperr.Forbiddenf("Non puoi.")
	}
	return apperr.NotFoundf("Non trovato.")
}

func newEnv(t *testing.T, d *db.DB) (*webtest.Env, *files.Store) {
	t.Helper()
	env := webtest.New(t, d)
	s, err := files.New(d, files.Config{DataDir: t.TempDir(), MaxSize: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	s.RegisterAccess("verbale", verbaleAccess)
	env.Mount(&files.Handler{Store: s, Web: env.Web}, &uploadModule{store: s, web: env.Web})
	return env, s
}

func TestDownload(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, s := newEnv(t, d)
		pdf := mustPut(t, d, s, "public", "verbale ispezione è.pdf", pdfData)
		csv := mustPut(t, d, s, "public", "ospiti.csv", csvData)
		private := mustPut(t, d, s, "private", "riservato.pdf", pdfData)
		hidden := mustPut(t, d, s, "altro", "nascosto.pdf", pdfData)
		orphan, err := put(t, d, s, files.Upload{Entity: "senza-controllo", EntityID: "public", Name: "x.txt", Reader: bytes.NewReader(textData)})
		if err != nil {
			t.Fatal(err)
		}
		user := env.Login(env.User("utente@example.org", auth.RoleServiceOperator))
		t.Run("pdf is shown inline with its sniffed type", func(t *testing.T) {
			res := user.Get(fmt.Sprintf("/files/%d", pdf.ID))
			res.WantStatus(t, http.StatusOK)
			h := res.Header
			want := map[string]string{
				"Content-Type":           files.TypePDF,
				"Content-Disposition":    `inline; filename="verbale ispezione _.pdf"; filename*=UTF-8''verbale%20ispezione%20%C3%A8.pdf`,
				"X-Content-Type-Options": "nosniff",
				"Etag":                   `"` + pdf.SHA256 + `"`,
			}
			for k, v := range want {
				if h.Get(k) != v {
					t.Errorf("%s = %q, want %q", k, h.Get(k), v)
				}
			}
			if res.Body != string(pdfData) {
				t.Errorf("body = %q", res.Body)
			}
		})
		t.Run("csv is an attachment", func(t *testing.T) {
			res := user.Get(fmt.Sprintf("/files/%d", csv.ID))
			res.WantStatus(t, http.StatusOK)
			if d := res.Header.Get("Content-Disposition"); !strings.HasPrefix(d, "attachment;") {
				t.Errorf("Content-Disposition = %q", d)
			}
		})
		t.Run("known ETag answers 304", func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/files/%d", pdf.ID), nil)
			req.Header.Set("If-None-Match", `"`+pdf.SHA256+`"`)
			user.Do(req).WantStatus(t, http.StatusNotModified)
		})
		for _, tc := range []struct {
			name string
			path string
			want int
		}{
			{"forbidden record answers 403", fmt.Sprintf("/files/%d", private.ID), http.StatusForbidden},
			{"hidden record answers 404", fmt.Sprintf("/files/%d", hidden.ID), http.StatusNotFound},
			{"entity without checker answers 404", fmt.Sprintf("/files/%d", orphan.ID), http.StatusNotFound},
			{"missing file answers 404", "/files/99999", http.StatusNotFound},
			{"malformed id answers 404", "/files/abc", http.StatusNotFound},
		} {
			t.Run(tc.name, func(t *testing.T) {
				user.Get(tc.path).WantStatus(t, tc.want)
			})
		}
		t.Run("anonymous visitor is sent to login", func(t *testing.T) {
			res := env.Anonymous().Get(fmt.Sprintf("/files/%d", pdf.ID))
			res.WantStatus(t, http.StatusSeeOther)
			if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
				t.Errorf("Location = %q", loc)
			}
		})
	})
}
