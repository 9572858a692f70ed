package inspections

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// evidenceUpload attaches the photo or document sent for one item. A plain
// multipart form, so it works without JavaScript.
func (h *Handler) evidenceUpload(w http.ResponseWriter, r *http.Request) {
	in, err := h.editable(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	itemID, err := web.PathID(r, "item")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	ups, err := h.files.FromRequest(r, answerField("evidence", itemID))
	if err == nil {
		err = h.store.AddEvidence(r.Context(), h.files, ScopeOf(web.UserOf(r)), in.ID, itemID, ups)
	}
	if err != nil {
		h.evidenceError(w, r, in, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(in.ID)+"/compila#voce-"+itoa(itemID), "Allegato aggiunto.")
}

// evidenceError shows a refused file next to its item; anything else is
// an ordinary error page.
func (h *Handler) evidenceError(w http.ResponseWriter, r *http.Request, in *Inspection, err error) {
	if apperr.KindOf(err) != apperr.Invalid || !in.FieldWork() {
		h.web.Error(w, r, err)
		return
	}
	p, perr := h.newFillPage(r, in)
	if perr != nil {
		h.web.Error(w, r, perr)
		return
	}
	h.web.FormError(w, r, "inspections/inspection_fill.html", p, &p.Page, err)
}
