package mediation

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/notify"
)

// entity names requests in the audit trail.
const entity = "mediation_request"

var errNoRequest = apperr.NotFoundf("Richiesta di mediazione non trovata.")

// Store keeps the requests, the mediators and the budget. Notices, when
// set, tells the people concerned of each step, in the step's transaction.
type Store struct {
	DB      *db.DB
	Notices *notify.Service
}

const baseURL = "/mediazione"

// RequestURL is the page of request id.
func RequestURL(id int64) string { return baseURL + "/" + strconv.FormatInt(id, 10) }

// URL is the request's page.
func (r *Request) URL() string { return RequestURL(r.ID) }

const requestCols = `r.id, COALESCE(r.series_id, 0), r.org_id, COALESCE(og.name, ''), r.office, COALESCE(r.requester_id, 0),
	r.referent, r.contact, r.service_type, r.kind, r.language, COALESCE(l.name, r.language), r.nationality, r.mode, r.urgency,
	COALESCE(r.istat_code, ''), COALESCE(mu.name, ''), r.place, r.starts_at, r.ends_at, r.reason, r.beneficiary, r.state,
	COALESCE(r.mediator_id, 0), COALESCE(md.name, ''), COALESCE(r.funding_line_id, 0), r.held_min, r.counted_min, r.overbooked,
	r.actual_start, r.actual_end, r.travel_min, COALESCE(r.rating, 0), r.rating_comment, r.exit_reason,
	r.sent_at, r.validated_at, r.assigned_at, r.confirmed_at, r.delivered_at, r.reported_at, r.approved_at, r.closed_at,
	r.created_at, r.updated_at`

const requestFrom = ` FROM mediation_requests r LEFT JOIN organisations og ON og.id = r.org_id
	LEFT JOIN mediation_languages l ON l.code = r.language LEFT JOIN municipalities mu ON mu.istat_code = r.istat_code
	LEFT JOIN mediators md ON md.id = r.mediator_id`

func scanRequest(sc db.Scanner) (*Request, error) {
	r := &Request{}
	var t [10]sql.NullTime
	err := sc.Scan(&r.ID, &r.SeriesID, &r.OrgID, &r.OrgName, &r.Office, &r.RequesterID, &r.Referent, &r.Contact,
		&r.Service, &r.Kind, &r.Language, &r.LanguageName, &r.Nationality, &r.Mode, &r.Urgency, &r.ISTATCode,
		&r.Municipality, &r.Place, &r.Start, &r.End, &r.Reason, &r.Beneficiary, &r.State, &r.MediatorID,
		&r.MediatorName, &r.FundingLineID, &r.HeldMin, &r.CountedMin, &r.Overbooked, &t[0], &t[1], &r.TravelMin,
		&r.Rating, &r.RatingComment, &r.ExitReason, &t[2], &t[3], &t[4], &t[5], &t[6], &t[7], &t[8], &t[9],
		&r.CreatedAt, &r.UpdatedAt)
	r.Start, r.End, r.CreatedAt, r.UpdatedAt = r.Start.UTC(), r.End.UTC(), r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	for i, p := range []*time.Time{&r.ActualStart, &r.ActualEnd, &r.SentAt, &r.ValidatedAt, &r.AssignedAt,
		&r.ConfirmedAt, &r.DeliveredAt, &r.ReportedAt, &r.ApprovedAt, &r.ClosedAt} {
		*p = timeOf(t[i])
	}
	return r, err
}

// timeOf is a nullable timestamp as UTC, the zero time when null.
func timeOf(n sql.NullTime) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return n.Time.UTC()
}

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// nullID stores 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func noRows(err error) bool { return errors.Is(err, sql.ErrNoRows) || errors.Is(err, db.ErrNotFound) }

// Request returns request id if sc covers it: outside it does not exist.
func (s *Store) Request(ctx context.Context, sc Scope, id int64) (*Request, error) {
	return loadRequest(ctx, s.DB, sc, id)
}

func loadRequest(ctx context.Context, q db.Querier, sc Scope, id int64) (*Request, error) {
	where, args := sc.clause()
	r, err := scanRequest(q.QueryRowContext(ctx, `SELECT `+requestCols+requestFrom+` WHERE r.id = ? AND `+where,
		append([]any{id}, args...)...))
	if noRows(err) {
		return nil, errNoRequest
	}
	return r, err
}

// MediatorOfUser is the mediator record linked to user id, 0 when none.
func (s *Store) MediatorOfUser(ctx context.Context, userID int64) (int64, error) {
	var id int64
	err := s.DB.QueryRowContext(ctx, `SELECT id FROM mediators WHERE user_id = ?`, userID).Scan(&id)
	if noRows(err) {
		return 0, nil
	}
	return id, err
}
