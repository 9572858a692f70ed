package mediation

import (
	"net/http"
	"net/url"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// mediatorFormPage is the profile form, for a new mediator or an existing one.
type mediatorFormPage struct {
	web.Page
	M              *Mediator // nil for a new mediator
	Action         string
	Providers      []web.Option
	Users          []web.Option
	Languages      []web.Option
	Levels         []web.Option
	Areas          []web.Option
	Modes          []web.Option
	Municipalities []web.Option
}

// Has reports whether the form holds value among the values of name.
func (p *mediatorFormPage) Has(name, value string) bool {
	for _, v := range p.Form[name] {
		if v == value {
			return true
		}
	}
	return false
}

func (h *Handler) mediatorFormFor(r *http.Request, m *Mediator) (*mediatorFormPage, error) {
	title, action := "Nuovo mediatore", mediatorsURL
	if m != nil {
		title, action = "Modifica il profilo", m.URL()+"/modifica"
	}
	p := &mediatorFormPage{Page: h.web.NewPage(r, title), M: m, Action: action, Levels: levelOptions(),
		Areas: areaOptions(), Modes: modeOptions()}
	p.Crumb("Mediazione", baseURL).Crumb("Mediatori", mediatorsURL)
	if m != nil {
		p.Crumb(m.Name, m.URL())
	}
	p.Crumb(title, "")
	ctx, q := r.Context(), h.store.DB
	var err error
	if p.Providers, err = providerOptions(ctx, q); err != nil {
		return nil, err
	}
	if p.Users, err = mediatorUserOptions(ctx, q); err != nil {
		return nil, err
	}
	if p.Languages, err = languageOptions(ctx, q); err != nil {
		return nil, err
	}
	if p.Municipalities, err = municipalityOptions(ctx, q); err != nil || m == nil {
		return p, err
	}
	// A municipality outside the province stays on the form, or saving
	// would drop it.
	listed := map[string]bool{}
	for _, o := range p.Municipalities {
		listed[o.Value] = true
	}
	var extra []any
	for _, c := range m.Municipality {
		if !listed[c] {
			extra = append(extra, c)
		}
	}
	if len(extra) > 0 {
		more, err := web.QueryOptions(ctx, q, `SELECT istat_code, name FROM municipalities WHERE istat_code IN (`+
			marks(len(extra))+`) ORDER BY name`, extra...)
		if err != nil {
			return nil, err
		}
		p.Municipalities = append(more, p.Municipalities...)
	}
	return p, nil
}

func (h *Handler) mediatorNew(w http.ResponseWriter, r *http.Request) {
	p, err := h.mediatorFormFor(r, nil)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Form = url.Values{"active": {"1"}, "mode": {string(InPerson)}}
	h.web.Render(w, r, "mediation/mediator_form.html", p)
}

func (h *Handler) mediatorCreate(w http.ResponseWriter, r *http.Request) {
	p, err := h.mediatorFormFor(r, nil)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	id, err := h.store.CreateMediator(r.Context(), web.UserOf(r), profileFrom(r.PostForm, p.Languages))
	if err != nil {
		h.web.FormError(w, r, "mediation/mediator_form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, MediatorURL(id), "Mediatore aggiunto.")
}

func (h *Handler) mediatorEdit(w http.ResponseWriter, r *http.Request) {
	m, err := h.mediatorOf(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.mediatorFormFor(r, m)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Form = profileValues(m.Profile())
	h.web.Render(w, r, "mediation/mediator_form.html", p)
}

func (h *Handler) mediatorUpdate(w http.ResponseWriter, r *http.Request) {
	m, err := h.mediatorOf(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.mediatorFormFor(r, m)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if err := h.store.UpdateMediator(r.Context(), web.UserOf(r), m.ID, profileFrom(r.PostForm, p.Languages)); err != nil {
		h.web.FormError(w, r, "mediation/mediator_form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, m.URL(), "Profilo aggiornato.")
}
