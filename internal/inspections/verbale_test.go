package inspections_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// pngBytes is a tiny PNG: the file store accepts files by their content.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// fieldEnv is a server with the inspections and the file downloads.
type fieldEnv struct {
	env                         *webtest.Env
	store                       *inspections.Store
	president, member, outsider *auth.User
	id                          int64
}

// mustFieldEnv prepares an inspection in draft report: every item answered
// with an accented note, its commission a president and a member.
func mustFieldEnv(t *testing.T, d *db.DB) *fieldEnv {
	t.Helper()
	_, _ = seeded(t, d)
	env := webtest.New(t, d)
	fs, err := files.New(d, files.Config{})
	if err != nil {
		t.Fatalf("files.New: %v", err)
	}
	h, err := inspections.New(inspections.Deps{Web: env.Web, DB: d, Files: fs})
	if err != nil {
		t.Fatalf("inspections.New: %v", err)
	}
	env.Mount(h, &files.Handler{Store: fs, Web: env.Web})
	fe := &fieldEnv{env: env, store: h.Store(),
		president: env.User("presidente@example.org", auth.RoleInspector),
		member:    env.User("membro@example.org", auth.RoleInspector),
		outsider:  env.User("estraneo@example.org", auth.RoleInspector)}
	fac := mustFacility(t, env, "AL-CAS-0042")
	fe.id, err = fe.store.Plan(webtest.System(), inspections.PlanInput{FacilityID: fac, Kind: inspections.Unannounced,
		PlannedOn: day(2026, 5, 4), Members: []inspections.Member{
			{UserID: fe.president.ID, Role: inspections.RolePresident}, {UserID: fe.member.ID, Role: inspections.RoleMember}}})
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	mustStart(t, fe.store, fe.id)
	ins := map[int64]inspections.AnswerInput{}
	for _, a := range mustAnswers(t, fe.store, fe.id) {
		ins[a.Item.ID] = inspections.AnswerInput{Result: inspections.Conforming, Severity: a.Item.Severity,
			Note: "Verificato: più letti è già a norma, perché sì"}
	}
	if _, err := fe.store.SaveAnswers(webtest.System(), inspections.Scope{All: true}, fe.id, ins); err != nil {
		t.Fatalf("SaveAnswers: %v", err)
	}
	if err := fe.store.MarkDraft(webtest.System(), inspections.Scope{All: true}, fe.id); err != nil {
		t.Fatalf("MarkDraft: %v", err)
	}
	return fe
}

// upload posts data as evidence of itemID the way the fill page's form does.
func upload(t *testing.T, c *webtest.Client, inspection, itemID int64, name string, data []byte) *webtest.Response {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("csrf_token", c.Session.CSRFToken)
	part, _ := w.CreateFormFile("evidence-"+id(itemID), name)
	_, _ = part.Write(data)
	_ = w.Close()
	req := httptest.NewRequest(http.MethodPost, "/ispezioni/"+id(inspection)+"/voci/"+id(itemID)+"/allegati", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.Do(req)
}

func TestEvidence(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fe := mustFieldEnv(t, d)
		item := mustAnswers(t, fe.store, fe.id)[0].Item.ID
		member := fe.env.Login(fe.member)
		upload(t, member, fe.id, item, "foto-camera.png", pngBytes).WantStatus(t, http.StatusSeeOther)
		sum := sha256.Sum256(pngBytes)
		hash := hex.EncodeToString(sum[:])
		page := member.Get("/ispezioni/" + id(fe.id) + "/compila")
		t.Run("the item lists the file with its hash", func(t *testing.T) {
			page.WantStatus(t, http.StatusOK)
			page.WantBody(t, "foto-camera.png", hash[:12], "image/png")
		})
		link := regexp.MustCompile(`href="(/files/\d+)"`).FindStringSubmatch(page.Body)
		if link == nil {
			t.Fatal("no download link on the fill page")
		}
		t.Run("a member downloads it", func(t *testing.T) {
			member.Get(link[1]).WantStatus(t, http.StatusOK)
		})
		t.Run("an inspector outside the commission gets 404", func(t *testing.T) {
			fe.env.Login(fe.outsider).Get(link[1]).WantStatus(t, http.StatusNotFound)
		})
		t.Run("an empty choice is reported next to the item", func(t *testing.T) {
			upload(t, member, fe.id, item, "", nil).WantStatus(t, http.StatusUnprocessableEntity)
		})
	})
}

