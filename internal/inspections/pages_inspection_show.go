package inspections

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type showPage struct {
	web.Page
	In       *Inspection
	Sections []answerSection
	CanEdit  bool
	Actions  []*Action
	verbaleView
	followUpView
}

// answerSection is a run of answers under one checklist section.
type answerSection struct {
	Title   string
	Answers []*Answer
}

func groupAnswers(as []*Answer) []answerSection {
	var out []answerSection
	for _, a := range as {
		if len(out) == 0 || out[len(out)-1].Title != a.Section {
			out = append(out, answerSection{Title: a.Section})
		}
		last := &out[len(out)-1]
		last.Answers = append(last.Answers, a)
	}
	return out
}

// Complete reports whether every item has a result.
func (p *showPage) Complete() bool { return p.In.Total > 0 && p.In.Answered == p.In.Total }

func (h *Handler) newShowPage(r *http.Request, in *Inspection) (*showPage, error) {
	p := &showPage{Page: h.web.NewPage(r, "Ispezione"), In: in, CanEdit: CanEditInspection(web.UserOf(r), in)}
	p.Crumb("Ispezioni", "/ispezioni").Crumb(in.FacilityCode+" · "+p.Date(in.PlannedOn), "")
	if in.Started() {
		as, err := h.store.Answers(r.Context(), in.ID)
		if err != nil {
			return nil, err
		}
		p.Sections = groupAnswers(as)
	}
	if err := h.inspectionActions(r, in, &p.Actions); err != nil {
		return nil, err
	}
	if err := h.loadFollowUpView(r, in, &p.followUpView); err != nil {
		return nil, err
	}
	return p, h.loadVerbaleView(r, in, &p.verbaleView)
}

func (h *Handler) inspectionShow(w http.ResponseWriter, r *http.Request) {
	in, err := h.target(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.newShowPage(r, in)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "inspections/inspection.html", p)
}

// act runs fn on the editable inspection of the path and goes back to it.
func (h *Handler) act(w http.ResponseWriter, r *http.Request, fn func(in *Inspection) error, to, flash string) {
	in, err := h.editable(r)
	if err == nil {
		err = fn(in)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(in.ID)+to, flash)
}

func (h *Handler) inspectionStart(w http.ResponseWriter, r *http.Request) {
	h.act(w, r, func(in *Inspection) error {
		return h.store.Start(r.Context(), ScopeOf(web.UserOf(r)), in.ID)
	}, "/compila", "Ispezione avviata: la checklist in uso è fissata.")
}

func (h *Handler) inspectionDraft(w http.ResponseWriter, r *http.Request) {
	h.act(w, r, func(in *Inspection) error {
		return h.store.MarkDraft(r.Context(), ScopeOf(web.UserOf(r)), in.ID)
	}, "", "Bozza di verbale pronta.")
}

func (h *Handler) inspectionGuests(w http.ResponseWriter, r *http.Request) {
	in, err := h.editable(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	n, convErr := strconv.Atoi(strings.TrimSpace(r.PostFormValue("guests_counted")))
	if convErr != nil {
		n = -1
	}
	if err := h.store.SetGuests(r.Context(), ScopeOf(web.UserOf(r)), in.ID, n); err != nil {
		h.showWithError(w, r, in, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(in.ID)+"#ospiti", "Ospiti contati registrati.")
}
