package files

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// DiskBackend keeps each distinct content once, at Dir/ab/cd/<sha256>. A
// blob is written to a temporary file and renamed into place, so a reader
// never sees half a file; blobs no row names any more are removed by Sweep.
type DiskBackend struct {
	Dir string
}

// Name implements Backend.
func (*DiskBackend) Name() string { return diskBackendName }

func (b *DiskBackend) path(sum string) (string, error) {
	if !isSHA256(sum) {
		return "", fmt.Errorf("files: bad checksum %q", sum)
	}
	return filepath.Join(b.Dir, sum[0:2], sum[2:4], sum), nil
}

// Save implements Backend. A blob already present is only touched, so that
// Sweep, which spares recent blobs, cannot remove it under a transaction
// that is about to commit a new row naming it.
func (b *DiskBackend) Save(_ context.Context, _ *db.Tx, f *File, data []byte) error {
	p, err := b.path(f.SHA256)
	if err != nil {
		return err
	}
	now := time.Now()
	if err := os.Chtimes(p, now, now); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return fmt.Errorf("files: %w", err)
	}
	return writeAtomic(p, data)
}

func writeAtomic(p string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), tempPrefix+"*")
	if err != nil {
		return fmt.Errorf("files: %w", err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("files: write %s: %w", p, err)
	}
	return nil
}

const tempPrefix = ".upload-"

// Open implements Backend.
func (b *DiskBackend) Open(_ context.Context, _ db.Querier, f *File) (io.ReadSeekCloser, error) {
	p, err := b.path(f.SHA256)
	if err != nil {
		return nil, err
	}
	file, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("files: open %d: %w", f.ID, err)
	}
	return file, nil
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
