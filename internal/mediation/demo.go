package mediation

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// medDemo is what the demo's requests share while they are drawn.
type medDemo struct {
	tx        *db.Tx
	now       time.Time
	today     time.Time // Rome date, midnight UTC
	rnd       *rand.Rand
	pol       Policy
	line      int64
	orgs      map[string]int64
	requester map[string]int64 // organisation key → its demo user who asks
	ms        []*seedMediator
	reqs      []*seedRequest
	consumed  int
}

// DemoSeed adds the demo's cultural mediation: the funding line
// "Progetto mediazione interculturale" of 3,000 hours over twelve months
// ending four months from today, with the default policy; the 15
// mediators of the demo provider (the demo mediator's account is one of
// them) speaking 12 languages; and eight months of requests from the
// demo's services in every state, about 1,900 hours of the line consumed
// by today, recurring series and on-the-job blocks among them. It draws
// from a fixed seed, relative to today, and does nothing when the line
// already exists.
func DemoSeed(ctx context.Context, tx *db.Tx, orgs map[string]int64, users map[auth.Role]int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM mediation_funding_lines WHERE name = ?`, demoLineName).Scan(&n); err != nil {
		return err
	}
	if n > 0 || orgs["mediazione"] == 0 {
		return nil
	}
	s, err := demoPlan(ctx, tx, orgs, users)
	if err != nil {
		return fmt.Errorf("mediation demo: %w", err)
	}
	actors := seedActors{coordinator: users[auth.RoleMediationCoordinator], mediator: map[int64]int64{s.ms[0].ID: s.ms[0].UserID}}
	if err := s.write(ctx, actors); err != nil {
		return fmt.Errorf("mediation demo: requests: %w", err)
	}
	return nil
}

// demoPlan writes the line and the mediators and draws the requests,
// relative to tx.Now.
func demoPlan(ctx context.Context, tx *db.Tx, orgs map[string]int64, users map[auth.Role]int64) (*medDemo, error) {
	s := &medDemo{tx: tx, now: tx.Now, today: dayOf(tx.Now), rnd: rand.New(rand.NewPCG(2026, 5)), pol: DefaultPolicy, orgs: orgs,
		requester: map[string]int64{"asl": users[auth.RoleServiceOperator], "prefettura": users[auth.RolePrefettura],
			"coop-ponte": users[auth.RoleFacilityManager]}}
	if err := s.writeLine(ctx); err != nil {
		return nil, err
	}
	if err := s.writeMediators(ctx, orgs["mediazione"], users[auth.RoleMediator]); err != nil {
		return nil, fmt.Errorf("mediators: %w", err)
	}
	if err := s.series(ctx); err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	s.recentAndFuture()
	s.forAccount()
	s.pending()
	s.past()
	return s, nil
}

// writeLine writes the funding line: twelve months, the last four still
// to come.
func (s *medDemo) writeLine(ctx context.Context) error {
	from := s.today.AddDate(0, -8, 0)
	to := from.AddDate(1, 0, -1)
	p := s.pol
	var err error
	s.line, err = db.InsertID(ctx, s.tx, `INSERT INTO mediation_funding_lines (name, total_min, starts_on, ends_on, round_min,
		minimum_min, travel_counts, late_notice_hours, late_counts, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		demoLineName, demoLineHours*60, from, to, p.RoundMin, p.MinimumMin, p.TravelCounts, p.LateNoticeH, p.LateCounts, true, from)
	return err
}

// writeMediators writes demoMediators of provider, the first linked to
// the demo mediator's account.
func (s *medDemo) writeMediators(ctx context.Context, provider, user int64) error {
	for i, d := range demoMediators {
		m := &Mediator{ProviderID: provider, Name: d.name, Email: d.email, Phone: fmt.Sprintf("+39 333 %07d", 1204050+i*7919),
			InPerson: d.modes[0], PhoneMode: d.modes[1], Video: d.modes[2], Areas: d.areas, Notes: d.note,
			Languages: d.langs, Municipality: d.places, Weekly: d.weekly}
		if i == 0 {
			m.UserID = user
		}
		for _, l := range d.leave {
			note := "Ferie"
			if l[1]-l[0] < 4 {
				note = "Permesso"
			}
			m.Leave = append(m.Leave, Leave{From: s.today.AddDate(0, 0, l[0]), To: s.today.AddDate(0, 0, l[1]), Note: note})
		}
		s.ms = append(s.ms, &seedMediator{Mediator: m})
	}
	return seedWriteMediators(ctx, s.tx, s.ms)
}

