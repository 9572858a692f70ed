package questions

import (
	"context"
	"fmt"
	"io"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// ImportCommand is `crocevia faq import FILE`: it prints the per-row
// report of data and, unless dryRun, writes the new rows as the web
// confirmation does (one transaction, one audit entry, by the system).
func ImportCommand(ctx context.Context, d *db.DB, data []byte, dryRun bool, out io.Writer) error {
	var rep *ImportReport
	var err error
	if dryRun {
		rep, err = PreviewImport(ctx, d, data)
	} else {
		rep, err = ConfirmImport(ctx, d, 0, data, "")
	}
	if err != nil {
		return err
	}
	PrintImportReport(out, rep)
	switch {
	case dryRun:
		fmt.Fprintf(out, "prova: nulla è stato scritto; %d da importare\n", rep.Counts[ImportNew])
	default:
		fmt.Fprintf(out, "importate %d FAQ\n", len(rep.Written))
	}
	return nil
}

// PrintImportReport writes one line per row, then its problems.
func PrintImportReport(out io.Writer, rep *ImportReport) {
	for _, r := range rep.Rows {
		fmt.Fprintf(out, "riga %d: %s — %s\n", r.Line, r.Outcome.Label(), r.Title)
		for _, is := range r.Issues {
			msg := is.Message
			if is.Arg != 0 {
				msg = fmt.Sprintf(msg, is.Arg)
			}
			fmt.Fprintf(out, "    %s: %s\n", is.Field, msg)
		}
	}
	fmt.Fprintf(out, "da importare %d, già presenti %d, modificate non importate %d, con errori %d\n",
		rep.Counts[ImportNew], rep.Counts[ImportPresent], rep.Counts[ImportChanged], rep.Counts[ImportError])
}
