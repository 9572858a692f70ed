package mediation

import (
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

func (h *Handler) send(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	return "Richiesta inviata al coordinamento.", h.store.Send(r.Context(), u, sc, id)
}

func (h *Handler) validate(r *http.Request, u *auth.User, _ Scope, id int64) (string, error) {
	return "Richiesta convalidata: ora si può abbinare.", h.store.Validate(r.Context(), u, id)
}

func (h *Handler) refuse(r *http.Request, u *auth.User, _ Scope, id int64) (string, error) {
	return "Richiesta rifiutata.", h.store.Refuse(r.Context(), u, id, r.PostFormValue("reason"))
}

func (h *Handler) assign(r *http.Request, u *auth.User, _ Scope, id int64) (string, error) {
	mid, _ := strconv.ParseInt(r.PostFormValue("mediator"), 10, 64)
	b := Booking{MediatorID: mid, Override: r.PostFormValue("override") == "1", Reason: r.PostFormValue("override_reason")}
	return "Mediatrice o mediatore assegnato: attende la conferma.", h.store.Assign(r.Context(), u, id, b)
}

func (h *Handler) confirm(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	return "Incarico confermato.", h.store.Confirm(r.Context(), u, sc, id)
}

func (h *Handler) decline(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	return "Incarico rifiutato: il coordinamento ne cercherà un altro.", h.store.Decline(r.Context(), u, sc, id, r.PostFormValue("reason"))
}

func (h *Handler) accept(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	return "Richiesta urgente accettata: è tua.", h.store.Accept(r.Context(), u, sc, id)
}

func (h *Handler) delivered(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	return "Intervento segnato come svolto.", h.store.MarkDelivered(r.Context(), u, sc, id)
}

func (h *Handler) reportDelivery(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	travel, _ := strconv.Atoi(r.PostFormValue("travel"))
	p := DeliveryReport{Day: r.PostFormValue("actual_day"), Start: r.PostFormValue("actual_start"), End: r.PostFormValue("actual_end"), TravelMin: travel}
	return "Rendiconto inviato: il servizio lo approverà.", h.store.Report(r.Context(), u, sc, id, p)
}

func (h *Handler) approve(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	rating, _ := strconv.Atoi(r.PostFormValue("rating"))
	return "Intervento approvato: le ore sono state contate sul budget.",
		h.store.Approve(r.Context(), u, sc, id, SignOff{Rating: rating, Comment: r.PostFormValue("comment")})
}

func (h *Handler) sendBack(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	return "Rendiconto rimandato alla mediatrice o al mediatore.", h.store.SendBack(r.Context(), u, sc, id, r.PostFormValue("note"))
}

func (h *Handler) cancel(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	return "Richiesta annullata.", h.store.Cancel(r.Context(), u, sc, id, r.PostFormValue("reason"))
}

func (h *Handler) noShow(r *http.Request, u *auth.User, sc Scope, id int64) (string, error) {
	return "Assenza della persona registrata.", h.store.NoShow(r.Context(), u, sc, id, r.PostFormValue("note"))
}
