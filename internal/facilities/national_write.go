package facilities

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// natContract is a synthetic contract with the facilities it covers.
type natContract struct {
	Contract
	facs []*natFacility
}

var natProcedures = []Procedure{"open", "open", "negotiated", "direct", "other"}
var natCapitolati = []Capitolato{"2017", "2019", "2021", "2024", "2024"}

// natContracts groups each body's running facilities by up to eight under
// one contract, and records each facility's price from the contract on.
func natContracts(r *rand.Rand, facs []*natFacility, bodyIDs []int64, today time.Time) []*natContract {
	byBody := make([][]*natFacility, len(bodyIDs))
	for _, f := range facs {
		if f.OpenedOn != nil {
			byBody[f.body] = append(byBody[f.body], f)
		}
	}
	var out []*natContract
	for b, list := range byBody {
		for len(list) > 0 {
			n := min(len(list), 1+r.IntN(8))
			c := &natContract{facs: list[:n]}
			list = list[n:]
			k := len(out)
			c.CIG, c.BodyID = fmt.Sprintf("SN%08d", k+1), bodyIDs[b]
			c.Procedure, c.Capitolato = natProcedures[r.IntN(len(natProcedures))], natCapitolati[r.IntN(len(natCapitolati))]
			c.Lot = fmt.Sprintf("Lotto %d", 1+k%12)
			c.SignedOn = today.AddDate(0, 0, -r.IntN(4*365))
			c.ExpiresOn = c.SignedOn.AddDate(3, 0, 0)
			if k%3 == 0 {
				ext := c.SignedOn.AddDate(4, 0, 0)
				c.ExtendedTo = &ext
			}
			c.PriceCents = int64(2500 + r.IntN(1100))
			for _, f := range c.facs {
				c.Places += f.ContractedPlaces
				from := laterDay(c.SignedOn, *f.OpenedOn)
				f.periods = append(f.periods, natPeriod{field: HistPrice, value: itoa64(c.PriceCents),
					label: Euro(c.PriceCents) + " (CIG " + c.CIG + ")", from: from})
			}
			c.AmountCents = c.PriceCents * int64(c.Places) * 365 * 3
			out = append(out, c)
		}
	}
	return out
}

func laterDay(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// writeNatFacilities writes a chunk of facilities with their history and
// three documents each (every seventh insurance expiring soon, every
// eleventh expired, as in the demo).
func writeNatFacilities(ctx context.Context, tx *db.Tx, facs []*natFacility, offset int) error {
	fb := db.NewBulk(tx, "facilities", []string{"id", "code", "name", "system_type", "typology", "guests", "address", "istat_code",
		"authorised_places", "contracted_places", "managing_body_id", "state", "state_since", "opened_on", "closed_on",
		"created_at", "updated_at"}, 500)
	hb := db.NewBulk(tx, "facility_history", []string{"facility_id", "field", "value", "label", "valid_from", "valid_to"}, 1000).After(fb)
	dbk := db.NewBulk(tx, "facility_documents", []string{"facility_id", "kind", "number", "issued_on", "expires_on",
		"created_at", "updated_at"}, 1000).After(fb)
	today := day(tx.Now)
	for j, f := range facs {
		i := offset + j
		if err := fb.Add(ctx, f.ID, f.Code, f.Name, string(f.System), string(f.Typology), f.GuestsText(), f.Address, f.ISTATCode,
			f.AuthorisedPlaces, f.ContractedPlaces, f.BodyID, string(f.State), f.StateSince, f.OpenedOn, f.ClosedOn,
			tx.Now, tx.Now); err != nil {
			return err
		}
		for _, p := range f.periods {
			if err := hb.Add(ctx, f.ID, p.field, p.value, p.label, p.from, p.to); err != nil {
				return err
			}
		}
		issued := today.AddDate(-2, -i%12, 0)
		insurance := today.AddDate(0, 4+i%8, 0)
		switch {
		case i%11 == 3:
			insurance = today.AddDate(0, 0, -5-i%30)
		case i%7 == 2:
			insurance = today.AddDate(0, 0, 5+i%20)
		}
		fire := today.AddDate(3, i%12, 0)
		for _, doc := range []struct {
			kind, number string
			issued       time.Time
			expires      *time.Time
		}{
			{"habitability", fmt.Sprintf("AG/%d/%05d", issued.Year(), i+1), issued, nil},
			{"fire", fmt.Sprintf("SCIA-VVF %d", 10000+i), issued, &fire},
			{"insurance", fmt.Sprintf("RC-%07d", 1000000+i), insurance.AddDate(-1, 0, 0), &insurance},
		} {
			if err := dbk.Add(ctx, f.ID, doc.kind, doc.number, doc.issued, doc.expires, tx.Now, tx.Now); err != nil {
				return err
			}
		}
	}
	for _, b := range []*db.Bulk{fb, hb, dbk} {
		if err := b.Close(ctx); err != nil {
			return err
		}
	}
	return db.SyncIDs(ctx, tx, "facilities")
}

// writeNatContracts writes the contracts, their facilities and grids.
func writeNatContracts(ctx context.Context, tx *db.Tx, cs []*natContract) error {
	next, err := db.NextID(ctx, tx, "contracts")
	if err != nil {
		return err
	}
	cb := db.NewBulk(tx, "contracts", []string{"id", "cig", "award_procedure", "capitolato", "lot", "managing_body_id",
		"signed_on", "expires_on", "extended_to", "amount_cents", "price_cents", "places", "created_at", "updated_at"}, 500)
	lb := db.NewBulk(tx, "contract_facilities", []string{"contract_id", "facility_id"}, 1000).After(cb)
	pb := db.NewBulk(tx, "contract_penalties", []string{"contract_id", "code", "description", "basis", "amount_cents",
		"rate_ppm", "cap_cents"}, 1000).After(cb)
	for k, c := range cs {
		c.ID = next + int64(k)
		if err := cb.Add(ctx, c.ID, c.CIG, string(c.Procedure), string(c.Capitolato), c.Lot, c.BodyID, c.SignedOn, c.ExpiresOn,
			c.ExtendedTo, c.AmountCents, c.PriceCents, c.Places, tx.Now, tx.Now); err != nil {
			return err
		}
		for _, f := range c.facs {
			if err := lb.Add(ctx, c.ID, f.ID); err != nil {
				return err
			}
		}
		for j, p := range penaltyGrid(&c.Contract, k%7) {
			if j >= 4+k%3 {
				break
			}
			if err := pb.Add(ctx, c.ID, p.Code, p.Description, string(p.Basis), p.AmountCents, p.RatePPM, p.CapCents); err != nil {
				return err
			}
		}
	}
	for _, b := range []*db.Bulk{cb, lb, pb} {
		if err := b.Close(ctx); err != nil {
			return err
		}
	}
	return db.SyncIDs(ctx, tx, "contracts")
}
