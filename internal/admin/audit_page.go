package admin

import (
	"net/http"
	"net/url"
	"time"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/web"
)

var actionLabels = map[string]string{audit.Create: "Creazione", audit.Update: "Modifica", audit.Delete: "Eliminazione"}

// auditRow is one entry as the list shows it.
type auditRow struct {
	audit.Entry
	ActionLabel string
	Changes     []changeView
	// History lists every entry of the same record.
	History string
}

type auditPage struct {
	web.Page
	Rows    []auditRow
	Actions []web.Option
	Pager   *web.Pager
}

func (h *Handler) auditList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &auditPage{Page: h.web.NewPage(r, "Registro delle modifiche")}
	p.Crumb("Amministrazione", "/admin").Crumb("Registro delle modifiche", "")
	p.Form = q
	for _, a := range []string{audit.Create, audit.Update, audit.Delete} {
		p.Actions = append(p.Actions, web.Option{Value: a, Label: actionLabels[a]})
	}
	f := p.filter(q)
	entries, total, err := audit.List(r.Context(), h.auth.DB, f)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	for _, e := range entries {
		row, err := p.row(e)
		if err != nil {
			h.web.Error(w, r, err)
			return
		}
		p.Rows = append(p.Rows, row)
	}
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), perPage, total, web.ListURL("/admin/audit", q))
	h.web.Render(w, r, "admin/audit.html", p)
}

// filter reads the query; a malformed date is reported next to its field
// and does not filter.
func (p *auditPage) filter(q url.Values) audit.Filter {
	f := audit.Filter{Entity: web.OptString(q.Get("entity")), EntityID: web.OptString(q.Get("entity_id")),
		ActorEmail: web.OptString(q.Get("actor")), Limit: perPage, Offset: offset(web.PageNumber(q))}
	if _, ok := actionLabels[q.Get("action")]; ok {
		f.Action = web.OptString(q.Get("action"))
	}
	f.From = p.day(q, "from", 0)
	f.To = p.day(q, "to", 1)
	return f
}

// day is midnight in Rome of the date in field, plus days.
func (p *auditPage) day(q url.Values, field string, days int) *time.Time {
	v := q.Get(field)
	if v == "" {
		return nil
	}
	t, err := time.ParseInLocation(time.DateOnly, v, i18n.Rome)
	if err != nil {
		p.Errors[field] = "Inserisci una data nel formato aaaa-mm-gg."
		return nil
	}
	t = t.AddDate(0, 0, days)
	return &t
}

func (p *auditPage) row(e audit.Entry) (auditRow, error) {
	changes, err := e.ChangeList()
	if err != nil {
		return auditRow{}, err
	}
	row := auditRow{Entry: e, ActionLabel: actionLabels[e.Action],
		History: "/admin/audit?" + url.Values{"entity": {e.Entity}, "entity_id": {e.EntityID}}.Encode()}
	if row.ActionLabel == "" {
		row.ActionLabel = e.Action
	}
	for _, c := range changes {
		v := changeView{Field: c.Field, Before: formatValue(&p.Page, c.Before), After: formatValue(&p.Page, c.After)}
		// A field created empty reads "— → —": noise, not a change.
		if v.Before != v.After {
			row.Changes = append(row.Changes, v)
		}
	}
	return row, nil
}
