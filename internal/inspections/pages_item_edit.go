package inspections

import (
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// itemTarget loads the item named by the path.
func (h *Handler) itemTarget(r *http.Request) (*Item, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	return h.store.Item(r.Context(), id)
}

func (h *Handler) itemEdit(w http.ResponseWriter, r *http.Request) {
	it, err := h.itemTarget(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.newItemPage(r, it.SectionID, it)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.fill(it)
	h.web.Render(w, r, "inspections/item_form.html", p)
}

func (h *Handler) itemUpdate(w http.ResponseWriter, r *http.Request) {
	it, err := h.itemTarget(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p, err := h.newItemPage(r, it.SectionID, it)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	if err := h.store.UpdateItem(r.Context(), it.ID, itemFromForm(r)); err != nil {
		h.web.FormError(w, r, "inspections/item_form.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, versionURL(it.VersionID)+"#voce-"+itoa(it.ID), "Voce aggiornata.")
}

// itemAction runs fn on the item named by the path and goes back to its
// version, at the item's section.
func (h *Handler) itemAction(w http.ResponseWriter, r *http.Request, fn func(it *Item) error, flash string) {
	it, err := h.itemTarget(r)
	if err == nil {
		err = fn(it)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, versionURL(it.VersionID)+"#sezione-"+itoa(it.SectionID), flash)
}

func (h *Handler) itemDelete(w http.ResponseWriter, r *http.Request) {
	h.itemAction(w, r, func(it *Item) error { return h.store.DeleteItem(r.Context(), it.ID) }, "Voce eliminata.")
}

func (h *Handler) itemMove(w http.ResponseWriter, r *http.Request) {
	h.itemAction(w, r, func(it *Item) error {
		return h.store.MoveItem(r.Context(), it.ID, r.PostFormValue("dir") == "su")
	}, "Voce spostata.")
}
