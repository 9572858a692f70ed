package questions

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
)

// importCSV has two good rows (one of them with a semicolon-separated
// pair of references and an Italian date), one row with an unknown topic
// and one with several bad fields.
const importCSV = `titolo,domanda,risposta,argomento,riferimenti,autorita,valida_al
Rinnovo del permesso di soggiorno,Quando si chiede il rinnovo?,Prima della scadenza con il kit postale.,permessi,"D.Lgs. 286/1998|art. 5||https://www.normattiva.it/;DPR 394/1999|art. 13||",Prefettura di Prova,01/03/2025
Iscrizione al SSN,Il richiedente asilo paga?,No: l'iscrizione è gratuita.,Salute e iscrizione al SSN,,Ministero della Salute,2025-02-10
Domanda sul catasto,Come si accatasta?,Non lo sappiamo.,catasto,,Prefettura di Prova,
,Testo senza titolo,,permessi,norma|art|circ|ftp://x,,31/02/2025
`

func qdCount(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func qdOrg(t *testing.T, d *db.DB, name string) int64 {
	t.Helper()
	var id int64
	err := d.InTx(context.Background(), func(tx *db.Tx) error {
		var err error
		id, err = db.InsertID(context.Background(), tx, `INSERT INTO organisations (name, kind, created_at) VALUES (?, 'prefettura', ?)`, name, tx.Now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func qdIssues(r *ImportResult) string {
	var out []string
	for _, is := range r.Issues {
		out = append(out, is.Field+": "+is.Message)
	}
	return strings.Join(out, "; ")
}

func TestImportPreviewWritesNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		gen, _ := Generation(ctx, d)
		rep, err := PreviewImport(ctx, d, []byte(importCSV))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Counts[ImportNew] != 2 || rep.Counts[ImportError] != 2 {
			t.Errorf("counts %v, want 2 new and 2 with errors", rep.Counts)
		}
		if n := qdCount(t, d, `SELECT COUNT(*) FROM questions`); n != 0 {
			t.Errorf("%d questions after a preview, want 0", n)
		}
		if g, _ := Generation(ctx, d); g != gen {
			t.Errorf("generation moved from %d to %d", gen, g)
		}
		if n := found(t, d, "rinnovo"); n != 0 {
			t.Errorf("preview indexed %d documents", n)
		}
	})
}

func TestImportBadRowsAreReportedInItalian(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		rep, err := PreviewImport(context.Background(), d, []byte(importCSV))
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			row  int
			want []string
		}{
			{"an unknown topic", 2, []string{"argomento: Argomento sconosciuto"}},
			{"every bad field of a row", 3, []string{"titolo: Indica il titolo.", "risposta: Indica la risposta.",
				"autorita: Indica l'autorità", "valida_al: Data non valida", "riferimenti: Riferimento %d: il collegamento deve iniziare con https://."}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := rep.Rows[c.row]
				if r.Outcome != ImportError {
					t.Errorf("outcome %s, want error", r.Outcome)
				}
				got := qdIssues(r)
				for _, w := range c.want {
					if !strings.Contains(got, w) {
						t.Errorf("issues %q lack %q", got, w)
					}
				}
			})
		}
		t.Run("a file without the required columns is refused", func(t *testing.T) {
			_, err := PreviewImport(context.Background(), d, []byte("nome,cognome\nA,B\n"))
			if !errors.Is(err, errImportColumns) {
				t.Errorf("err = %v, want the missing columns", err)
			}
		})
	})
}

func TestImportWritesPublishedSearchableRowsOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		org := qdOrg(t, d, "Prefettura di Prova")
		rep, err := PreviewImport(ctx, d, []byte(importCSV))
		if err != nil {
			t.Fatal(err)
		}
		done, err := ConfirmImport(ctx, d, 0, []byte(importCSV), rep.Digest)
		if err != nil {
			t.Fatal(err)
		}
		if len(done.Written) != 2 {
			t.Fatalf("wrote %d, want 2", len(done.Written))
		}
		t.Run("rows are published public questions with a validated version 1", func(t *testing.T) {
			n := qdCount(t, d, `SELECT COUNT(*) FROM questions q JOIN question_answers a ON a.id = q.answer_id
				WHERE q.state = ? AND q.visibility = ? AND a.version = 1 AND a.state = ? AND q.import_key IS NOT NULL`,
				Published, Public, AnswerValidated)
			if n != 2 {
				t.Errorf("%d published imported questions, want 2", n)
			}
		})
		t.Run("the authority is matched by name or kept as written", func(t *testing.T) {
			if n := qdCount(t, d, `SELECT COUNT(*) FROM question_answers WHERE authority_id = ?`, org); n != 1 {
				t.Errorf("%d answers of the matched authority, want 1", n)
			}
			if n := qdCount(t, d, `SELECT COUNT(*) FROM question_answers WHERE authority_id IS NULL AND authority_name = ?`, "Ministero della Salute"); n != 1 {
				t.Errorf("%d answers keeping the authority's name, want 1", n)
			}
		})
		t.Run("references and the valid-as-of date are kept", func(t *testing.T) {
			if n := qdCount(t, d, `SELECT COUNT(*) FROM question_references WHERE norm = ? AND article = ?`, "DPR 394/1999", "art. 13"); n != 1 {
				t.Errorf("%d references, want 1", n)
			}
			if n := qdCount(t, d, `SELECT COUNT(*) FROM question_answers WHERE valid_as_of IS NOT NULL`); n != 2 {
				t.Errorf("%d answers with a valid-as-of date, want 2", n)
			}
		})
		t.Run("rows are searchable", func(t *testing.T) {
			if n := found(t, d, "rinnovare permessi"); n != 1 {
				t.Errorf("found %d, want 1", n)
			}
		})
		t.Run("a second import of the same file changes nothing", func(t *testing.T) {
			gen, _ := Generation(ctx, d)
			again, err := ConfirmImport(ctx, d, 0, []byte(importCSV), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Written) != 0 || again.Counts[ImportPresent] != 2 {
				t.Errorf("second import wrote %d, counts %v; want nothing written and 2 already present", len(again.Written), again.Counts)
			}
			if n := qdCount(t, d, `SELECT COUNT(*) FROM questions`); n != 2 {
				t.Errorf("%d questions, want 2", n)
			}
			if g, _ := Generation(ctx, d); g != gen {
				t.Errorf("generation moved from %d to %d", gen, g)
			}
		})
		t.Run("a changed answer under the same key is reported, not written", func(t *testing.T) {
			changed := strings.Replace(importCSV, "Prima della scadenza con il kit postale.", "Entro sessanta giorni dalla scadenza.", 1)
			rep, err := ConfirmImport(ctx, d, 0, []byte(changed), "")
			if err != nil {
				t.Fatal(err)
			}
			if rep.Rows[0].Outcome != ImportChanged || len(rep.Written) != 0 {
				t.Errorf("outcome %s, wrote %d; want changed and nothing written", rep.Rows[0].Outcome, len(rep.Written))
			}
		})
		t.Run("the import is in the audit trail", func(t *testing.T) {
			if n := qdCount(t, d, `SELECT COUNT(*) FROM audit_log WHERE entity = ?`, importEntity); n != 1 {
				t.Errorf("%d audit entries, want 1", n)
			}
		})
	})
}

func TestImportJSONAndStaleConfirmation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		data := []byte(`[{"titolo": "Cittadinanza per residenza", "domanda": "Quanti anni servono?", "risposta": "Dieci anni.",
			"argomento": "cittadinanza", "autorita": "Ministero dell'Interno", "valida_al": "2025-01-01",
			"riferimenti": [{"norma": "L. 91/1992", "articolo": "art. 9"}]}]`)
		rep, err := PreviewImport(ctx, d, data)
		if err != nil || rep.Counts[ImportNew] != 1 {
			t.Fatalf("preview: %v, %+v", err, rep)
		}
		if len(rep.Rows[0].References) != 1 || rep.Rows[0].References[0].Article != "art. 9" {
			t.Errorf("references %+v", rep.Rows[0].References)
		}
		_, err = ConfirmImport(ctx, d, 0, data, "another digest")
		if !errors.Is(err, errImportStale) {
			t.Errorf("err = %v, want stale", err)
		}
		if n := qdCount(t, d, `SELECT COUNT(*) FROM questions`); n != 0 {
			t.Errorf("%d questions after a stale confirmation, want 0", n)
		}
	})
}

func TestImportReadsAnXLSXWithTheSameHeader(t *testing.T) {
	x := excelize.NewFile()
	rows := [][]any{{"titolo", "domanda", "risposta", "argomento", "autorita"},
		{"Iscrizione a scuola", "Si può in corso d'anno?", "Sì, in qualunque momento.", "scuola", "Ufficio scolastico"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(x.GetSheetName(0), cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		rep, err := PreviewImport(context.Background(), d, buf.Bytes())
		if err != nil || rep.Counts[ImportNew] != 1 {
			t.Fatalf("preview: %v, %+v", err, rep)
		}
	})
}
