package inspections

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type fillPage struct {
	web.Page
	In         *Inspection
	Sections   []answerSection
	Results    []web.Option
	Severities []web.Option
	verbaleView
}

// Res, Sev and Note are an answer's values: the user's input when the form
// is re-shown after an error, else what is stored.
func (p *fillPage) Res(a *Answer) string { return p.val("result", a, string(a.Result)) }
func (p *fillPage) Sev(a *Answer) string { return p.val("severity", a, string(a.Severity)) }
func (p *fillPage) Note(a *Answer) string {
	return p.val("note", a, a.Note)
}

func (p *fillPage) val(name string, a *Answer, stored string) string {
	if _, ok := p.Form[answerField(name, a.Item.ID)]; ok {
		return p.Value(answerField(name, a.Item.ID))
	}
	return stored
}

// Err is the message for an answer's control.
func (p *fillPage) Err(name string, a *Answer) string { return p.Error(answerField(name, a.Item.ID)) }

func severityOptions() []web.Option {
	out := make([]web.Option, len(Severities))
	for i, s := range Severities {
		out[i] = web.Option{Value: string(s), Label: s.Label()}
	}
	return out
}

func (h *Handler) newFillPage(r *http.Request, in *Inspection) (*fillPage, error) {
	p := &fillPage{Page: h.web.NewPage(r, "Compila la checklist"), In: in, Results: codeOptions(Results), Severities: severityOptions()}
	p.Crumb("Ispezioni", "/ispezioni").Crumb(in.FacilityCode+" · "+p.Date(in.PlannedOn), inspectionURL(in.ID)).
		Crumb("Compila la checklist", "")
	as, err := h.store.Answers(r.Context(), in.ID)
	p.Sections = groupAnswers(as)
	if err == nil {
		p.Evidence, err = evidenceOf(r.Context(), h.store.DB, in.ID)
	}
	return p, err
}

// fillTarget loads the inspection of the path for field work.
func (h *Handler) fillTarget(r *http.Request) (*Inspection, error) {
	in, err := h.editable(r)
	if err == nil && !in.FieldWork() {
		err = errNotStarted
	}
	return in, err
}

func (h *Handler) fillShow(w http.ResponseWriter, r *http.Request) {
	switch r.PathValue("view") {
	case "verbale.pdf":
		h.verbalePDF(w, r)
		return
	case "compila":
	default:
		h.web.NotFound(w, r)
		return
	}
	in, err := h.fillTarget(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.newFillPage(r, in)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "inspections/inspection_fill.html", p)
}

// fillSave saves the whole checklist form.
func (h *Handler) fillSave(w http.ResponseWriter, r *http.Request) {
	in, err := h.fillTarget(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.newFillPage(r, in)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	ins := map[int64]AnswerInput{}
	for _, sec := range p.Sections {
		for _, a := range sec.Answers {
			ins[a.Item.ID] = answerInput(r, a.Item.ID)
		}
	}
	if _, err := h.store.SaveAnswers(r.Context(), ScopeOf(web.UserOf(r)), in.ID, ins); err != nil {
		h.web.FormError(w, r, "inspections/inspection_fill.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(in.ID), "Risposte salvate.")
}

func answerInput(r *http.Request, itemID int64) AnswerInput {
	return AnswerInput{Result: Result(r.PostFormValue(answerField("result", itemID))),
		Severity: Severity(r.PostFormValue(answerField("severity", itemID))),
		Note:     r.PostFormValue(answerField("note", itemID))}
}
