package questions

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/web"
)

type topicsPage struct {
	web.Page
	Topics  []Topic
	Offices []web.Option
}

// OfficeValue and DaysValue are a topic's routing as typed, or as stored.
func (p *topicsPage) OfficeValue(t Topic) string {
	if p.Form.Has("office_" + flowID(t.ID)) {
		return p.Value("office_" + flowID(t.ID))
	}
	if t.OfficeID == 0 {
		return ""
	}
	return flowID(t.OfficeID)
}

func (p *topicsPage) DaysValue(t Topic) string {
	if p.Form.Has("days_" + flowID(t.ID)) {
		return p.Value("days_" + flowID(t.ID))
	}
	return strconv.Itoa(t.DueDays)
}

// Field names of a topic's row.
func (p *topicsPage) OfficeField(t Topic) string { return "office_" + flowID(t.ID) }
func (p *topicsPage) DaysField(t Topic) string   { return "days_" + flowID(t.ID) }

func (h *Handler) topicsPageFor(r *http.Request) (*topicsPage, error) {
	p := &topicsPage{Page: h.web.NewPage(r, "Argomenti e smistamento")}
	p.Crumb("Domande", flowURL).Crumb("Argomenti e smistamento", "")
	var err error
	if p.Topics, err = h.store.Topics(r.Context()); err != nil {
		return nil, err
	}
	p.Offices, err = flowOffices(r.Context(), h.store.DB)
	return p, err
}

func (h *Handler) topics(w http.ResponseWriter, r *http.Request) {
	p, err := h.topicsPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	h.web.Render(w, r, "questions/flow_topics.html", p)
}

// saveTopics changes the office and the due days of every topic in the
// form; a topic missing from it stays as it is.
func (h *Handler) saveTopics(w http.ResponseWriter, r *http.Request) {
	p, err := h.topicsPageFor(r)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	by := map[int64]Routing{}
	for _, t := range p.Topics {
		if !r.PostForm.Has(p.DaysField(t)) {
			continue
		}
		days, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue(p.DaysField(t))))
		if err != nil {
			days = 0
		}
		office, _ := strconv.ParseInt(r.PostFormValue(p.OfficeField(t)), 10, 64)
		by[t.ID] = Routing{OfficeID: office, DueDays: days}
	}
	if err := h.store.SetRouting(r.Context(), web.UserOf(r), by); err != nil {
		h.web.FormError(w, r, "questions/flow_topics.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, flowURL+"/argomenti", "Smistamento degli argomenti aggiornato.")
}
