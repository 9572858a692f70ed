// Command crocevia is the shared platform of the immigration network of the
// Province of Alessandria: one binary serving every organisation of the
// network, on SQLite or PostgreSQL.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/crocevia/crocevia/internal/questions"
)

func main() {
	// A soft memory limit makes the collector work harder before the heap
	// grows past it, keeping the server well under 100 MB resident; the
	// GOMEMLIMIT variable still wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(64 << 20)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "crocevia:", err)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

// run dispatches a subcommand. With no arguments the platform starts as
// `serve --demo`, so `go run ./cmd/crocevia` shows the province's demo.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		args = []string{"serve", "--demo"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return cmdServe(ctx, rest, stdout, stderr)
	case "migrate":
		return cmdMigrate(ctx, rest, stdout, stderr)
	case "user":
		return cmdUser(ctx, rest, stdout, stderr)
	case "backup":
		return cmdBackup(ctx, rest, stdout, stderr)
	case "audit":
		return cmdAudit(ctx, rest, stdout, stderr)
	case "demo":
		return cmdDemo(ctx, rest, stdout, stderr)
	case "faq":
		return cmdFAQ(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "crocevia: unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
}

const usage = `Crocevia: the platform of the immigration network of the Province of Alessandria.

Usage: crocevia <command> [flags]

Commands:
  serve          start the web server (no command: serve --demo)
  migrate        bring the database schema up to date
  user create    create a user, e.g. the first admin of an install without demo data
  backup OUT     write a consistent copy of the SQLite database to OUT while serving
  audit verify   recompute the audit trail's hash chain and name the first broken entry
  demo           load the demo data of the province; --scale national adds synthetic data
  faq import F   import a FAQ collection (CSV or JSON) as published Q&As; --dry-run only reports
  help           show this text

Every command takes --data DIR and --database URL (or CROCEVIA_DATA_DIR and
CROCEVIA_DATABASE_URL); "crocevia <command> -h" lists its flags.
`

// cmdFAQ is `crocevia faq import [--dry-run] FILE`: the per-row report of
// a FAQ collection, and its new rows written unless --dry-run.
func cmdFAQ(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprint(stderr, "usage: crocevia faq import [--dry-run] FILE\n")
		return errUsage
	}
	var dryRun bool
	cfg, fs, err := parseFlags("faq import", args[1:], stderr, func(fs *flag.FlagSet) {
		fs.BoolVar(&dryRun, "dry-run", false, "only print the per-row report, write nothing")
	})
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "usage: crocevia faq import [--dry-run] FILE\n")
		return errUsage
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	d, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	return describe(questions.ImportCommand(ctx, d, data, dryRun, stdout))
}
