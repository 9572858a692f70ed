package mediation

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// NationalSize is the size of the synthetic national mediation data.
type NationalSize struct {
	Mediators int
	Requests  int
}

// National is issue 5's national scale: 500 mediators across the
// country, 200,000 requests over three years.
var National = NationalSize{Mediators: 500, Requests: 200000}

// natChunk is how many requests one transaction writes, with their
// timelines and offers (about 150,000 rows).
var natChunk = 20000

// natMun is a municipality, with the synthetic Comune that asks for its
// social and school services and that Comune's operator (0 when the
// platform's national load made none).
type natMun struct {
	code, name, province, region string
	pop                          int
	comune, user                 int64
}

// natProvince is a province with its synthetic ASL, Questura and
// Prefettura.
type natProvince struct {
	name                      string
	muns                      []*natMun
	asl, questura, prefettura int64
}

// natLoad is what every synthetic request shares.
type natLoad struct {
	size       NationalSize
	now, today time.Time
	rnd        *rand.Rand
	pol        Policy
	muns       []*natMun
	cumPop     []int
	provinces  map[string]*natProvince
	munOf      map[string]*natMun
	providers  map[string]int64 // region → provider organisation
	ms         []*seedMediator
	lines      map[int]int64 // year → funding line
	used       map[int64]int // funding line → minutes held or consumed
	actors     seedActors
	events     int
	offers     int
}

// NationalSeed adds National's mediators and requests.
func NationalSeed(ctx context.Context, d *db.DB, out io.Writer) error {
	return NationalSeedAt(National)(ctx, d, out)
}

// NationalSeedAt adds sz.Mediators synthetic mediators, one provider per
// region, living in the country's municipalities (the larger the more)
// and covering a few of their province; a synthetic ASL, Questura and
// Prefettura per province; a funding line per calendar year; and
// sz.Requests requests from three years ago to the next weeks, growing
// over time, from those services and the synthetic Comuni of the
// platform's national load, in the usual mix of states, never
// double-booking a mediator. All in multi-row INSERTs, flagged
// synthetic where the table can say so, with no audit entries; ANALYZE
// refreshes the planners' statistics afterwards.
func NationalSeedAt(sz NationalSize) demo.NationalSeeder {
	return func(ctx context.Context, d *db.DB, out io.Writer) error {
		start := time.Now()
		n := &natLoad{size: sz, now: time.Now().UTC().Truncate(time.Second), rnd: rand.New(rand.NewPCG(2026, 55)),
			pol: DefaultPolicy, lines: map[int]int64{}, used: map[int64]int{}}
		n.today = dayOf(n.now)
		if err := n.readPlaces(ctx, d); err != nil {
			return fmt.Errorf("national mediation: %w", err)
		}
		if err := d.InTx(ctx, func(tx *db.Tx) error { return n.setup(ctx, tx) }); err != nil {
			return fmt.Errorf("national mediation: %w", err)
		}
		fmt.Fprintf(out, "mediation: %d mediators, %s\n", len(n.ms), time.Since(start).Round(time.Millisecond))
		if err := n.requests(ctx, d, out, start); err != nil {
			return fmt.Errorf("national mediation: %w", err)
		}
		if err := n.finish(ctx, d); err != nil {
			return fmt.Errorf("national mediation: %w", err)
		}
		fmt.Fprintf(out, "synthetic: %d mediators, %d mediation requests (%d events, %d offers) in %s\n", len(n.ms), sz.Requests,
			n.events, n.offers, time.Since(start).Round(time.Millisecond))
		return nil
	}
}

