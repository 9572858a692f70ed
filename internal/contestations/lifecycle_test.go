package contestations_test

import (
	"context"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/contestations"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestDraftIsPricedFromTheChecklistsPenaltyCode(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		if c.State != contestations.Draft || len(c.Findings) != 2 {
			t.Fatalf("state %s with %d findings; want a draft with 2", c.State, len(c.Findings))
		}
		f := c.Findings[0]
		if f.Code != "P01" || f.AmountCents != 5000 || f.Calculation != "€ 50,00 × 1 ospiti = € 50,00" {
			t.Errorf("first finding %q %d %q; want P01 (per guest, one guest) € 50,00", f.Code, f.AmountCents, f.Calculation)
		}
		if c.BodyName != "Ente A" || c.ContractID != w.contractA {
			t.Errorf("charged %q on contract %d; want Ente A on %d", c.BodyName, c.ContractID, w.contractA)
		}
	})
}

func TestCreateRefusesAnswersNotFoundInTheInspection(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		_, err := w.store.Create(webtest.System(), w.officer, w.inspA, []int64{w.answersB[0]})
		wantKind(t, err, apperr.Invalid)
		_, err = w.store.Create(webtest.System(), w.officer, w.inspA, nil)
		wantKind(t, err, apperr.Invalid)
		_, err = w.store.Create(webtest.System(), w.manager, w.inspA, w.answersA)
		wantKind(t, err, apperr.Forbidden)
	})
}

func TestRepriceComputesEachFinding(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		err := w.store.Reprice(webtest.System(), w.officer, c.ID, map[int64]contestations.Pricing{
			c.Findings[0].ID: {Code: "P03", Quantity: 5}, c.Findings[1].ID: {Code: "P04", Quantity: 2}})
		if err != nil {
			t.Fatalf("Reprice: %v", err)
		}
		c = w.get(t, c.ID)
		if got := c.Findings[0].AmountCents; got != 40000 {
			t.Errorf("P03 for 5 days = %d; want the row's cap 40000", got)
		}
		if got := c.Findings[1].AmountCents; got != 3000 {
			t.Errorf("P04 for 2 days = %d; want 1,5 ‰ × € 10.000 × 2 = 3000", got)
		}
		if c.Total() != 43000 {
			t.Errorf("total %d; want 43000", c.Total())
		}
		err = w.store.Reprice(webtest.System(), w.officer, c.ID, map[int64]contestations.Pricing{c.Findings[0].ID: {Code: "P99", Quantity: 0}})
		wantKind(t, err, apperr.Invalid)
		if got := w.get(t, c.ID).Findings[0].Code; got != "P03" {
			t.Errorf("a refused reprice changed the code to %q", got)
		}
	})
}

