package inspections_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// actionEnv is a server with two signed inspections of two facilities of
// two managing bodies, each with one non-conforming (critical) and one
// partial (low) answer, the rest conforming.
type actionEnv struct {
	env               *webtest.Env
	store             *inspections.Store
	president         *auth.User
	mineBody, another int64
	mine, theirs      int64 // inspection IDs
}

func mustActionEnv(t *testing.T, d *db.DB) *actionEnv {
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
	ae := &actionEnv{env: env, store: h.Store(), president: env.User("presidente@example.org", auth.RoleInspector)}
	facMine, facTheirs := mustFacility(t, env, "AL-CAS-0101"), mustFacility(t, env, "AL-CAS-0102")
	ae.mineBody, ae.another = bodyOf(t, d, facMine), bodyOf(t, d, facTheirs)
	ae.mine = mustSigned(t, ae, fs, facMine)
	ae.theirs = mustSigned(t, ae, fs, facTheirs)
	return ae
}

func bodyOf(t *testing.T, d *db.DB, facility int64) int64 {
	t.Helper()
	var id int64
	if err := d.QueryRowContext(context.Background(), `SELECT managing_body_id FROM facilities WHERE id = ?`, facility).Scan(&id); err != nil {
		t.Fatalf("managing body of %d: %v", facility, err)
	}
	return id
}

func mustSigned(t *testing.T, ae *actionEnv, fs *files.Store, facility int64) int64 {
	t.Helper()
	ctx := webtest.System()
	id, err := ae.store.Plan(ctx, inspections.PlanInput{FacilityID: facility, Kind: inspections.Scheduled,
		PlannedOn: day(2026, 5, 4), Members: []inspections.Member{{UserID: ae.president.ID, Role: inspections.RolePresident}}})
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	mustStart(t, ae.store, id)
	ins := map[int64]inspections.AnswerInput{}
	for i, a := range mustAnswers(t, ae.store, id) {
		in := inspections.AnswerInput{Result: inspections.Conforming, Severity: inspections.Medium}
		switch i {
		case 0:
			in = inspections.AnswerInput{Result: inspections.NonConforming, Severity: inspections.Critical, Note: "Estintori scaduti"}
		case 1:
			in = inspections.AnswerInput{Result: inspections.Partial, Severity: inspections.Low}
		case 2:
			in.Result = inspections.NotApplicable
		}
		ins[a.Item.ID] = in
	}
	if _, err := ae.store.SaveAnswers(ctx, inspections.Scope{All: true}, id, ins); err != nil {
		t.Fatalf("SaveAnswers: %v", err)
	}
	if err := ae.store.MarkDraft(ctx, inspections.Scope{All: true}, id); err != nil {
		t.Fatalf("MarkDraft: %v", err)
	}
	if _, err := ae.store.Sign(ctx, fs, ae.president, id); err != nil {
		t.Fatalf("Sign: %v", err)
	}
	return id
}

// actionsOf lists the actions of inspection id as the Prefettura sees them.
func actionsOf(t *testing.T, s *inspections.Store, id int64) []*inspections.Action {
	t.Helper()
	all, err := s.Actions(context.Background(), inspections.ActionScope{All: true}, inspections.ActionFilter{}, day(2026, 5, 4))
	if err != nil {
		t.Fatalf("Actions: %v", err)
	}
	var out []*inspections.Action
	for _, a := range all {
		if a.InspectionID == id {
			out = append(out, a)
		}
	}
	return out
}

// remedyWithFile posts a remedy with a file the way the action page's form does.
func remedyWithFile(c *webtest.Client, action int64, remedy, name string, data []byte) *webtest.Response {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("csrf_token", c.Session.CSRFToken)
	_ = w.WriteField("remedy", remedy)
	part, _ := w.CreateFormFile("evidence", name)
	_, _ = part.Write(data)
	_ = w.Close()
	req := httptest.NewRequest(http.MethodPost, "/azioni-correttive/"+id(action)+"/risposta", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.Do(req)
}
