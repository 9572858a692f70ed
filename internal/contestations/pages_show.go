package contestations

import (
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type showPage struct {
	web.Page
	C         *Contestation
	Warning   Warning
	Grid      []web.Option
	More      []*Finding // findings of other signed inspections, for a draft
	Timeline  []Event
	Now       time.Time
	CanManage bool
	CanReply  bool
	CanDecide bool
	Methods   []web.Option
	MinDays   int
	MaxDays   int
}

// Default values of the forms, used when the form is not being re-shown.
func (p *showPage) DefaultDays() string         { return itoa(DefaultDays) }
func (p *showPage) Today() string               { return p.Now.Format(time.DateOnly) }
func (p *showPage) CodeField(f *Finding) string { return "code_" + itoa(f.ID) }
func (p *showPage) QtyField(f *Finding) string  { return "qty_" + itoa(f.ID) }

// CodeValue and QtyValue are the finding's code and quantity as typed, or
// as stored.
func (p *showPage) CodeValue(f *Finding) string {
	if v, ok := p.Form[p.CodeField(f)]; ok && len(v) > 0 {
		return v[0]
	}
	return f.Code
}

func (p *showPage) QtyValue(f *Finding) string {
	if v := p.Form.Get(p.QtyField(f)); v != "" {
		return v
	}
	return itoa(int64(f.Quantity))
}

// showPageFor loads the contestation named by the path within the user's
// scope: another body's contestation is a 404, whatever the ID.
func (h *Handler) showPageFor(r *http.Request) (*showPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	u := web.UserOf(r)
	c, err := h.store.Contestation(r.Context(), ScopeOf(u), id)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	p := &showPage{Page: h.web.NewPage(r, "Contestazione di addebito"), C: c, Now: now, CanManage: CanManage(u),
		CanReply: CanReply(u, c), MinDays: MinDays, MaxDays: MaxDays,
		Methods: []web.Option{{Value: string(ByInvoice), Label: ByInvoice.Label()}, {Value: string(ByGuarantee), Label: ByGuarantee.Label()}}}
	p.CanDecide = p.CanManage && (c.State == Replied || c.DeadlinePassed(now))
	p.Timeline = c.Timeline(now)
	if p.Warning, err = h.store.Warning(r.Context(), c); err != nil {
		return nil, err
	}
	if c.State == Draft && p.CanManage {
		rows, err := h.store.Grid(r.Context(), c.ContractID)
		if err != nil {
			return nil, err
		}
		for _, g := range rows {
			p.Grid = append(p.Grid, web.Option{Value: g.Code, Label: g.Label()})
		}
		if p.More, err = h.store.MoreFindings(r.Context(), c); err != nil {
			return nil, err
		}
	}
	p.Crumb("Contestazioni", listURL).Crumb(c.FacilityCode, listURL+"?facility="+c.FacilityCode).Crumb("Contestazione di addebito", "")
	return p, nil
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	p, err := h.showPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "contestations/show.html", p)
}
