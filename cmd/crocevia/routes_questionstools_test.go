package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/auth"
	"github.com/crocevia/crocevia/internal/questions"
)

// The FAQ import exists for admins and question coordinators, the
// reports also for analysts; to everyone else they do not exist. An
// import posted without a file is re-shown with the error (422).
func init() {
	moduleRows = append(moduleRows, func(t *testing.T, m *Main) []routeSpec {
		only := func(roles []auth.Role) map[string]int {
			out := map[string]int{}
			for _, r := range auth.Roles {
				out[string(r)] = 404
			}
			for _, r := range roles {
				delete(out, string(r))
			}
			return out
		}
		imp, rep := only(questions.ImportRoles), only(questions.ReportRoles)
		return []routeSpec{
			{route: "GET /domande/importa", path: "/domande/importa", who: members, ok: 200, override: imp},
			{route: "POST /domande/importa", path: "/domande/importa", who: members, ok: 422, override: imp},
			{route: "POST /domande/importa/conferma", path: "/domande/importa/conferma", who: members, ok: 422, override: imp},
			{route: "GET /domande/rapporti", path: "/domande/rapporti", who: members, ok: 200, override: rep},
			{route: "GET /domande/rapporti/export.csv", path: "/domande/rapporti/export.csv?dal=2026-01-01", who: members, ok: 200, override: rep},
			{route: "GET /domande/rapporti/export.xlsx", path: "/domande/rapporti/export.xlsx", who: members, ok: 200, override: rep},
		}
	})
}

// `crocevia faq import FILE` prints the per-row report and writes; with
// --dry-run it only reports; a second run finds every row already there.
func TestFAQImportCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "faq.csv")
	csv := "titolo;domanda;risposta;argomento;riferimenti;autorita;valida_al\n" +
		"Rinnovo del permesso;Quando?;Prima della scadenza.;permessi;D.Lgs. 286/1998|art. 5||;Questura di Alessandria;2025-03-01\n" +
		"Catasto;Come?;Non so.;catasto;;Questura di Alessandria;\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	steps := []struct{ name, flag, want string }{
		{"a dry run only reports", "--dry-run", "prova: nulla è stato scritto; 1 da importare"},
		{"the import writes the valid row", "", "importate 1 FAQ"},
		{"a second import changes nothing", "", "già presenti 1"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			args := []string{"faq", "import", "--data", dir}
			if s.flag != "" {
				args = append(args, s.flag)
			}
			out, err := runCmd(t, append(args, file)...)
			if err != nil || !strings.Contains(out, s.want) || !strings.Contains(out, "argomento: Argomento sconosciuto") {
				t.Fatalf("err %v, output:\n%s\nwant %q and the bad row's message", err, out, s.want)
			}
		})
	}
}
