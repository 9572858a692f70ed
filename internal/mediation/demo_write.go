package mediation

import (
	"context"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// seedWriteMediators writes ms with ids chosen up front (set on each) and
// their languages, municipalities, weekly windows and leave, in
// multi-row INSERTs: synthetic data, no audit entry per row.
func seedWriteMediators(ctx context.Context, tx *db.Tx, ms []*seedMediator) error {
	mid, err := db.NextID(ctx, tx, "mediators")
	if err != nil {
		return err
	}
	wid, err := db.NextID(ctx, tx, "mediator_availability")
	if err != nil {
		return err
	}
	lid, err := db.NextID(ctx, tx, "mediator_leave")
	if err != nil {
		return err
	}
	mb := db.NewBulk(tx, "mediators", []string{"id", "user_id", "provider_id", "name", "email", "phone", "in_person",
		"phone_mode", "video", "areas", "notes", "active", "ical_token", "created_at", "updated_at"}, 500)
	lb := db.NewBulk(tx, "mediator_languages", []string{"mediator_id", "language", "level"}, 1000).After(mb)
	cb := db.NewBulk(tx, "mediator_municipalities", []string{"mediator_id", "istat_code"}, 1000).After(mb)
	wb := db.NewBulk(tx, "mediator_availability", []string{"id", "mediator_id", "weekday", "start_min", "end_min"}, 1000).After(mb)
	vb := db.NewBulk(tx, "mediator_leave", []string{"id", "mediator_id", "from_day", "to_day", "note"}, 1000).After(mb)
	for i, m := range ms {
		m.ID = mid + int64(i)
		areas := make([]string, len(m.Areas))
		for j, a := range m.Areas {
			areas[j] = string(a)
		}
		if err := mb.Add(ctx, m.ID, nullID(m.UserID), m.ProviderID, m.Name, m.Email, m.Phone, m.InPerson, m.PhoneMode, m.Video,
			strings.Join(areas, ","), m.Notes, true, auth.NewToken(), tx.Now, tx.Now); err != nil {
			return err
		}
		for _, l := range m.Languages {
			if err := lb.Add(ctx, m.ID, l.Code, string(l.Level)); err != nil {
				return err
			}
		}
		for _, c := range m.Municipality {
			if err := cb.Add(ctx, m.ID, c); err != nil {
				return err
			}
		}
		for _, w := range m.Weekly {
			if err := wb.Add(ctx, wid, m.ID, w.Weekday, w.StartMin, w.EndMin); err != nil {
				return err
			}
			wid++
		}
		for j := range m.Leave {
			l := &m.Leave[j]
			l.ID = lid
			if err := vb.Add(ctx, lid, m.ID, l.From, l.To, l.Note); err != nil {
				return err
			}
			lid++
		}
	}
	for _, b := range []*db.Bulk{mb, lb, cb, wb, vb} {
		if err := b.Close(ctx); err != nil {
			return err
		}
	}
	for _, t := range []string{"mediators", "mediator_availability", "mediator_leave"} {
		if err := db.SyncIDs(ctx, tx, t); err != nil {
			return err
		}
	}
	return nil
}

// seedActors are who acts at each step of a synthetic timeline: the
// coordinator validates, assigns and refuses; a mediator with a login
// confirms, delivers and reports; the requester sends, cancels and signs
// off. 0 leaves the step's author unknown.
type seedActors struct {
	coordinator int64
	mediator    map[int64]int64 // mediator id → user id
}

// seedWriter writes synthetic requests with their timelines and offers in
// multi-row INSERTs, ids chosen up front.
type seedWriter struct {
	tx                     *db.Tx
	actors                 seedActors
	reqs, events, offers   *db.Bulk
	nextReq, nextEvent     int64
	Requests, Events, Offs int
}

var seedRequestCols = []string{"id", "series_id", "org_id", "office", "requester_id", "referent", "contact", "service_type",
	"kind", "language", "nationality", "mode", "urgency", "istat_code", "place", "starts_at", "ends_at", "reason",
	"beneficiary", "state", "mediator_id", "funding_line_id", "held_min", "counted_min", "overbooked", "actual_start",
	"actual_end", "travel_min", "rating", "rating_comment", "exit_reason", "sent_at", "validated_at", "assigned_at",
	"confirmed_at", "delivered_at", "reported_at", "approved_at", "closed_at", "created_at", "updated_at"}

func newSeedWriter(ctx context.Context, tx *db.Tx, actors seedActors) (*seedWriter, error) {
	w := &seedWriter{tx: tx, actors: actors}
	var err error
	if w.nextReq, err = db.NextID(ctx, tx, "mediation_requests"); err != nil {
		return nil, err
	}
	if w.nextEvent, err = db.NextID(ctx, tx, "mediation_events"); err != nil {
		return nil, err
	}
	w.reqs = db.NewBulk(tx, "mediation_requests", seedRequestCols, 500)
	w.events = db.NewBulk(tx, "mediation_events", []string{"id", "request_id", "at", "user_id", "from_state", "to_state", "note"},
		2000).After(w.reqs)
	w.offers = db.NewBulk(tx, "mediation_offers", []string{"request_id", "mediator_id", "offered_at", "answer", "answered_at"},
		2000).After(w.reqs)
	return w, nil
}

// seedSeries writes n series of the given weeks, returning their ids.
func seedSeries(ctx context.Context, tx *db.Tx, weeks []int) ([]int64, error) {
	first, err := db.NextID(ctx, tx, "mediation_series")
	if err != nil {
		return nil, err
	}
	b := db.NewBulk(tx, "mediation_series", []string{"id", "weeks", "created_at"}, 500)
	ids := make([]int64, len(weeks))
	for i, w := range weeks {
		ids[i] = first + int64(i)
		if err := b.Add(ctx, ids[i], w, tx.Now); err != nil {
			return nil, err
		}
	}
	if err := b.Close(ctx); err != nil {
		return nil, err
	}
	return ids, db.SyncIDs(ctx, tx, "mediation_series")
}

// add writes r (its id set) with its timeline and offers.
func (w *seedWriter) add(ctx context.Context, r *seedRequest) error {
	seedStamps(r)
	r.ID = w.nextReq
	w.nextReq++
	var rating any
	if r.Rating > 0 {
		rating = r.Rating
	}
	err := w.reqs.Add(ctx, r.ID, nullID(r.SeriesID), r.OrgID, r.Office, nullID(r.RequesterID), r.Referent, r.Contact,
		string(r.Service), string(r.Kind), r.Language, r.Nationality, string(r.Mode), string(r.Urgency), seedNullText(r.ISTATCode),
		r.Place, r.Start, r.End, r.Reason, r.Beneficiary, string(r.State), nullID(r.MediatorID), nullID(r.FundingLineID),
		r.HeldMin, r.CountedMin, false, nullTime(r.ActualStart), nullTime(r.ActualEnd), r.TravelMin, rating, r.RatingComment,
		r.ExitReason, nullTime(r.SentAt), nullTime(r.ValidatedAt), nullTime(r.AssignedAt), nullTime(r.ConfirmedAt),
		nullTime(r.DeliveredAt), nullTime(r.ReportedAt), nullTime(r.ApprovedAt), nullTime(r.ClosedAt), r.CreatedAt, r.UpdatedAt)
	if err != nil {
		return err
	}
	w.Requests++
	if err := w.timeline(ctx, r); err != nil {
		return err
	}
	return w.offersOf(ctx, r)
}

// event writes one step of r's timeline.
func (w *seedWriter) event(ctx context.Context, r *seedRequest, at time.Time, user int64, from, to State, note string) error {
	w.nextEvent++
	w.Events++
	return w.events.Add(ctx, w.nextEvent-1, r.ID, at, nullID(user), string(from), string(to), note)
}

// seedStep is one step of a timeline: when, who, to which state, why.
type seedStep struct {
	at   time.Time
	user int64
	to   State
	note string
}

// timeline writes r's steps as its stamps tell them, in order.
func (w *seedWriter) timeline(ctx context.Context, r *seedRequest) error {
	med := w.actors.mediator[r.MediatorID]
	if err := w.event(ctx, r, r.CreatedAt, r.RequesterID, "", Draft, ""); err != nil {
		return err
	}
	last := Draft
	step := func(at time.Time, user int64, to State, note string) error {
		if at.IsZero() {
			return nil
		}
		err := w.event(ctx, r, at, user, last, to, note)
		last = to
		return err
	}
	assigner := w.actors.coordinator
	if r.Urgency.Broadcast() {
		assigner = med // the first mediator to answer the call takes it
	}
	steps := []seedStep{{r.SentAt, r.RequesterID, Sent, ""}, {r.ValidatedAt, w.actors.coordinator, Validated, ""}}
	if !r.declinedAt.IsZero() {
		steps = append(steps, seedStep{r.ValidatedAt.Add(r.declinedAt.Sub(r.ValidatedAt) / 2), w.actors.coordinator, Assigned, ""},
			seedStep{r.declinedAt, w.actors.mediator[r.declined], Validated, "Il mediatore ha declinato la proposta."})
	}
	steps = append(steps, seedStep{r.AssignedAt, assigner, Assigned, ""}, seedStep{r.ConfirmedAt, med, Confirmed, ""},
		seedStep{r.DeliveredAt, med, Delivered, ""}, seedStep{r.ReportedAt, med, Reported, ""},
		seedStep{r.ApprovedAt, r.RequesterID, Approved, ""})
	for _, s := range steps {
		if err := step(s.at, s.user, s.to, s.note); err != nil {
			return err
		}
	}
	if seedMain(r.State) >= 0 {
		return nil
	}
	user := r.RequesterID
	switch r.State {
	case Refused:
		user = w.actors.coordinator
	case NoShow:
		user = med
	}
	return step(r.ClosedAt, user, r.State, r.ExitReason)
}

// offersOf writes the offers r went through: the one declined, the
// assignment (accepted once confirmed) and, for an urgent call, the
// other mediators it reached, who found it taken.
func (w *seedWriter) offersOf(ctx context.Context, r *seedRequest) error {
	if r.MediatorID == 0 {
		return nil
	}
	if r.declined != 0 {
		if err := w.offer(ctx, r.ID, r.declined, r.ValidatedAt.Add(r.declinedAt.Sub(r.ValidatedAt)/2), "declined", r.declinedAt); err != nil {
			return err
		}
	}
	offered := r.AssignedAt
	if r.Urgency.Broadcast() {
		offered = r.ValidatedAt
	}
	answer, at := "", time.Time{}
	if !r.ConfirmedAt.IsZero() {
		answer, at = "accepted", r.ConfirmedAt
	}
	if err := w.offer(ctx, r.ID, r.MediatorID, offered, answer, at); err != nil {
		return err
	}
	for _, o := range r.others {
		if err := w.offer(ctx, r.ID, o, offered, "taken", r.AssignedAt); err != nil {
			return err
		}
	}
	return nil
}

func (w *seedWriter) offer(ctx context.Context, req, mediator int64, at time.Time, answer string, answered time.Time) error {
	w.Offs++
	return w.offers.Add(ctx, req, mediator, at, answer, nullTime(answered))
}

// close writes the rows still queued and moves the id generators on.
func (w *seedWriter) close(ctx context.Context) error {
	for _, b := range []*db.Bulk{w.reqs, w.events, w.offers} {
		if err := b.Close(ctx); err != nil {
			return err
		}
	}
	for _, t := range []string{"mediation_requests", "mediation_events"} {
		if err := db.SyncIDs(ctx, w.tx, t); err != nil {
			return err
		}
	}
	return nil
}

func seedNullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}
