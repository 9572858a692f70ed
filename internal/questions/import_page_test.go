package questions

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func qdUpload(t *testing.T, c *webtest.Client, path string, data []byte) *webtest.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", "faq.csv")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("X-CSRF-Token", c.Session.CSRFToken)
	return c.Do(req)
}

var qdHidden = regexp.MustCompile(`name="(digest|content)" value="([^"]*)"`)

func TestImportPagesPreviewThenConfirm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env := webtest.New(t, d)
		tools, err := NewTools(ToolsDeps{Web: env.Web, DB: d})
		if err != nil {
			t.Fatal(err)
		}
		env.Mount(tools)
		coord := env.Login(env.User("coordinatore@example.org", auth.RoleQuestionCoordinator))

		res := qdUpload(t, coord, "/domande/importa", []byte(importCSV))
		res.WantStatus(t, http.StatusOK)
		res.WantBody(t, "Resoconto della verifica", "Argomento sconosciuto", "Da importare")
		if n := qdCount(t, d, `SELECT COUNT(*) FROM questions`); n != 0 {
			t.Fatalf("%d questions after the preview, want 0", n)
		}
		form := url.Values{}
		for _, m := range qdHidden.FindAllStringSubmatch(res.Body, -1) {
			form.Set(m[1], html.UnescapeString(m[2]))
		}
		res = coord.Post("/domande/importa/conferma", form)
		res.WantStatus(t, http.StatusSeeOther)
		if n := qdCount(t, d, `SELECT COUNT(*) FROM questions WHERE state = 'published'`); n != 2 {
			t.Errorf("%d published after the confirmation, want 2", n)
		}

		t.Run("a tampered confirmation writes nothing and shows the new report", func(t *testing.T) {
			form.Set("digest", strings.Repeat("0", 64))
			res := coord.Post("/domande/importa/conferma", form)
			res.WantStatus(t, http.StatusConflict)
			res.WantBody(t, "Già presente")
		})
		t.Run("reports and their exports answer", func(t *testing.T) {
			coord.Get("/domande/rapporti?dal=2026-01-01&al=nonsense").WantStatus(t, http.StatusOK)
			res := coord.Get("/domande/rapporti/export.csv")
			res.WantStatus(t, http.StatusOK)
			res.WantBody(t, "Sezione,Voce,Domande")
			coord.Get("/domande/rapporti/export.xlsx").WantStatus(t, http.StatusOK)
		})
		t.Run("an operator does not see the tools", func(t *testing.T) {
			op := env.Login(env.User("operatore@example.org", auth.RoleServiceOperator))
			op.Get("/domande/importa").WantStatus(t, http.StatusNotFound)
			op.Get("/domande/rapporti").WantStatus(t, http.StatusNotFound)
		})
	})
}
