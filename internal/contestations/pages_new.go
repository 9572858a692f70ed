package contestations

import (
	"context"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

var errNoInspection = &apperr.Error{Kind: apperr.Invalid, Message: "Controlla i campi evidenziati.",
	Fields: map[string]string{"ispezione": "Scegli un'ispezione firmata."}}

type newPage struct {
	web.Page
	Inspections []web.Option // signed inspections to choose from
	Source      *Source
	Chosen      map[int64]bool
}

// newForm asks for the signed inspection, then for its findings to charge.
func (h *Handler) newForm(w http.ResponseWriter, r *http.Request) {
	p := &newPage{Page: h.web.NewPage(r, "Nuova contestazione"), Chosen: map[int64]bool{}}
	p.Crumb("Contestazioni", listURL).Crumb("Nuova contestazione", "")
	p.Form = r.URL.Query()
	if err := h.fillNew(r, p, r.URL.Query().Get("ispezione")); err != nil {
		h.web.Error(w, r, err)
		return
	}
	// Every finding starts chosen: the Prefettura unticks what it drops.
	if p.Source != nil {
		for _, f := range p.Source.Candidates {
			p.Chosen[f.AnswerID] = true
		}
	}
	h.web.Render(w, r, "contestations/new.html", p)
}

func (h *Handler) fillNew(r *http.Request, p *newPage, inspection string) error {
	var err error
	if inspection == "" {
		p.Inspections, err = signedInspections(r.Context(), h.store.DB)
		return err
	}
	id, err := strconv.ParseInt(inspection, 10, 64)
	if err != nil {
		return errNotSigned
	}
	p.Source, err = h.store.Source(r.Context(), web.UserOf(r), id)
	return err
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	p := &newPage{Page: h.web.NewPage(r, "Nuova contestazione"), Chosen: map[int64]bool{}}
	p.Crumb("Contestazioni", listURL).Crumb("Nuova contestazione", "")
	var ids []int64
	for _, v := range r.PostForm["answer"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			ids = append(ids, id)
			p.Chosen[id] = true
		}
	}
	if err := h.fillNew(r, p, r.PostFormValue("inspection_id")); err != nil {
		h.web.Error(w, r, err)
		return
	}
	if p.Source == nil {
		h.web.FormError(w, r, "contestations/new.html", p, &p.Page, errNoInspection)
		return
	}
	id, err := h.store.Create(r.Context(), web.UserOf(r), p.Source.InspectionID, ids)
	if err != nil {
		h.web.FormError(w, r, "contestations/new.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, contestURL(id), "Bozza di contestazione creata.")
}

// signedInspections are the signed inspections with at least one
// non-conforming or partial answer, the newest first.
func signedInspections(ctx context.Context, q db.Querier) ([]web.Option, error) {
	rows, err := q.QueryContext(ctx, `SELECT i.id, f.code, f.name, i.planned_on FROM inspections i JOIN facilities f ON f.id = i.facility_id
		WHERE i.signed_at IS NOT NULL AND EXISTS (SELECT 1 FROM inspection_answers a WHERE a.inspection_id = i.id
			AND a.result IN ('non_conforming', 'partial')) ORDER BY i.planned_on DESC, i.id DESC LIMIT 500`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []web.Option
	for rows.Next() {
		var id int64
		var code, name string
		var on sqlDate
		if err := rows.Scan(&id, &code, &name, &on); err != nil {
			return nil, err
		}
		out = append(out, web.Option{Value: itoa(id), Label: code + " · " + name + " · " + dateText(on.t)})
	}
	return out, rows.Err()
}
