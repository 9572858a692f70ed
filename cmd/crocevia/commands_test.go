package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/crocevia/crocevia/internal/demo"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// runCmd runs a subcommand as the binary would and returns its output.
func runCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	return out.String() + errOut.String(), err
}

func TestHelpListsCommands(t *testing.T) {
	out, err := runCmd(t, "help")
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"serve", "migrate", "user create", "backup", "audit verify", "demo"} {
		if !strings.Contains(out, cmd) {
			t.Errorf("help does not list %q", cmd)
		}
	}
}

func TestUserCreateThenAuditVerify(t *testing.T) {
	dir := t.TempDir()
	out, err := runCmd(t, "user", "create", "--data", dir, "--email", "capo@example.org",
		"--name", "Capo Ufficio", "--password", "una-password-lunga")
	if err != nil {
		t.Fatalf("user create: %v\n%s", err, out)
	}
	t.Run("a short password is refused with the reason", func(t *testing.T) {
		out, err := runCmd(t, "user", "create", "--data", dir, "--email", "x@example.org", "--name", "X", "--password", "corta")
		if err == nil || !strings.Contains(err.Error(), "password") {
			t.Fatalf("err = %v, out %s; want a password message", err, out)
		}
	})
	t.Run("intact trail verifies", func(t *testing.T) {
		out, err := runCmd(t, "audit", "verify", "--data", dir)
		if err != nil || !strings.Contains(out, "intact") {
			t.Fatalf("audit verify: %v\n%s", err, out)
		}
	})
	t.Run("tampering names the broken entry", func(t *testing.T) {
		raw, err := sql.Open("sqlite", db.SQLiteDSN(filepath.Join(dir, "crocevia.db")))
		if err != nil {
			t.Fatal(err)
		}
		_, err = raw.Exec(`UPDATE audit_log SET changes = '[{"field":"email","before":null,"after":"altro@example.org"}]' WHERE id = 2`)
		raw.Close()
		if err != nil {
			t.Fatal(err)
		}
		_, err = runCmd(t, "audit", "verify", "--data", dir)
		if err == nil || !strings.Contains(err.Error(), "entry 2") {
			t.Fatalf("audit verify err = %v; want entry 2 named", err)
		}
	})
}

func TestBackupWhileServing(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DataDir, cfg.Addr, cfg.Demo = t.TempDir(), "127.0.0.1:0", true
	m := NewMain(cfg, &bytes.Buffer{})
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	out := filepath.Join(t.TempDir(), "copy.db")
	if msg, err := runCmd(t, "backup", "--data", cfg.DataDir, out); err != nil {
		t.Fatalf("backup: %v\n%s", err, msg)
	}
	copyDB, err := sql.Open("sqlite", "file:"+out+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	var users int
	if err := copyDB.QueryRow(`SELECT COUNT(*) FROM users`).Scan(&users); err != nil || users == 0 {
		t.Fatalf("backup holds %d users (%v), want the demo users", users, err)
	}
	t.Run("refuses to overwrite", func(t *testing.T) {
		if _, err := runCmd(t, "backup", "--data", cfg.DataDir, out); err == nil {
			t.Fatal("backup overwrote an existing file")
		}
	})
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
}

func TestUnknownCommand(t *testing.T) {
	if _, err := runCmd(t, "frobnicate"); err == nil {
		t.Fatal("an unknown command succeeded")
	}
}

func TestDemoNationalScale(t *testing.T) {
	// The command at the national scale takes minutes: a small country
	// walks the same path.
	defer func(was demo.Scale) { nationalScale = was }(nationalScale)
	nationalScale = smallCountry
	dir := t.TempDir()
	out, err := runCmd(t, "demo", "--data", dir, "--scale", "national")
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	d, err := db.Open(context.Background(), "", dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var orgs, users int
	_ = d.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM organisations WHERE synthetic = ? AND kind = 'comune'`, true).Scan(&orgs)
	_ = d.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM users u JOIN memberships ms ON ms.user_id = u.id
		JOIN organisations o ON o.id = ms.org_id WHERE u.synthetic = ? AND o.kind = 'comune'`, true).Scan(&users)
	if orgs != 7904 || users != 7904 {
		t.Fatalf("synthetic organisations %d, users %d; want one of each per municipality (7904)", orgs, users)
	}
	t.Run("a second run adds nothing", func(t *testing.T) {
		out, err := runCmd(t, "demo", "--data", dir, "--scale", "national")
		if err != nil || !strings.Contains(out, "already loaded") {
			t.Fatalf("second demo: %v\n%s", err, out)
		}
	})
	t.Run("an unknown scale is refused", func(t *testing.T) {
		if _, err := runCmd(t, "demo", "--data", dir, "--scale", "galactic"); err == nil {
			t.Fatal("an unknown scale was accepted")
		}
	})
}
