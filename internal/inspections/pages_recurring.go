package inspections

import (
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type recurringPage struct {
	web.Page
	Plans      []*Recurring
	Facilities []web.Option
}

func (h *Handler) newRecurringPage(r *http.Request) (*recurringPage, error) {
	p := &recurringPage{Page: h.web.NewPage(r, "Piani ricorrenti")}
	p.Crumb("Ispezioni", "/ispezioni").Crumb("Piani ricorrenti", "")
	var err error
	if p.Plans, err = h.store.Recurrings(r.Context()); err != nil {
		return nil, err
	}
	p.Facilities, err = h.store.ActiveFacilities(r.Context())
	return p, err
}

func (h *Handler) recurringList(w http.ResponseWriter, r *http.Request) {
	p, err := h.newRecurringPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "inspections/plans.html", p)
}

func (h *Handler) recurringCreate(w http.ResponseWriter, r *http.Request) {
	p, err := h.newRecurringPage(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	rec := &Recurring{StartsOn: parseDate(r.PostFormValue("starts_on"))}
	rec.Months, _ = strconv.Atoi(r.PostFormValue("months"))
	if fid, err := strconv.ParseInt(r.PostFormValue("facility_id"), 10, 64); err == nil && fid > 0 {
		rec.FacilityID = &fid
	}
	if err := h.store.AddRecurring(r.Context(), rec); err != nil {
		h.web.FormError(w, r, "inspections/plans.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/ispezioni/piani", "Piano ricorrente aggiunto.")
}
