package facilities

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"
)

// natPeriod is one synthetic facility_history row.
type natPeriod struct {
	field, value, label string
	from                time.Time
	to                  *time.Time
}

// natFacility is a synthetic facility with its history and its body's
// index, kept in memory until written: 8,000 of them are a few megabytes.
type natFacility struct {
	Facility
	body    int
	periods []natPeriod
}

// weighted picks indexes with probability proportional to their weights.
type weighted []int64

func newWeighted(weights []int64) weighted {
	cum := make(weighted, len(weights))
	var sum int64
	for i, w := range weights {
		sum += max(w, 1)
		cum[i] = sum
	}
	return cum
}

func (w weighted) pick(r *rand.Rand) int {
	x := r.Int64N(w[len(w)-1])
	return sort.Search(len(w), func(i int) bool { return w[i] > x })
}

var natSystems = []SystemType{SystemCAS, SystemSAI, SystemCPA, SystemMSNA1, SystemMSNA2}
var natSystemShare = newWeighted([]int64{75, 13, 3, 3, 6})

var natTypologies = []struct {
	t         Typology
	name      string
	min, span int
}{
	{"apartment", "Appartamento", 4, 7}, {"collective", "Centro", 20, 100}, {"hotel", "Residenza", 15, 65},
	{"barracks", "Ex caserma", 60, 240}, {"other", "Casa", 8, 32},
}
var natTypologyShare = newWeighted([]int64{62, 18, 10, 3, 7})

var natStates = []State{StateActive, StateSuspended, StateClosed, StateProposed, StateVerification}
var natStateShare = newWeighted([]int64{84, 6, 5, 3, 2})

var natGuests = [][]Guest{men, women, families, men}

// natFacilityAt invents facility i in municipality m. The first facility
// is a large hub with a long history, for the facility page's benchmark.
func natFacilityAt(r *rand.Rand, i int, mun natMunicipality, bodies int, days int, today time.Time) *natFacility {
	f := &natFacility{body: int(float64(bodies) * math.Pow(r.Float64(), 2))}
	f.System = natSystems[natSystemShare.pick(r)]
	ty := natTypologies[natTypologyShare.pick(r)]
	f.Typology, f.AuthorisedPlaces = ty.t, ty.min+r.IntN(ty.span)
	f.Guests = natGuests[r.IntN(len(natGuests))]
	if f.System == SystemMSNA1 || f.System == SystemMSNA2 {
		f.Guests = minors
	}
	f.State = natStates[natStateShare.pick(r)]
	if i == 0 {
		f.System, f.Typology, f.AuthorisedPlaces, f.State, f.Guests = SystemCAS, "collective", 300, StateActive, men
		ty.name = "Hub"
	}
	f.Name = fmt.Sprintf("%s %s %d (sintetico)", ty.name, mun.name, i+1)
	f.Address = fmt.Sprintf("Via Sintetica %d", 1+r.IntN(200))
	f.ISTATCode, f.Municipality = mun.code, mun.name
	f.ContractedPlaces = f.AuthorisedPlaces - f.AuthorisedPlaces/10
	f.natDates(r, i, days, today)
	return f
}

// natDates sets opening, state dates and the state and places history.
func (f *natFacility) natDates(r *rand.Rand, i, days int, today time.Time) {
	if f.State == StateProposed || f.State == StateVerification {
		f.ContractedPlaces, f.StateSince = 0, today.AddDate(0, 0, -1-r.IntN(60))
		f.periods = []natPeriod{{field: HistState, value: string(f.State), label: f.State.Label(), from: f.StateSince}}
		f.placesHistory(r, f.StateSince, today, false)
		return
	}
	ago := days + r.IntN(1500) // most facilities predate the window
	if r.IntN(10) == 0 {
		ago = 30 + r.IntN(max(1, days-30))
	}
	opened := today.AddDate(0, 0, -ago)
	f.OpenedOn = &opened
	end := today
	switch f.State {
	case StateSuspended:
		end = today.AddDate(0, 0, -1-r.IntN(min(120, ago-1)))
	case StateClosed:
		end = today.AddDate(0, 0, -1-r.IntN(min(days, ago-1)))
		f.ClosedOn = &end
	}
	episodes := 0
	if i == 0 {
		episodes = 6
	} else if r.IntN(8) == 0 {
		episodes = 1
	}
	f.statePeriods(opened, end, episodes)
	f.placesHistory(r, opened, end, i == 0)
}

// statePeriods is the facility's life: active from opening, suspended now
// and then for a few weeks, and in its present state since end.
func (f *natFacility) statePeriods(opened, end time.Time, episodes int) {
	type event struct {
		s  State
		on time.Time
	}
	evs := []event{{StateActive, opened}}
	seg := int(end.Sub(opened).Hours()/24) / (episodes + 1)
	for j := 1; j <= episodes && seg >= 20; j++ {
		b := opened.AddDate(0, 0, j*seg)
		evs = append(evs, event{StateSuspended, b}, event{StateActive, b.AddDate(0, 0, min(45, seg/2))})
	}
	if f.State != StateActive {
		evs = append(evs, event{f.State, end})
	}
	for k, e := range evs {
		p := natPeriod{field: HistState, value: string(e.s), label: e.s.Label(), from: e.on}
		if k+1 < len(evs) {
			p.to = &evs[k+1].on
		}
		f.periods = append(f.periods, p)
	}
	f.StateSince = evs[len(evs)-1].on
}

// placesHistory records the places: authorised once, contracted changing
// for one facility in five (every quarter for the hub).
func (f *natFacility) placesHistory(r *rand.Rand, from, end time.Time, hub bool) {
	n := strconv.Itoa(f.AuthorisedPlaces)
	f.periods = append(f.periods, natPeriod{field: HistAuthorised, value: n, label: n, from: from})
	changes := 0
	if hub {
		changes = int(end.Sub(from).Hours()/24) / 90
	} else if r.IntN(5) == 0 {
		changes = 1
	}
	step := int(end.Sub(from).Hours()/24) / (changes + 1)
	for k := 0; k <= changes; k++ {
		v := f.ContractedPlaces
		if k < changes {
			v = f.ContractedPlaces - (changes-k)%4*f.ContractedPlaces/10
		}
		p := natPeriod{field: HistContracted, value: strconv.Itoa(v), label: strconv.Itoa(v), from: from.AddDate(0, 0, k*step)}
		if k < changes {
			to := from.AddDate(0, 0, (k+1)*step)
			p.to = &to
		}
		f.periods = append(f.periods, p)
	}
}

// bodyHistory records the managing body: one facility in eight (and the
// hub) was taken over from another body half-way through its life.
func (f *natFacility) bodyHistory(r *rand.Rand, hub bool, bodyIDs []int64, bodyNames []string) {
	from := f.StateSince
	if f.OpenedOn != nil {
		from = *f.OpenedOn
	}
	if (hub || r.IntN(8) == 0) && len(bodyIDs) > 1 {
		prev := (f.body + 1) % len(bodyIDs)
		change := from.AddDate(0, 0, int(time.Since(from).Hours()/48))
		f.periods = append(f.periods, natPeriod{field: HistBody, value: strconv.FormatInt(bodyIDs[prev], 10),
			label: bodyNames[prev], from: from, to: &change})
		from = change
	}
	f.periods = append(f.periods, natPeriod{field: HistBody, value: strconv.FormatInt(f.BodyID, 10), label: f.BodyName, from: from})
}
