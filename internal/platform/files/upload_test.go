package files_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// uploadModule is how a module takes files from a form: FromRequest, then
// Put in the transaction that saves its record.
type uploadModule struct {
	store *files.Store
	web   *web.Server
}

func (m *uploadModule) Routes() []web.Route {
	return []web.Route{{Method: "POST", Pattern: "/prova/{id}/allegati", Access: web.LoggedIn, Handler: m.upload}}
}

func (m *uploadModule) upload(w http.ResponseWriter, r *http.Request) {
	ups, err := m.store.FromRequest(r, "allegato")
	if err == nil {
		err = m.store.DB().InTx(r.Context(), func(tx *db.Tx) error {
			for _, up := range ups {
				up.Entity, up.EntityID, up.UploadedBy = "verbale", r.PathValue("id"), web.UserOf(r).ID
				if _, err := m.store.Put(r.Context(), tx, up); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err != nil {
		m.web.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// postFiles sends a multipart form with one part per name/content pair.
func postFiles(t *testing.T, c *webtest.Client, path string, parts ...[2]string) *webtest.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("csrf_token", c.Session.CSRFToken)
	for _, p := range parts {
		w, err := mw.CreateFormFile("allegato", p[0])
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(p[1]))
	}
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.Do(req)
}

func TestUploadForm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		env, s := newEnv(t, d)
		user := env.Login(env.User("utente@example.org", auth.RoleServiceOperator))
		t.Run("two files are stored with their uploader", func(t *testing.T) {
			res := postFiles(t, user, "/prova/public/allegati", [2]string{"a.pdf", string(pdfData)}, [2]string{"b.txt", string(textData)})
			res.WantStatus(t, http.StatusCreated)
			list, err := s.List(t.Context(), "verbale", "public")
			if err != nil || len(list) != 2 || list[0].UploadedBy != user.User.ID || list[1].ContentType != "text/plain; charset=utf-8" {
				t.Fatalf("stored %+v (%v)", list, err)
			}
		})
		t.Run("an empty file input stores nothing", func(t *testing.T) {
			postFiles(t, user, "/prova/vuoto/allegati", [2]string{"", ""}).WantStatus(t, http.StatusCreated)
			if list, _ := s.List(t.Context(), "verbale", "vuoto"); len(list) != 0 {
				t.Errorf("stored %+v", list)
			}
		})
		t.Run("a file over the limit answers 413", func(t *testing.T) {
			big := string(bytes.Repeat([]byte("a"), 2<<10))
			res := postFiles(t, user, "/prova/grande/allegati", [2]string{"grande.txt", big})
			res.WantStatus(t, http.StatusRequestEntityTooLarge)
			res.WantBody(t, "Il file supera la dimensione massima consentita.")
		})
		t.Run("an exe named pdf answers 422", func(t *testing.T) {
			res := postFiles(t, user, "/prova/exe/allegati", [2]string{"verbale.pdf", string(exeData)})
			res.WantStatus(t, http.StatusUnprocessableEntity)
			res.WantBody(t, "Tipo di file non ammesso")
		})
	})
}
