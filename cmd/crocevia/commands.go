package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/municipalities"
)

const demoPassword = demo.Password

var demoAccounts = demo.Accounts

// parseFlags parses the shared flags plus any the command adds.
func parseFlags(name string, args []string, stderr io.Writer, extra func(*flag.FlagSet)) (Config, *flag.FlagSet, error) {
	cfg := DefaultConfig()
	fs := flag.NewFlagSet("crocevia "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.bindFlags(fs)
	if extra != nil {
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, fs, errUsage
		}
		return cfg, fs, err
	}
	return cfg, fs, cfg.validate()
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, _, err := parseFlags("serve", args, stderr, nil)
	if err != nil {
		return err
	}
	m := NewMain(cfg, stderr)
	if err := m.Run(ctx); err != nil {
		_ = m.Close()
		return err
	}
	m.banner(stdout)
	<-ctx.Done()
	m.Log.Info("shutting down")
	return m.Close()
}

// openDB opens and migrates the database for the maintenance commands.
func openDB(ctx context.Context, cfg Config) (*db.DB, error) {
	d, err := db.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	if err := migrateAll(ctx, d); err != nil {
		d.Close()
		return nil, err
	}
	if err := municipalities.Load(ctx, d); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, _, err := parseFlags("migrate", args, stderr, nil)
	if err != nil {
		return err
	}
	d, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	fmt.Fprintf(stdout, "database %s is up to date\n", d.Dialect())
	return nil
}

func cmdUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprint(stderr, "usage: crocevia user create --email E --name N --password P [--role admin --org-name NAME]\n")
		return errUsage
	}
	var email, name, password, role, orgName, orgKind string
	cfg, _, err := parseFlags("user create", args[1:], stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "e-mail of the new user")
		fs.StringVar(&name, "name", "", "full name")
		fs.StringVar(&password, "password", "", "password (at least 12 characters)")
		fs.StringVar(&role, "role", "admin", "role to give")
		fs.StringVar(&orgName, "org-name", "Prefettura di Alessandria - UTG", "organisation (created if missing)")
		fs.StringVar(&orgKind, "org-kind", "prefettura", "type of the organisation when created")
	})
	if err != nil {
		return err
	}
	d, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	store := auth.NewStore(d)
	err = d.InTx(ctx, func(tx *db.Tx) error {
		orgID, err := findOrCreateOrg(ctx, store, tx, orgName, auth.OrgKind(orgKind))
		if err != nil {
			return err
		}
		id, err := store.CreateUser(ctx, tx, auth.NewUser{Email: email, Name: name, Password: password})
		if err != nil {
			return err
		}
		return store.AddMembership(ctx, tx, id, orgID, auth.Role(role))
	})
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "user %s created with role %s\n", auth.NormalizeEmail(email), role)
	return nil
}

func findOrCreateOrg(ctx context.Context, store *auth.Store, tx *db.Tx, name string, kind auth.OrgKind) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM organisations WHERE name = ?`, name).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		istat := ""
		if kind == auth.KindComune || kind == auth.KindPrefettura {
			istat = "006003"
		}
		return store.CreateOrganisation(ctx, tx, &auth.Organisation{Name: name, Kind: kind, ISTATCode: istat})
	}
	return id, err
}

// describe turns a validation error into one readable line for the terminal.
func describe(err error) error {
	fields := apperr.FieldsOf(err)
	if len(fields) == 0 {
		return err
	}
	var parts []string
	for f, m := range fields {
		parts = append(parts, f+": "+m)
	}
	sort.Strings(parts)
	return errors.New(strings.Join(parts, "; "))
}

func cmdAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprint(stderr, "usage: crocevia audit verify [--data DIR] [--database URL]\n")
		return errUsage
	}
	cfg, _, err := parseFlags("audit verify", args[1:], stderr, nil)
	if err != nil {
		return err
	}
	d, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	broken, n, err := audit.Verify(ctx, d)
	if err != nil {
		return err
	}
	if broken != nil {
		return fmt.Errorf("audit trail broken at entry %d: %s (%d entries checked)", broken.ID, broken.Reason, n)
	}
	fmt.Fprintf(stdout, "audit trail intact: %d entries verified\n", n)
	return nil
}
