package auth

import "time"

// Membership is one role a user holds in one organisation.
type Membership struct {
	OrgID   int64
	OrgName string
	OrgKind OrgKind
	Role    Role
}

// User is a person with an account. A nil *User is an anonymous visitor:
// every method below answers for nil too.
type User struct {
	ID                 int64
	Email              string
	Name               string
	FiscalCode         string
	Active             bool
	Lang               string
	EmailNotifications bool
	TOTPEnabled        bool
	Synthetic          bool
	CreatedAt          time.Time
	LastLoginAt        *time.Time
	Memberships        []Membership
}

// HasRole reports whether the user holds role r in any organisation.
func (u *User) HasRole(r Role) bool {
	if u == nil {
		return false
	}
	for _, m := range u.Memberships {
		if m.Role == r {
			return true
		}
	}
	return false
}

// HasAnyRole reports whether the user holds at least one of roles.
func (u *User) HasAnyRole(roles ...Role) bool {
	for _, r := range roles {
		if u.HasRole(r) {
			return true
		}
	}
	return false
}

// HasRoleIn reports whether the user holds role r in organisation orgID.
func (u *User) HasRoleIn(r Role, orgID int64) bool {
	if u == nil {
		return false
	}
	for _, m := range u.Memberships {
		if m.Role == r && m.OrgID == orgID {
			return true
		}
	}
	return false
}

// OrgsWithRole lists the organisations in which the user holds role r:
// the scope of a role-scoped query.
func (u *User) OrgsWithRole(r Role) []int64 {
	if u == nil {
		return nil
	}
	var ids []int64
	for _, m := range u.Memberships {
		if m.Role == r {
			ids = append(ids, m.OrgID)
		}
	}
	return ids
}

// IsAdmin reports whether the user is a platform admin.
func (u *User) IsAdmin() bool { return u.HasRole(RoleAdmin) }

// RequiresMFA reports whether any of the user's roles needs a second factor.
func (u *User) RequiresMFA() bool {
	if u == nil {
		return false
	}
	for _, m := range u.Memberships {
		if m.Role.RequiresMFA() {
			return true
		}
	}
	return false
}

// PrimaryOrgID is the organisation the user acts for by default: the first
// membership's, or 0.
func (u *User) PrimaryOrgID() int64 {
	if u == nil || len(u.Memberships) == 0 {
		return 0
	}
	return u.Memberships[0].OrgID
}

// Organisation is a member of the network.
type Organisation struct {
	ID        int64
	Name      string
	Kind      OrgKind
	IPACode   string
	ISTATCode string
	Email     string
	Active    bool
	Synthetic bool
	CreatedAt time.Time
}
