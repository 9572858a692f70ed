// Package demo loads the demonstration data of the province: the main
// organisations of the network and one account per role. Modules add their
// own demo records through Seeders. Everything it writes is fictitious.
package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/settings"
)

// Password is the password of every demo account.
const Password = "crocevia-demo"

// Org is a demo organisation.
type Org struct {
	Key   string
	Name  string
	Kind  auth.OrgKind
	IPA   string
	ISTAT string
	Email string
}

// Orgs are the main organisations of the network in the demo.
var Orgs = []Org{
	{"prefettura", "Prefettura di Alessandria - UTG", auth.KindPrefettura, "m_it", "006003", "protocollo.prefal@pec.interno.it"},
	{"questura", "Questura di Alessandria - Ufficio Immigrazione", auth.KindQuestura, "m_it", "006003", "immigrazione.al@demo.crocevia.it"},
	{"comune-al", "Comune di Alessandria", auth.KindComune, "c_a182", "006003", "protocollo@demo.crocevia.it"},
	{"comune-casale", "Comune di Casale Monferrato", auth.KindComune, "c_b885", "006039", "casale@demo.crocevia.it"},
	{"comune-novi", "Comune di Novi Ligure", auth.KindComune, "c_f965", "006114", "novi@demo.crocevia.it"},
	{"comune-tortona", "Comune di Tortona", auth.KindComune, "c_l304", "006174", "tortona@demo.crocevia.it"},
	{"asl", "ASL AL - Azienda Sanitaria Locale di Alessandria", auth.KindHealth, "aslal", "006003", "asl@demo.crocevia.it"},
	{"ospedale", "Azienda Ospedaliera SS. Antonio e Biagio e Cesare Arrigo", auth.KindHealth, "aoal", "006003", "ao@demo.crocevia.it"},
	{"coop-ponte", "Cooperativa Sociale Il Ponte (demo)", auth.KindEnteGestore, "", "006003", "ponte@demo.crocevia.it"},
	{"coop-approdo", "Cooperativa L'Approdo (demo)", auth.KindEnteGestore, "", "006039", "approdo@demo.crocevia.it"},
	{"mediazione", "Mediazione Interculturale Alessandria (demo)", auth.KindMediationProvider, "", "006003", "mediazione@demo.crocevia.it"},
	{"upo", "Università del Piemonte Orientale", auth.KindUniversity, "uupo", "006003", "ricerca@demo.crocevia.it"},
	{"asgi", "ASGI - Associazione per gli Studi Giuridici sull'Immigrazione", auth.KindAssociation, "", "", "asgi@demo.crocevia.it"},
	{"redazione", "Associazione Cultura e Sviluppo - Redazione", auth.KindEditorial, "", "006003", "redazione@demo.crocevia.it"},
	{"osservatorio", "Osservatorio Interistituzionale sull'Immigrazione", auth.KindObservatory, "", "006003", "osservatorio@demo.crocevia.it"},
}

// Account is a demo user: one per role.
type Account struct {
	Role   auth.Role
	Name   string
	OrgKey string
}

// Email is the account's login: <role>@demo.crocevia.it.
func (a Account) Email() string {
	return strings.ReplaceAll(string(a.Role), "_", "-") + "@demo.crocevia.it"
}

// Accounts are the demo users, one per role.
var Accounts = []Account{
	{auth.RoleAdmin, "Anna Amministratrice", "prefettura"},
	{auth.RolePrefettura, "Paolo Prefettura", "prefettura"},
	{auth.RoleInspector, "Irene Ispettrice", "prefettura"},
	{auth.RoleFacilityManager, "Fabio Gestore", "coop-ponte"},
	{auth.RoleServiceOperator, "Sara Operatrice", "asl"},
	{auth.RoleMediationCoordinator, "Carla Coordinatrice", "mediazione"},
	{auth.RoleMediator, "Amina Mediatrice", "mediazione"},
	{auth.RoleQuestionCoordinator, "Quirino Coordinatore", "prefettura"},
	{auth.RoleExpert, "Enrico Esperto", "asgi"},
	{auth.RoleValidator, "Valeria Validatrice", "prefettura"},
	{auth.RoleEditor, "Elena Redattrice", "redazione"},
	{auth.RoleAnalyst, "Andrea Analista", "osservatorio"},
}

// Seeder adds a module's demo records once the organisations and accounts
// exist; orgs maps each Org.Key to its ID, users each role to its demo user.
type Seeder func(ctx context.Context, tx *db.Tx, orgs map[string]int64, users map[auth.Role]int64) error

// Load writes the demo data unless the database already has users: it runs
// on first start only.
func Load(ctx context.Context, d *db.DB, seeders ...Seeder) (bool, error) {
	var n int
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	store := auth.NewStore(d)
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return false, err
	}
	err = d.InTx(ctx, func(tx *db.Tx) error {
		orgs := map[string]int64{}
		for _, o := range Orgs {
			id, err := store.CreateOrganisation(ctx, tx, &auth.Organisation{Name: o.Name, Kind: o.Kind,
				IPACode: o.IPA, ISTATCode: o.ISTAT, Email: o.Email})
			if err != nil {
				return fmt.Errorf("demo organisation %s: %w", o.Key, err)
			}
			orgs[o.Key] = id
		}
		users := map[auth.Role]int64{}
		for _, a := range Accounts {
			id, err := store.CreateUser(ctx, tx, auth.NewUser{Email: a.Email(), Name: a.Name, PasswordHash: hash})
			if err != nil {
				return fmt.Errorf("demo user %s: %w", a.Email(), err)
			}
			if err := store.AddMembership(ctx, tx, id, orgs[a.OrgKey], a.Role); err != nil {
				return err
			}
			users[a.Role] = id
		}
		for _, seed := range seeders {
			if err := seed(ctx, tx, orgs, users); err != nil {
				return err
			}
		}
		return settings.Set(ctx, tx, settings.DemoData, "1")
	})
	return err == nil, err
}
