package admin

import (
	"net/http"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/mail"
	"github.com/crocevia/crocevia/internal/platform/web"
)

var stateLabels = map[string]string{"sent": "Inviato", "failed": "Invio non riuscito", "queued": "In coda"}

// StateLabel is the Italian name of a message's delivery state.
func (p *outboxPage) StateLabel(m mail.Stored) string { return stateLabels[m.State()] }

type outboxPage struct {
	web.Page
	Messages []mail.Stored
	Pager    *web.Pager
}

func (h *Handler) outboxList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &outboxPage{Page: h.web.NewPage(r, "Posta in uscita")}
	p.Crumb("Amministrazione", "/admin").Crumb("Posta in uscita", "")
	p.Form = q
	msgs, total, err := mail.Outbox(r.Context(), h.auth.DB, mail.OutboxFilter{To: web.OptString(q.Get("to")),
		Limit: perPage, Offset: offset(web.PageNumber(q))})
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p.Messages = msgs
	p.Pager = web.NewPager(&p.Page, web.PageNumber(q), perPage, total, web.ListURL("/admin/outbox", q))
	h.web.Render(w, r, "admin/outbox.html", p)
}

type messagePage struct {
	web.Page
	Msg        *mail.Stored
	StateLabel string
	Lines      []bodyLine
}

// bodyLine is one line of a message; a line that is a web address becomes
// a link, so whoever reads the outbox can follow invitations and resets.
type bodyLine struct {
	Text string
	Link bool
}

func bodyLines(body string) []bodyLine {
	var out []bodyLine
	for _, l := range strings.Split(body, "\n") {
		t := strings.TrimSpace(l)
		link := (strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "http://")) && !strings.ContainsAny(t, " \t")
		if link {
			l = t
		}
		out = append(out, bodyLine{Text: l, Link: link})
	}
	return out
}

func (h *Handler) outboxShow(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	m, err := mail.Read(r.Context(), h.auth.DB, id)
	if err != nil {
		h.web.Error(w, r, err)
		return
	}
	p := &messagePage{Page: h.web.NewPage(r, "Messaggio"), Msg: m, StateLabel: stateLabels[m.State()],
		Lines: bodyLines(m.Body)}
	p.Crumb("Amministrazione", "/admin").Crumb("Posta in uscita", "/admin/outbox").Crumb("Messaggio", "")
	h.web.Render(w, r, "admin/message.html", p)
}
