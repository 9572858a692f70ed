package inspections

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Viewers may read checklists: inspectors need them in the field.
var Viewers = []auth.Role{auth.RoleAdmin, auth.RolePrefettura, auth.RoleInspector}

// CanView reports whether u may read checklist templates.
func CanView(u *auth.User) bool { return u.HasAnyRole(Viewers...) }

// CanEdit reports whether u may edit drafts, start new versions and
// publish: the Prefettura owns the checklists, inspectors only use them.
func CanEdit(u *auth.User) bool { return u.HasAnyRole(auth.RoleAdmin, auth.RolePrefettura) }

// penaltyCode matches a code of a contract's penalty grid, such as P03.
var penaltyCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9./-]{0,19}$`)

// Validate checks an item and normalises its text fields and sets.
func (in *ItemInput) Validate() error {
	in.Text = strings.TrimSpace(in.Text)
	in.LegalBasis = strings.TrimSpace(in.LegalBasis)
	in.PenaltyCode = strings.TrimSpace(in.PenaltyCode)
	in.Capitolati, in.SystemTypes, in.Typologies = normal(in.Capitolati), normal(in.SystemTypes), normal(in.Typologies)
	f := apperr.Fields{}
	f.Check(in.Text != "", "text", "Scrivi il controllo da eseguire.")
	f.Check(utf8.RuneCountInString(in.Text) <= 1000, "text", "Il controllo non può superare i 1000 caratteri.")
	f.Check(in.LegalBasis != "", "legal_basis", "Indica il riferimento normativo o contrattuale.")
	f.Check(utf8.RuneCountInString(in.LegalBasis) <= 300, "legal_basis", "Il riferimento non può superare i 300 caratteri.")
	f.Check(in.Severity.Valid(), "severity", "Scegli la gravità predefinita.")
	f.Check(in.PenaltyCode == "" || penaltyCode.MatchString(in.PenaltyCode), "penalty_code",
		"Il codice penale ha lettere e cifre, fino a 20 caratteri (per esempio P03).")
	f.Check(known(Capitolati, in.Capitolati), "capitolati", "Scegli capitolati tra quelli elencati.")
	f.Check(known(SystemTypes, in.SystemTypes), "system_types", "Scegli tipi di struttura tra quelli elencati.")
	f.Check(known(Typologies, in.Typologies), "typologies", "Scegli tipologie tra quelle elencate.")
	return f.Err()
}

// validTitle checks a section title.
func validTitle(title string) error {
	f := apperr.Fields{}
	f.Check(title != "", "title", "Scrivi il titolo della sezione.")
	f.Check(utf8.RuneCountInString(title) <= 200, "title", "Il titolo non può superare i 200 caratteri.")
	return f.Err()
}

// normal sorts a set and drops blanks and repeats, so equal sets are stored
// and audited alike.
func normal(set []string) []string {
	var out []string
	for _, v := range set {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// errFrozen is the answer to any change of a published version.
var errFrozen = apperr.Conflictf("Una versione pubblicata non si modifica: crea una nuova versione.")
