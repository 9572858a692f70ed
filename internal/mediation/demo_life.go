package mediation

import (
	"math/rand/v2"
	"time"
)

// seedRequest is a synthetic request with what its timeline needs beyond
// the row: who declined it first, who else an urgent call reached, and
// the state it left for an exit.
type seedRequest struct {
	Request
	from       State     // for an exit: the last state before it
	declined   int64     // a mediator who declined the assignment first
	declinedAt time.Time // when they declined
	others     []int64   // an urgent call's other mediators, who found it taken
}

// seedPipe is how long after sending a request was validated, assigned
// and confirmed, and how long after the slot it was reported and approved.
type seedPipe struct {
	validate, assign, confirm time.Duration
	report, approve           time.Duration
}

// seedPipeFor draws r's delays: minutes for an urgent call, hours to a
// day or so for a scheduled one, squeezed so that the mediator confirms
// before the slot (two hours before a scheduled one).
func seedPipeFor(r *Request, rnd *rand.Rand) seedPipe {
	var p seedPipe
	margin := 2 * time.Hour
	if r.Urgency.Broadcast() {
		p.validate = seedMinutes(rnd, 3, 20)
		p.assign = seedMinutes(rnd, 3, 35)
		margin = 5 * time.Minute
	} else {
		p.validate = seedMinutes(rnd, 20, 20*60)
		p.assign = seedMinutes(rnd, 30, 30*60)
		p.confirm = seedMinutes(rnd, 10, 40*60)
	}
	if room := r.Start.Add(-margin).Sub(r.SentAt); p.validate+p.assign+p.confirm > room {
		f := float64(max(room, 3*time.Minute)) / float64(p.validate+p.assign+p.confirm)
		p.validate = max(time.Minute, time.Duration(float64(p.validate)*f).Truncate(time.Minute))
		p.assign = max(time.Minute, time.Duration(float64(p.assign)*f).Truncate(time.Minute))
		p.confirm = time.Duration(float64(p.confirm) * f).Truncate(time.Minute)
	}
	p.report = seedMinutes(rnd, 30, 3*24*60)
	p.approve = seedMinutes(rnd, 60, 6*24*60)
	return p
}

func seedMinutes(rnd *rand.Rand, lo, hi int) time.Duration {
	return time.Duration(lo+rnd.IntN(hi-lo+1)) * time.Minute
}

// seedMain is the position of s on the main line, -1 for an exit.
func seedMain(s State) int {
	for i, x := range States[:8] {
		if x == s {
			return i
		}
	}
	return -1
}

// seedOutcome draws how r ends: past slots are mostly approved, with the
// usual share of no-shows, cancellations and refusals; recent and future
// ones mostly follow the main line as far as today lets them.
func seedOutcome(r *seedRequest, now time.Time, rnd *rand.Rand) (final, from State) {
	x := rnd.IntN(100)
	before := []State{Sent, Validated, Assigned, Confirmed}[rnd.IntN(4)]
	if now.Sub(r.End) > 10*24*time.Hour {
		switch {
		case x < 86:
			return Approved, ""
		case x < 89:
			return NoShow, Confirmed
		case x < 92:
			return CancelledLate, Confirmed
		case x < 97:
			return CancelledTime, before
		}
		return Refused, []State{Sent, Validated}[rnd.IntN(2)]
	}
	switch {
	case x < 3:
		return CancelledTime, before
	case x < 5:
		return Refused, []State{Sent, Validated}[rnd.IntN(2)]
	case x < 6:
		return NoShow, Confirmed
	case x < 7:
		return CancelledLate, Confirmed
	}
	return Approved, ""
}

