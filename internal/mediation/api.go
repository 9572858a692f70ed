package mediation

import (
	"context"
	"errors"
	"math"
	"net/http"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apitoken"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// apiBudgetPath is the budget's JSON API.
const apiBudgetPath = "/api/v1/mediation/budget"

// apiRoutes are the module's JSON API. The gate is public so that nobody
// is redirected to the login page: the handler authenticates the caller
// itself and answers 401 in the API's error envelope.
func (h *Handler) apiRoutes() []web.Route {
	return []web.Route{{Method: "GET", Pattern: apiBudgetPath, Access: web.Public, Handler: h.apiBudget}}
}

// apiLine is one funding line in the API: hours as decimal numbers.
type apiLine struct {
	ID             int64   `json:"id"`
	Name           string  `json:"name"`
	StartsOn       string  `json:"starts_on"`
	EndsOn         string  `json:"ends_on"`
	Active         bool    `json:"active"`
	TotalHours     float64 `json:"total_hours"`
	HeldHours      float64 `json:"held_hours"`
	ConsumedHours  float64 `json:"consumed_hours"`
	RemainingHours float64 `json:"remaining_hours"`
}

type apiBudgetBody struct {
	Lines []apiLine `json:"lines"`
}

// apiErrorBody is the API's error envelope, the same as internal/api's.
type apiErrorBody struct {
	Error apiErrorDetail `json:"error"`
}

type apiErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

var (
	errAPIUnauthenticated = apperr.Errorf(apperr.Unauthenticated,
		"Servono una sessione o un token API (intestazione Authorization: Bearer).")
	errAPIForbidden = apperr.Forbiddenf("Il budget della mediazione è riservato al coordinamento.")
)

// apiBudget is GET /api/v1/mediation/budget: every funding line with its
// total, held, consumed and remaining hours.
func (h *Handler) apiBudget(w http.ResponseWriter, r *http.Request) {
	if err := h.apiCoordinator(r); err != nil {
		h.apiFail(w, r, err)
		return
	}
	sums, err := h.store.Summaries(r.Context())
	if err != nil {
		h.apiFail(w, r, err)
		return
	}
	body := apiBudgetBody{Lines: make([]apiLine, 0, len(sums))}
	for _, s := range sums {
		l := s.Line
		body.Lines = append(body.Lines, apiLine{ID: l.ID, Name: l.Name, StartsOn: l.From.Format(time.DateOnly),
			EndsOn: l.To.Format(time.DateOnly), Active: l.Active, TotalHours: apiHours(s.TotalMin),
			HeldHours: apiHours(s.HeldMin), ConsumedHours: apiHours(s.ConsumedMin), RemainingHours: apiHours(s.RemainingMin())})
	}
	web.JSON(w, http.StatusOK, body)
}

// apiHours is minutes as hours rounded to the hundredth.
func apiHours(min int) float64 { return math.Round(Hours(min)*100) / 100 }

// apiCoordinator checks that the caller coordinates mediation. With an
// Authorization header the token alone decides (the request skipped the
// CSRF check, so a cookie riding along must not count): a token of a
// mediation provider counts as long as the person who issued it still
// coordinates mediation there or administers the platform.
func (h *Handler) apiCoordinator(r *http.Request) error {
	if r.Header.Get("Authorization") == "" {
		u := web.UserOf(r)
		switch {
		case u == nil:
			return errAPIUnauthenticated
		case !CanCoordinate(u):
			return errAPIForbidden
		}
		return nil
	}
	tokens := &apitoken.Store{DB: h.store.DB}
	_, ctx, err := tokens.Authenticate(r)
	if errors.Is(err, apitoken.ErrNoBearer) {
		return errAPIUnauthenticated
	}
	if err != nil {
		return err
	}
	ok, err := tokenCoordinates(ctx, h.store.DB, audit.ActorFrom(ctx))
	if err == nil && !ok {
		err = errAPIForbidden
	}
	return err
}

// tokenCoordinates reports whether a token issued by a.UserID for
// organisation a.OrgID reads the budget.
func tokenCoordinates(ctx context.Context, q db.Querier, a audit.Actor) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
		JOIN organisations o ON o.id = ? WHERE m.user_id = ? AND u.active = ? AND o.kind = ?
		AND (m.role = ? OR (m.role = ? AND m.org_id = o.id))`,
		a.OrgID, a.UserID, true, string(auth.KindMediationProvider), string(auth.RoleAdmin),
		string(auth.RoleMediationCoordinator)).Scan(&n)
	return n > 0, err
}

var apiCodes = map[apperr.Kind]string{
	apperr.Invalid: "invalid", apperr.NotFound: "not_found", apperr.Forbidden: "forbidden",
	apperr.Unauthenticated: "unauthenticated", apperr.Conflict: "conflict", apperr.Internal: "internal",
}

// apiFail answers err in the envelope; internal details are logged, never
// shown.
func (h *Handler) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	status := web.StatusOf(err)
	msg := apperr.MessageOf(err)
	code, ok := apiCodes[apperr.KindOf(err)]
	if !ok {
		code = "internal"
	}
	if status == http.StatusInternalServerError {
		h.web.Log().Error("api request failed", "request_id", web.From(r).ID, "path", r.URL.Path, "err", err)
		msg, code = "Si è verificato un errore imprevisto. Riprova più tardi.", "internal"
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="crocevia"`)
	}
	web.JSON(w, status, apiErrorBody{Error: apiErrorDetail{Code: code, Message: msg}})
}
