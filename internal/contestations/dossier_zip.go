package contestations

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/files"
)

// manifestRow is one line of manifest.csv.
type manifestRow struct {
	Path, SHA256, Origin string
	Size                 int64
}

// writeZip packs the dossier: the summary PDF, every attachment, and a
// manifest of their SHA-256, computed from the bytes written, so that the
// manifest proves what the archive holds.
func writeZip(ctx context.Context, w io.Writer, fs *files.Store, d *Dossier, summary []byte) error {
	z := zip.NewWriter(w)
	modified := d.C.UpdatedAt
	var manifest []manifestRow
	add := func(path, origin string, r io.Reader) error {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(fw, h), r)
		if err != nil {
			return err
		}
		manifest = append(manifest, manifestRow{Path: path, SHA256: hex.EncodeToString(h.Sum(nil)), Origin: origin, Size: n})
		return nil
	}
	if err := add("riepilogo.pdf", "Riepilogo della contestazione", bytes.NewReader(summary)); err != nil {
		return err
	}
	used := map[string]bool{}
	for _, a := range d.Attachments {
		if err := addStored(ctx, fs, a, uniquePath(used, a), add); err != nil {
			return err
		}
	}
	if err := writeManifest(z, manifest, modified); err != nil {
		return err
	}
	return z.Close()
}

func addStored(ctx context.Context, fs *files.Store, a Attachment, path string, add func(string, string, io.Reader) error) error {
	_, r, err := fs.Open(ctx, a.FileID)
	if err != nil {
		return fmt.Errorf("dossier: file %d: %w", a.FileID, err)
	}
	defer r.Close()
	return add(path, a.Origin, r)
}

// uniquePath is the attachment's place in the archive: its folder and a
// name without separators, numbered by file ID so two files never collide.
func uniquePath(used map[string]bool, a Attachment) string {
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r < 32 {
			return '_'
		}
		return r
	}, a.Name)
	name = strings.TrimLeft(name, ".")
	if name == "" {
		name = "file"
	}
	p := a.Folder + "/" + strconv.FormatInt(a.FileID, 10) + "-" + name
	for i := 2; used[p]; i++ {
		p = a.Folder + "/" + strconv.FormatInt(a.FileID, 10) + "-" + strconv.Itoa(i) + "-" + name
	}
	used[p] = true
	return p
}

func writeManifest(z *zip.Writer, rows []manifestRow, modified time.Time) error {
	fw, err := z.CreateHeader(&zip.FileHeader{Name: "manifest.csv", Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	cw := csv.NewWriter(fw)
	if err := cw.Write([]string{"path", "sha256", "size", "origin"}); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write([]string{r.Path, r.SHA256, strconv.FormatInt(r.Size, 10), r.Origin}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
