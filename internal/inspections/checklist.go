// Package inspections is the room of facility inspections. For now it holds
// the versioned checklist templates the inspection commissions fill in: an
// inspection names one published version and answers its items by ID, and
// a published version never changes, so the answers always mean what the
// inspectors read.
package inspections

import (
	"slices"
	"time"
)

// State is the life stage of a checklist version.
type State string

// A version is edited as a draft and frozen once published.
const (
	Draft     State = "draft"
	Published State = "published"
)

// Label is the state's Italian name (a catalogue key).
func (s State) Label() string {
	if s == Published {
		return "Pubblicata"
	}
	return "Bozza"
}

// Template is a named checklist with its versions.
type Template struct {
	ID          int64
	Code        string
	Name        string
	Description string
	CreatedAt   time.Time
	// Current is the newest published version, nil before the first one.
	Current *Version
	// Draft is the version being edited, nil when there is none.
	Draft *Version
}

// Version is one edition of a template. Sections are loaded only by
// Store.Version.
type Version struct {
	ID          int64
	TemplateID  int64
	Template    string // the template's name
	Number      int
	State       State
	DerivedFrom *int64
	CreatedAt   time.Time
	PublishedAt *time.Time
	PublishedBy string // the publisher's name, "" for the system seed
	Sections    []*Section
}

// Editable reports whether the version may still change.
func (v *Version) Editable() bool { return v.State == Draft }

// ItemCount is the number of items in the loaded sections.
func (v *Version) ItemCount() int {
	n := 0
	for _, s := range v.Sections {
		n += len(s.Items)
	}
	return n
}

// Section is an ordered group of items.
type Section struct {
	ID        int64
	VersionID int64
	Position  int
	Title     string
	Items     []*Item
}

// Item is one check. Its ID is stable: answers reference it, and the copy
// of it in a later version points back through DerivedFrom.
type Item struct {
	ID        int64
	VersionID int64
	SectionID int64
	Position  int
	ItemInput
	DerivedFrom *int64
}

// ItemInput is what an editor sets on an item. Empty applicability sets
// mean the item applies to every value.
type ItemInput struct {
	Text        string
	LegalBasis  string
	Capitolati  []string
	SystemTypes []string
	Typologies  []string
	Severity    Severity
	PenaltyCode string
	Evidence    bool
}

// AppliesTo reports whether the item is checked in a facility of the given
// system type and typology under a contract of the given capitolato. An
// empty argument (not known) matches any set.
func (it *Item) AppliesTo(capitolato, systemType, typology string) bool {
	return within(it.Capitolati, capitolato) && within(it.SystemTypes, systemType) && within(it.Typologies, typology)
}

func within(set []string, v string) bool {
	return len(set) == 0 || v == "" || slices.Contains(set, v)
}
