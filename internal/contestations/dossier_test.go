package contestations_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/webtest"
)

func TestDossierPDF(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		res := w.env.Login(w.officer).Get("/contestazioni/" + id(c.ID) + "/dossier.pdf")
		res.WantStatus(t, http.StatusOK)
		if !strings.HasPrefix(res.Body, "%PDF") || res.Header.Get("Content-Type") != "application/pdf" {
			t.Errorf("dossier.pdf starts %q, type %q; want a PDF", res.Body[:min(8, len(res.Body))], res.Header.Get("Content-Type"))
		}
	})
}

// TestDossierZipManifestHoldsEveryHash opens the archive as a reader
// would, and checks every manifest line against the bytes of its entry.
func TestDossierZipManifestHoldsEveryHash(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustWorld(t, d)
		c := w.mustDraft(t, w.inspA, w.answersA...)
		w.mustNotify(t, c, 0, files.Upload{Name: "pec.txt", Reader: bytes.NewReader([]byte("Contestazione inviata via PEC."))})
		reply := files.Upload{Name: "controdeduzioni.txt", Reader: bytes.NewReader([]byte("Il certificato è in rinnovo."))}
		if err := w.store.Reply(webtest.System(), w.fs, w.manager, c.ID, "Vedi allegato.", []files.Upload{reply}); err != nil {
			t.Fatal(err)
		}
		res := w.env.Login(w.manager).Get("/contestazioni/" + id(c.ID) + "/dossier.zip")
		res.WantStatus(t, http.StatusOK)
		z, err := zip.NewReader(strings.NewReader(res.Body), int64(len(res.Body)))
		if err != nil {
			t.Fatalf("not a ZIP: %v", err)
		}
		entries := map[string][]byte{}
		for _, f := range z.File {
			entries[f.Name] = mustRead(t, f)
		}
		rows, err := csv.NewReader(bytes.NewReader(entries["manifest.csv"])).ReadAll()
		if err != nil || len(rows) < 2 || strings.Join(rows[0], ",") != "path,sha256,size,origin" {
			t.Fatalf("manifest.csv: %v %q", err, rows)
		}
		folders := map[string]int{}
		for _, r := range rows[1:] {
			data, ok := entries[r[0]]
			sum := sha256.Sum256(data)
			if !ok || hex.EncodeToString(sum[:]) != r[1] || strconv.Itoa(len(data)) != r[2] {
				t.Errorf("manifest line %q does not match its entry (present %v, %d bytes)", r, ok, len(data))
			}
			folder, _, _ := strings.Cut(r[0], "/")
			folders[folder]++
		}
		if len(rows)-1 != len(entries)-1 {
			t.Errorf("manifest lists %d files, the archive holds %d besides it", len(rows)-1, len(entries)-1)
		}
		want := map[string]int{"riepilogo.pdf": 1, "verbali": 1, "evidenze": 1, "documenti": 2}
		for f, n := range want {
			if folders[f] != n {
				t.Errorf("%s: %d files; want %d (all: %v)", f, folders[f], n, folders)
			}
		}
		if !bytes.HasPrefix(entries["riepilogo.pdf"], []byte("%PDF")) {
			t.Error("riepilogo.pdf is not a PDF")
		}
	})
}

func mustRead(t *testing.T, f *zip.File) []byte {
	t.Helper()
	r, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
