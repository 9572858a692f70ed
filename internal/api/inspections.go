package api

import (
	"net/http"
	"slices"
	"time"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type inspectionJSON struct {
	ID             int64   `json:"id"`
	FacilityCode   string  `json:"facility_code"`
	FacilityName   string  `json:"facility_name"`
	Kind           string  `json:"kind"`
	State          string  `json:"state"`
	PlannedOn      string  `json:"planned_on"`
	StartedAt      *string `json:"started_at"`
	GuestsDeclared *int    `json:"guests_declared"`
	GuestsCounted  *int    `json:"guests_counted"`
	Answered       int     `json:"answered"`
	Total          int     `json:"total"`
}

type inspectionList struct {
	Items []inspectionJSON `json:"items"`
}

func toInspection(in *inspections.Inspection) inspectionJSON {
	out := inspectionJSON{ID: in.ID, FacilityCode: in.FacilityCode, FacilityName: in.FacilityName,
		Kind: string(in.Kind), State: string(in.Phase), PlannedOn: date(in.PlannedOn),
		GuestsDeclared: in.GuestsDeclared, GuestsCounted: in.GuestsCounted, Answered: in.Answered, Total: in.Total}
	if in.StartedAt != nil {
		s := in.StartedAt.UTC().Format(time.RFC3339)
		out.StartedAt = &s
	}
	return out
}

// listInspections lists the inspections the caller's inspection scope
// covers; a facility outside the caller's registry scope is not found.
func (h *Handler) listInspections(w http.ResponseWriter, r *http.Request, u *auth.User) {
	q := r.URL.Query()
	var fl inspections.Filter
	if s := q.Get("state"); s != "" {
		if !slices.ContainsFunc(inspections.Phases, func(c inspections.Code) bool { return c.Value == s }) {
			h.fail(w, r, invalid("state", "Stato non valido."))
			return
		}
		p := inspections.Phase(s)
		fl.Phase = &p
	}
	if code := q.Get("facility"); code != "" {
		f, err := h.facilities.Facility(r.Context(), u, code)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		fl.FacilityID = &f.ID
	}
	list, err := h.inspections.Inspections(r.Context(), inspections.ScopeOf(u), fl)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := inspectionList{Items: make([]inspectionJSON, 0, len(list))}
	for _, in := range list {
		out.Items = append(out.Items, toInspection(in))
	}
	web.JSON(w, http.StatusOK, out)
}
