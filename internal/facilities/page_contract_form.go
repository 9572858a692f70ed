package facilities

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type contractFormPage struct {
	web.Page
	Contract   *Contract // nil for a new one
	Action     string
	Procedures []web.Option
	Capitolati []web.Option
	Bodies     []web.Option
	CancelURL  string
}

func (h *Handler) contractFormPage(r *http.Request, c *Contract) (*contractFormPage, error) {
	title, action, cancel := "Nuovo contratto", "/contratti", "/contratti"
	if c != nil {
		title, action = "Modifica contratto", "/contratti/"+itoa64(c.ID)
		cancel = action
	}
	p := &contractFormPage{Page: h.web.NewPage(r, title), Contract: c, Action: action, CancelURL: cancel,
		Procedures: options(procedures), Capitolati: options(capitolati)}
	p.Crumb("Strutture di accoglienza", "/strutture").Crumb("Contratti", "/contratti")
	if c != nil {
		p.Crumb(c.CIG, cancel)
		if len(p.Form) == 0 {
			p.Form = contractValues(c)
		}
	}
	p.Crumb(title, "")
	var err error
	p.Bodies, err = bodyOptions(r.Context(), h.store.DB, Scope{All: true})
	return p, err
}

func contractFromForm(r *http.Request) (*Contract, *form) {
	fm := newForm(r)
	c := &Contract{CIG: fm.str("cig"), Procedure: Procedure(fm.str("procedure")), Capitolato: Capitolato(fm.str("capitolato")),
		Lot: fm.str("lot"), BodyID: fm.id("managing_body_id", "Scegli l'ente gestore."),
		SignedOn:    fm.date("signed_on", "Indica la data di stipula."),
		ExpiresOn:   fm.date("expires_on", "Indica la data di scadenza."),
		ExtendedTo:  fm.optDate("extended_to", "Indica la proroga come data, o lasciala vuota."),
		AmountCents: fm.cents("amount", "Indica l'importo in euro, ad esempio 1.250.000,00."),
		PriceCents:  fm.cents("price", "Indica il prezzo in euro, ad esempio 29,50."),
		Places:      fm.int("places", "Indica i posti con un numero intero.")}
	return c, fm
}

func (h *Handler) contractNew(w http.ResponseWriter, r *http.Request) {
	if !CanManage(web.UserOf(r)) {
		h.web.Error(w, r, errForbidden)
		return
	}
	p, err := h.contractFormPage(r, nil)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/contract_form.html", p)
}

func (h *Handler) contractEdit(w http.ResponseWriter, r *http.Request) {
	c, err := h.contractOf(r)
	if err == nil && !CanManage(web.UserOf(r)) {
		err = errForbidden
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.contractFormPage(r, c)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "facilities/contract_form.html", p)
}

func (h *Handler) contractCreate(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	if !CanManage(u) {
		h.web.Error(w, r, errForbidden)
		return
	}
	c, fm := contractFromForm(r)
	err := fm.merge(c.Validate())
	if err == nil {
		err = h.store.CreateContract(r.Context(), u, c)
	}
	h.contractSaved(w, r, nil, c, err)
}

func (h *Handler) contractUpdate(w http.ResponseWriter, r *http.Request) {
	u := web.UserOf(r)
	cur, err := h.contractOf(r)
	if err == nil && !CanManage(u) {
		err = errForbidden
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	c, fm := contractFromForm(r)
	err = fm.merge(c.Validate())
	if err == nil {
		err = h.store.UpdateContract(r.Context(), u, cur.ID, c)
	}
	h.contractSaved(w, r, cur, c, err)
}

func (h *Handler) contractSaved(w http.ResponseWriter, r *http.Request, cur, c *Contract, err error) {
	if err != nil {
		p, perr := h.contractFormPage(r, cur)
		if perr != nil {
			h.web.Error(w, r, perr)
			return
		}
		h.web.FormError(w, r, "facilities/contract_form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/contratti/"+itoa64(c.ID), "Contratto salvato.")
}
