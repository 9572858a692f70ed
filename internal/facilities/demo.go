package facilities

import (
	"context"
	"fmt"
	"time"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// demoBodies are managing bodies the demo adds to the two of the platform.
var demoBodies = []struct{ key, name, istat string }{
	{"coop-orizzonte", "Cooperativa Orizzonte Comune (demo)", "006114"},
	{"assoc-mondo", "Associazione Un Mondo di Accoglienza (demo)", "006001"},
}

// DemoSeed writes the demo registry: about forty facilities across the
// province in every state, contracts with their penalty grids, documents
// some of which are expiring, and a few caps set by the Prefettura.
func DemoSeed(ctx context.Context, tx *db.Tx, orgs map[string]int64, _ map[auth.Role]int64) error {
	bodies := map[string]int64{"coop-ponte": orgs["coop-ponte"], "coop-approdo": orgs["coop-approdo"]}
	store := auth.NewStore(nil)
	for _, b := range demoBodies {
		id, err := store.CreateOrganisation(ctx, tx, &auth.Organisation{Name: b.name, Kind: auth.KindEnteGestore, ISTATCode: b.istat})
		if err != nil {
			return fmt.Errorf("demo facilities: %w", err)
		}
		bodies[b.key] = id
	}
	today := day(tx.Now)
	byBody := map[string][]int64{}
	for i, d := range demoFacilities {
		f := d.facility(bodies, today)
		if err := createFacility(ctx, tx, f); err != nil {
			return fmt.Errorf("demo facility %s: %w", d.name, err)
		}
		if err := seedDocuments(ctx, tx, f, i, today); err != nil {
			return err
		}
		if f.State != StateProposed && f.State != StateVerification {
			byBody[d.body] = append(byBody[d.body], f.ID)
		}
	}
	if err := seedContracts(ctx, tx, bodies, byBody, today); err != nil {
		return err
	}
	return seedCaps(ctx, tx)
}

func (d demoFacility) facility(bodies map[string]int64, today time.Time) *Facility {
	f := &Facility{Name: d.name, System: d.system, Typology: d.typology, Guests: d.guests, Address: d.address,
		ISTATCode: d.istat, AuthorisedPlaces: d.places, ContractedPlaces: d.places - d.places/10, BodyID: bodies[d.body],
		State: StateActive, StateSince: today.AddDate(0, 0, -d.daysAgo)}
	if d.state != "" {
		f.State = d.state
	}
	if f.State == StateProposed || f.State == StateVerification {
		f.ContractedPlaces = 0
	}
	return f
}

// seedDocuments gives each facility its habitability, fire and insurance
// documents; every seventh facility's insurance expires within the month,
// every eleventh's has expired.
func seedDocuments(ctx context.Context, tx *db.Tx, f *Facility, i int, today time.Time) error {
	issued := today.AddDate(-2, -i%12, 0)
	insurance := today.AddDate(0, 4+i%8, 0)
	switch {
	case i%11 == 3:
		insurance = today.AddDate(0, 0, -5-i)
	case i%7 == 2:
		insurance = today.AddDate(0, 0, 5+i%20)
	}
	fire := today.AddDate(3, i%12, 0)
	docs := []*Document{
		{Kind: "habitability", Number: fmt.Sprintf("AG/%d/%03d", issued.Year(), 100+i), IssuedOn: issued},
		{Kind: "fire", Number: fmt.Sprintf("SCIA-VVF %d", 4100+i*7), IssuedOn: issued, ExpiresOn: &fire},
		{Kind: "insurance", Number: fmt.Sprintf("RC-%06d", 880000+i*13), IssuedOn: insurance.AddDate(-1, 0, 0), ExpiresOn: &insurance},
	}
	for _, d := range docs {
		d.FacilityID = f.ID
		if err := insertDocument(ctx, tx, d); err != nil {
			return fmt.Errorf("demo document: %w", err)
		}
	}
	return nil
}

func seedContracts(ctx context.Context, tx *db.Tx, bodies map[string]int64, byBody map[string][]int64, today time.Time) error {
	for i, dc := range demoContracts {
		ext := today.AddDate(0, 6+i, 0)
		c := &Contract{CIG: dc.cig, Procedure: dc.procedure, Capitolato: dc.capitolato, Lot: dc.lot, BodyID: bodies[dc.body],
			SignedOn: today.AddDate(-2, -i, 0), ExpiresOn: today.AddDate(0, 1+i, 0), AmountCents: dc.amount,
			PriceCents: dc.price, Places: dc.places}
		if i%2 == 1 {
			c.ExtendedTo = &ext
		}
		if err := createContract(ctx, tx, c); err != nil {
			return fmt.Errorf("demo contract %s: %w", dc.cig, err)
		}
		for j, p := range penaltyGrid(c, i) {
			if j >= 4+i%3 {
				break
			}
			if err := insertPenalty(ctx, tx, p); err != nil {
				return err
			}
		}
		for _, fid := range splitFacilities(byBody[dc.body], dc.part, dc.parts) {
			if err := linkFacility(ctx, tx, c, fid); err != nil {
				return err
			}
		}
	}
	return nil
}

// splitFacilities is part n of parts of ids, so a body's facilities are
// spread over its contracts.
func splitFacilities(ids []int64, n, parts int) []int64 {
	var out []int64
	for i, id := range ids {
		if i%parts == n {
			out = append(out, id)
		}
	}
	return out
}

func penaltyGrid(c *Contract, i int) []*Penalty {
	cap10 := c.AmountCents / 10
	return []*Penalty{
		{ContractID: c.ID, Code: "P01", Description: "Mancata erogazione del pocket money", Basis: BasisPerGuest, AmountCents: 5000},
		{ContractID: c.ID, Code: "P02", Description: "Carenze igienico-sanitarie dei locali", Basis: BasisFixed, AmountCents: 100000 + int64(i)*10000},
		{ContractID: c.ID, Code: "P03", Description: "Ritardo nella comunicazione delle presenze", Basis: BasisPerDay, AmountCents: 15000},
		{ContractID: c.ID, Code: "P04", Description: "Ritardo nell'adempimento delle prescrizioni", Basis: BasisPerMille, RatePPM: 1000, CapCents: &cap10},
		{ContractID: c.ID, Code: "P05", Description: "Personale inferiore alla tabella del capitolato", Basis: BasisPerDay, AmountCents: 20000},
		{ContractID: c.ID, Code: "P06", Description: "Mancata mediazione linguistico-culturale", Basis: BasisFixed, AmountCents: 50000},
	}
}

// seedCaps sets the caps the Prefettura agreed with a few Comuni.
func seedCaps(ctx context.Context, tx *db.Tx) error {
	for istat, places := range map[string]int{"006003": 350, "006039": 140, "006121": 45} {
		if _, err := tx.ExecContext(ctx, `INSERT INTO municipality_caps (istat_code, places, updated_at) VALUES (?, ?, ?)`,
			istat, places, tx.Now); err != nil {
			return err
		}
	}
	return nil
}
