package questions

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// stepHandler loads the question within the user's scope (404 outside
// it), runs one step and redirects with msg, or shows the page again with
// the step's error next to its field and the input kept.
func (h *Handler) stepHandler(msg string, run func(r *http.Request, p *showPage) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := h.showPageFor(r)
		if err != nil {
			h.web.Error(w, r, err)
			return
		}
		if err := run(r, p); err != nil {
			h.web.FormError(w, r, "questions/flow_show.html", p, &p.Page, err)
			return
		}
		h.web.Redirect(w, r, p.Q.URL(), msg)
	}
}

func flowFormID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(r.PostFormValue(name), "n. ")), 10, 64)
	if err != nil {
		return 0
	}
	return id
}

func flowFormDate(r *http.Request, name string) time.Time {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(r.PostFormValue(name)))
	if err != nil {
		return time.Time{}
	}
	return t
}

func (h *Handler) assign(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Domanda assegnata.", func(r *http.Request, p *showPage) error {
		a := Assignment{OfficeID: flowFormID(r, "office"), ExpertID: flowFormID(r, "expert"), DueOn: flowFormDate(r, "due_on")}
		return h.store.Assign(r.Context(), web.UserOf(r), p.Q.ID, a)
	})(w, r)
}

func (h *Handler) merge(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Domanda unita all'altra.", func(r *http.Request, p *showPage) error {
		return h.store.Merge(r.Context(), web.UserOf(r), p.Q.ID, flowFormID(r, "into"))
	})(w, r)
}

func (h *Handler) reject(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Domanda respinta.", func(r *http.Request, p *showPage) error {
		return h.store.Reject(r.Context(), web.UserOf(r), p.Q.ID, r.PostFormValue("reason"))
	})(w, r)
}

func (h *Handler) requestInfo(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Richiesta di informazioni inviata.", func(r *http.Request, p *showPage) error {
		return h.store.RequestInfo(r.Context(), web.UserOf(r), p.Q.ID, r.PostFormValue("info_request"))
	})(w, r)
}

func (h *Handler) addInfo(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Informazioni aggiunte.", func(r *http.Request, p *showPage) error {
		return h.store.AddInfo(r.Context(), web.UserOf(r), p.Q.ID, r.PostFormValue("info"))
	})(w, r)
}

// saveDraft saves the answer; "aggiungi riga" only shows one more
// reference row, keeping what was typed; "salva e invia" also submits it.
func (h *Handler) saveDraft(w http.ResponseWriter, r *http.Request) {
	if r.PostFormValue("action") == "add_row" {
		p, err := h.showPageFor(r)
		if err != nil {
			h.web.Error(w, r, err)
			return
		}
		h.web.Render(w, r, "questions/flow_show.html", p)
		return
	}
	msg := "Bozza della risposta salvata."
	if r.PostFormValue("action") == "submit" {
		msg = "Risposta inviata in validazione."
	}
	h.stepHandler(msg, func(r *http.Request, p *showPage) error {
		u := web.UserOf(r)
		if err := h.store.SaveDraft(r.Context(), u, p.Q.ID, flowDraftFrom(r.PostForm)); err != nil {
			return err
		}
		if r.PostFormValue("action") == "submit" {
			return h.store.Submit(r.Context(), u, p.Q.ID)
		}
		return nil
	})(w, r)
}

func flowDraftFrom(f url.Values) Draft {
	d := Draft{Body: f.Get("answer"), Notes: f.Get("notes")}
	d.ValidAsOf, _ = time.Parse(time.DateOnly, strings.TrimSpace(f.Get("valid_as_of")))
	d.ReviewBy, _ = time.Parse(time.DateOnly, strings.TrimSpace(f.Get("review_by")))
	for i := range flowRefCount(f) {
		k := strconv.Itoa(i)
		d.References = append(d.References, Reference{Norm: f.Get("ref_norm_" + k), Article: f.Get("ref_article_" + k),
			Circular: f.Get("ref_circular_" + k), URL: f.Get("ref_url_" + k)})
	}
	return d
}

// flowMaxRefs bounds the reference rows a form may carry.
const flowMaxRefs = 50

// flowRefCount is one more than the highest reference row in f.
func flowRefCount(f url.Values) int {
	n := 0
	for i := range flowMaxRefs {
		k := strconv.Itoa(i)
		if f.Has("ref_norm_"+k) || f.Has("ref_url_"+k) || f.Has("ref_circular_"+k) || f.Has("ref_article_"+k) {
			n = i + 1
		}
	}
	return n
}

func (h *Handler) submit(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Risposta inviata in validazione.", func(r *http.Request, p *showPage) error {
		return h.store.Submit(r.Context(), web.UserOf(r), p.Q.ID)
	})(w, r)
}

func (h *Handler) newVersion(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Nuova versione in bozza: la versione pubblicata resta visibile fino alla validazione.",
		func(r *http.Request, p *showPage) error {
			return h.store.NewVersion(r.Context(), web.UserOf(r), p.Q.ID)
		})(w, r)
}

func (h *Handler) validate(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Risposta validata e pubblicata.", func(r *http.Request, p *showPage) error {
		rv := Review{Title: r.PostFormValue("title"), Body: r.PostFormValue("body"), Confirm: r.PostFormValue("confirm") != ""}
		return h.store.Validate(r.Context(), web.UserOf(r), p.Q.ID, rv)
	})(w, r)
}

func (h *Handler) sendBack(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Risposta rimandata all'esperto.", func(r *http.Request, p *showPage) error {
		return h.store.SendBack(r.Context(), web.UserOf(r), p.Q.ID, r.PostFormValue("comment"))
	})(w, r)
}

func (h *Handler) rejectAnswer(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Risposta respinta.", func(r *http.Request, p *showPage) error {
		return h.store.RejectAnswer(r.Context(), web.UserOf(r), p.Q.ID, r.PostFormValue("answer_reason"))
	})(w, r)
}

func (h *Handler) supersede(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Domanda segnata come superata.", func(r *http.Request, p *showPage) error {
		return h.store.Supersede(r.Context(), web.UserOf(r), p.Q.ID, flowFormID(r, "by"))
	})(w, r)
}

func (h *Handler) archive(w http.ResponseWriter, r *http.Request) {
	h.stepHandler("Domanda archiviata.", func(r *http.Request, p *showPage) error {
		return h.store.Archive(r.Context(), web.UserOf(r), p.Q.ID, r.PostFormValue("archive_note"))
	})(w, r)
}