// base is a request of office o in language lang, the slot still to set.
func (s *medDemo) base(o *demoOffice, lang string) *seedRequest {
	r := &seedRequest{}
	r.OrgID, r.Office, r.RequesterID, r.Service = s.orgs[o.org], o.office, s.requester[o.org], o.service
	r.Referent = o.referents[s.rnd.IntN(len(o.referents))]
	prefix := map[string]string{alCasale: "0142", alNovi: "0143"}[o.istat]
	if prefix == "" {
		prefix = "0131"
	}
	r.Contact = fmt.Sprintf("%s, tel. %s %06d", r.Referent, prefix, 200000+s.rnd.IntN(99999))
	r.Kind, r.Language, r.ISTATCode, r.Place, r.Urgency = Interpreting, lang, o.istat, o.place, Scheduled
	ns := demoNationality[lang]
	r.Nationality = ns[s.rnd.IntN(len(ns))]
	r.Beneficiary = fmt.Sprintf("BEN-%04d", 1+s.rnd.IntN(640))
	return r
}

// office draws an office by weight; at weekends only those that call at
// weekends.
func (s *medDemo) office(weekend bool) *demoOffice {
	total := 0.0
	for i := range demoOffices {
		if !weekend || demoOffices[i].weekend {
			total += demoOffices[i].weight
		}
	}
	x := s.rnd.Float64() * total
	for i := range demoOffices {
		o := &demoOffices[i]
		if weekend && !o.weekend {
			continue
		}
		if x -= o.weight; x < 0 {
			return o
		}
	}
	return &demoOffices[0]
}

func (s *medDemo) language() string {
	total := 0
	for _, l := range demoLanguages {
		total += l.weight
	}
	x := s.rnd.IntN(total)
	for _, l := range demoLanguages {
		if x -= l.weight; x < 0 {
			return l.code
		}
	}
	return "ar"
}

func (s *medDemo) mode(o *demoOffice) Mode {
	x := s.rnd.IntN(o.modes[0] + o.modes[1] + o.modes[2])
	switch {
	case x < o.modes[0]:
		return InPerson
	case x < o.modes[0]+o.modes[1]:
		return Phone
	}
	return Video
}

func (s *medDemo) pick(xs []string) string { return xs[s.rnd.IntN(len(xs))] }

// demoAt is the instant of Rome time h:m on day (a Rome date at midnight UTC).
func demoAt(day time.Time, h, m int) time.Time {
	y, mo, d := day.Date()
	return time.Date(y, mo, d, h, m, 0, 0, romeZone).UTC()
}

// draw is a request of a service for day, sent but not yet lived.
func (s *medDemo) draw(day time.Time, weekend bool) *seedRequest {
	o := s.office(weekend)
	r := s.base(o, s.language())
	x := s.rnd.Float64()
	switch {
	case weekend && x < o.rosa/(o.rosa+o.urgent):
		r.Urgency = CodiceRosa
	case weekend:
		r.Urgency = Urgent
	case x < o.rosa:
		r.Urgency = CodiceRosa
	case x < o.rosa+o.urgent:
		r.Urgency = Urgent
	}
	r.Mode = s.mode(o)
	minutes := o.durations[s.rnd.IntN(len(o.durations))]
	switch {
	case r.Urgency == CodiceRosa:
		r.Reason = s.pick(demoRosaReasons)
		r.Start = demoAt(day, s.rnd.IntN(24), 5*s.rnd.IntN(12))
		r.SentAt = r.Start.Add(-seedMinutes(s.rnd, 15, 60))
		if h := r.Start.In(romeZone).Hour(); h < 7 || h >= 21 {
			r.Mode = Phone
		}
	case r.Urgency == Urgent:
		r.Reason = s.pick(demoUrgentReasons)
		if o.service != Health {
			r.Reason = s.pick(demoReasons[o.service])
		}
		r.Start = demoAt(day, 7+s.rnd.IntN(14), 5*s.rnd.IntN(12))
		r.SentAt = r.Start.Add(-seedMinutes(s.rnd, 50, 180))
	default:
		r.Reason = s.pick(demoReasons[o.service])
		t := demoTimes[s.rnd.IntN(len(demoTimes))]
		if s.rnd.Float64() < o.onJob {
			r.Kind, r.Reason, r.Beneficiary, r.Mode = OnTheJob, s.pick(demoJobReasons), "", InPerson
			minutes = 180 + 60*s.rnd.IntN(2)
			t = [][2]int{{8, 30}, {9, 0}, {14, 0}}[s.rnd.IntN(3)]
		}
		r.Start = demoAt(day, t[0], t[1])
		sent := day.AddDate(0, 0, -o.lead[0]-s.rnd.IntN(o.lead[1]-o.lead[0]+1))
		for sent.Weekday() == time.Saturday || sent.Weekday() == time.Sunday {
			sent = sent.AddDate(0, 0, -1)
		}
		r.SentAt = demoAt(sent, 8, 0).Add(seedMinutes(s.rnd, 0, 9*60))
	}
	if r.Language == "lis" && r.Mode == Phone {
		r.Mode = InPerson
	}
	r.End = r.Start.Add(time.Duration(minutes) * time.Minute)
	if r.Urgency == Scheduled {
		s.reslot(r, day)
	}
	r.CreatedAt = r.SentAt.Add(-seedMinutes(s.rnd, 2, 40))
	return r
}

