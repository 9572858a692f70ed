package monitoring_test

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// seed builds the known registry every test reads:
//
//	F1 active apartment, 5/4 places, Alessandria (urban), body A, men
//	F2 active apartment, 12/10 places, Alessandria, body A, men and families
//	F3 active collective centre, 45/40 places, Alessandria, body B, women
//	F4 active hotel, 60/60 places, Albera Ligure (329 inhabitants: rural), body B, men
//	F5 closed apartment and F6 suspended centre, left out of every figure.
//
// Presences (latest day within 7): F1 3 (yesterday), F2 9 (3 days ago),
// F3 none recent (20 days ago), F4 50 (today); F5's are ignored.
// Inspections: I1 planned for F1 in 5 days, I2 for F2 in 40, I3 for F3
// 2 days ago; I4 signed for F4 250 days ago (6 conforming, 3 partial,
// 2 non-conforming), I5 signed for F1 50 days ago (2 conforming); a
// six-monthly plan for every facility makes only F4 overdue.
// Corrective actions on I4: open (deadline passed), open, reopened
// (deadline passed), answered (deadline passed), closed.
// Contracts: C1 (2021, F1 F2) ends in 30 days, C2 (2021) in 90, C3
// (2024, F3) expired but extended for 45 days, C4 ended 5 days ago.
// Documents: F1's expires in 10 days, F2's in 31, F3's expired yesterday,
// F5's (closed) expired, F4's never expires.
func (w *world) seed(t *testing.T) {
	t.Helper()
	w.env.InTx(func(ctx context.Context, tx *db.Tx) error {
		for _, b := range []string{"A", "B"} {
			w.insert(t, tx, b, `INSERT INTO organisations (name, kind, created_at) VALUES (?, 'ente_gestore', ?)`, "Ente "+b, tx.Now)
		}
		w.facility(t, tx, "F1", "apartment", "men", "006003", 5, 4, "A", "active")
		w.facility(t, tx, "F2", "apartment", "men,families", "006003", 12, 10, "A", "active")
		w.facility(t, tx, "F3", "collective", "women", "006003", 45, 40, "B", "active")
		w.facility(t, tx, "F4", "hotel", "men", "006002", 60, 60, "B", "active")
		w.facility(t, tx, "F5", "apartment", "men", "006003", 8, 8, "B", "closed")
		w.facility(t, tx, "F6", "collective", "men", "006001", 20, 20, "B", "suspended")
		for _, p := range []struct {
			fac          string
			day, present int
		}{{"F1", -1, 3}, {"F1", -2, 4}, {"F2", -3, 9}, {"F2", -10, 10}, {"F3", -20, 40}, {"F4", 0, 50}, {"F4", -1, 55}, {"F5", -1, 7}} {
			w.presence(t, tx, p.fac, p.day, p.present)
		}
		w.insert(t, tx, "template", `INSERT INTO checklist_templates (code, name, created_at) VALUES ('t', 'T', ?)`, tx.Now)
		w.insert(t, tx, "version", `INSERT INTO checklist_versions (template_id, number, state, created_at) VALUES (?, 1, 'published', ?)`, w.ids["template"], tx.Now)
		w.insert(t, tx, "section", `INSERT INTO checklist_sections (version_id, position, title) VALUES (?, 1, 'S')`, w.ids["version"])
		w.inspection(t, tx, "I1", "F1", "planned", 5)
		w.inspection(t, tx, "I2", "F2", "planned", 40)
		w.inspection(t, tx, "I3", "F3", "planned", -2)
		w.inspection(t, tx, "I4", "F4", "signed", -250)
		w.inspection(t, tx, "I5", "F1", "signed", -50)
		w.answers(t, tx, "I4", "conforming", 6)
		w.answers(t, tx, "I4", "not_applicable", 4)
		findings := append(w.answers(t, tx, "I4", "partial", 3), w.answers(t, tx, "I4", "non_conforming", 2)...)
		w.answers(t, tx, "I5", "conforming", 2)
		for i, a := range []struct {
			state    string
			deadline int
		}{{"open", -3}, {"open", 10}, {"reopened", -1}, {"answered", -5}, {"closed", -30}} {
			w.action(t, tx, findings[i], a.state, a.deadline)
		}
		w.insert(t, tx, "plan", `INSERT INTO inspection_plans (months, starts_on, created_at) VALUES (6, ?, ?)`, w.day(-400), tx.Now)
		w.contract(t, tx, "C1", "A", "2021", 30, nil, "F1", "F2")
		w.contract(t, tx, "C2", "A", "2021", 90, nil)
		w.contract(t, tx, "C3", "B", "2024", -10, ptr(45), "F3")
		w.contract(t, tx, "C4", "B", "2019", -5, nil)
		w.document(t, tx, "F1", ptr(10))
		w.document(t, tx, "F2", ptr(31))
		w.document(t, tx, "F3", ptr(-1))
		w.document(t, tx, "F5", ptr(-3))
		w.document(t, tx, "F4", nil)
		return nil
	})
}
