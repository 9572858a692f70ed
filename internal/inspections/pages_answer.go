package inspections

import (
	"html/template"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// answerStatus is the fragment htmx swaps into an item's status line.
var answerStatus = template.Must(template.New("status").Parse(
	`{{if .Error}}<span class="text-danger" role="alert">{{.Error}}</span>{{else}}<span class="text-success">{{.Saved}}</span>{{end}}`))

// answerSave saves one item as the inspector goes. An htmx request gets a
// status fragment; a plain form post goes back to the item.
func (h *Handler) answerSave(w http.ResponseWriter, r *http.Request) {
	in, err := h.fillTarget(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	itemID, err := web.PathID(r, "item")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	a, err := h.store.SaveAnswer(r.Context(), ScopeOf(web.UserOf(r)), in.ID, itemID, answerInput(r, itemID))
	if r.Header.Get("HX-Request") == "true" {
		h.answerFragment(w, r, itemID, a, err)
		return
	}
	if err != nil {
		p, perr := h.newFillPage(r, in)
		if perr != nil {
			h.web.Error(w, r, perr)
			return
		}
		h.web.FormError(w, r, "inspections/inspection_fill.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, inspectionURL(in.ID)+"/compila#voce-"+itoa(itemID), "Risposta salvata.")
}

// answerFragment answers htmx. Validation messages come with status 200,
// since htmx does not swap error responses and the inspector must read
// them; other failures keep their status.
func (h *Handler) answerFragment(w http.ResponseWriter, r *http.Request, itemID int64, a *Answer, err error) {
	p := h.web.NewPage(r, "")
	data := struct{ Error, Saved string }{}
	switch {
	case err == nil:
		data.Saved = p.T("Salvata il %s", p.DateTime(*a.AnsweredAt))
	case apperr.KindOf(err) == apperr.Invalid:
		fields := apperr.FieldsOf(err)
		for _, name := range []string{"note", "severity", "result"} {
			if msg, ok := fields[answerField(name, itemID)]; ok {
				data.Error = p.T(msg)
			}
		}
	default:
		h.web.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_ = answerStatus.Execute(w, data)
}