// one draws a request of a service for day and lives it as far as today;
// nil when it would be sent after today (a scheduled appointment not yet
// asked for), save a few that are still drafts.
func (s *medDemo) one(day time.Time, weekend bool) *seedRequest {
	r := s.draw(day, weekend)
	if r.SentAt.After(s.now) {
		if r.Urgency != Scheduled || s.rnd.IntN(100) >= 8 {
			return nil
		}
		r.SentAt, r.CreatedAt, r.State = time.Time{}, s.now.Add(-seedMinutes(s.rnd, 20, 30*60)), Draft
		return r
	}
	final, from := seedOutcome(r, s.now, s.rnd)
	s.live(r, final, from, seedPipeFor(&r.Request, s.rnd))
	return r
}

// forAccount gives the demo mediator's account work to see: offers
// waiting for an answer and confirmed appointments in the coming days,
// in the languages and areas of her profile.
func (s *medDemo) forAccount() {
	m := s.ms[0]
	for _, want := range []struct {
		state State
		n     int
	}{{Assigned, 2}, {Confirmed, 5}} {
		got := 0
		for tries := 0; got < want.n && tries < 200; tries++ {
			day := s.today.AddDate(0, 0, 1+tries%10)
			if day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
				continue
			}
			r := s.draw(day, false)
			r.Language = m.Languages[tries%len(m.Languages)].Code
			r.Nationality = s.pick(demoNationality[r.Language])
			if r.Urgency != Scheduled || !m.fits(&r.Request) {
				continue
			}
			r.SentAt = s.now.Add(-seedMinutes(s.rnd, 26*60, 60*60))
			r.CreatedAt = r.SentAt.Add(-seedMinutes(s.rnd, 2, 40))
			p := seedPipe{validate: 3 * time.Hour, assign: 20 * time.Hour, confirm: 72 * time.Hour}
			if want.state == Confirmed {
				p.confirm = 2 * time.Hour
			}
			seedFill(r, Approved, "", p, s.pol, s.now, s.rnd)
			if r.State != want.state {
				continue
			}
			s.book(r, m)
			s.add(r)
			got++
		}
	}
}

// pending tops up the requests waiting at the steps a working day always
// has, whatever today is: sent hours ago and not yet validated, assigned
// and waiting for the mediator's answer, delivered and not yet reported.
func (s *medDemo) pending() {
	have := map[State]int{}
	for _, r := range s.reqs {
		have[r.State]++
	}
	weekday := func(d time.Time, step int) time.Time {
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			d = d.AddDate(0, 0, step)
		}
		return d
	}
	for _, st := range []State{Sent, Assigned, Delivered} {
		for tries := 0; have[st] < 3 && tries < 40; tries++ {
			var r *seedRequest
			p := seedPipe{validate: 3 * time.Hour, assign: 20 * time.Hour, confirm: 72 * time.Hour, report: 96 * time.Hour}
			if st == Delivered {
				r = s.draw(weekday(s.today.AddDate(0, 0, -1), -1), false)
				p.confirm = 2 * time.Hour
			} else {
				r = s.draw(weekday(s.today.AddDate(0, 0, 3+tries%5), 1), false)
				r.SentAt = s.now.Add(-seedMinutes(s.rnd, 30, 300))
				if st == Assigned {
					r.SentAt = r.SentAt.Add(-p.validate - p.assign)
				} else {
					p.validate = 48 * time.Hour
				}
				r.CreatedAt = r.SentAt.Add(-seedMinutes(s.rnd, 2, 40))
			}
			if r.Urgency != Scheduled || r.SentAt.After(s.now) {
				continue
			}
			s.live(r, Approved, "", p)
			if r.State == st {
				s.add(r)
				have[st]++
			} else if r.MediatorID != 0 {
				s.add(r) // booked already: keep it
			}
		}
	}
}

