package notify

import (
	"embed"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/web"
)

//go:embed templates
var templates embed.FS

// PerPage is how many notifications one page of the list shows.
const PerPage = 30

// Handler serves the user's notification list.
type Handler struct {
	web *web.Server
	svc *Service
}

// New registers the templates. The header already links the list, with
// the unread count, so there is no navigation entry.
func New(w *web.Server, svc *Service) (*Handler, error) {
	return &Handler{web: w, svc: svc}, w.Templates(templates, "templates", "notify")
}

// Routes is the module's route table: every user reaches only their own
// notifications, which the service enforces.
func (h *Handler) Routes() []web.Route {
	return []web.Route{
		{Method: "GET", Pattern: "/notifiche", Access: web.LoggedIn, Handler: h.list},
		{Method: "POST", Pattern: "/notifiche/lette", Access: web.LoggedIn, Handler: h.markAll},
		{Method: "POST", Pattern: "/notifiche/{id}/letta", Access: web.LoggedIn, Handler: h.markOne},
	}
}

type listPage struct {
	web.Page
	Items []Notification
	Pager *web.Pager
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	p := &listPage{Page: h.web.NewPage(r, "Notifiche")}
	p.Crumb("Notifiche", "")
	n := web.PageNumber(r.URL.Query())
	items, total, err := h.svc.List(r.Context(), web.UserOf(r).ID, PerPage, (n-1)*PerPage)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	// The count is taken here, not only by the header, so the page is
	// right even where the header's count is not wired (tests, tools).
	p.Items, p.Unread = items, h.svc.UnreadCount(r.Context(), web.UserOf(r).ID)
	p.Pager = web.NewPager(&p.Page, n, PerPage, total, "/notifiche")
	h.web.Render(w, r, "notify/list.html", p)
}

func (h *Handler) markOne(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err == nil {
		err = h.svc.MarkRead(r.Context(), web.UserOf(r).ID, id)
	}
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, backToList(r), "Notifica segnata come letta.")
}

func (h *Handler) markAll(w http.ResponseWriter, r *http.Request) {
	if _, err := h.svc.MarkAllRead(r.Context(), web.UserOf(r).ID); err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Redirect(w, r, "/notifiche", "Tutte le notifiche sono segnate come lette.")
}

// backToList returns to the page of the list the form was on.
func backToList(r *http.Request) string {
	_ = r.ParseForm() // already parsed by the CSRF check unless the token came in a header
	if n := web.PageNumber(r.PostForm); n > 1 {
		return "/notifiche?page=" + strconv.Itoa(n)
	}
	return "/notifiche"
}
