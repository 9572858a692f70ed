package mediation

import (
	"context"
	"net/http"
	"path"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type showPage struct {
	web.Page
	formats
	R          *Request
	Events     []Event
	Can        Allowed
	Candidates []Candidate
	Busy       int
	Balance    *Balance
	Ratings    []web.Option
	Action     string // the action whose form failed, so its section is open
}

// Allowed is what the viewer may do with the request now.
type Allowed struct {
	Send, Validate, Refuse, Assign, Confirm, Decline, Accept bool
	Deliver, Report, Approve, SendBack, Cancel, NoShow       bool
	Coordinate                                               bool
}

// allowed mirrors the store's checks, so the page offers only the actions
// that would succeed; the store checks again.
func allowed(u *auth.User, sc Scope, r *Request, offered bool, now time.Time) Allowed {
	coord := CanCoordinate(u)
	requester := canAct(u, sc, r)
	mine := isAssigned(u, sc, r)
	started := !now.Before(r.Start)
	return Allowed{
		Coordinate: coord,
		Send:       requester && r.State == Draft,
		Validate:   coord && r.State == Sent,
		Refuse:     coord && (r.State == Sent || r.State == Validated),
		Assign:     coord && (r.State == Sent || r.State == Validated),
		Confirm:    (mine || coord) && r.State == Assigned,
		Decline:    (mine || coord) && r.State == Assigned,
		Accept:     offered && r.MediatorID == 0 && (r.State == Sent || r.State == Validated),
		Deliver:    (mine || requester) && r.State == Confirmed && started,
		Report:     (mine || coord) && (r.State == Confirmed || r.State == Delivered) && started,
		Approve:    requester && r.State == Reported,
		SendBack:   requester && r.State == Reported,
		Cancel:     requester && (r.State == Draft || r.State == Sent || r.State == Validated || r.State == Assigned || r.State == Confirmed),
		NoShow:     (mine || requester) && (r.State == Confirmed || r.State == Delivered) && started,
	}
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	p, err := h.showPageFor(r, pathID(r))
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "mediation/request_show.html", p)
}

func (h *Handler) showPageFor(r *http.Request, id int64) (*showPage, error) {
	ctx := r.Context()
	u := web.UserOf(r)
	sc, err := h.scope(ctx, u)
	if err != nil {
		return nil, err
	}
	req, err := h.store.Request(ctx, sc, id)
	if err != nil {
		return nil, err
	}
	p := &showPage{Page: h.web.NewPage(r, "Richiesta di mediazione"), R: req}
	p.Crumb("Mediazione", baseURL).Crumb("Richiesta di mediazione", "")
	offered, err := h.store.Offered(ctx, id, sc.Mediator)
	if err != nil {
		return nil, err
	}
	p.Can = allowed(u, sc, req, offered, time.Now())
	if p.Events, err = h.store.Events(ctx, id); err != nil {
		return nil, err
	}
	for i := 5; i >= 1; i-- {
		p.Ratings = append(p.Ratings, web.Option{Value: strconv.Itoa(i), Label: ratingLabels[i]})
	}
	if p.Can.Assign {
		if p.Candidates, p.Busy, err = h.store.Match(ctx, req); err != nil {
			return nil, err
		}
		if p.Balance, err = h.store.balanceAt(ctx, req.Start); err != nil {
			return nil, err
		}
	}
	return p, nil
}

var ratingLabels = map[int]string{5: "5 - Ottimo", 4: "4 - Buono", 3: "3 - Sufficiente", 2: "2 - Scarso", 1: "1 - Insufficiente"}

// balanceAt is the ledger of the funding line covering t, nil when none.
func (s *Store) balanceAt(ctx context.Context, t time.Time) (*Balance, error) {
	line, err := lineFor(ctx, s.DB, t)
	if err != nil || line == nil {
		return nil, err
	}
	b, _, err := balanceOf(ctx, s.DB, line, 0)
	return &b, err
}

// action is one lifecycle step from a form: it returns the flash message
// of its success.
type action func(r *http.Request, u *auth.User, sc Scope, id int64) (string, error)

// act runs an action on request {id}: success redirects to the request
// with a flash; a form error re-shows the request's page with the input
// kept and the messages next to the fields.
func (h *Handler) act(fn action) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u := web.UserOf(r)
		id := pathID(r)
		sc, err := h.scope(r.Context(), u)
		if err != nil {
			h.web.Error(w, r, err)
			return
		}
		flash, err := fn(r, u, sc, id)
		if err == nil {
			h.web.Redirect(w, r, RequestURL(id), flash)
			return
		}
		p, perr := h.showPageFor(r, id)
		if perr != nil {
			h.web.Error(w, r, perr)
			return
		}
		p.Action = path.Base(r.URL.Path)
		h.web.FormError(w, r, "mediation/request_show.html", p, &p.Page, err)
	}
}
