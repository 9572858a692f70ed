package questions

import (
	"net/http"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

const flowPerPage = 25

// Special values of the list's state filter.
const (
	flowFilterLate   = "in-ritardo"
	flowFilterReview = "da-rivedere"
)

type listPage struct {
	web.Page
	Entries   []*Entry
	Pager     *web.Pager
	States    []web.Option
	Topics    []web.Option
	Filtered  bool
	CanTriage bool
	Triage    bool // the coordinators' triage list
	Now       time.Time
}

// OnTime tells how question e stands against its due date.
func (p *listPage) OnTime(e *Entry) string { return flowTimeliness(e, p.Now) }

func flowTimeliness(e *Entry, now time.Time) string {
	switch {
	case e.Late(now):
		return "In ritardo"
	case e.State.Open() && e.DueOn != nil:
		return "Nei tempi"
	}
	return ""
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	h.renderList(w, r, false)
}

func (h *Handler) triage(w http.ResponseWriter, r *http.Request) {
	h.renderList(w, r, true)
}

func (h *Handler) renderList(w http.ResponseWriter, r *http.Request, triage bool) {
	q := r.URL.Query()
	u := web.UserOf(r)
	title, base := "Domande", flowURL
	if triage {
		title, base = "Smistamento delle domande", flowURL+"/smistamento"
	}
	p := &listPage{Page: h.web.NewPage(r, title), CanTriage: CanTriage(u), Triage: triage, Now: time.Now().UTC()}
	p.Crumb("Domande", flowURL)
	p.Form = q
	fl := Filter{Triage: triage, Now: p.Now, Limit: flowPerPage, Offset: (web.PageNumber(q) - 1) * flowPerPage}
	if st := State(q.Get("state")); st.Valid() {
		fl.State = &st
	}
	fl.Late, fl.Review = q.Get("state") == flowFilterLate, q.Get("state") == flowFilterReview
	if id, err := strconv.ParseInt(q.Get("topic"), 10, 64); err == nil {
		fl.TopicID = &id
	}
	p.Filtered = fl.State != nil || fl.Late || fl.Review || fl.TopicID != nil
	p.States = append(flowStateOptions(), web.Option{Value: flowFilterLate, Label: "In ritardo"},
		web.Option{Value: flowFilterReview, Label: "Da rivedere (revisione scaduta)"})
	topics, err := h.store.Topics(r.Context())
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Topics = flowTopicOptions(topics)
	var total int
	if p.Entries, total, err = h.store.List(r.Context(), ScopeOf(u), fl); err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), flowPerPage, total, web.ListURL(base, q))
	h.web.Render(w, r, "questions/flow_list.html", p)
}
