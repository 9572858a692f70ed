package monitoring

import (
	"context"
	"math"
	"sort"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Municipality is one Comune of the province with its active facilities,
// their contracted places, the guests present (latest reported days) and
// the cap in force.
type Municipality struct {
	ISTATCode  string
	Name       string
	Population int
	Facilities int
	Places     int
	Present    int
	Cap        int
	Point      Point
	Located    bool // Point is known
}

// Over reports whether the places exceed the cap.
func (m *Municipality) Over() bool { return m.Places > m.Cap }

// Municipalities lists every Comune of the province on day now, the ones
// with facilities first by places, then the rest by name.
func (h *Handler) Municipalities(ctx context.Context, u *auth.User, now time.Time) ([]*Municipality, error) {
	caps, err := h.registry.Caps(ctx, u)
	if err != nil {
		return nil, err
	}
	pres, err := latestPresences(ctx, h.db, dayOf(now))
	if err != nil {
		return nil, err
	}
	out := make([]*Municipality, 0, len(caps))
	for _, c := range caps {
		m := &Municipality{ISTATCode: c.ISTATCode, Name: c.Name, Population: c.Population, Facilities: c.Facilities,
			Places: c.Places, Present: pres[c.ISTATCode].Present, Cap: c.Cap()}
		m.Point, m.Located = Coordinates(c.ISTATCode)
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Places != out[j].Places {
			return out[i].Places > out[j].Places
		}
		return out[i].Facilities > out[j].Facilities
	})
	return out, nil
}

// SVG geometry: a plate carrée scaled by the cosine of the middle
// latitude, fitted in Width with a margin.
const (
	svgWidth  = 640.0
	svgMargin = 28.0
	minRadius = 3.0
	maxRadius = 22.0
)

// Dot is one municipality drawn on the server-side map.
type Dot struct {
	X, Y, R float64
	M       *Municipality
}

// Plot is the server-side map: every located Comune of the province, the
// ones with facilities as circles sized by places.
type Plot struct {
	Width, Height float64
	Dots          []Dot // with facilities, largest first so small ones stay on top
	Context       []Dot // without facilities: small grey dots
}

// plot projects ms. It is empty when no Comune is located.
func plot(ms []*Municipality) Plot {
	minLat, maxLat, minLng, maxLng := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	maxPlaces := 0
	for _, m := range ms {
		if !m.Located {
			continue
		}
		minLat, maxLat = math.Min(minLat, m.Point.Lat), math.Max(maxLat, m.Point.Lat)
		minLng, maxLng = math.Min(minLng, m.Point.Lng), math.Max(maxLng, m.Point.Lng)
		maxPlaces = max(maxPlaces, m.Places)
	}
	if math.IsInf(minLat, 1) {
		return Plot{}
	}
	kx := math.Cos((minLat + maxLat) / 2 * math.Pi / 180)
	spanX, spanY := math.Max((maxLng-minLng)*kx, 1e-6), math.Max(maxLat-minLat, 1e-6)
	scale := (svgWidth - 2*svgMargin) / math.Max(spanX, spanY)
	p := Plot{Width: svgWidth, Height: math.Round(spanY*scale + 2*svgMargin)}
	for _, m := range ms {
		if !m.Located {
			continue
		}
		d := Dot{X: round1(svgMargin + (m.Point.Lng-minLng)*kx*scale), Y: round1(svgMargin + (maxLat-m.Point.Lat)*scale), M: m}
		if m.Facilities == 0 {
			d.R = 1.5
			p.Context = append(p.Context, d)
			continue
		}
		d.R = round1(minRadius + (maxRadius-minRadius)*math.Sqrt(float64(m.Places)/float64(max(maxPlaces, 1))))
		p.Dots = append(p.Dots, d)
	}
	sort.SliceStable(p.Dots, func(i, j int) bool { return p.Dots[i].R > p.Dots[j].R })
	return p
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
