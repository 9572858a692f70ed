package monitoring

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// Tiles is the map tile server, from configuration.
type Tiles struct {
	URL         string // template with {z}/{x}/{y} (and optionally {s})
	Attribution string
}

// origin is the tile server's origin for the Content-Security-Policy, with
// a {s} subdomain as a wildcard; "" when the URL is not usable.
func (t Tiles) origin() string {
	u, err := url.Parse(strings.ReplaceAll(t.URL, "{s}", "s"))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	host := u.Host
	if strings.Contains(t.URL, "{s}.") {
		host = "*." + strings.TrimPrefix(host, "s.")
	}
	return u.Scheme + "://" + host
}

type mapPage struct {
	page
	Rows    []*Municipality // with facilities
	Plot    Plot
	Tiles   Tiles
	Tiled   bool
	Totals  Municipality
	Missing int // municipalities with facilities but no coordinates
}

func (h *Handler) mapPage(w http.ResponseWriter, r *http.Request) {
	all, err := h.Municipalities(r.Context(), web.UserOf(r), time.Now())
	if !h.guard(w, r, err) {
		return
	}
	p := &mapPage{page: h.newPage(r, "Mappa delle strutture"), Plot: plot(all), Tiles: h.tiles}
	p.Crumb("Mappa delle strutture", "")
	for _, m := range all {
		if m.Facilities == 0 {
			continue
		}
		p.Rows = append(p.Rows, m)
		p.Totals.Facilities += m.Facilities
		p.Totals.Places += m.Places
		p.Totals.Present += m.Present
		if !m.Located {
			p.Missing++
		}
	}
	if o := h.tiles.origin(); o != "" {
		p.Tiled = true
		csp := w.Header().Get("Content-Security-Policy")
		w.Header().Set("Content-Security-Policy", strings.Replace(csp, "img-src 'self' data:", "img-src 'self' data: "+o, 1))
	}
	h.web.Render(w, r, "monitoring/map.html", p)
}

// mapPoint is one Comune in the JSON the interactive map reads.
type mapPoint struct {
	ISTATCode  string  `json:"istat"`
	Name       string  `json:"name"`
	Lat        float64 `json:"lat"`
	Lng        float64 `json:"lng"`
	Facilities int     `json:"facilities"`
	Places     int     `json:"places"`
	Present    int     `json:"present"`
	Cap        int     `json:"cap"`
	URL        string  `json:"url"`
}

// mapJSON serves the located Comuni with facilities to the Leaflet map.
func (h *Handler) mapJSON(w http.ResponseWriter, r *http.Request) {
	all, err := h.Municipalities(r.Context(), web.UserOf(r), time.Now())
	if !h.guard(w, r, err) {
		return
	}
	out := []mapPoint{}
	for _, m := range all {
		if m.Facilities > 0 && m.Located {
			out = append(out, mapPoint{ISTATCode: m.ISTATCode, Name: m.Name, Lat: m.Point.Lat, Lng: m.Point.Lng,
				Facilities: m.Facilities, Places: m.Places, Present: m.Present, Cap: m.Cap,
				URL: "/strutture?state=active&istat_code=" + m.ISTATCode})
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	web.JSON(w, http.StatusOK, out)
}
