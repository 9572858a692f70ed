package admin

import (
	"context"
	"errors"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// kindOptions are the organisation types for a select.
func kindOptions() []web.Option {
	opts := make([]web.Option, 0, len(auth.OrgKinds))
	for _, k := range auth.OrgKinds {
		opts = append(opts, web.Option{Value: string(k), Label: k.Label()})
	}
	return opts
}

type orgListPage struct {
	web.Page
	Orgs  []*auth.Organisation
	Kinds []web.Option
	Pager *web.Pager
}

func (h *Handler) orgList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &orgListPage{Page: h.web.NewPage(r, "Organizzazioni"), Kinds: kindOptions()}
	p.Crumb("Amministrazione", "/admin").Crumb("Organizzazioni", "")
	p.Form = q
	f := auth.OrgFilter{Query: web.OptString(q.Get("q")), Limit: perPage, Offset: offset(web.PageNumber(q))}
	if k := auth.OrgKind(q.Get("kind")); k.Valid() {
		f.Kind = &k
	}
	orgs, total, err := h.auth.Organisations(r.Context(), f)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Orgs = orgs
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), perPage, total, web.ListURL("/admin/organisations", q))
	h.web.Render(w, r, "admin/orgs.html", p)
}

type orgPage struct {
	web.Page
	Org          *auth.Organisation
	Municipality string
	Members      []auth.Member
}

func (h *Handler) orgShow(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	ctx := r.Context()
	o, err := h.auth.Organisation(ctx, h.auth.DB, id)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &orgPage{Page: h.web.NewPage(r, o.Name), Org: o}
	p.Crumb("Amministrazione", "/admin").Crumb("Organizzazioni", "/admin/organisations").Crumb(o.Name, "")
	if p.Municipality, err = municipalityName(ctx, h.auth.DB, o.ISTATCode); err != nil {
		h.web.Error(w, r, err)
		return
	}
	if p.Members, err = h.auth.OrgMembers(ctx, h.auth.DB, id); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "admin/org.html", p)
}

// municipalityName is the name of the Comune with code, "" for none.
func municipalityName(ctx context.Context, q db.Querier, code string) (string, error) {
	if code == "" {
		return "", nil
	}
	var name string
	err := q.QueryRowContext(ctx, `SELECT name FROM municipalities WHERE istat_code = ?`, code).Scan(&name)
	if errors.Is(err, db.ErrNotFound) {
		return "", nil
	}
	return name, err
}
