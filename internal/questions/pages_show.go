package questions

import (
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type showPage struct {
	web.Page
	Q          *Entry
	Answers    []*Answer // the versions this user may read, newest first
	Current    *Answer   // the published version
	Open       *Answer   // the version being worked on, for the staff
	Events     []Event
	Files      []files.File
	Findings   []Finding // the personal-data check, for the validator
	Offices    []web.Option
	Experts    []web.Option
	Staff      bool
	Can        actions
	RefRows    int
	Now        time.Time
	Timeliness string
}

// actions are the steps this user may take on the question now.
type actions struct {
	Triage, Draft, Submit, NewVersion, Validate, AddInfo, RequestInfo, Supersede, Archive bool
}

func (h *Handler) showPageFor(r *http.Request) (*showPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	u := web.UserOf(r)
	e, err := h.store.Question(r.Context(), ScopeOf(u), id)
	if err != nil {
		return nil, err
	}
	p := &showPage{Page: h.web.NewPage(r, e.Title), Q: e, Staff: IsStaff(u, e.Question), Now: time.Now().UTC()}
	p.Crumb("Domande", flowURL).Crumb("Domanda", "")
	p.Timeliness = flowTimeliness(e, p.Now)
	if err := h.fillShow(r, p); err != nil {
		return nil, err
	}
	return p, nil
}

func (h *Handler) fillShow(r *http.Request, p *showPage) error {
	ctx, u, e := r.Context(), web.UserOf(r), p.Q
	all, err := h.store.Answers(ctx, e.ID)
	if err != nil {
		return err
	}
	for _, a := range all {
		if a.ID == e.AnswerID {
			p.Current = a
		}
		if p.Staff || a.State == AnswerValidated {
			p.Answers = append(p.Answers, a)
		}
	}
	if p.Staff {
		p.Open = flowOpenAnswer(all)
	}
	if p.Events, err = h.store.Events(ctx, e.ID); err != nil {
		return err
	}
	if p.Files, err = h.files.List(ctx, flowEntity, flowID(e.ID)); err != nil {
		return err
	}
	p.Can = flowActionsFor(p, CanTriage(u), CanDraft(u, e.Question), CanValidate(u, e.Question), CanAddInfo(u, e.Question))
	if p.Can.Validate {
		p.Findings = CheckPersonal(p.ReviewTitle(), p.ReviewBody(), p.Open.Body)
	}
	p.RefRows = 3
	if p.Open != nil {
		p.RefRows = len(p.Open.References) + 2
	}
	if p.Can.Triage {
		if p.Offices, err = flowOffices(ctx, h.store.DB); err != nil {
			return err
		}
		p.Experts, err = flowExperts(ctx, h.store.DB)
	}
	return err
}

func flowActionsFor(p *showPage, triage, draft, validate, info bool) actions {
	st, open := p.Q.State, p.Open
	pending := open != nil && open.State == AnswerValidation
	return actions{
		Triage:      triage && flowTriageable(st),
		Draft:       draft && !pending && (st == Assigned || st == Drafted || (st == Published && open != nil)),
		Submit:      draft && open != nil && !pending,
		NewVersion:  draft && st == Published && open == nil,
		Validate:    validate && pending,
		AddInfo:     info,
		RequestInfo: draft && (flowTriageable(st) || st == Drafted) && st != NeedsInfo,
		Supersede:   (triage || validate) && st == Published,
		Archive:     triage && st != Archived,
	}
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	p, err := h.showPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "questions/flow_show.html", p)
}
