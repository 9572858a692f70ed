package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/facilities"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// Paging bounds of the lists.
const (
	defaultPerPage = 50
	maxPerPage     = 200
)

type facilityJSON struct {
	Code             string    `json:"code"`
	Name             string    `json:"name"`
	SystemType       string    `json:"system_type"`
	Typology         string    `json:"typology"`
	Guests           []string  `json:"guests"`
	Address          string    `json:"address"`
	Municipality     placeJSON `json:"municipality"`
	AuthorisedPlaces int       `json:"authorised_places"`
	ContractedPlaces int       `json:"contracted_places"`
	ManagingBody     bodyJSON  `json:"managing_body"`
	State            string    `json:"state"`
	StateSince       string    `json:"state_since"`
	OpenedOn         *string   `json:"opened_on"`
	ClosedOn         *string   `json:"closed_on"`
}

type placeJSON struct {
	ISTATCode string `json:"istat_code"`
	Name      string `json:"name"`
}

type bodyJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type facilityPage struct {
	Items   []facilityJSON `json:"items"`
	Page    int            `json:"page"`
	PerPage int            `json:"per_page"`
	Total   int            `json:"total"`
}

func toFacility(f *facilities.Facility) facilityJSON {
	out := facilityJSON{Code: f.Code, Name: f.Name, SystemType: string(f.System), Typology: string(f.Typology),
		Guests: []string{}, Address: f.Address, Municipality: placeJSON{f.ISTATCode, f.Municipality},
		AuthorisedPlaces: f.AuthorisedPlaces, ContractedPlaces: f.ContractedPlaces,
		ManagingBody: bodyJSON{f.BodyID, f.BodyName}, State: string(f.State), StateSince: date(f.StateSince),
		OpenedOn: datePtr(f.OpenedOn), ClosedOn: datePtr(f.ClosedOn)}
	for _, g := range f.Guests {
		out.Guests = append(out.Guests, string(g))
	}
	return out
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

func datePtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := date(*t)
	return &s
}

func (h *Handler) listFacilities(w http.ResponseWriter, r *http.Request, u *auth.User) {
	fl, page, perPage, err := facilityFilter(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, total, err := h.facilities.Facilities(r.Context(), u, fl)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := facilityPage{Items: make([]facilityJSON, 0, len(list)), Page: page, PerPage: perPage, Total: total}
	for _, f := range list {
		out.Items = append(out.Items, toFacility(f))
	}
	web.JSON(w, http.StatusOK, out)
}

// facilityFilter reads the list's query: the same filters as the page,
// but a wrong value is an error rather than silently ignored.
func facilityFilter(r *http.Request) (facilities.Filter, int, int, error) {
	q := r.URL.Query()
	e := apperr.Fields{}
	page, perPage := intParam(q.Get("page"), 1), intParam(q.Get("per_page"), defaultPerPage)
	e.Check(page >= 1, "page", "Il numero di pagina deve essere un intero positivo.")
	e.Check(perPage >= 1 && perPage <= maxPerPage, "per_page", "per_page deve essere tra 1 e 200.")
	fl := facilities.Filter{Limit: perPage, Offset: (page - 1) * perPage}
	if v := q.Get("municipality"); v != "" {
		fl.ISTATCode = &v
	}
	if v := q.Get("q"); v != "" {
		fl.Text = &v
	}
	if v := facilities.SystemType(q.Get("system_type")); v != "" {
		e.Check(v.Valid(), "system_type", "Tipologia di accoglienza non valida.")
		fl.System = &v
	}
	if v := facilities.State(q.Get("state")); v != "" {
		e.Check(v.Valid(), "state", "Stato non valido.")
		fl.State = &v
	}
	return fl, page, perPage, e.Err()
}

// intParam parses s, def when empty, -1 when not a number.
func intParam(s string, def int) int {
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func (h *Handler) showFacility(w http.ResponseWriter, r *http.Request, u *auth.User) {
	f, err := h.facilities.Facility(r.Context(), u, r.PathValue("code"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	web.JSON(w, http.StatusOK, toFacility(f))
}