// reslot moves a scheduled request nobody could take to another time of
// the same day or of the next working days, as the coordinator would
// agree with the service; r stays where it was when no time suits.
func (s *medDemo) reslot(r *seedRequest, day time.Time) {
	anyone := func() bool {
		for _, m := range s.ms {
			if m.fits(&r.Request) {
				return true
			}
		}
		return false
	}
	if anyone() {
		return
	}
	start, end := r.Start, r.End
	length := end.Sub(start)
	for k := 0; k < 4; k++ {
		d := day.AddDate(0, 0, k)
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			continue
		}
		for _, i := range s.rnd.Perm(len(demoTimes)) {
			r.Start = demoAt(d, demoTimes[i][0], demoTimes[i][1])
			r.End = r.Start.Add(length)
			if anyone() {
				return
			}
		}
	}
	r.Start, r.End = start, end
}

// live stamps r's steps and books its mediator when it reached the
// assignment; an urgent call also reaches other mediators, and now and
// then a first mediator declines.
func (s *medDemo) live(r *seedRequest, final, from State, p seedPipe) {
	seedFill(r, final, from, p, s.pol, s.now, s.rnd)
	if !seedNeedsMediator(r) {
		return
	}
	m := seedMatch(s.ms, &r.Request, s.rnd)
	s.book(r, m)
}

// book gives r to m (nil: nobody could take it).
func (s *medDemo) book(r *seedRequest, m *seedMediator) {
	if m != nil && r.Urgency.Broadcast() {
		r.others = seedOthers(s.ms, &r.Request, m, 3)
	}
	if m != nil && r.Urgency == Scheduled && r.SeriesID == 0 && s.rnd.IntN(100) < 6 && r.AssignedAt.Sub(r.ValidatedAt) > 30*time.Minute {
		if o := seedOthers(s.ms, &r.Request, m, 1); len(o) == 1 {
			r.declined, r.declinedAt = o[0], r.AssignedAt.Add(-r.AssignedAt.Sub(r.ValidatedAt)/3).Truncate(time.Minute)
		}
	}
	seedBook(r, m, s.line, s.pol, s.now)
}

// add keeps r and counts what it consumed.
func (s *medDemo) add(r *seedRequest) int {
	s.reqs = append(s.reqs, r)
	if r.State.Consumes() {
		s.consumed += r.CountedMin
		return r.CountedMin
	}
	return 0
}

// series draws the recurring requests of demoSeriesPlans: one mediator
// for the whole series where one fits every week.
func (s *medDemo) series(ctx context.Context) error {
	weeks := make([]int, len(demoSeriesPlans))
	for i, p := range demoSeriesPlans {
		weeks[i] = p.weeks
	}
	ids, err := seedSeries(ctx, s.tx, weeks)
	if err != nil {
		return err
	}
	monday := s.today.AddDate(0, 0, -(int(s.today.Weekday())+6)%7)
	for i, p := range demoSeriesPlans {
		o := &demoOffices[p.office]
		first := monday.AddDate(0, 0, 7*p.fromWeek+p.weekday-1)
		sent := demoAt(first.AddDate(0, 0, -10), 10, 0)
		if lim := s.now.Add(-20 * time.Hour); sent.After(lim) {
			sent = lim.Truncate(time.Minute)
		}
		var rs []*seedRequest
		var pipe seedPipe
		beneficiary := fmt.Sprintf("BEN-%04d", 1+s.rnd.IntN(640))
		for k := range p.weeks {
			r := s.base(o, p.lang)
			r.SeriesID, r.Kind, r.Reason, r.Mode = ids[i], p.kind, p.reason, InPerson
			r.Beneficiary = beneficiary
			if p.kind == OnTheJob {
				r.Beneficiary = ""
			}
			r.Start = demoAt(first.AddDate(0, 0, 7*k), p.hour, p.min)
			r.End = r.Start.Add(time.Duration(p.minutes) * time.Minute)
			r.SentAt, r.CreatedAt = sent, sent.Add(-25*time.Minute)
			if k == 0 {
				pipe = seedPipeFor(&r.Request, s.rnd)
				if p.cap != "" {
					pipe.validate = 3 * time.Hour // the coordinator validated it, the assignment waits
				}
			}
			final, from := Approved, State("")
			if k+1 == p.cancelAfter {
				final, from = CancelledTime, Confirmed
			}
			seedFill(r, final, from, pipe, s.pol, s.now, s.rnd)
			rs = append(rs, r)
		}
		m := s.seriesMediator(rs)
		for _, r := range rs {
			switch {
			case !seedNeedsMediator(r):
			case p.cap != "":
				seedBook(r, nil, s.line, s.pol, s.now)
			case m != nil && m.fits(&r.Request):
				s.book(r, m)
			default:
				s.book(r, seedMatch(s.ms, &r.Request, s.rnd))
			}
			s.add(r)
		}
	}
	return nil
}

