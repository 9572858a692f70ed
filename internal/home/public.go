package home

import (
	"context"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// KindCount is how many active organisations of one type the network has.
type KindCount struct {
	Kind  auth.OrgKind
	Count int
}

// Figures are the public, aggregate numbers of the network shown to
// visitors: counts only, never a person.
type Figures struct {
	Organisations  int
	ByKind         []KindCount
	Municipalities int
}

// networkFigures counts active organisations by type (every type listed,
// in display order, zeros included) and the Comuni of the province.
func networkFigures(ctx context.Context, q db.Querier) (Figures, error) {
	var f Figures
	rows, err := q.QueryContext(ctx, `SELECT kind, COUNT(*) FROM organisations WHERE active = ? GROUP BY kind`, true)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	counts := map[auth.OrgKind]int{}
	for rows.Next() {
		var k auth.OrgKind
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return f, err
		}
		counts[k] = n
	}
	if err := rows.Err(); err != nil {
		return f, err
	}
	for _, k := range auth.OrgKinds {
		f.ByKind = append(f.ByKind, KindCount{Kind: k, Count: counts[k]})
		f.Organisations += counts[k]
	}
	err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM municipalities WHERE province_code = ?`,
		municipalities.Province).Scan(&f.Municipalities)
	return f, err
}

type publicPage struct {
	page
	Figures Figures
}

// home shows visitors what Crocevia is and logged-in users their dashboard.
func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	if u := web.UserOf(r); u != nil {
		h.dashboard(w, r, u)
		return
	}
	p := &publicPage{page: h.newPage(r, "Home")}
	fig, err := networkFigures(r.Context(), h.db)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Figures = fig
	h.web.Render(w, r, "home/public.html", p)
}
