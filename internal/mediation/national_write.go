package mediation

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// natOffices are the offices that ask, by service.
var natOffices = map[ServiceType][]string{
	Health:      {"Pronto soccorso", "Consultorio familiare", "Ambulatorio ISI", "Ostetricia e ginecologia", "Pediatria"},
	Questura:    {"Ufficio immigrazione"},
	Prefettura:  {"Sportello unico per l'immigrazione", "Ufficio accoglienza"},
	Commissione: {"Commissione territoriale - audizioni"},
	School:      {"Istituto comprensivo - colloqui scuola-famiglia"},
	Social:      {"Servizi sociali", "Ufficio anagrafe"},
}

// requests draws the requests day by day, the oldest first, and writes
// them natChunk to a transaction.
func (n *natLoad) requests(ctx context.Context, d *db.DB, out io.Writer, start time.Time) error {
	days, quota := n.days()
	batch := make([]*seedRequest, 0, natChunk)
	written, chunks := 0, 0
	flush := func() error {
		err := d.InTx(ctx, func(tx *db.Tx) error {
			if err := db.ReadyBulk(ctx, tx); err != nil {
				return err
			}
			w, err := newSeedWriter(ctx, tx, n.actors)
			if err != nil {
				return err
			}
			for _, r := range batch {
				if err := w.add(ctx, r); err != nil {
					return err
				}
			}
			n.events, n.offers = n.events+w.Events, n.offers+w.Offs
			return w.close(ctx)
		})
		written, chunks, batch = written+len(batch), chunks+1, batch[:0]
		if err == nil && (chunks%4 == 0 || written == n.size.Requests) {
			fmt.Fprintf(out, "mediation: %d/%d requests, %s\n", written, n.size.Requests, time.Since(start).Round(time.Second))
		}
		return err
	}
	for i, day := range days {
		ahead := int(day.Sub(n.today) / (24 * time.Hour))
		for range quota[i] {
			batch = append(batch, n.request(day, ahead))
			if len(batch) == natChunk {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if len(batch) > 0 {
		return flush()
	}
	return nil
}

// days are the days of the load, three years back to six weeks ahead,
// and how many requests each has: growing over the years, few at
// weekends, fewer the further ahead (not yet asked for).
func (n *natLoad) days() ([]time.Time, []int) {
	from, to := n.today.AddDate(-3, 0, 0), n.today.AddDate(0, 0, 43)
	span := n.today.Sub(from).Hours()
	var days []time.Time
	var weights []float64
	total := 0.0
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		w := 0.6 + 0.6*min(1, d.Sub(from).Hours()/span)
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			w *= 0.12
		}
		if k := d.Sub(n.today).Hours() / 24; k > 0 {
			w *= 1 - k/43
		}
		days, weights, total = append(days, d), append(weights, w), total+w
	}
	quota := make([]int, len(days))
	cum, done := 0.0, 0
	for i, w := range weights {
		cum += w
		upto := int(float64(n.size.Requests)*cum/total + 0.5)
		quota[i], done = upto-done, upto
	}
	return days, quota
}

// request draws one request for day (ahead days from today), tries a few
// mediators for it and lives it as far as today.
func (n *natLoad) request(day time.Time, ahead int) *seedRequest {
	var r *seedRequest
	var m *seedMediator
	for range 6 {
		c := n.ms[n.rnd.IntN(len(n.ms))]
		r = n.draw(day, ahead, c)
		if c.fits(&r.Request) {
			m = c
			break
		}
	}
	if n.rnd.IntN(100) < 3 { // a language nobody nearby speaks
		r.Language, r.Nationality, m = []string{"wo", "bm", "tr", "ku", "ps", "so"}[n.rnd.IntN(6)], "", nil
	}
	if r.State != Draft {
		final, from := seedOutcome(r, n.now, n.rnd)
		seedFill(r, final, from, seedPipeFor(&r.Request, n.rnd), n.pol, n.now, n.rnd)
		if seedNeedsMediator(r) {
			seedBook(r, m, n.lines[r.Start.In(romeZone).Year()], n.pol, n.now)
		}
	}
	switch {
	case r.State.Booked():
		n.used[r.FundingLineID] += r.HeldMin
	case r.State.Consumes():
		n.used[r.FundingLineID] += r.CountedMin
	}
	return r
}

// service is a service asking in area a: legal needs are the Questura's,
// the Prefettura's or the Commissione's.
func (n *natLoad) service(a Area) ServiceType {
	switch a {
	case AreaHealth:
		return Health
	case AreaSchool:
		return School
	case AreaSocial:
		return Social
	}
	return []ServiceType{Questura, Questura, Questura, Prefettura, Prefettura, Commissione}[n.rnd.IntN(6)]
}

// draw is a request for day within mediator c's languages, areas,
// municipalities, modes and weekly windows; whether c is free is left to
// the caller.
func (n *natLoad) draw(day time.Time, ahead int, c *seedMediator) *seedRequest {
	rnd := n.rnd
	r := &seedRequest{}
	r.Language = c.Languages[0].Code
	if len(c.Languages) > 1 && rnd.IntN(3) == 0 {
		r.Language = c.Languages[1+rnd.IntN(len(c.Languages)-1)].Code
	}
	if ns := demoNationality[r.Language]; len(ns) > 0 {
		r.Nationality = ns[rnd.IntN(len(ns))]
	}
	weekend := day.Weekday() == time.Saturday || day.Weekday() == time.Sunday
	area := c.Areas[rnd.IntN(len(c.Areas))]
	if weekend && ahead < 0 && (c.HasArea(AreaHealth) || c.HasArea(AreaLegal)) {
		area = AreaLegal // at weekends only emergencies call: hospitals and police
		if c.HasArea(AreaHealth) {
			area = AreaHealth
		}
	}
	r.Service = n.service(area)
	if area == AreaLegal && weekend && ahead < 0 {
		r.Service = Questura
	}
	mun := n.munOf[c.Municipality[rnd.IntN(len(c.Municipality))]]
	p := n.provinces[mun.province]
	switch r.Service {
	case Health:
		r.OrgID = p.asl
	case Questura:
		r.OrgID = p.questura
	case Prefettura, Commissione:
		r.OrgID = p.prefettura
	default:
		r.OrgID, r.RequesterID = mun.comune, mun.user
		if r.OrgID == 0 {
			r.OrgID = p.prefettura
		}
	}
	offices := natOffices[r.Service]
	r.Office, r.ISTATCode, r.Place = offices[rnd.IntN(len(offices))], mun.code, mun.name
	r.Referent, r.Kind, r.Urgency = "Referente sintetico", Interpreting, Scheduled
	r.Reason = demoReasons[r.Service][rnd.IntN(len(demoReasons[r.Service]))]
	r.Beneficiary = fmt.Sprintf("BEN-%05d", 1+rnd.IntN(99999))
	x := rnd.IntN(100)
	switch {
	case ahead >= 0:
	case r.Service == Health && (weekend && x < 25 || x < 3):
		r.Urgency = CodiceRosa
	case r.Service == Questura && x < 3:
		r.Urgency = CodiceRosa
	case weekend && (r.Service == Health || r.Service == Questura) || r.Service == Health && x < 12 || x < 1:
		r.Urgency = Urgent
	}
	var modes []Mode
	for _, md := range []Mode{InPerson, InPerson, InPerson, Phone, Video} {
		if c.Offers(md) {
			modes = append(modes, md)
		}
	}
	r.Mode = modes[rnd.IntN(len(modes))]
	minutes := []int{45, 60, 60, 90, 120}[rnd.IntN(5)]
	if r.Urgency == Scheduled && r.Mode == InPerson && rnd.IntN(100) < 5 {
		r.Kind, r.Reason, r.Beneficiary = OnTheJob, demoJobReasons[rnd.IntN(len(demoJobReasons))], ""
		minutes = 180 + 60*rnd.IntN(2)
	}
	switch r.Urgency {
	case CodiceRosa:
		r.Start = demoAt(day, rnd.IntN(24), 5*rnd.IntN(12))
		r.SentAt = r.Start.Add(-seedMinutes(rnd, 15, 60))
	case Urgent:
		r.Start = demoAt(day, 7+rnd.IntN(14), 5*rnd.IntN(12))
		r.SentAt = r.Start.Add(-seedMinutes(rnd, 50, 180))
	default:
		r.Start = demoAt(day, 9, 0)
		wd := int(day.Weekday())
		if wd == 0 {
			wd = 7
		}
		var ws []Window
		for _, w := range c.Weekly {
			if w.Weekday == wd && w.EndMin-w.StartMin >= minutes {
				ws = append(ws, w)
			}
		}
		if len(ws) > 0 {
			w := ws[rnd.IntN(len(ws))]
			at := w.StartMin + 30*rnd.IntN((w.EndMin-w.StartMin-minutes)/30+1)
			r.Start = demoAt(day, at/60, at%60)
		}
		lead := 2 + rnd.IntN(13)
		if ahead > 0 {
			lead = ahead + rnd.IntN(4)
		}
		r.SentAt = demoAt(day.AddDate(0, 0, -lead), 8, 0).Add(seedMinutes(rnd, 0, 9*60))
	}
	r.End = r.Start.Add(time.Duration(minutes) * time.Minute)
	if r.SentAt.After(n.now) {
		r.SentAt = n.now.Add(-seedMinutes(rnd, 10, 600))
	}
	r.CreatedAt = r.SentAt.Add(-seedMinutes(rnd, 2, 40))
	if ahead > 0 && rnd.IntN(100) < 2 {
		r.SentAt, r.CreatedAt, r.State = time.Time{}, n.now.Add(-seedMinutes(rnd, 20, 1800)), Draft
	}
	return r
}
