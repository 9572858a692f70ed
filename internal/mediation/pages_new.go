package mediation

import (
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type newPage struct {
	web.Page
	Orgs           []web.Option
	Services       []web.Option
	Kinds          []web.Option
	Languages      []web.Option
	Modes          []web.Option
	Urgencies      []web.Option
	Municipalities []web.Option
}

func (h *Handler) newPageFor(r *http.Request) (*newPage, error) {
	p := &newPage{Page: h.web.NewPage(r, "Nuova richiesta di mediazione")}
	p.Crumb("Mediazione", baseURL).Crumb("Nuova richiesta", "")
	for _, s := range ServiceTypes {
		p.Services = append(p.Services, web.Option{Value: string(s), Label: s.Label()})
	}
	for _, k := range Kinds {
		p.Kinds = append(p.Kinds, web.Option{Value: string(k), Label: k.Label()})
	}
	for _, m := range Modes {
		p.Modes = append(p.Modes, web.Option{Value: string(m), Label: m.Label()})
	}
	for _, u := range Urgencies {
		p.Urgencies = append(p.Urgencies, web.Option{Value: string(u), Label: u.Label()})
	}
	var err error
	if p.Languages, err = languageOptions(r.Context(), h.store.DB); err != nil {
		return nil, err
	}
	if p.Municipalities, err = municipalityOptions(r.Context(), h.store.DB); err != nil {
		return nil, err
	}
	p.Orgs, err = h.orgOptions(r)
	return p, err
}

// orgOptions are the organisations u may request for: their services, or
// any active organisation for a coordinator.
func (h *Handler) orgOptions(r *http.Request) ([]web.Option, error) {
	u := web.UserOf(r)
	if CanCoordinate(u) {
		return web.QueryOptions(r.Context(), h.store.DB, `SELECT id, name FROM organisations WHERE active = ? ORDER BY name, id`, true)
	}
	var out []web.Option
	for _, m := range u.Memberships {
		if m.Role == auth.RoleServiceOperator {
			out = append(out, web.Option{Value: itoa(m.OrgID), Label: m.OrgName})
		}
	}
	return out, nil
}

func (h *Handler) newForm(w http.ResponseWriter, r *http.Request) {
	if !CanRequest(web.UserOf(r)) {
		h.web.Error(w, r, errCannotRequest)
		return
	}
	p, err := h.newPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Form.Set("weeks", "1")
	p.Form.Set("duration", "60")
	p.Form.Set("urgency", string(Scheduled))
	p.Form.Set("kind", string(Interpreting))
	h.web.Render(w, r, "mediation/request_new.html", p)
}

func formFrom(r *http.Request) Form {
	org, _ := strconv.ParseInt(r.PostFormValue("org"), 10, 64)
	dur, _ := strconv.Atoi(r.PostFormValue("duration"))
	weeks, _ := strconv.Atoi(r.PostFormValue("weeks"))
	return Form{OrgID: org, Office: r.PostFormValue("office"), Referent: r.PostFormValue("referent"),
		Contact: r.PostFormValue("contact"), Service: ServiceType(r.PostFormValue("service")), Kind: Kind(r.PostFormValue("kind")),
		Language: r.PostFormValue("language"), Nationality: r.PostFormValue("nationality"), Mode: Mode(r.PostFormValue("mode")),
		Urgency: Urgency(r.PostFormValue("urgency")), ISTATCode: r.PostFormValue("municipality"), Place: r.PostFormValue("place"),
		Day: r.PostFormValue("day"), Time: r.PostFormValue("time"), DurationMin: dur, Weeks: weeks,
		Reason: r.PostFormValue("reason"), Beneficiary: r.PostFormValue("beneficiary")}
}

// create records the request: sent, unless saved as a draft.
func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	p, err := h.newPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	send := r.PostFormValue("action") != "draft"
	ids, err := h.store.Create(r.Context(), web.UserOf(r), formFrom(r), send)
	if err != nil {
		h.web.FormError(w, r, "mediation/request_new.html", p, &p.Page, err)
		return
	}
	msg := "Richiesta inviata: il coordinamento cercherà una mediatrice o un mediatore."
	if !send {
		msg = "Bozza salvata: inviala quando è completa."
	} else if len(ids) > 1 {
		msg = "Richieste inviate, una per settimana: il coordinamento cercherà una mediatrice o un mediatore."
	}
	h.web.Redirect(w, r, RequestURL(ids[0]), msg)
}
