package facilities

import (
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
)

// ExpiryWarning is how long before its expiry a document is flagged.
const ExpiryWarning = 30 * 24 * time.Hour

// Document is a compliance document of a facility.
type Document struct {
	ID         int64
	FacilityID int64
	Kind       DocKind
	Number     string
	IssuedOn   time.Time
	ExpiresOn  *time.Time // nil: does not expire
	UpdatedAt  time.Time
}

// Validate checks the document's fields.
func (d *Document) Validate() error {
	d.Number = strings.TrimSpace(d.Number)
	e := apperr.Fields{}
	e.Check(d.Kind.Valid(), "kind", "Scegli il tipo di documento.")
	e.Check(len(d.Number) <= 100, "number", "Il numero è troppo lungo (massimo 100 caratteri).")
	e.Check(!d.IssuedOn.IsZero(), "issued_on", "Indica la data di rilascio.")
	e.Check(d.ExpiresOn == nil || d.ExpiresOn.After(d.IssuedOn), "expires_on", "La scadenza deve seguire il rilascio.")
	return e.Err()
}

// ExpiryStatus is a document's standing on a given day.
type ExpiryStatus string

// Expiry statuses.
const (
	DocValid    ExpiryStatus = "valid"
	DocExpiring ExpiryStatus = "expiring"
	DocExpired  ExpiryStatus = "expired"
)

// Status is the document's standing on day today: expired after its
// expiry date, expiring within ExpiryWarning of it.
func (d *Document) Status(today time.Time) ExpiryStatus {
	if d.ExpiresOn == nil {
		return DocValid
	}
	t := day(today)
	switch {
	case d.ExpiresOn.Before(t):
		return DocExpired
	case !d.ExpiresOn.After(t.Add(ExpiryWarning)):
		return DocExpiring
	}
	return DocValid
}

func (d *Document) auditFields() audit.Fields {
	f := audit.Fields{"facility_id": d.FacilityID, "kind": string(d.Kind), "number": d.Number,
		"issued_on": dateText(d.IssuedOn), "expires_on": ""}
	if d.ExpiresOn != nil {
		f["expires_on"] = dateText(*d.ExpiresOn)
	}
	return f
}
