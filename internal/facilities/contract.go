package facilities

import (
	"regexp"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
)

// Contract is the agreement under which a managing body runs one or more
// facilities. Money is in euro cents.
type Contract struct {
	ID          int64
	CIG         string
	Procedure   Procedure
	Capitolato  Capitolato
	Lot         string
	BodyID      int64
	BodyName    string
	SignedOn    time.Time
	ExpiresOn   time.Time
	ExtendedTo  *time.Time
	AmountCents int64
	PriceCents  int64 // per guest per day
	Places      int
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

var cigPattern = regexp.MustCompile(`^[A-Z0-9]{10}$`)

// Validate checks the contract's fields.
func (c *Contract) Validate() error {
	c.CIG = strings.ToUpper(strings.TrimSpace(c.CIG))
	c.Lot = strings.TrimSpace(c.Lot)
	e := apperr.Fields{}
	e.Check(cigPattern.MatchString(c.CIG), "cig", "Il CIG è formato da 10 caratteri alfanumerici.")
	e.Check(c.Procedure.Valid(), "procedure", "Scegli la procedura di affidamento.")
	e.Check(c.Capitolato.Valid(), "capitolato", "Scegli la versione del capitolato.")
	e.Check(len(c.Lot) <= 50, "lot", "Il lotto è troppo lungo (massimo 50 caratteri).")
	e.Check(c.BodyID > 0, "managing_body_id", "Scegli l'ente gestore.")
	e.Check(!c.SignedOn.IsZero(), "signed_on", "Indica la data di stipula.")
	e.Check(!c.ExpiresOn.IsZero(), "expires_on", "Indica la data di scadenza.")
	e.Check(c.ExpiresOn.After(c.SignedOn), "expires_on", "La scadenza deve seguire la stipula.")
	e.Check(c.ExtendedTo == nil || c.ExtendedTo.After(c.ExpiresOn), "extended_to", "La proroga deve seguire la scadenza.")
	e.Check(c.AmountCents > 0, "amount", "Indica l'importo del contratto.")
	e.Check(c.PriceCents > 0 && c.PriceCents <= 100000, "price", "Indica il prezzo per ospite al giorno (fino a 1.000 euro).")
	e.Check(c.Places > 0 && c.Places <= 100000, "places", "Indica i posti in convenzione.")
	return e.Err()
}

// EndsOn is the last day of the contract, extension included.
func (c *Contract) EndsOn() time.Time {
	if c.ExtendedTo != nil {
		return *c.ExtendedTo
	}
	return c.ExpiresOn
}

func (c *Contract) auditFields() audit.Fields {
	f := audit.Fields{"cig": c.CIG, "procedure": string(c.Procedure), "capitolato": string(c.Capitolato), "lot": c.Lot,
		"managing_body_id": c.BodyID, "signed_on": dateText(c.SignedOn), "expires_on": dateText(c.ExpiresOn),
		"amount_cents": c.AmountCents, "price_cents": c.PriceCents, "places": c.Places, "extended_to": ""}
	if c.ExtendedTo != nil {
		f["extended_to"] = dateText(*c.ExtendedTo)
	}
	return f
}

// Penalty is one row of a contract's penalty grid: the contestations
// module computes a penalty from it.
type Penalty struct {
	ID          int64
	ContractID  int64
	Code        string
	Description string
	Basis       Basis
	AmountCents int64  // fixed, per day or per guest
	RatePPM     int64  // per mille basis: parts per million of the contract value
	CapCents    *int64 // nil: no cap for this row
}

// Validate checks a grid row: a per-mille row has a rate, the others an amount.
func (p *Penalty) Validate() error {
	p.Code = strings.ToUpper(strings.TrimSpace(p.Code))
	p.Description = strings.TrimSpace(p.Description)
	e := apperr.Fields{}
	e.Check(p.Code != "" && len(p.Code) <= 20, "code", "Inserisci un codice di penale (fino a 20 caratteri).")
	e.Check(p.Description != "", "description", "Descrivi l'inadempienza.")
	e.Check(p.Basis.Valid(), "basis", "Scegli come si calcola la penale.")
	if p.Basis == BasisPerMille {
		e.Check(p.RatePPM > 0 && p.RatePPM <= 100000, "rate", "Indica un'aliquota per mille tra 0,001 e 100.")
		p.AmountCents = 0
	} else if p.Basis.Valid() {
		e.Check(p.AmountCents > 0, "amount", "Indica l'importo della penale.")
		p.RatePPM = 0
	}
	e.Check(p.CapCents == nil || *p.CapCents > 0, "cap", "Il tetto, se indicato, deve essere positivo.")
	return e.Err()
}

func (p *Penalty) auditFields() audit.Fields {
	f := audit.Fields{"contract_id": p.ContractID, "code": p.Code, "description": p.Description, "basis": string(p.Basis),
		"amount_cents": p.AmountCents, "rate_ppm": p.RatePPM}
	if p.CapCents != nil {
		f["cap_cents"] = *p.CapCents
	}
	return f
}
