package facilities

import (
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type capsPage struct {
	web.Page
	Caps      []*MunicipalityCap
	Bands     []CapBand
	CanManage bool
	All       bool
}

func (h *Handler) caps(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	p := &capsPage{Page: h.web.NewPage(r, "Tetti di posti per Comune"), Bands: CapBands, CanManage: CanManage(u),
		All: r.URL.Query().Get("tutti") == "1"}
	p.Crumb("Strutture di accoglienza", "/strutture").Crumb("Tetti per Comune", "")
	caps, err := h.store.Caps(r.Context(), u)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	for _, c := range caps {
		if p.All || c.Facilities > 0 || c.Set != nil {
			p.Caps = append(p.Caps, c)
		}
	}
	h.web.Render(w, r, "facilities/caps.html", p)
}

type capPage struct {
	web.Page
	Cap        *MunicipalityCap
	Facilities []*Facility
	CanManage  bool
}

func (h *Handler) capPageFor(r *http.Request) (*capPage, error) {
	u := web.UserOf(r)
	ctx := r.Context()
	c, err := h.store.Cap(ctx, u, r.PathValue("istat"))
	if err != nil {
		return nil, err
	}
	p := &capPage{Page: h.web.NewPage(r, c.Name), Cap: c, CanManage: CanManage(u)}
	p.Crumb("Strutture di accoglienza", "/strutture").Crumb("Tetti per Comune", "/comuni/tetti").Crumb(c.Name, "")
	if len(p.Form) == 0 && c.Set != nil {
		p.Form.Set("places", strconv.Itoa(*c.Set))
	}
	istat := c.ISTATCode
	p.Facilities, _, err = h.store.Facilities(ctx, u, Filter{ISTATCode: &istat, Limit: 500})
	return p, err
}

func (h *Handler) capShow(w http.ResponseWriter, r *http.Request) {
	p, err := h.capPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/cap.html", p)
}

func (h *Handler) capUpdate(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	if !CanManage(u) {
		h.web.Error(w, r, errForbidden)
		return
	}
	fm := newForm(r)
	var places *int
	if fm.str("places") != "" {
		n := fm.int("places", "Indica il tetto con un numero intero di posti, o lascialo vuoto.")
		places = &n
	}
	istat := r.PathValue("istat")
	err := fm.merge(nil)
	if err == nil {
		err = h.store.SetCap(r.Context(), u, istat, places)
	}
	if err != nil {
		p, perr := h.capPageFor(r)
		if perr != nil {
			h.web.Error(w, r, perr)
			return
		}
		h.web.FormError(w, r, "facilities/cap.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/comuni/tetti/"+istat, "Tetto aggiornato.")
}
