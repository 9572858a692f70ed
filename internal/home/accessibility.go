package home

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/i18n"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// StatementDate is when the accessibility statement was prepared.
var StatementDate = time.Date(2026, time.November, 24, 12, 0, 0, 0, i18n.Rome)

type statementPage struct {
	page
	Prepared time.Time
	// PageHint pre-fills the "page concerned" field with where the visitor
	// came from.
	PageHint string
}

func (h *Handler) newStatementPage(r *http.Request) *statementPage {
	p := &statementPage{page: h.newPage(r, "Dichiarazione di accessibilità"), Prepared: StatementDate}
	p.Crumb("Dichiarazione di accessibilità", "")
	return p
}

func (h *Handler) statement(w http.ResponseWriter, r *http.Request) {
	p := h.newStatementPage(r)
	p.PageHint = refererPath(r)
	h.web.Render(w, r, "home/accessibilita.html", p)
}

// refererPath is the path of the page of this site the visitor came from,
// "" when they came from elsewhere or from the statement itself.
func refererPath(r *http.Request) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host || u.Path == "" || u.Path == "/accessibilita" {
		return ""
	}
	return u.RequestURI()
}

var errTooManyReports = apperr.Errorf(apperr.TooManyRequests,
	"Hai inviato molte segnalazioni in poco tempo. Riprova tra un'ora.")

func (h *Handler) sendFeedback(w http.ResponseWriter, r *http.Request) {
	p := h.newStatementPage(r)
	f := &Feedback{Page: r.PostFormValue("page"), Message: r.PostFormValue("message"), Email: r.PostFormValue("email")}
	if err := h.submitFeedback(r.Context(), f, feedbackKey(r)); err != nil {
		h.web.FormError(w, r, "home/accessibilita.html", p, &p.Page, err)
		return
	}
	h.web.Redirect(w, r, "/accessibilita", "Grazie: abbiamo ricevuto la tua segnalazione e ti risponderemo al più presto.")
}

// feedbackKey is who the rate limit counts: the account when logged in,
// the client address otherwise.
func feedbackKey(r *http.Request) string {
	if u := web.UserOf(r); u != nil {
		return "a11y-feedback:user:" + strconv.FormatInt(u.ID, 10)
	}
	return "a11y-feedback:ip:" + web.From(r).ClientIP
}

// submitFeedback validates a report, counts it against the sender's limit
// and stores it with the admins' notices in one transaction.
func (h *Handler) submitFeedback(ctx context.Context, f *Feedback, limitKey string) error {
	if err := f.Validate(); err != nil {
		return err
	}
	ok, err := h.feedbackLimit.Allow(ctx, limitKey)
	if err != nil {
		return err
	}
	if !ok {
		return errTooManyReports
	}
	return h.db.InTx(ctx, func(tx *db.Tx) error {
		if err := insertFeedback(ctx, tx, f); err != nil {
			return err
		}
		return notifyAdmins(ctx, tx, h.web.I18n(), h.baseURL, f)
	})
}