// readPlaces reads the municipalities with their synthetic Comuni and
// operators, and the demo's coordinator, who validates and assigns.
func (n *natLoad) readPlaces(ctx context.Context, d *db.DB) error {
	comuni := map[string]int64{}
	crows, err := d.QueryContext(ctx, `SELECT istat_code, MIN(id) FROM organisations WHERE synthetic = ? AND kind = 'comune'
		AND istat_code IS NOT NULL GROUP BY istat_code`, true)
	if err != nil {
		return err
	}
	for crows.Next() {
		var code string
		var id int64
		if err := crows.Scan(&code, &id); err != nil {
			crows.Close()
			return err
		}
		comuni[code] = id
	}
	crows.Close()
	rows, err := d.QueryContext(ctx, `SELECT istat_code, name, province, region, population FROM municipalities ORDER BY istat_code`)
	if err != nil {
		return err
	}
	n.provinces, n.munOf = map[string]*natProvince{}, map[string]*natMun{}
	byOrg := map[int64]*natMun{}
	for rows.Next() {
		m := &natMun{}
		if err := rows.Scan(&m.code, &m.name, &m.province, &m.region, &m.pop); err != nil {
			rows.Close()
			return err
		}
		m.comune = comuni[m.code]
		n.muns = append(n.muns, m)
		n.munOf[m.code] = m
		if m.comune != 0 {
			byOrg[m.comune] = m
		}
		p := n.provinces[m.province]
		if p == nil {
			p = &natProvince{name: m.province}
			n.provinces[m.province] = p
		}
		p.muns = append(p.muns, m)
	}
	rows.Close()
	if len(n.muns) == 0 {
		return fmt.Errorf("no municipalities loaded")
	}
	total := 0
	for _, m := range n.muns {
		total += max(m.pop, 1)
		n.cumPop = append(n.cumPop, total)
	}
	urows, err := d.QueryContext(ctx, `SELECT m.org_id, MIN(m.user_id) FROM memberships m JOIN organisations o ON o.id = m.org_id
		WHERE o.synthetic = ? AND o.kind = 'comune' GROUP BY m.org_id`, true)
	if err != nil {
		return err
	}
	for urows.Next() {
		var org, user int64
		if err := urows.Scan(&org, &user); err != nil {
			urows.Close()
			return err
		}
		if m := byOrg[org]; m != nil {
			m.user = user
		}
	}
	urows.Close()
	err = d.QueryRowContext(ctx, `SELECT COALESCE(MIN(m.user_id), 0) FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.role = ? AND u.synthetic = ?`, string(auth.RoleMediationCoordinator), false).Scan(&n.actors.coordinator)
	if noRows(err) {
		err = nil
	}
	return err
}

// natBiggest is the most populous of muns.
func natBiggest(muns []*natMun) *natMun {
	b := muns[0]
	for _, m := range muns {
		if m.pop > b.pop {
			b = m
		}
	}
	return b
}

// setup writes the providers, the province services, the funding lines
// and the mediators.
func (n *natLoad) setup(ctx context.Context, tx *db.Tx) error {
	if err := db.ReadyBulk(ctx, tx); err != nil {
		return err
	}
	next, err := db.NextID(ctx, tx, "organisations")
	if err != nil {
		return err
	}
	ob := db.NewBulk(tx, "organisations", []string{"id", "name", "kind", "istat_code", "active", "synthetic", "created_at"}, 500)
	org := func(name string, kind auth.OrgKind, istat string) (int64, error) {
		next++
		return next - 1, ob.Add(ctx, next-1, name, string(kind), istat, true, true, tx.Now)
	}
	regions := map[string][]*natMun{}
	for _, m := range n.muns {
		regions[m.region] = append(regions[m.region], m)
	}
	n.providers = map[string]int64{}
	for _, r := range natSorted(regions) {
		if n.providers[r], err = org("Mediazione interculturale "+r+" (sintetico)", auth.KindMediationProvider, natBiggest(regions[r]).code); err != nil {
			return err
		}
	}
	for _, name := range natSorted(n.provinces) {
		p := n.provinces[name]
		seat := natBiggest(p.muns).code
		if p.asl, err = org("ASL "+name+" (sintetico)", auth.KindHealth, seat); err != nil {
			return err
		}
		if p.questura, err = org("Questura di "+name+" (sintetico)", auth.KindQuestura, seat); err != nil {
			return err
		}
		if p.prefettura, err = org("Prefettura di "+name+" (sintetico)", auth.KindPrefettura, seat); err != nil {
			return err
		}
	}
	if err := ob.Close(ctx); err != nil {
		return err
	}
	if err := db.SyncIDs(ctx, tx, "organisations"); err != nil {
		return err
	}
	if err := n.writeLines(ctx, tx); err != nil {
		return err
	}
	n.drawMediators()
	n.actors.mediator = map[int64]int64{}
	return seedWriteMediators(ctx, tx, n.ms)
}

