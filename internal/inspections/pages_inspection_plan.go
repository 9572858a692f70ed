package inspections

import (
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type planPage struct {
	web.Page
	Facilities []web.Option
	Kinds      []web.Option
	Candidates []web.Option
	Roles      []web.Option
}

// RoleOf is the commission role chosen for candidate userID, "" if none.
func (p *planPage) RoleOf(userID string) string { return p.Value("role-" + userID) }

func (h *Handler) newPlanPage(r *http.Request) (*planPage, error) {
	p := &planPage{Page: h.web.NewPage(r, "Pianifica un'ispezione"), Kinds: codeOptions(Kinds), Roles: codeOptions(CommissionRoles)}
	p.Crumb("Ispezioni", "/ispezioni").Crumb("Pianifica un'ispezione", "")
	var err error
	if p.Facilities, err = h.store.ActiveFacilities(r.Context()); err != nil {
		return nil, err
	}
	p.Candidates, err = h.store.CommissionCandidates(r.Context())
	return p, err
}

func (h *Handler) inspectionNew(w http.ResponseWriter, r *http.Request) {
	p, err := h.newPlanPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "inspections/inspection_form.html", p)
}

func (h *Handler) inspectionCreate(w http.ResponseWriter, r *http.Request) {
	p, err := h.newPlanPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	in := PlanInput{Kind: Kind(r.PostFormValue("kind")), PlannedOn: parseDate(r.PostFormValue("planned_on"))}
	in.FacilityID, _ = strconv.ParseInt(r.PostFormValue("facility_id"), 10, 64)
	for _, c := range p.Candidates {
		if role := p.RoleOf(c.Value); role != "" {
			uid, _ := strconv.ParseInt(c.Value, 10, 64)
			in.Members = append(in.Members, Member{UserID: uid, Role: CommissionRole(role)})
		}
	}
	id, err := h.store.Plan(r.Context(), in)
	if err != nil {
		h.web.FormError(w, r, "inspections/inspection_form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(id), "Ispezione pianificata.")
}
