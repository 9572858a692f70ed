package mediation

import "github.com/crocevia/crocevia/internal/platform/web"

// requestRoutes are the requests' pages and lifecycle actions.
func (h *Handler) requestRoutes() []web.Route {
	return nil
}