func TestVerbaleDraftPDF(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fe := mustFieldEnv(t, d)
		res := fe.env.Login(fe.member).Get("/ispezioni/" + id(fe.id) + "/verbale.pdf")
		res.WantStatus(t, http.StatusOK)
		if !strings.HasPrefix(res.Body, "%PDF-") || len(res.Body) < 10_000 {
			t.Errorf("not a PDF with embedded fonts: %d bytes, starts %q", len(res.Body), res.Body[:min(8, len(res.Body))])
		}
		if !strings.Contains(res.Body, "AL-CAS-0042") {
			t.Error("the PDF does not name the facility code")
		}
		if ct := res.Header.Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("Content-Type %q", ct)
		}
		t.Run("a planned inspection has no verbale yet", func(t *testing.T) {
			fac := mustFacility(t, fe.env, "AL-CAS-0043")
			planned := mustPlan(t, fe.store, fac, day(2026, 6, 1), fe.member)
			fe.env.Login(fe.member).Get("/ispezioni/"+id(planned)+"/verbale.pdf").WantStatus(t, http.StatusConflict)
		})
	})
}

func TestSign(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fe := mustFieldEnv(t, d)
		path := "/ispezioni/" + id(fe.id)
		t.Run("a member who is not president may not sign", func(t *testing.T) {
			fe.env.Login(fe.member).Post(path+"/firma", nil).WantStatus(t, http.StatusForbidden)
		})
		t.Run("an inspector outside the commission does not see it", func(t *testing.T) {
			fe.env.Login(fe.outsider).Post(path+"/firma", nil).WantStatus(t, http.StatusNotFound)
		})
		president := fe.env.Login(fe.president)
		president.Post(path+"/firma", nil).WantStatus(t, http.StatusSeeOther)
		sig, err := fe.store.Signature(context.Background(), fe.id)
		if err != nil || sig == nil {
			t.Fatalf("Signature: %v, %v", sig, err)
		}
		t.Run("the served PDF is the stored one, every time", func(t *testing.T) {
			for range 2 {
				body := president.Get(path + "/verbale.pdf").Body
				sum := sha256.Sum256([]byte(body))
				if got := hex.EncodeToString(sum[:]); got != sig.SHA256 {
					t.Errorf("served hash %s, recorded %s", got, sig.SHA256)
				}
			}
		})
		t.Run("the page shows the recorded hash", func(t *testing.T) {
			president.Get(path).WantBody(t, sig.SHA256, "Verbale firmato")
		})
		t.Run("later edits are refused with 409", func(t *testing.T) {
			item := mustAnswers(t, fe.store, fe.id)[0].Item.ID
			form := url.Values{"result-" + id(item): {"partial"}, "severity-" + id(item): {"low"}}
			president.Post(path+"/voci/"+id(item), form).WantStatus(t, http.StatusConflict)
			president.Post(path+"/ospiti", url.Values{"guests_counted": {"3"}}).WantStatus(t, http.StatusConflict)
			president.Post(path+"/firma", nil).WantStatus(t, http.StatusConflict)
			upload(t, president, fe.id, item, "tardiva.png", pngBytes).WantStatus(t, http.StatusConflict)
			_, err := fe.store.SaveAnswers(webtest.System(), inspections.Scope{All: true}, fe.id,
				map[int64]inspections.AnswerInput{item: {Result: inspections.Partial, Severity: inspections.Low}})
			wantKind(t, err, apperr.Conflict)
		})
	})
}
