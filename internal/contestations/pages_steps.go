package contestations

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// stepHandler loads the page, runs one step and redirects with msg, or
// shows the page again with the step's error.
func (h *Handler) stepHandler(msg string, run func(r *http.Request, p *showPage) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := h.showPageFor(r)
		if err != nil {
			h.web.Error(w, r, err)
			return
		}
		if err := run(r, p); err != nil {
			h.web.FormError(w, r, "contestations/show.html", p, &p.Page, err)
			return
		}
		h.web.Redirect(w, r, p.C.URL(), msg)
	}
}

func (h *Handler) reprice(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Calcolo aggiornato.", func(r *http.Request, p *showPage) error {
		by := map[int64]Pricing{}
		for _, f := range p.C.Findings {
			qty, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue(p.QtyField(f))))
			if err != nil {
				qty = 0
			}
			by[f.ID] = Pricing{Code: r.PostFormValue(p.CodeField(f)), Quantity: qty}
		}
		return h.store.Reprice(r.Context(), web.UserOf(r), p.C.ID, by)
	})(w, r)
}

// uploads reads the files of a multipart form's field, none otherwise.
func (h *Handler) uploads(r *http.Request, field string) ([]files.Upload, error) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return nil, nil
	}
	return h.files.FromRequest(r, field)
}

func parseDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}
	}
	return t
}

func (h *Handler) notify(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Contestazione notificata.", func(r *http.Request, p *showPage) error {
		ups, err := h.uploads(r, "document")
		if err != nil {
			return err
		}
		days, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("days")))
		if err != nil {
			days = 0
		}
		n := Notice{PECDate: parseDate(r.PostFormValue("pec_date")), Reference: r.PostFormValue("pec_reference"), Days: days}
		return h.store.Notify(r.Context(), h.files, web.UserOf(r), p.C.ID, n, ups)
	})(w, r)
}

func (h *Handler) reply(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Controdeduzioni inviate.", func(r *http.Request, p *showPage) error {
		ups, err := h.uploads(r, "document")
		if err != nil {
			return err
		}
		return h.store.Reply(r.Context(), h.files, web.UserOf(r), p.C.ID, r.PostFormValue("reply"), ups)
	})(w, r)
}

func (h *Handler) decide(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Decisione registrata.", func(r *http.Request, p *showPage) error {
		d := r.PostFormValue("decision")
		if d != "archived" && d != "penalty" {
			return errNoDecision
		}
		return h.store.Decide(r.Context(), web.UserOf(r), p.C.ID, d == "penalty", r.PostFormValue("reason"))
	})(w, r)
}

func (h *Handler) execute(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Esecuzione registrata.", func(r *http.Request, p *showPage) error {
		e := Execution{Method: Method(r.PostFormValue("method")), On: parseDate(r.PostFormValue("executed_on")),
			Reference: r.PostFormValue("execution_reference")}
		return h.store.Execute(r.Context(), web.UserOf(r), p.C.ID, e)
	})(w, r)
}

func (h *Handler) addFindings(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Rilievi aggiunti.", func(r *http.Request, p *showPage) error {
		var ids []int64
		for _, v := range r.PostForm["more"] {
			if id, err := strconv.ParseInt(v, 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
		return h.store.AddFindings(r.Context(), web.UserOf(r), p.C.ID, ids)
	})(w, r)
}
