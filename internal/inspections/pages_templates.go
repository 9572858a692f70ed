package inspections

import (
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/web"
)

const listURL = "/ispezioni/checklist"

func itoa(id int64) string        { return strconv.FormatInt(id, 10) }
func templateURL(id int64) string { return listURL + "/" + itoa(id) }
func versionURL(id int64) string  { return listURL + "/versioni/" + itoa(id) }

type templateListPage struct {
	web.Page
	Templates []*Template
}

func (h *Handler) templateList(w http.ResponseWriter, r *http.Request) {
	p := &templateListPage{Page: h.web.NewPage(r, "Checklist ispezioni")}
	p.Crumb("Checklist ispezioni", "")
	var err error
	if p.Templates, err = h.store.Templates(r.Context()); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "inspections/list.html", p)
}

type templatePage struct {
	web.Page
	Template *Template
	Versions []*Version
}

func (h *Handler) templateShow(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	t, vs, err := h.store.Template(r.Context(), id)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &templatePage{Page: h.web.NewPage(r, t.Name), Template: t, Versions: vs}
	p.Crumb("Checklist ispezioni", listURL).Crumb(t.Name, "")
	h.web.Render(w, r, "inspections/template.html", p)
}