// seedFill stamps r's steps from its sending (r.SentAt, r.Start and r.End
// set) up to final, or up to from and then the exit final, and trims
// every step after now: a request meant to be approved whose slot is
// tomorrow ends up sent, validated, assigned or confirmed. An exit that
// cannot happen (a cancellation in time with too little notice, a step
// after now) falls back to the main line. It decides no mediator: the
// caller books one for a request that reached assigned.
func seedFill(r *seedRequest, final, from State, p seedPipe, pol Policy, now time.Time, rnd *rand.Rand) {
	reach := seedMain(final)
	if reach < 0 {
		reach = seedMain(from)
	}
	r.State = Sent
	t := r.SentAt
	if reach >= 2 {
		t = t.Add(p.validate)
		r.ValidatedAt, r.State = t, Validated
	}
	if reach >= 3 {
		t = t.Add(p.assign)
		r.AssignedAt, r.State = t, Assigned
	}
	if reach >= 4 {
		t = t.Add(p.confirm)
		r.ConfirmedAt, r.State = t, Confirmed
	}
	if reach >= 5 {
		r.DeliveredAt, r.State = r.End.Add(seedMinutes(rnd, 0, 20)), Delivered
	}
	if reach >= 6 {
		r.ActualStart = r.Start.Add(seedMinutes(rnd, 0, 12) - 4*time.Minute)
		worked := max(15, r.Minutes()+5*(rnd.IntN(9)-3)) // 15 minutes less to 25 more
		r.ActualEnd = r.ActualStart.Add(time.Duration(worked) * time.Minute)
		if r.Mode == InPerson {
			r.TravelMin = 5 * (2 + rnd.IntN(8))
		}
		r.ReportedAt, r.State = r.DeliveredAt.Add(p.report), Reported
		r.CountedMin = pol.Count(worked, r.TravelMin)
	}
	if reach >= 7 {
		r.ApprovedAt, r.State = r.ReportedAt.Add(p.approve), Approved
		r.ClosedAt = r.ApprovedAt
		r.Rating, r.RatingComment = seedRating(rnd)
	}
	if seedMain(final) < 0 && !seedExit(r, final, p, pol, now, rnd) {
		seedFill(r, Approved, "", p, pol, now, rnd)
		return
	}
	seedTrim(r, now)
}

// seedExit ends r, stamped up to its from state, with exit final; false
// when that exit cannot happen then.
func seedExit(r *seedRequest, final State, p seedPipe, pol Policy, now time.Time, rnd *rand.Rand) bool {
	last := r.SentAt
	for _, t := range []time.Time{r.ValidatedAt, r.AssignedAt, r.ConfirmedAt} {
		if !t.IsZero() {
			last = t
		}
	}
	var at time.Time
	switch final {
	case Refused:
		at = last.Add(p.assign / 2)
	case CancelledTime:
		deadline := r.Start.Add(-time.Duration(pol.LateNoticeH+1) * time.Hour)
		if !last.Before(deadline) {
			return false
		}
		at = last.Add(time.Duration(rnd.Float64() * float64(deadline.Sub(last)))).Truncate(time.Minute)
	case CancelledLate:
		lo := r.Start.Add(-time.Duration(pol.LateNoticeH-1) * time.Hour)
		if last.After(lo) {
			lo = last
		}
		hi := r.Start.Add(-15 * time.Minute)
		if !lo.Before(hi) {
			return false
		}
		at = lo.Add(time.Duration(rnd.Float64() * float64(hi.Sub(lo)))).Truncate(time.Minute)
		r.CountedMin = pol.ExitCount()
	case NoShow:
		at = r.Start.Add(seedMinutes(rnd, 20, 40))
		r.CountedMin = pol.ExitCount()
	}
	if at.After(now) {
		r.CountedMin = 0
		return false
	}
	r.from, r.State, r.ClosedAt = r.State, final, at
	r.ExitReason = seedExitReasons[final][rnd.IntN(len(seedExitReasons[final]))]
	return true
}

// seedTrim undoes every step of r after now, from the last back.
func seedTrim(r *seedRequest, now time.Time) {
	if seedMain(r.State) < 0 {
		return
	}
	if r.ApprovedAt.After(now) {
		r.ApprovedAt, r.ClosedAt, r.Rating, r.RatingComment, r.State = time.Time{}, time.Time{}, 0, "", Reported
	}
	if r.ReportedAt.After(now) {
		r.ReportedAt, r.ActualStart, r.ActualEnd, r.TravelMin, r.CountedMin, r.State = time.Time{}, time.Time{}, time.Time{}, 0, 0, Delivered
	}
	if r.DeliveredAt.After(now) {
		r.DeliveredAt, r.State = time.Time{}, Confirmed
	}
	if r.ConfirmedAt.After(now) {
		r.ConfirmedAt, r.State = time.Time{}, Assigned
	}
	if r.AssignedAt.After(now) {
		r.AssignedAt, r.State = time.Time{}, Validated
	}
	if r.ValidatedAt.After(now) {
		r.ValidatedAt, r.State = time.Time{}, Sent
	}
}

