package inspections_test

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/inspections"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

// mustFacility adds an active CAS apartment of a new managing body under a
// 2024 contract, so the items for collective centres and for pre-2024
// contracts do not apply to it.
func mustFacility(t *testing.T, env *webtest.Env, code string) int64 {
	t.Helper()
	body := env.Org("Ente "+code, auth.KindEnteGestore).ID
	var id int64
	env.InTx(func(ctx context.Context, tx *db.Tx) error {
		var err error
		id, err = db.InsertID(ctx, tx, `INSERT INTO facilities (code, name, system_type, typology, guests, address, istat_code,
			authorised_places, contracted_places, managing_body_id, state, state_since, created_at, updated_at)
			VALUES (?, ?, 'cas', 'apartment', 'men', 'Via Roma 1', '006003', 10, 8, ?, 'active', ?, ?, ?)`,
			code, "Appartamento "+code, body, tx.Now, tx.Now, tx.Now)
		if err != nil {
			return err
		}
		cid, err := db.InsertID(ctx, tx, `INSERT INTO contracts (cig, award_procedure, capitolato, managing_body_id, signed_on,
			expires_on, amount_cents, price_cents, places, created_at, updated_at)
			VALUES (?, 'open', '2024', ?, ?, ?, 100000, 3500, 8, ?, ?)`, "CIG"+code, body, tx.Now, tx.Now.AddDate(2, 0, 0), tx.Now, tx.Now)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO contract_facilities (contract_id, facility_id) VALUES (?, ?)`, cid, id)
		return err
	})
	return id
}

// mustPlan plans a scheduled inspection of facility with members as
// ordinary members.
func mustPlan(t *testing.T, s *inspections.Store, facility int64, on time.Time, members ...*auth.User) int64 {
	t.Helper()
	in := inspections.PlanInput{FacilityID: facility, Kind: inspections.Scheduled, PlannedOn: on}
	for _, u := range members {
		in.Members = append(in.Members, inspections.Member{UserID: u.ID, Role: inspections.RoleMember})
	}
	id, err := s.Plan(webtest.System(), in)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	return id
}

func mustStart(t *testing.T, s *inspections.Store, id int64) {
	t.Helper()
	if err := s.Start(webtest.System(), inspections.Scope{All: true}, id); err != nil {
		t.Fatalf("Start(%d): %v", id, err)
	}
}

func mustAnswers(t *testing.T, s *inspections.Store, id int64) []*inspections.Answer {
	t.Helper()
	as, err := s.Answers(context.Background(), id)
	if err != nil {
		t.Fatalf("Answers(%d): %v", id, err)
	}
	return as
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
