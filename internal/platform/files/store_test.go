package files_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/db"
	"github.com/crocevia/crocevia/internal/platform/dbtest"
	"github.com/crocevia/crocevia/internal/platform/files"
)

// eachBackend runs fn on every database with a store of each backend.
func eachBackend(t *testing.T, fn func(t *testing.T, d *db.DB, s *files.Store, dataDir string)) {
	for _, backend := range []string{"db", "disk"} {
		t.Run(backend, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				dir := t.TempDir()
				s, err := files.New(d, files.Config{Backend: backend, DataDir: dir, MaxSize: 1 << 10})
				if err != nil {
					t.Fatal(err)
				}
				fn(t, d, s, dir)
			})
		})
	}
}

func put(t *testing.T, d *db.DB, s *files.Store, up files.Upload) (*files.File, error) {
	t.Helper()
	var f *files.File
	err := d.InTx(context.Background(), func(tx *db.Tx) error {
		var err error
		f, err = s.Put(context.Background(), tx, up)
		return err
	})
	return f, err
}

func mustPut(t *testing.T, d *db.DB, s *files.Store, entityID, name string, data []byte) *files.File {
	t.Helper()
	f, err := put(t, d, s, files.Upload{Entity: "verbale", EntityID: entityID, Name: name, Reader: bytes.NewReader(data)})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func auditCount(t *testing.T, d *db.DB, action string, id int64) int {
	t.Helper()
	var n int
	err := d.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log
		WHERE entity = 'file' AND action = ? AND entity_id = ?`, action, strconv.FormatInt(id, 10)).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPutAndOpen(t *testing.T) {
	eachBackend(t, func(t *testing.T, d *db.DB, s *files.Store, _ string) {
		ctx := context.Background()
		f := mustPut(t, d, s, "7", `C:\Documenti\verbale.pdf`, pdfData)
		if f.Name != "verbale.pdf" || f.ContentType != files.TypePDF || f.Size != int64(len(pdfData)) || len(f.SHA256) != 64 {
			t.Errorf("stored %+v", f)
		}
		got, rc, err := s.Open(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		body, _ := io.ReadAll(rc)
		if !bytes.Equal(body, pdfData) || got.SHA256 != f.SHA256 || !got.UploadedAt.Equal(f.UploadedAt) {
			t.Errorf("read back %+v with %d bytes", got, len(body))
		}
		if n := auditCount(t, d, "create", f.ID); n != 1 {
			t.Errorf("audit entries for the upload = %d, want 1", n)
		}
	})
}

func TestPutRefuses(t *testing.T) {
	eachBackend(t, func(t *testing.T, d *db.DB, s *files.Store, _ string) {
		tests := []struct {
			name, file string
			data       []byte
			want       apperr.Kind
		}{
			{"an exe named pdf", "verbale.pdf", exeData, apperr.Invalid},
			{"an html page", "pagina.txt", htmlData, apperr.Invalid},
			{"an empty file", "vuoto.pdf", nil, apperr.Invalid},
			{"a file over the limit", "grande.txt", bytes.Repeat([]byte("a"), 1<<10+1), apperr.TooLarge},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := put(t, d, s, files.Upload{Entity: "verbale", EntityID: "1", Name: tt.file,
					Reader: bytes.NewReader(tt.data), Field: "allegato"})
				if apperr.KindOf(err) != tt.want {
					t.Fatalf("err = %v, want kind %v", err, tt.want)
				}
				if tt.want == apperr.Invalid && apperr.FieldsOf(err)["allegato"] == "" {
					t.Errorf("no message next to the field: %v", err)
				}
			})
		}
		if list, _ := s.List(context.Background(), "verbale", "1"); len(list) != 0 {
			t.Errorf("refused files were stored: %+v", list)
		}
	})
}

func TestListAndDelete(t *testing.T) {
	eachBackend(t, func(t *testing.T, d *db.DB, s *files.Store, _ string) {
		ctx := context.Background()
		a := mustPut(t, d, s, "3", "a.txt", textData)
		b := mustPut(t, d, s, "3", "b.csv", csvData)
		mustPut(t, d, s, "4", "c.txt", textData)
		list, err := s.List(ctx, "verbale", "3")
		if err != nil || len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID {
			t.Fatalf("List = %+v (%v), want a and b", list, err)
		}
		err = d.InTx(ctx, func(tx *db.Tx) error { return s.Delete(ctx, tx, a.ID) })
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Open(ctx, a.ID); apperr.KindOf(err) != apperr.NotFound {
			t.Errorf("deleted file opens: %v", err)
		}
		if n := auditCount(t, d, "delete", a.ID); n != 1 {
			t.Errorf("audit entries for the deletion = %d, want 1", n)
		}
	})
}

func TestDiskSweep(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		dir := t.TempDir()
		s, err := files.New(d, files.Config{Backend: "disk", DataDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		kept := mustPut(t, d, s, "1", "a.txt", textData)
		twin := mustPut(t, d, s, "2", "copia.txt", textData)
		gone := mustPut(t, d, s, "3", "b.pdf", pdfData)
		blob := func(f *files.File) string {
			return filepath.Join(dir, "files", f.SHA256[0:2], f.SHA256[2:4], f.SHA256)
		}
		old := time.Now().Add(-2 * time.Hour)
		for _, f := range []*files.File{kept, gone} {
			if err := os.Chtimes(blob(f), old, old); err != nil {
				t.Fatalf("blob not content-addressed: %v", err)
			}
		}
		err = d.InTx(ctx, func(tx *db.Tx) error {
			if err := s.Delete(ctx, tx, twin.ID); err != nil {
				return err
			}
			return s.Delete(ctx, tx, gone.ID)
		})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := s.Sweep(ctx); err != nil || n != 1 {
			t.Fatalf("Sweep removed %d (%v), want 1", n, err)
		}
		if _, err := os.Stat(blob(gone)); !os.IsNotExist(err) {
			t.Errorf("orphan blob still there: %v", err)
		}
		if _, err := os.Stat(blob(kept)); err != nil {
			t.Errorf("shared blob removed: %v", err)
		}
	})
}

func TestNewRefusesUnknownBackend(t *testing.T) {
	for _, cfg := range []files.Config{{Backend: "s3"}, {Backend: "disk"}} {
		if _, err := files.New(nil, cfg); err == nil {
			t.Errorf("New(%+v) accepted", cfg)
		}
	}
}
