package inspections

import (
	"database/sql"
	"errors"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// Store keeps the checklist templates. Every change runs in one
// transaction with its audit entry.
type Store struct {
	DB *db.DB
}

// Audited entity names.
const (
	entityTemplate = "checklist_template"
	entityVersion  = "checklist_version"
	entitySection  = "checklist_section"
	entityItem     = "checklist_item"
)

var (
	errNoVersion = apperr.NotFoundf("Versione della checklist non trovata.")
	errNoSection = apperr.NotFoundf("Sezione non trovata.")
	errNoItem    = apperr.NotFoundf("Voce non trovata.")
)

// notFound turns db.ErrNotFound into the given domain error.
func notFound(err, as error) error {
	if errors.Is(err, db.ErrNotFound) {
		return as
	}
	return err
}

func joinSet(set []string) string { return strings.Join(set, ",") }

func splitSet(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

const versionCols = `v.id, v.template_id, t.name, v.number, v.state, v.derived_from, v.created_at,
	v.published_at, COALESCE(u.name, '')`

const versionFrom = ` FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id
	LEFT JOIN users u ON u.id = v.published_by`

func scanVersion(sc db.Scanner) (*Version, error) {
	v := &Version{}
	var derived sql.NullInt64
	var published sql.NullTime
	err := sc.Scan(&v.ID, &v.TemplateID, &v.Template, &v.Number, &v.State, &derived, &v.CreatedAt, &published, &v.PublishedBy)
	if derived.Valid {
		v.DerivedFrom = &derived.Int64
	}
	if published.Valid {
		t := published.Time
		v.PublishedAt = &t
	}
	return v, err
}

const itemCols = `id, version_id, section_id, position, text, legal_basis, capitolati, system_types,
	typologies, severity, penalty_code, evidence, derived_from`

func scanItem(sc db.Scanner) (*Item, error) {
	it := &Item{}
	var capit, systems, typos string
	var derived sql.NullInt64
	err := sc.Scan(&it.ID, &it.VersionID, &it.SectionID, &it.Position, &it.Text, &it.LegalBasis, &capit, &systems,
		&typos, &it.Severity, &it.PenaltyCode, &it.Evidence, &derived)
	it.Capitolati, it.SystemTypes, it.Typologies = splitSet(capit), splitSet(systems), splitSet(typos)
	if derived.Valid {
		it.DerivedFrom = &derived.Int64
	}
	return it, err
}

// itemFields are an item's audited fields.
func itemFields(it *Item) audit.Fields {
	return audit.Fields{
		"section_id": it.SectionID, "position": it.Position, "text": it.Text, "legal_basis": it.LegalBasis,
		"capitolati": joinSet(it.Capitolati), "system_types": joinSet(it.SystemTypes),
		"typologies": joinSet(it.Typologies), "severity": string(it.Severity),
		"penalty_code": it.PenaltyCode, "evidence": it.Evidence,
	}
}
