package admin

import (
	"context"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// counts are the figures of the admin overview.
type counts struct {
	Organisations int
	ActiveUsers   int
	InactiveUsers int
	// Invited users have not yet set their password.
	Invited int
	Unsent  int
}

func loadCounts(ctx context.Context, q db.Querier) (counts, error) {
	var c counts
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM organisations),
		(SELECT COUNT(*) FROM users WHERE active = ?),
		(SELECT COUNT(*) FROM users WHERE active = ?),
		(SELECT COUNT(*) FROM users WHERE active = ? AND password_hash = ''),
		(SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL)`, true, false, true).
		Scan(&c.Organisations, &c.ActiveUsers, &c.InactiveUsers, &c.Invited, &c.Unsent)
	return c, err
}

type overviewPage struct {
	web.Page
	Counts counts
}

func (h *Handler) overview(w http.ResponseWriter, r *http.Request) {
	p := &overviewPage{Page: h.web.NewPage(r, "Amministrazione")}
	p.Crumb("Amministrazione", "")
	var err error
	if p.Counts, err = loadCounts(r.Context(), h.auth.DB); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "admin/overview.html", p)
}
