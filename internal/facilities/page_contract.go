package facilities

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type contractListPage struct {
	web.Page
	Contracts []*Contract
	CanManage bool
}

func (h *Handler) contractList(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	p := &contractListPage{Page: h.web.NewPage(r, "Contratti"), CanManage: CanManage(u)}
	p.Crumb("Strutture di accoglienza", "/strutture").Crumb("Contratti", "")
	var err error
	if p.Contracts, err = h.store.Contracts(r.Context(), u); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/contracts.html", p)
}

type contractPage struct {
	web.Page
	Contract   *Contract
	Penalties  []*Penalty
	Facilities []*Facility
	CanManage  bool
	Bases      []web.Option
}

func (h *Handler) contractShow(w http.ResponseWriter, r *http.Request) {
	p, err := h.contractPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/contract.html", p)
}

func (h *Handler) contractPageFor(r *http.Request) (*contractPage, error) {
	u := web.UserOf(r)
	c, err := h.contractOf(r)
	if err != nil {
		return nil, err
	}
	p := &contractPage{Page: h.web.NewPage(r, "Contratto"), Contract: c, CanManage: CanManage(u), Bases: options(bases)}
	p.Crumb("Strutture di accoglienza", "/strutture").Crumb("Contratti", "/contratti").Crumb(c.CIG, "")
	ctx := r.Context()
	if p.Penalties, err = h.store.Penalties(ctx, c); err != nil {
		return nil, err
	}
	p.Facilities, err = h.store.ContractFacilities(ctx, u, c)
	return p, err
}

// contractOf loads the contract of the path within the user's scope.
func (h *Handler) contractOf(r *http.Request) (*Contract, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	return h.store.Contract(r.Context(), web.UserOf(r), id)
}

// contractAction runs a change to the contract of the path and answers it:
// back to the contract page, or the page again with the messages.
func (h *Handler) contractAction(w http.ResponseWriter, r *http.Request, flash string, do func(c *Contract) error) {
	c, err := h.contractOf(r)
	if err == nil && !CanManage(web.UserOf(r)) {
		err = errForbidden
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if err := do(c); err != nil {
		p, perr := h.contractPageFor(r)
		if perr != nil {
			h.web.Error(w, r, perr)
			return
		}
		h.web.FormError(w, r, "facilities/contract.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/contratti/"+itoa64(c.ID), flash)
}

func (h *Handler) penaltyAdd(w http.ResponseWriter, r *http.Request) {
	h.contractAction(w, r, "Penale aggiunta.", func(c *Contract) error {
		fm := newForm(r)
		p := &Penalty{Code: fm.str("code"), Description: fm.str("description"), Basis: Basis(fm.str("basis")),
			CapCents: fm.optCents("cap", "Indica il tetto in euro, o lascialo vuoto.")}
		if p.Basis == BasisPerMille {
			var ok bool
			if p.RatePPM, ok = parseRate(fm.str("rate")); !ok {
				fm.errs.Add("rate", "Indica l'aliquota per mille, ad esempio 1,5.")
			}
		} else {
			p.AmountCents = fm.cents("amount", "Indica l'importo in euro, ad esempio 250,00.")
		}
		if err := fm.merge(p.Validate()); err != nil {
			return err
		}
		return h.store.AddPenalty(r.Context(), web.UserOf(r), c.ID, p)
	})
}

func (h *Handler) penaltyRemove(w http.ResponseWriter, r *http.Request) {
	h.contractAction(w, r, "Penale eliminata.", func(c *Contract) error {
		pid, err := web.PathID(r, "pid")
		if err != nil {
			return err
		}
		return h.store.RemovePenalty(r.Context(), web.UserOf(r), c.ID, pid)
	})
}

func (h *Handler) linkFacility(w http.ResponseWriter, r *http.Request) {
	h.contractAction(w, r, "Struttura aggiunta al contratto.", func(c *Contract) error {
		return h.store.LinkFacility(r.Context(), web.UserOf(r), c.ID, strings.TrimSpace(r.PostFormValue("code")))
	})
}

func (h *Handler) unlinkFacility(w http.ResponseWriter, r *http.Request) {
	h.contractAction(w, r, "Struttura tolta dal contratto.", func(c *Contract) error {
		return h.store.UnlinkFacility(r.Context(), web.UserOf(r), c.ID, r.PostFormValue("code"))
	})
}

// contractValues are c's fields as the form shows them.
func contractValues(c *Contract) url.Values {
	v := url.Values{"cig": {c.CIG}, "procedure": {string(c.Procedure)}, "capitolato": {string(c.Capitolato)}, "lot": {c.Lot},
		"managing_body_id": {strconv.FormatInt(c.BodyID, 10)}, "signed_on": {dateText(c.SignedOn)},
		"expires_on": {dateText(c.ExpiresOn)}, "amount": {centsText(c.AmountCents)}, "price": {centsText(c.PriceCents)},
		"places": {strconv.Itoa(c.Places)}}
	if c.ExtendedTo != nil {
		v.Set("extended_to", dateText(*c.ExtendedTo))
	}
	return v
}

// centsText is an amount as typed back in a form: "1234,50".
func centsText(c int64) string {
	return strconv.FormatInt(c/100, 10) + "," + strconv.FormatInt(100+c%100, 10)[1:]
}
