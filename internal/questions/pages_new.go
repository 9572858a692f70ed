package questions

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
)

type newPage struct {
	web.Page
	Topics         []web.Option
	Municipalities []web.Option
	Orgs           []web.Option // shown when the asker belongs to several
	Visibilities   []web.Option
	Similar        []Similar
	Checked        bool // the similar questions were looked for
	HadFiles       bool // files were chosen and must be chosen again
}

func (h *Handler) newPageFor(r *http.Request) (*newPage, error) {
	p := &newPage{Page: h.web.NewPage(r, "Nuova domanda"),
		Visibilities: []web.Option{{Value: string(Public), Label: "Pubblicabile nelle FAQ, una volta resa anonima"},
			{Value: string(Private), Label: "Riservata alla mia organizzazione"}}}
	p.Crumb("Domande", flowURL).Crumb("Nuova domanda", "")
	topics, err := h.store.Topics(r.Context())
	if err != nil {
		return nil, err
	}
	p.Topics = flowTopicOptions(topics)
	if p.Municipalities, err = flowMunicipalities(r.Context(), h.store.DB); err != nil {
		return nil, err
	}
	if orgs := flowOrgOptions(web.UserOf(r)); len(orgs) > 1 {
		p.Orgs = orgs
	}
	return p, nil
}

func (h *Handler) newForm(w http.ResponseWriter, r *http.Request) {
	p, err := h.newPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "questions/flow_new.html", p)
}

func flowAskFrom(r *http.Request) Ask {
	topic, _ := strconv.ParseInt(r.PostFormValue("topic"), 10, 64)
	org, _ := strconv.ParseInt(r.PostFormValue("org"), 10, 64)
	return Ask{Title: r.PostFormValue("title"), Body: r.PostFormValue("body"), TopicID: topic,
		ISTATCode: r.PostFormValue("municipality"), Service: r.PostFormValue("service"),
		Visibility: Visibility(r.PostFormValue("visibility")), OrgID: org}
}

// create asks the question. Unless the asker already confirmed, it first
// shows the published answers that look similar, keeping the input: no
// JavaScript needed. "Cerca domande simili" shows them even when none is
// found.
func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	p, err := h.newPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	a := flowAskFrom(r)
	ups, err := h.uploads(r, "attachments")
	if err != nil {
		h.web.FormError(w, r, "questions/flow_new.html", p, &p.Page, err)
		return
	}
	if r.PostFormValue("action") == "similar" || r.PostFormValue("confirm") == "" {
		if err := a.Validate(); err != nil && r.PostFormValue("action") != "similar" {
			h.web.FormError(w, r, "questions/flow_new.html", p, &p.Page, err)
			return
		}
		if p.Similar, err = h.store.Similar(r.Context(), a.Title); err != nil {
			h.web.Error(w, r, err)
			return
		}
		if len(p.Similar) > 0 || r.PostFormValue("action") == "similar" {
			p.Checked, p.HadFiles = true, len(ups) > 0
			h.web.Render(w, r, "questions/flow_new.html", p)
			return
		}
	}
	id, err := h.store.Ask(r.Context(), h.files, web.UserOf(r), a, ups)
	if err != nil {
		h.web.FormError(w, r, "questions/flow_new.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, flowQuestionURL(id), "Domanda inviata: ti avviseremo a ogni passaggio.")
}

// uploads reads the files of a multipart form's field, none otherwise.
func (h *Handler) uploads(r *http.Request, field string) ([]files.Upload, error) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return nil, nil
	}
	return h.files.FromRequest(r, field)
}
