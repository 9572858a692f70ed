package home

import (
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

type dashboardPage struct {
	page
	Orgs  []OrgSummary
	Admin *AdminCounts
	// MFAMissing is true when a role of the user asks for a second factor
	// the account does not have yet.
	MFAMissing bool
}

// RoleArea is the description of role r, for the template.
func (p *dashboardPage) RoleArea(r auth.Role) string { return RoleArea(r) }

// dashboard is the home of a logged-in user: their account, their
// organisations and one card per role they hold.
func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request, u *auth.User) {
	p := &dashboardPage{page: h.newPage(r, "La tua area"), MFAMissing: u.RequiresMFA() && !u.TOTPEnabled}
	ctx := r.Context()
	orgs, err := userOrgs(ctx, h.db, u)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Orgs = orgs
	if u.IsAdmin() {
		c, err := adminCounts(ctx, h.db, time.Now())
		if err != nil {
			h.web.Error(w, r, err)
			return
		}
		p.Admin = &c
	}
	h.web.Render(w, r, "home/dashboard.html", p)
}
