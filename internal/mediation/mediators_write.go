package mediation

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
)

var (
	errMediatorsCoordinatorOnly = apperr.Forbiddenf("Solo il coordinamento della mediazione gestisce i profili dei mediatori.")
	errNoLeave                  = apperr.NotFoundf("Assenza non trovata.")
)

// CreateMediator adds a mediator with a fresh feed secret and returns
// its ID. Coordinators only.
func (s *Store) CreateMediator(ctx context.Context, u *auth.User, p Profile) (int64, error) {
	if !CanEditProfile(u) {
		return 0, errMediatorsCoordinatorOnly
	}
	if err := p.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := checkProfileRefs(ctx, tx, 0, &p); err != nil {
			return err
		}
		var err error
		id, err = db.InsertID(ctx, tx, `INSERT INTO mediators (user_id, provider_id, name, email, phone, in_person,
			phone_mode, video, areas, notes, active, ical_token, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, nullID(p.UserID), p.ProviderID, p.Name, p.Email, p.Phone,
			p.InPerson, p.PhoneMode, p.Video, joinAreas(p.Areas), p.Notes, p.Active, newICalToken(), tx.Now, tx.Now)
		if err != nil {
			return err
		}
		if err := writeDetails(ctx, tx, id, &p); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Create, mediatorEntity, id, audit.Diff(nil, profileFields(&p)))
	})
	return id, err
}

// UpdateMediator replaces mediator id's profile. Coordinators only.
func (s *Store) UpdateMediator(ctx context.Context, u *auth.User, id int64, p Profile) error {
	if !CanEditProfile(u) {
		return errMediatorsCoordinatorOnly
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		before, err := loadMediator(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkProfileRefs(ctx, tx, id, &p); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE mediators SET user_id = ?, provider_id = ?, name = ?, email = ?, phone = ?,
			in_person = ?, phone_mode = ?, video = ?, areas = ?, notes = ?, active = ?, updated_at = ? WHERE id = ?`,
			nullID(p.UserID), p.ProviderID, p.Name, p.Email, p.Phone, p.InPerson, p.PhoneMode, p.Video,
			joinAreas(p.Areas), p.Notes, p.Active, tx.Now, id)
		if err != nil {
			return err
		}
		for _, table := range []string{"mediator_languages", "mediator_municipalities"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE mediator_id = ?`, id); err != nil {
				return err
			}
		}
		if err := writeDetails(ctx, tx, id, &p); err != nil {
			return err
		}
		old := before.Profile()
		return audit.Record(ctx, tx, audit.Update, mediatorEntity, id, audit.Diff(profileFields(&old), profileFields(&p)))
	})
}

// Profile is the mediator's profile as the form edits it.
func (m *Mediator) Profile() Profile {
	return Profile{ProviderID: m.ProviderID, UserID: m.UserID, Name: m.Name, Email: m.Email, Phone: m.Phone,
		InPerson: m.InPerson, PhoneMode: m.PhoneMode, Video: m.Video, Areas: m.Areas, Notes: m.Notes,
		Active: m.Active, Languages: m.Languages, Municipalities: m.Municipality}
}

// checkProfileRefs checks the provider, the login, the languages and the
// municipalities against the database: an unknown one is a field error.
func checkProfileRefs(ctx context.Context, tx *db.Tx, id int64, p *Profile) error {
	f := apperr.Fields{}
	ok, err := profileRefExists(ctx, tx, `SELECT 1 FROM organisations WHERE id = ? AND kind = ?`, p.ProviderID,
		string(auth.KindMediationProvider))
	if err != nil {
		return err
	}
	f.Check(ok, "provider", "Scegli un ente di mediazione dell'elenco.")
	if p.UserID != 0 {
		if ok, err = profileRefExists(ctx, tx, `SELECT 1 FROM memberships WHERE user_id = ? AND role = ?`, p.UserID,
			string(auth.RoleMediator)); err != nil {
			return err
		}
		f.Check(ok, "user", "Scegli un account con il ruolo di mediatore.")
		if ok, err = profileRefExists(ctx, tx, `SELECT 1 FROM mediators WHERE user_id = ? AND id <> ?`, p.UserID, id); err != nil {
			return err
		}
		f.Check(!ok, "user", "Questo account è già collegato a un altro mediatore.")
	}
	for _, l := range p.Languages {
		if ok, err = profileRefExists(ctx, tx, `SELECT 1 FROM mediation_languages WHERE code = ?`, l.Code); err != nil {
			return err
		}
		f.Check(ok, "languages", "Scegli le lingue dell'elenco.")
	}
	for _, c := range p.Municipalities {
		if ok, err = profileRefExists(ctx, tx, `SELECT 1 FROM municipalities WHERE istat_code = ?`, c); err != nil {
			return err
		}
		f.Check(ok, "municipalities", "Scegli i comuni dell'elenco.")
	}
	return f.Err()
}

func profileRefExists(ctx context.Context, q db.Querier, query string, args ...any) (bool, error) {
	var one int
	err := q.QueryRowContext(ctx, query, args...).Scan(&one)
	if noRows(err) {
		return false, nil
	}
	return err == nil, err
}

func writeDetails(ctx context.Context, tx *db.Tx, id int64, p *Profile) error {
	for _, l := range p.Languages {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mediator_languages (mediator_id, language, level) VALUES (?, ?, ?)`,
			id, l.Code, string(l.Level)); err != nil {
			return err
		}
	}
	for _, c := range p.Municipalities {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mediator_municipalities (mediator_id, istat_code) VALUES (?, ?)`,
			id, c); err != nil {
			return err
		}
	}
	return nil
}

// profileFields are the profile's auditable fields.
func profileFields(p *Profile) audit.Fields {
	langs := make([]string, 0, len(p.Languages))
	for _, l := range p.Languages {
		langs = append(langs, l.Code+":"+string(l.Level))
	}
	return audit.Fields{"provider_id": p.ProviderID, "user_id": p.UserID, "name": p.Name, "email": p.Email,
		"phone": p.Phone, "in_person": p.InPerson, "phone_mode": p.PhoneMode, "video": p.Video,
		"areas": joinAreas(p.Areas), "notes": p.Notes, "active": p.Active, "languages": strings.Join(langs, ","),
		"municipalities": strings.Join(p.Municipalities, ",")}
}