func natSorted[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// writeLines writes a funding line per calendar year of the load, its
// total set once the requests are known.
func (n *natLoad) writeLines(ctx context.Context, tx *db.Tx) error {
	p := n.pol
	for y := n.today.AddDate(-3, 0, 0).Year(); y <= n.today.AddDate(0, 0, 60).Year(); y++ {
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		id, err := db.InsertID(ctx, tx, `INSERT INTO mediation_funding_lines (name, total_min, starts_on, ends_on, round_min,
			minimum_min, travel_counts, late_notice_hours, late_counts, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			fmt.Sprintf("Mediazione interculturale nazionale %d (sintetico)", y), 0, from, from.AddDate(1, 0, -1),
			p.RoundMin, p.MinimumMin, p.TravelCounts, p.LateNoticeH, p.LateCounts, true, from)
		if err != nil {
			return err
		}
		n.lines[y] = id
	}
	return nil
}

// natLanguages weighs the languages asked for across the country.
var natLanguages = []struct {
	code   string
	weight int
}{
	{"ar", 22}, {"ro", 10}, {"sq", 8}, {"zh", 7}, {"en", 8}, {"fr", 7}, {"uk", 6}, {"ur", 5}, {"pa", 4}, {"bn", 5},
	{"es", 4}, {"ru", 3}, {"fa", 2}, {"ps", 2}, {"ti", 2}, {"so", 2}, {"wo", 2}, {"bm", 1}, {"tr", 1}, {"ku", 1}, {"lis", 3},
}

func (n *natLoad) language() string {
	total := 0
	for _, l := range natLanguages {
		total += l.weight
	}
	x := n.rnd.IntN(total)
	for _, l := range natLanguages {
		if x -= l.weight; x < 0 {
			return l.code
		}
	}
	return "ar"
}

// natNames are first and last names by a mediator's first language.
var natNames = map[string][2][]string{
	"ar":  {{"Ahmed", "Fatima", "Karim", "Samira", "Omar", "Nadia", "Youssef", "Leila"}, {"El Amrani", "Benali", "Haddad", "Mansour", "Saidi"}},
	"ro":  {{"Andrei", "Elena", "Mihai", "Ioana", "Cristina", "Vasile"}, {"Popescu", "Ionescu", "Munteanu", "Rusu"}},
	"sq":  {{"Arben", "Elira", "Besnik", "Drita", "Kledi"}, {"Hoxha", "Kola", "Shehu", "Gashi"}},
	"zh":  {{"Wei", "Li", "Mei", "Jun", "Xiaoling", "Hao"}, {"Chen", "Wang", "Zhang", "Hu"}},
	"fr":  {{"Mamadou", "Aminata", "Ibrahima", "Fatou", "Moussa"}, {"Diallo", "Ndiaye", "Traoré", "Koné"}},
	"uk":  {{"Olena", "Oksana", "Andriy", "Iryna"}, {"Kovalenko", "Shevchenko", "Bondarenko"}},
	"ur":  {{"Imran", "Ayesha", "Bilal", "Sana"}, {"Shah", "Khan", "Qureshi"}},
	"pa":  {{"Harpreet", "Gurpreet", "Manjit", "Amrit"}, {"Kaur", "Singh"}},
	"bn":  {{"Rahim", "Nasrin", "Sumon", "Tania"}, {"Uddin", "Hossain", "Akter"}},
	"ti":  {{"Senait", "Yonas", "Helen", "Dawit"}, {"Tesfay", "Gebremariam", "Haile"}},
	"lis": {{"Francesca", "Marco", "Giulia", "Luca"}, {"Ricci", "Bianchi", "Esposito", "Greco"}},
	"":    {{"Grace", "John", "Blessing", "Samuel", "Maria", "Hassan", "Ana"}, {"Okafor", "Mensah", "Garcia", "Ahmadi", "Ivanova"}},
}

// natWeeks are the weekly availabilities mediators keep.
var natWeeks = [][]Window{
	demoFullTime(),
	demoWeekdays(8*60+30, 13*60+30, 1, 2, 3, 4, 5, 6),
	demoWeekdays(13*60, 19*60),
	demoWeekdays(9*60, 17*60, 1, 3, 5),
	demoWeekdays(9*60, 17*60, 2, 3, 4, 5),
}

// mun draws a municipality, the larger the likelier.
func (n *natLoad) mun() *natMun {
	x := n.rnd.IntN(n.cumPop[len(n.cumPop)-1])
	return n.muns[sort.SearchInts(n.cumPop, x+1)]
}

// drawMediators draws the mediators: where they live, what they speak,
// their areas, modes, weeks and a few leaves a year.
func (n *natLoad) drawMediators() {
	rnd := n.rnd
	extra := []string{"en", "fr", "ar", "es", "ru"}
	levels := []Level{"C2", "C1", "B2", "B1"}
	for i := range n.size.Mediators {
		home := n.mun()
		first := n.language()
		names, ok := natNames[first]
		if !ok {
			names = natNames[""]
		}
		m := &Mediator{ProviderID: n.providers[home.region],
			Name:     names[0][rnd.IntN(len(names[0]))] + " " + names[1][rnd.IntN(len(names[1]))],
			Email:    fmt.Sprintf("mediatore.%d@sintetico.crocevia.it", i+1),
			InPerson: rnd.IntN(10) < 9, PhoneMode: rnd.IntN(10) < 7, Video: rnd.IntN(10) < 5,
			Languages: []Spoken{{Code: first, Level: "native"}}, Municipality: []string{home.code}, Notes: "Sintetico"}
		if first == "lis" {
			m.Languages[0].Level = "C2"
			m.PhoneMode = false
		}
		if !m.InPerson && !m.PhoneMode && !m.Video {
			m.InPerson = true
		}
		for k := rnd.IntN(3); k > 0; k-- {
			if c := extra[rnd.IntN(len(extra))]; c != first && !natSpeaks(m, c) {
				m.Languages = append(m.Languages, Spoken{Code: c, Level: levels[rnd.IntN(len(levels))]})
			}
		}
		for _, j := range rnd.Perm(len(Areas))[:2+rnd.IntN(3)] {
			m.Areas = append(m.Areas, Areas[j])
		}
		p := n.provinces[home.province]
		for k := rnd.IntN(4); k > 0; k-- {
			if c := p.muns[rnd.IntN(len(p.muns))].code; !natCovers(m, c) {
				m.Municipality = append(m.Municipality, c)
			}
		}
		m.Weekly = natWeeks[rnd.IntN(len(natWeeks))]
		for y := 0; y < 3; y++ {
			for k := 1 + rnd.IntN(2); k > 0; k-- {
				from := n.today.AddDate(-y, 0, -rnd.IntN(365)+40)
				m.Leave = append(m.Leave, Leave{From: from, To: from.AddDate(0, 0, 2+rnd.IntN(12)), Note: "Ferie"})
			}
		}
		n.ms = append(n.ms, &seedMediator{Mediator: m})
	}
}

func natSortedYears(m map[int]int64) []int {
	out := make([]int, 0, len(m))
	for y := range m {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

func natSpeaks(m *Mediator, code string) bool {
	for _, l := range m.Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

func natCovers(m *Mediator, code string) bool {
	for _, c := range m.Municipality {
		if c == code {
			return true
		}
	}
	return false
}

// finish sets each line's total from what its requests used (the past
// years nearly spent, the current one funded for its pace over the whole
// year, the next as the current) and refreshes the planners' statistics.
func (n *natLoad) finish(ctx context.Context, d *db.DB) error {
	year := n.today.Year()
	elapsed := max(30, n.today.YearDay())
	totals := map[int]int{}
	for _, y := range natSortedYears(n.lines) {
		used := float64(n.used[n.lines[y]])
		switch {
		case y == year:
			used *= 365 / float64(elapsed) * 1.05
		case y > year:
			used = float64(totals[y-1])
		default:
			used *= 1.08
		}
		totals[y] = max(1000*60, int(used/60/1000+1)*1000*60)
		if _, err := d.ExecContext(ctx, `UPDATE mediation_funding_lines SET total_min = ? WHERE id = ?`, totals[y], n.lines[y]); err != nil {
			return err
		}
	}
	analyse := "ANALYZE "
	if d.Dialect() == db.Postgres {
		analyse = "VACUUM (ANALYZE) "
	}
	for _, t := range []string{"organisations", "mediators", "mediator_languages", "mediator_municipalities", "mediator_availability",
		"mediator_leave", "mediation_funding_lines", "mediation_requests", "mediation_events", "mediation_offers"} {
		if _, err := d.ExecContext(ctx, analyse+t); err != nil {
			return err
		}
	}
	return nil
}
