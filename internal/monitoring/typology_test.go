package monitoring_test

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/crocevia/crocevia/internal/monitoring"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestClasses(t *testing.T) {
	sizes := map[int]string{0: "1–5 posti", 5: "1–5 posti", 6: "6–15 posti", 15: "6–15 posti", 16: "16–50 posti",
		50: "16–50 posti", 51: "51–150 posti", 150: "51–150 posti", 151: "Oltre 150 posti"}
	for places, want := range sizes {
		if got := monitoring.SizeBand(places); got != want {
			t.Errorf("SizeBand(%d) = %q; want %q", places, got, want)
		}
	}
	if monitoring.Form("apartment") != "Appartamento" || monitoring.Form("hotel") != monitoring.Form("barracks") ||
		monitoring.Form("collective") != monitoring.Form("hotel") || monitoring.Form("other") == monitoring.Form("collective") {
		t.Error("apartments are apartments; centres, hotels and barracks are collective; other is apart")
	}
	if monitoring.Settlement(9999) == monitoring.Settlement(10000) || monitoring.Settlement(10000) != monitoring.Settlement(89411) {
		t.Error("a Comune is urban from 10,000 inhabitants")
	}
	if monitoring.Services("2021") == monitoring.Services("2024") || monitoring.Services("2017") != monitoring.Services("2021") ||
		monitoring.Services("") != "Senza contratto" {
		t.Error("the 2024 capitolato reduced the services; no contract is its own class")
	}
}

func TestTypologyAnalysis(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{})
		t.Run("an analyst sees aggregates with small classes suppressed", func(t *testing.T) {
			res := w.as(auth.RoleAnalyst).Get("/analisi/tipologie")
			res.WantStatus(t, 200)
			// Rural: only F4, so hidden; urban (F1 F2 F3) is withheld with
			// it, or 4 active facilities minus 3 urban would give F4 away.
			res.WantBody(t, "<caption>", `<th scope="row">Comune rurale (meno di 10.000 abitanti)</th>
    <td class="text-end">&lt;3</td>`, `<th scope="row">Comune urbano (da 10.000 abitanti)</th>
    <td class="text-end"><abbr title="non disponibile">n.d.</abbr></td>`)
			for _, name := range []string{"AL-CAS-F", "Struttura F", "Ente A", "Albera Ligure"} {
				if strings.Contains(res.Body, name) {
					t.Errorf("the analyst's view names %q", name)
				}
			}
			if strings.Contains(res.Body, "81,8%") {
				t.Error("F4's outcomes (6 of 11 conforming) leak from a suppressed class")
			}
		})
		t.Run("the Prefettura sees every class unsuppressed", func(t *testing.T) {
			res := w.as(auth.RolePrefettura).Get("/analisi/tipologie")
			res.WantStatus(t, 200)
			// Rural: F4 with 60 places and I4's 11 answers (6 conforming, 3 partial, 2 non-conforming).
			res.WantBody(t, `<th scope="row">Comune rurale (meno di 10.000 abitanti)</th>
    <td class="text-end">1</td>`, "54,5%", "27,3%", "18,2%")
			// Urban: F1 F2 F3, 54 places, the 2 conforming answers of F1's signed inspection.
			res.WantBody(t, `<th scope="row">Comune urbano (da 10.000 abitanti)</th>
    <td class="text-end">3</td>`, "75,0%", `<td class="text-end">54</td>`, `<td class="text-end">100,0%</td>`)
		})
		t.Run("only analysts, the Prefettura and admins reach the analysis", func(t *testing.T) {
			w.as(auth.RoleAdmin).Get("/analisi/tipologie").WantStatus(t, 200)
			for _, role := range []auth.Role{auth.RoleInspector, auth.RoleFacilityManager, auth.RoleExpert} {
				w.as(role).Get("/analisi/tipologie").WantStatus(t, 404)
				w.as(role).Get("/analisi/tipologie/export.csv").WantStatus(t, 404)
			}
		})
	})
}

func TestTypologyExports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{})
		c := w.as(auth.RoleAnalyst)
		res := c.Get("/analisi/tipologie/export.csv")
		res.WantStatus(t, 200)
		rows, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
		if err != nil {
			t.Fatalf("CSV: %v", err)
		}
		// Rural (F4 alone) is hidden, and urban with it: 4 active minus
		// 3 urban would give it away.
		want := map[string][]string{
			"Comune urbano (da 10.000 abitanti)":      {"n.d.", "", "", "", "", "", ""},
			"Comune rurale (meno di 10.000 abitanti)": {"<3", "", "", "", "", "", ""},
		}
		checkRows(t, "CSV", rows, want)
		x := c.Get("/analisi/tipologie/export.xlsx")
		x.WantStatus(t, 200)
		f, err := excelize.OpenReader(bytes.NewReader([]byte(x.Body)))
		if err != nil {
			t.Fatalf("XLSX: %v", err)
		}
		xrows, err := f.GetRows(f.GetSheetName(0))
		if err != nil {
			t.Fatal(err)
		}
		checkRows(t, "XLSX", xrows, want)
		if len(xrows) != len(rows) {
			t.Errorf("XLSX has %d rows, CSV %d", len(xrows), len(rows))
		}
	})
}

// checkRows finds each class's row (by its second column) and compares
// the figures after it.
func checkRows(t *testing.T, what string, rows [][]string, want map[string][]string) {
	t.Helper()
	if len(rows) == 0 || rows[0][0] != "Dimensione" {
		t.Fatalf("%s: no header: %v", what, rows)
	}
	for class, figs := range want {
		found := false
		for _, r := range rows[1:] {
			if len(r) > 1 && r[1] == class {
				found = true
				got := append(r[2:], make([]string, 7)...)[:7]
				if !sameFigures(got, figs) {
					t.Errorf("%s %q = %v; want %v", what, class, got, figs)
				}
			}
		}
		if !found {
			t.Errorf("%s: no row for %q", what, class)
		}
	}
}

// sameFigures compares figures as numbers where both are numbers: the
// XLSX stores 75.0 as the number 75.
func sameFigures(a, b []string) bool {
	for i := range a {
		x, errX := strconv.ParseFloat(a[i], 64)
		y, errY := strconv.ParseFloat(b[i], 64)
		if errX == nil && errY == nil {
			if x != y {
				return false
			}
		} else if a[i] != b[i] {
			return false
		}
	}
	return true
}
