// Package auth holds the people of the network: organisations, users, their
// roles in each organisation, passwords, sessions and login rate limits.
package auth

// Role is what a user may do within one organisation.
type Role string

// The roles of the network. Anonymous visitors have none.
const (
	RoleAdmin                Role = "admin"
	RolePrefettura           Role = "prefettura"
	RoleInspector            Role = "inspector"
	RoleFacilityManager      Role = "facility_manager"
	RoleServiceOperator      Role = "service_operator"
	RoleMediationCoordinator Role = "mediation_coordinator"
	RoleMediator             Role = "mediator"
	RoleQuestionCoordinator  Role = "question_coordinator"
	RoleExpert               Role = "expert"
	RoleValidator            Role = "validator"
	RoleEditor               Role = "editor"
	RoleAnalyst              Role = "analyst"
)

// Roles lists every role in the order the interface shows them.
var Roles = []Role{
	RoleAdmin, RolePrefettura, RoleInspector, RoleFacilityManager, RoleServiceOperator,
	RoleMediationCoordinator, RoleMediator, RoleQuestionCoordinator, RoleExpert, RoleValidator, RoleEditor, RoleAnalyst,
}

var roleLabels = map[Role]string{
	RoleAdmin:                "Amministratore della piattaforma",
	RolePrefettura:           "Funzionario della Prefettura",
	RoleInspector:            "Ispettore",
	RoleFacilityManager:      "Referente dell'ente gestore",
	RoleServiceOperator:      "Operatore di servizio",
	RoleMediationCoordinator: "Coordinatore della mediazione",
	RoleMediator:             "Mediatore culturale",
	RoleQuestionCoordinator:  "Coordinatore delle domande",
	RoleExpert:               "Esperto",
	RoleValidator:            "Validatore",
	RoleEditor:               "Redattore",
	RoleAnalyst:              "Analista dell'Osservatorio",
}

// Label is the role's Italian name (a catalogue key).
func (r Role) Label() string { return roleLabels[r] }

// Valid reports whether r is a known role.
func (r Role) Valid() bool { _, ok := roleLabels[r]; return ok }

// RequiresMFA reports whether users with this role must use a second
// factor: these roles see personal data.
func (r Role) RequiresMFA() bool {
	return r == RoleAdmin || r == RolePrefettura || r == RoleInspector
}

// OrgKind is the type of an organisation of the network.
type OrgKind string

// Organisation types.
const (
	KindPrefettura        OrgKind = "prefettura"
	KindQuestura          OrgKind = "questura"
	KindComune            OrgKind = "comune"
	KindHealth            OrgKind = "asl"
	KindEnteGestore       OrgKind = "ente_gestore"
	KindMediationProvider OrgKind = "mediation_provider"
	KindUniversity        OrgKind = "university"
	KindAssociation       OrgKind = "association"
	KindEditorial         OrgKind = "editorial"
	KindObservatory       OrgKind = "observatory"
)

// OrgKinds lists every organisation type in display order.
var OrgKinds = []OrgKind{
	KindPrefettura, KindQuestura, KindComune, KindHealth, KindEnteGestore,
	KindMediationProvider, KindUniversity, KindAssociation, KindEditorial, KindObservatory,
}

var kindLabels = map[OrgKind]string{
	KindPrefettura:        "Prefettura",
	KindQuestura:          "Questura",
	KindComune:            "Comune",
	KindHealth:            "ASL o azienda ospedaliera",
	KindEnteGestore:       "Ente gestore",
	KindMediationProvider: "Fornitore di mediazione",
	KindUniversity:        "Università",
	KindAssociation:       "Associazione",
	KindEditorial:         "Redazione",
	KindObservatory:       "Osservatorio",
}

// Label is the type's Italian name (a catalogue key).
func (k OrgKind) Label() string { return kindLabels[k] }

// Valid reports whether k is a known organisation type.
func (k OrgKind) Valid() bool { _, ok := kindLabels[k]; return ok }

// Public reports whether organisations of this type are public
// administrations, which have an IPA code.
func (k OrgKind) Public() bool {
	switch k {
	case KindPrefettura, KindQuestura, KindComune, KindHealth, KindUniversity:
		return true
	}
	return false
}