func TestLifecycleToExecution(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ctx := webtest.System()
		c := w.mustDraft(t, w.inspA, w.answersA...)
		w.mustNotify(t, c, 0)
		c = w.get(t, c.ID)
		today := time.Now().UTC()
		wantDeadline := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 10)
		if c.State != contestations.Notified || c.Deadline == nil || !c.Deadline.Equal(wantDeadline) {
			t.Fatalf("after notice: %s, deadline %v; want notified, deadline %s", c.State, c.Deadline, wantDeadline)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ?`, w.manager.ID); n != 1 {
			t.Errorf("the body's manager has %d notifications; want 1", n)
		}
		if err := w.store.Reply(ctx, w.fs, w.manager, c.ID, "Il certificato era in rinnovo.", nil); err != nil {
			t.Fatalf("Reply: %v", err)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM notifications WHERE user_id = ?`, w.officer.ID); n != 1 {
			t.Errorf("the author has %d notifications; want 1", n)
		}
		if err := w.store.Decide(ctx, w.officer, c.ID, true, "Rinnovo non documentato."); err != nil {
			t.Fatalf("Decide: %v", err)
		}
		c = w.get(t, c.ID)
		if c.State != contestations.Penalised || c.PenaltyCents != c.Total() || c.PenaltyCents == 0 {
			t.Fatalf("after decision: %s with %d; want penalised with the total %d", c.State, c.PenaltyCents, c.Total())
		}
		e := contestations.Execution{Method: contestations.ByInvoice, On: today, Reference: "Fattura 12/2026"}
		if err := w.store.Execute(ctx, w.officer, c.ID, e); err != nil {
			t.Fatalf("Execute: %v", err)
		}
		c = w.get(t, c.ID)
		if c.State != contestations.Executed || c.ExecutionReference != "Fattura 12/2026" {
			t.Errorf("after execution: %s %q", c.State, c.ExecutionReference)
		}
		if n := len(c.Timeline(today)); n != 5 {
			t.Errorf("timeline has %d steps; want 5 (created, notified, replied, decided, executed)", n)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = 'contestation' AND entity_id = ?`, id(c.ID)); n != 5 {
			t.Errorf("%d audit rows; want 5, one per step", n)
		}
	})
}

func TestInvalidTransitionsAreRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ctx := webtest.System()
		c := w.mustDraft(t, w.inspA, w.answersA...)
		today := time.Now().UTC()
		wantKind(t, w.store.Decide(ctx, w.officer, c.ID, false, "x"), apperr.Conflict)
		wantKind(t, w.store.Execute(ctx, w.officer, c.ID, contestations.Execution{Method: contestations.ByInvoice, On: today, Reference: "x"}), apperr.Conflict)
		bad := contestations.Notice{PECDate: today, Days: 20}
		wantKind(t, w.store.Notify(ctx, w.fs, w.officer, c.ID, bad, nil), apperr.Invalid)
		future := contestations.Notice{PECDate: today.AddDate(0, 0, 2), Days: 10}
		wantKind(t, w.store.Notify(ctx, w.fs, w.officer, c.ID, future, nil), apperr.Invalid)
		w.mustNotify(t, c, 0)
		wantKind(t, w.store.Notify(ctx, w.fs, w.officer, c.ID, contestations.Notice{PECDate: today, Days: 10}, nil), apperr.Conflict)
		wantKind(t, w.store.Reprice(ctx, w.officer, c.ID, nil), apperr.Conflict)
		// The body still has time to reply: no decision yet.
		wantKind(t, w.store.Decide(ctx, w.officer, c.ID, true, "Troppo presto."), apperr.Conflict)
		if got := w.get(t, c.ID).State; got != contestations.Notified {
			t.Errorf("state %s after refused steps; want notified", got)
		}
	})
}

func TestDeadlinePassedAllowsTheDecision(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		w.mustNotify(t, c, 11)
		c = w.get(t, c.ID)
		now := time.Now().UTC()
		if !c.DeadlinePassed(now) || c.StateLabel(now) != "Termine scaduto" {
			t.Fatalf("PEC 11 days ago with 10 to reply: passed %v, %q", c.DeadlinePassed(now), c.StateLabel(now))
		}
		wantKind(t, w.store.Decide(webtest.System(), w.officer, c.ID, false, ""), apperr.Invalid)
		if err := w.store.Decide(webtest.System(), w.officer, c.ID, false, "Adempimento regolarizzato."); err != nil {
			t.Fatalf("Decide: %v", err)
		}
		c = w.get(t, c.ID)
		if c.State != contestations.Archived || c.PenaltyCents != 0 {
			t.Errorf("archived: %s with penalty %d", c.State, c.PenaltyCents)
		}
		wantKind(t, w.store.Execute(webtest.System(), w.officer, c.ID,
			contestations.Execution{Method: contestations.ByGuarantee, On: now, Reference: "x"}), apperr.Conflict)
	})
}

func TestOpenCount(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		w.mustDraft(t, w.inspA, w.answersA[0])
		w.mustNotify(t, w.mustDraft(t, w.inspA, w.answersA[1]), 0)
		w.mustNotify(t, w.mustDraft(t, w.inspB, w.answersB...), 0)
		for _, tc := range []struct {
			sc   contestations.Scope
			want int
		}{
			{contestations.Scope{All: true}, 2},
			{contestations.ScopeOf(w.manager), 1},
			{contestations.ScopeOf(w.other), 0},
		} {
			n, err := w.store.OpenCount(context.Background(), tc.sc)
			if err != nil || n != tc.want {
				t.Errorf("OpenCount(%+v) = %d, %v; want %d (drafts are not open)", tc.sc, n, err, tc.want)
			}
		}
	})
}

func TestWarningAddsThePenaltiesDecidedOnTheContract(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		ctx := webtest.System()
		first := w.mustDraft(t, w.inspA, w.answersA[0])
		if err := w.store.Reprice(ctx, w.officer, first.ID, map[int64]contestations.Pricing{first.Findings[0].ID: {Code: "P02", Quantity: 1}}); err != nil {
			t.Fatal(err)
		}
		w.mustNotify(t, first, 11)
		if err := w.store.Decide(ctx, w.officer, first.ID, true, "Accertata."); err != nil {
			t.Fatal(err)
		}
		warn, err := w.store.Warning(context.Background(), w.get(t, first.ID))
		if err != nil || warn.Level != contestations.Safe || warn.Cumulative != 45000 {
			t.Fatalf("after € 450 on € 10.000: %+v, %v; want safe at 45000", warn, err)
		}
		second := w.mustDraft(t, w.inspA, w.answersA[1])
		_ = w.store.Reprice(ctx, w.officer, second.ID, map[int64]contestations.Pricing{second.Findings[0].ID: {Code: "P03", Quantity: 3}})
		warn, _ = w.store.Warning(context.Background(), w.get(t, second.ID))
		if warn.Level != contestations.Near || warn.Cumulative != 85000 {
			t.Errorf("€ 450 decided + € 400 drafted: %+v; want near (8,5%%)", warn)
		}
		_ = w.store.Reprice(ctx, w.officer, second.ID, map[int64]contestations.Pricing{second.Findings[0].ID: {Code: "P01", Quantity: 12}})
		warn, _ = w.store.Warning(context.Background(), w.get(t, second.ID))
		if warn.Level != contestations.Over {
			t.Errorf("€ 450 decided + € 600 drafted: %+v; want over 10%%", warn)
		}
	})
}

func TestDraftGathersFindingsOfSeveralInspections(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA[0])
		more, err := w.store.MoreFindings(context.Background(), c)
		if err != nil || len(more) != 1 || more[0].AnswerID != w.answersA[1] {
			t.Fatalf("MoreFindings = %d, %v; want the partial answer not yet charged", len(more), err)
		}
		wantKind(t, w.store.AddFindings(webtest.System(), w.officer, c.ID, []int64{w.answersB[0]}), apperr.Invalid)
		if err := w.store.AddFindings(webtest.System(), w.officer, c.ID, []int64{w.answersA[1]}); err != nil {
			t.Fatalf("AddFindings: %v", err)
		}
		if n := len(w.get(t, c.ID).Findings); n != 2 {
			t.Errorf("%d findings; want 2", n)
		}
		w.mustNotify(t, c, 0)
		wantKind(t, w.store.AddFindings(webtest.System(), w.officer, c.ID, []int64{w.answersA[1]}), apperr.Conflict)
	})
}
