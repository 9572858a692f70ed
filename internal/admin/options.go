package admin

import (
	"context"
	"slices"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// maxOrgOptions caps the organisations a select offers; with more, the
// page's search box narrows them down (no JavaScript needed).
const maxOrgOptions = 200

// orgChoice is the organisation select of the role and invitation forms.
type orgChoice struct {
	Options []web.Option
	// More is true when the search matched more than the select shows.
	More  bool
	Query string
}

// orgOptions lists the organisations matching query for a select, always
// including the organisation keep (when not 0) so a chosen one stays chosen.
func (h *Handler) orgOptions(ctx context.Context, query string, keep int64) (orgChoice, error) {
	c := orgChoice{Query: query}
	orgs, total, err := h.auth.Organisations(ctx, auth.OrgFilter{Query: web.OptString(query), Limit: maxOrgOptions})
	if err != nil {
		return c, err
	}
	c.More = total > len(orgs)
	if keep > 0 && !slices.ContainsFunc(orgs, func(o *auth.Organisation) bool { return o.ID == keep }) {
		if o, err := h.auth.Organisation(ctx, h.auth.DB, keep); err == nil {
			orgs = append([]*auth.Organisation{o}, orgs...)
		}
	}
	for _, o := range orgs {
		c.Options = append(c.Options, web.Option{Value: itoa(o.ID), Label: o.Name})
	}
	return c, nil
}

// roleOptions are the roles for a select.
func roleOptions() []web.Option {
	opts := make([]web.Option, 0, len(auth.Roles))
	for _, r := range auth.Roles {
		opts = append(opts, web.Option{Value: string(r), Label: r.Label()})
	}
	return opts
}
