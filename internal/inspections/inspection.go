package inspections

import "time"

// Kind is why an inspection takes place.
type Kind string

// Inspection kinds.
const (
	Scheduled   Kind = "scheduled"
	Unannounced Kind = "unannounced"
	OnReport    Kind = "on_report"
	FollowUp    Kind = "follow_up"
)

// Kinds lists every kind in display order.
var Kinds = []Code{
	{string(Scheduled), "Programmata"}, {string(Unannounced), "Senza preavviso"},
	{string(OnReport), "Su segnalazione"}, {string(FollowUp), "Di verifica (follow-up)"},
}

// Label is the kind's Italian name (a catalogue key).
func (k Kind) Label() string { return codeLabel(Kinds, string(k)) }

// Phase is where an inspection is in its life: planned, in progress,
// draft report, signed; then, if its corrective actions need checking on
// site, follow-up requested; closed once they are settled.
type Phase string

// Inspection phases.
const (
	Planned     Phase = "planned"
	InProgress  Phase = "in_progress"
	DraftReport Phase = "draft_report"
	Signed      Phase = "signed"
	FollowUpReq Phase = "follow_up"
	Closed      Phase = "closed"
)

// Phases lists every phase in life order.
var Phases = []Code{
	{string(Planned), "Pianificata"}, {string(InProgress), "In corso"},
	{string(DraftReport), "Bozza di verbale"}, {string(Signed), "Verbale firmato"},
	{string(FollowUpReq), "Follow-up richiesto"}, {string(Closed), "Chiusa"},
}

// Label is the phase's Italian name (a catalogue key).
func (p Phase) Label() string { return codeLabel(Phases, string(p)) }

// Frozen reports whether the verbale is signed: from then on the
// inspection's findings never change.
func (p Phase) Frozen() bool { return p == Signed || p == FollowUpReq || p == Closed }

func codeLabel(codes []Code, v string) string {
	for _, c := range codes {
		if c.Value == v {
			return c.Label
		}
	}
	return v
}

// Inspection is one visit of a commission to a facility.
type Inspection struct {
	ID             int64
	FacilityID     int64
	FacilityCode   string
	FacilityName   string
	Kind           Kind
	PlannedOn      time.Time
	Phase          Phase
	VersionID      *int64 // frozen when the inspection starts
	GuestsDeclared *int
	GuestsCounted  *int
	CreatedAt      time.Time
	UpdatedAt      time.Time
	StartedAt      *time.Time
	DraftedAt      *time.Time
	FollowUpOf     *int64 // the inspection whose actions this follow-up checks
	ClosedAt       *time.Time
	Members        []Member
	// Answered and Total count the answers once started.
	Answered, Total int
}

// Started reports whether the checklist is frozen and answers exist.
func (in *Inspection) Started() bool { return in.Phase != Planned }

// FieldWork reports whether answers may still change: until the verbale
// is signed.
func (in *Inspection) FieldWork() bool { return in.Phase == InProgress || in.Phase == DraftReport }

// HasMember reports whether user userID sits on the commission.
func (in *Inspection) HasMember(userID int64) bool {
	for _, m := range in.Members {
		if m.UserID == userID {
			return true
		}
	}
	return false
}

// CommissionRole is a member's part in the commission.
type CommissionRole string

// Commission roles.
const (
	RolePresident CommissionRole = "president"
	RoleMember    CommissionRole = "member"
	RoleSecretary CommissionRole = "secretary"
)

// CommissionRoles lists every commission role in display order.
var CommissionRoles = []Code{
	{string(RolePresident), "Presidente"}, {string(RoleMember), "Componente"}, {string(RoleSecretary), "Segretario"},
}

// Label is the role's Italian name (a catalogue key).
func (r CommissionRole) Label() string { return codeLabel(CommissionRoles, string(r)) }

// Member is one user on an inspection's commission.
type Member struct {
	UserID int64
	Name   string
	Role   CommissionRole
}
