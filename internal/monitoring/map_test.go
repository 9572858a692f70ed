package monitoring_test

import (
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/monitoring"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestMapGroupsFacilitiesByMunicipality(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{})
		res := w.as(auth.RolePrefettura).Get("/mappa")
		res.WantStatus(t, 200)
		t.Run("the table has one row per Comune with active facilities, linked to their lists", func(t *testing.T) {
			res.WantBody(t,
				// Alessandria: F1 F2 F3, 54 places, 12 present (F3 silent for 20 days), cap 300 (over 60,000 inhabitants).
				`<th scope="row">Alessandria</th>`, `href="/strutture?state=active&amp;istat_code=006003"`, `>3</a>`, `>54</td>`, `>12</td>`,
				`href="/comuni/tetti/006003"`, `>300</a>`,
				// Albera Ligure: F4, 60 places over its cap of 20.
				`<th scope="row">Albera Ligure</th>`, `>60</td>`, `>50</td>`, `>20</a> <span class="badge bg-danger">superato</span>`)
			if strings.Contains(res.Body, `<th scope="row">Acqui Terme</th>`) {
				t.Error("Acqui Terme has only a suspended facility: it must not be listed")
			}
		})
		t.Run("without tiles the server draws the Comuni as an accessible SVG", func(t *testing.T) {
			res.WantBody(t, `<svg class="monitor-svg"`, `role="img"`, `aria-labelledby="svg-title"`,
				`<title>Alessandria: 3 strutture, 54 posti, 12 presenti</title>`)
			if strings.Contains(res.Body, "leaflet") {
				t.Error("no tiles configured: the page must not load Leaflet")
			}
		})
		t.Run("the JSON for the interactive map has the located Comuni", func(t *testing.T) {
			js := w.as(auth.RoleInspector).Get("/mappa/dati.json")
			js.WantStatus(t, 200)
			js.WantBody(t, `"istat":"006003"`, `"places":54`, `"istat":"006002"`, `"lat":44.7016`)
		})
		t.Run("only staff who see every facility reach the map", func(t *testing.T) {
			for _, role := range []auth.Role{auth.RoleAdmin, auth.RoleInspector} {
				w.as(role).Get("/mappa").WantStatus(t, 200)
			}
			for _, role := range []auth.Role{auth.RoleFacilityManager, auth.RoleAnalyst, auth.RoleMediator} {
				w.as(role).Get("/mappa").WantStatus(t, 404)
				w.as(role).Get("/mappa/dati.json").WantStatus(t, 404)
			}
		})
	})
}

func TestMapWithTiles(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d, monitoring.Deps{MapTiles: "https://{s}.tiles.example.org/{z}/{x}/{y}.png", MapAttribution: "© Esempio"})
		res := w.as(auth.RolePrefettura).Get("/mappa")
		res.WantStatus(t, 200)
		res.WantBody(t, `id="monitor-map"`, `data-src="/mappa/dati.json"`, `data-tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png"`,
			`vendor/leaflet/leaflet.js`, `js/monitoring-map.js`, `<svg class="monitor-svg"`, "© Esempio")
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "img-src 'self' data: https://*.tiles.example.org;") {
			t.Errorf("the CSP must admit the tile server's images: %s", csp)
		}
	})
}