// seriesMediator is the mediator who fits most of rs, the least booked
// first.
func (s *medDemo) seriesMediator(rs []*seedRequest) *seedMediator {
	var best *seedMediator
	bestN := 0
	for _, m := range s.ms {
		n := 0
		for _, r := range rs {
			if m.fits(&r.Request) {
				n++
			}
		}
		if n > bestN || (n == bestN && best != nil && m.booked < best.booked) {
			best, bestN = m, n
		}
	}
	return best
}

// recentAndFuture draws the last ten days' requests and those of the
// next five weeks already asked for.
func (s *medDemo) recentAndFuture() {
	for d := s.today.AddDate(0, 0, -10); d.Before(s.today.AddDate(0, 0, 36)); d = d.AddDate(0, 0, 1) {
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		n := 7 + s.rnd.IntN(4)
		if weekend {
			n = s.rnd.IntN(3)
		}
		for range n {
			if r := s.one(d, weekend); r != nil {
				s.add(r)
			}
		}
	}
}

// past draws the requests from the line's start to ten days ago until
// what they consume, with the series and the recent ones, reaches about
// demoConsumedMin: spread over the days, growing as the project got
// known, weekends asking only for urgent calls.
func (s *medDemo) past() {
	start, end := s.today.AddDate(0, -8, 0), s.today.AddDate(0, 0, -10)
	var days []time.Time
	var weights []float64
	total := 0.0
	span := end.Sub(start).Hours()
	for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
		w := 0.7 + 0.6*d.Sub(start).Hours()/span
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			w *= 0.12
		}
		days, weights, total = append(days, d), append(weights, w), total+w
	}
	want := float64(demoConsumedMin - s.consumed)
	cum, got := 0.0, 0
	for i, d := range days {
		cum += weights[i]
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		for tries := 0; float64(got) < want*cum/total && tries < 80; tries++ {
			if r := s.one(d, weekend); r != nil {
				got += s.add(r)
			}
		}
	}
}

// write writes the requests in the order they were created, the
// allocations of the two health services and the budget alerts reached.
func (s *medDemo) write(ctx context.Context, actors seedActors) error {
	slices.SortStableFunc(s.reqs, func(a, b *seedRequest) int {
		if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
			return c
		}
		return a.Start.Compare(b.Start)
	})
	w, err := newSeedWriter(ctx, s.tx, actors)
	if err != nil {
		return err
	}
	used := map[int64]int{}
	for _, r := range s.reqs {
		if err := w.add(ctx, r); err != nil {
			return err
		}
		if r.State.Booked() {
			used[r.OrgID] += r.HeldMin
		}
		if r.State.Consumes() {
			used[r.OrgID] += r.CountedMin
		}
	}
	if err := w.close(ctx); err != nil {
		return err
	}
	for key, hours := range map[string]int{"asl": 700, "ospedale": 900} {
		org := s.orgs[key]
		// Room enough for what the demo used, whatever today's draw.
		for hours*60 < used[org]*5/4 {
			hours += 50
		}
		if _, err := s.tx.ExecContext(ctx, `INSERT INTO mediation_allocations (funding_line_id, org_id, total_min) VALUES (?, ?, ?)`,
			s.line, org, hours*60); err != nil {
			return err
		}
	}
	return s.alerts(ctx)
}

// alerts records the thresholds the consumed hours have passed, each
// when it was passed.
func (s *medDemo) alerts(ctx context.Context) error {
	type use struct {
		at  time.Time
		min int
	}
	var uses []use
	for _, r := range s.reqs {
		if r.State.Consumes() {
			uses = append(uses, use{r.ClosedAt, r.CountedMin})
		}
	}
	slices.SortFunc(uses, func(a, b use) int { return a.at.Compare(b.at) })
	sum, next := 0, 0
	thresholds := []int{50, 75, 90, 100}
	for _, u := range uses {
		sum += u.min
		for next < len(thresholds) && sum*100 >= thresholds[next]*demoLineHours*60 {
			if _, err := s.tx.ExecContext(ctx, `INSERT INTO mediation_budget_alerts (funding_line_id, threshold, at) VALUES (?, ?, ?)`,
				s.line, thresholds[next], u.at); err != nil {
				return err
			}
			next++
		}
	}
	return nil
}
