package auth_test

import (
	"context"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

func TestUsersList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := auth.NewStore(d)
		var orgID int64
		ids := map[string]int64{}
		err := d.InTx(ctx, func(tx *db.Tx) error {
			var err error
			if orgID, err = s.CreateOrganisation(ctx, tx, &auth.Organisation{Name: "Ente", Kind: auth.KindEnteGestore}); err != nil {
				return err
			}
			for _, u := range []struct {
				email, password string
				role            auth.Role
			}{
				{"anna.rossi@example.org", "password-lunga-1", auth.RoleEditor},
				{"bruno@example.org", "password-lunga-2", auth.RoleInspector},
				{"carla@example.org", "", auth.RoleEditor}, // invited
			} {
				id, err := s.CreateUser(ctx, tx, auth.NewUser{Email: u.email, Name: u.email, Password: u.password})
				if err != nil {
					return err
				}
				ids[u.email] = id
				if err := s.AddMembership(ctx, tx, id, orgID, u.role); err != nil {
					return err
				}
			}
			return s.SetActive(ctx, tx, ids["bruno@example.org"], false)
		})
		if err != nil {
			t.Fatal(err)
		}
		str := func(v string) *string { return &v }
		yes, no := true, false
		editor := auth.RoleEditor
		tests := []struct {
			name   string
			filter auth.UserFilter
			want   []string
		}{
			{"all by name", auth.UserFilter{}, []string{"anna.rossi@example.org", "bruno@example.org", "carla@example.org"}},
			{"query matches the e-mail ignoring case", auth.UserFilter{Query: str("ROSSI")}, []string{"anna.rossi@example.org"}},
			{"role", auth.UserFilter{Role: &editor}, []string{"anna.rossi@example.org", "carla@example.org"}},
			{"inactive", auth.UserFilter{Active: &no}, []string{"bruno@example.org"}},
			{"invited", auth.UserFilter{Invited: &yes}, []string{"carla@example.org"}},
			{"organisation and active", auth.UserFilter{OrgID: &orgID, Active: &yes, Invited: &no}, []string{"anna.rossi@example.org"}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				users, total, err := s.Users(ctx, tc.filter)
				if err != nil {
					t.Fatal(err)
				}
				if total != len(tc.want) || len(users) != len(tc.want) {
					t.Fatalf("Users = %d (total %d); want %v", len(users), total, tc.want)
				}
				for i, u := range users {
					if u.Email != tc.want[i] || len(u.Memberships) != 1 {
						t.Fatalf("user %d = %s with %d memberships; want %s with 1", i, u.Email, len(u.Memberships), tc.want[i])
					}
				}
			})
		}
		t.Run("members of the organisation", func(t *testing.T) {
			m, err := s.OrgMembers(ctx, d, orgID)
			if err != nil || len(m) != 3 || m[0].Email != "anna.rossi@example.org" || m[0].Role != auth.RoleEditor {
				t.Fatalf("OrgMembers = %+v, %v", m, err)
			}
		})
		t.Run("password state", func(t *testing.T) {
			for email, want := range map[string]bool{"anna.rossi@example.org": true, "carla@example.org": false} {
				if got, err := s.HasPassword(ctx, d, ids[email]); err != nil || got != want {
					t.Errorf("HasPassword(%s) = %v, %v; want %v", email, got, err, want)
				}
			}
			if _, err := s.HasPassword(ctx, d, 999999); err != auth.ErrUserNotFound {
				t.Errorf("HasPassword(unknown) error = %v; want ErrUserNotFound", err)
			}
		})
	})
}
