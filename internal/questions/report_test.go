package questions

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// qdAsked writes a question of topic asked by org at created, due by due,
// answered after the given hours (never when negative).
func qdAsked(t *testing.T, d *db.DB, topic string, org int64, created, due time.Time, hours float64, key string) {
	t.Helper()
	var answered, importKey any
	if hours >= 0 {
		answered = created.Add(time.Duration(hours * float64(time.Hour)))
	}
	if key != "" {
		importKey = key
	}
	err := d.InTx(context.Background(), func(tx *db.Tx) error {
		_, err := tx.ExecContext(context.Background(), `INSERT INTO questions (title, body, topic_id, visibility, state, org_id,
			due_on, answered_at, import_key, created_at, updated_at)
			VALUES ('Domanda', 'Testo', (SELECT id FROM question_topics WHERE slug = ?), 'public', 'assigned', ?, ?, ?, ?, ?, ?)`,
			topic, org, due, answered, importKey, created, created)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReportFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a, b := qdOrg(t, d, "Comune di Prova"), qdOrg(t, d, "ASL di Prova")
		jan := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
		feb := time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
		qdAsked(t, d, "permessi", a, jan, jan.AddDate(0, 0, 5), 48, "")          // 2 days, on time
		qdAsked(t, d, "permessi", a, feb, feb.AddDate(0, 0, 5), 240, "")         // 10 days, late
		qdAsked(t, d, "asilo", b, jan, jan.AddDate(0, 0, 3), 3*24+20, "")        // 3.83 days, on the due day: on time
		qdAsked(t, d, "asilo", b, jan, jan.AddDate(0, 0, 3), -1, "")             // open
		qdAsked(t, d, "asilo", b, jan, jan.AddDate(0, 0, 3), 1, "importata-123") // imported: not counted

		rep, err := BuildReport(ctx, d, ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		near := func(got, want float64) bool { return math.Abs(got-want) < 0.01 }
		t.Run("overall: median days and on-time share", func(t *testing.T) {
			o := rep.Overall
			if o.Total != 4 || o.Answered != 3 || !near(o.Median, 3+20.0/24) || o.OnTime != 2 || o.WithDue != 3 {
				t.Errorf("overall %+v; want 4 asked, 3 answered, median 3.83 days, 2 of 3 on time", o)
			}
			if !near(o.OnTimeShare(), 200.0/3) {
				t.Errorf("on-time share %.2f, want 66.67", o.OnTimeShare())
			}
		})
		t.Run("by topic, in the topics' order", func(t *testing.T) {
			if len(rep.ByTopic) != 2 || rep.ByTopic[0].Label != "Permessi di soggiorno" {
				t.Fatalf("topics %+v", rep.ByTopic)
			}
			p := rep.ByTopic[0]
			if p.Total != 2 || !near(p.Median, 6) || p.OnTime != 1 {
				t.Errorf("permits %+v; want 2 asked, median 6 days, 1 on time", p)
			}
		})
		t.Run("by organisation, the busiest first, ties by name", func(t *testing.T) {
			if len(rep.ByOrg) != 2 || rep.ByOrg[0].Label != "ASL di Prova" || rep.ByOrg[0].Total != 2 || rep.ByOrg[1].Total != 2 {
				t.Errorf("organisations %+v", rep.ByOrg)
			}
		})
		t.Run("by month", func(t *testing.T) {
			if len(rep.ByMonth) != 2 || rep.ByMonth[0].Label != "2026-01" || rep.ByMonth[0].Total != 3 || rep.ByMonth[1].Total != 1 {
				t.Errorf("months %+v", rep.ByMonth)
			}
		})
		t.Run("the period filter", func(t *testing.T) {
			from := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
			rep, err := BuildReport(ctx, d, ReportFilter{From: &from})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Overall.Total != 1 || !near(rep.Overall.Median, 10) || rep.Overall.OnTime != 0 {
				t.Errorf("February on %+v; want 1 asked, 10 days, late", rep.Overall)
			}
		})
		t.Run("the export has a header and a row per line", func(t *testing.T) {
			rows := ReportRows(rep, func(s string) string { return s })
			if len(rows) != 1+1+2+2+2 || rows[1][4] != "3.8" || rows[1][7] != "66.7" {
				t.Errorf("export %v", rows)
			}
		})
	})
}
