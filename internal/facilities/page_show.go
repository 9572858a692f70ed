package facilities

import (
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type showPage struct {
	web.Page
	Facility  *Facility
	Contracts []*Contract
	Documents []docRow
	History   []Period
	Cap       *MunicipalityCap // nil for users who do not see caps
	CanEdit   bool
	Next      []web.Option
	Today     time.Time
	Related   []RelatedLink
}

type docRow struct {
	*Document
	Status ExpiryStatus
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	f, err := h.store.Facility(r.Context(), u, r.PathValue("code"))
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &showPage{Page: h.web.NewPage(r, f.Name), Facility: f, CanEdit: CanEdit(u, f), Today: today(),
		Related: h.relatedFor(u, f)}
	p.Crumb("Strutture di accoglienza", "/strutture").Crumb(f.Name, "")
	if err := h.fillShow(r, p); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/show.html", p)
}

func (h *Handler) fillShow(r *http.Request, p *showPage) error {
	ctx, f := r.Context(), p.Facility
	var err error
	if p.Contracts, err = h.store.FacilityContracts(ctx, p.User, f); err != nil {
		return err
	}
	docs, err := h.store.Documents(ctx, f)
	if err != nil {
		return err
	}
	for _, d := range docs {
		p.Documents = append(p.Documents, docRow{d, d.Status(p.Today)})
	}
	if p.History, err = h.store.History(ctx, f.ID); err != nil {
		return err
	}
	if CanSeeAll(p.User) {
		// Only the province's Comuni have caps: one elsewhere (national
		// data) shows none rather than no page.
		if p.Cap, err = h.store.Cap(ctx, p.User, f.ISTATCode); apperr.KindOf(err) == apperr.NotFound {
			p.Cap, err = nil, nil
		}
		if err != nil {
			return err
		}
	}
	for _, s := range f.State.Next() {
		p.Next = append(p.Next, web.Option{Value: string(s), Label: s.Label()})
	}
	if len(p.Form) == 0 {
		p.Form.Set("since", p.Today.Format("2006-01-02"))
	}
	return nil
}

func (h *Handler) changeState(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	ctx := r.Context()
	f, err := h.store.Facility(ctx, u, r.PathValue("code"))
	if err == nil && !CanEdit(u, f) {
		err = errForbidden
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	fm := newForm(r)
	since := fm.date("since", "Indica la data del cambio di stato.")
	err = fm.merge(nil)
	if err == nil {
		err = h.store.ChangeState(ctx, u, f.Code, State(fm.str("state")), since)
	}
	if err != nil {
		p := &showPage{Page: h.web.NewPage(r, f.Name), Facility: f, CanEdit: true, Today: today()}
		p.Crumb("Strutture di accoglienza", "/strutture").Crumb(f.Name, "")
		if ferr := h.fillShow(r, p); ferr != nil {
			h.web.Error(w, r, ferr)
			return
		}
		h.web.FormError(w, r, "facilities/show.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/strutture/"+f.Code, "Stato della struttura aggiornato.")
}