// seedNeedsMediator reports whether r reached the assignment.
func seedNeedsMediator(r *seedRequest) bool { return !r.AssignedAt.IsZero() }

// seedBook gives r to m on funding line, with what it holds of the budget;
// m nil leaves r unmet: refused once the slot is past (or its language
// has nobody), still validated before.
func seedBook(r *seedRequest, m *seedMediator, line int64, pol Policy, now time.Time) {
	if m == nil {
		r.AssignedAt, r.ConfirmedAt, r.DeliveredAt, r.ReportedAt, r.ApprovedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}
		r.ActualStart, r.ActualEnd, r.TravelMin, r.CountedMin, r.Rating, r.RatingComment = time.Time{}, time.Time{}, 0, 0, 0, ""
		r.ClosedAt, r.State, r.from, r.ExitReason = time.Time{}, Validated, "", ""
		if at := r.ValidatedAt.Add(90 * time.Minute); r.Start.Before(now) && !at.After(now) {
			r.from, r.State, r.ClosedAt = Validated, Refused, at
			r.ExitReason = seedUnmet
		}
		return
	}
	m.take(r.Start, r.End)
	r.MediatorID, r.FundingLineID = m.ID, line
	switch {
	case r.State.Booked() && r.ReportedAt.IsZero():
		r.HeldMin = pol.Count(r.Minutes(), 0)
	case r.State == Reported || r.State == Approved:
		r.HeldMin = r.CountedMin
	}
}

// seedStamps completes r's bookkeeping columns: updated at its last step.
func seedStamps(r *seedRequest) {
	r.UpdatedAt = r.CreatedAt
	for _, t := range []time.Time{r.SentAt, r.ValidatedAt, r.AssignedAt, r.ConfirmedAt, r.DeliveredAt, r.ReportedAt,
		r.ApprovedAt, r.ClosedAt, r.declinedAt} {
		if t.After(r.UpdatedAt) {
			r.UpdatedAt = t
		}
	}
}

// seedRating draws a sign-off's rating and comment: mostly satisfied.
func seedRating(rnd *rand.Rand) (int, string) {
	x := rnd.IntN(100)
	rating := 5
	switch {
	case x < 1:
		rating = 1
	case x < 5:
		rating = 2
	case x < 15:
		rating = 3
	case x < 45:
		rating = 4
	}
	cs := seedComments[rating]
	return rating, cs[rnd.IntN(len(cs))]
}

// seedUnmet is why a request nobody could take was refused.
const seedUnmet = "Nessun mediatore disponibile per la lingua e la fascia richieste."

var seedExitReasons = map[State][]string{
	Refused: {"Richiesta fuori dall'ambito del progetto.", "Richiesta duplicata di una già inviata.",
		"Servizio già coperto da un interprete dell'ente."},
	CancelledTime: {"Appuntamento rinviato dal servizio.", "L'utente ha comunicato che non potrà presentarsi.",
		"Colloquio annullato dal servizio.", "Appuntamento spostato ad altra data."},
	CancelledLate: {"Appuntamento annullato dal servizio il giorno stesso.", "L'utente ha disdetto all'ultimo momento."},
	NoShow:        {"L'utente non si è presentato all'appuntamento.", "L'utente non si è presentato né ha avvisato."},
}

var seedComments = map[int][]string{
	5: {"Puntuale e molto chiara.", "Ottima mediazione, la famiglia si è sentita accolta.", "Preparata e discreta.", "",
		"Colloquio risolto in tempi brevi, grazie.", "Molto utile anche per il personale."},
	4: {"Buona mediazione.", "Qualche minuto di ritardo, per il resto ottimo lavoro.", "", "Chiara e disponibile."},
	3: {"Mediazione sufficiente, a tratti poco fluida.", "Arrivata con un quarto d'ora di ritardo.", ""},
	2: {"Ritardo di oltre mezz'ora: il colloquio è stato accorciato.", "Traduzione poco precisa su alcuni passaggi."},
	1: {"Il mediatore è arrivato a colloquio quasi concluso."},
}
