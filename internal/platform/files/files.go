// Package files is the platform's one store for uploaded documents and
// photos, shared by every module. A file belongs to a record of a module
// (entity and entity ID); its type is read from its content, never from its
// name; its bytes live in the database (so several instances share them) or
// under the data folder, behind Backend. Downloads ask the owning module
// whether the user may see the record.
package files

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// File is a stored file's record.
type File struct {
	ID          int64
	Entity      string
	EntityID    string
	Name        string
	ContentType string
	Size        int64
	SHA256      string
	// Storage names the backend holding the bytes ("db" or "disk").
	Storage    string
	UploadedBy int64 // 0 for the system
	UploadedAt time.Time
}

// Upload is a file to store: the record it belongs to, the name the user
// gave it and its content.
type Upload struct {
	Entity     string
	EntityID   string
	Name       string
	Reader     io.Reader
	UploadedBy int64
	// Field is the form field the file came from: when set, a refused file
	// is reported next to that field.
	Field string
}

// Config chooses the backend for new files and the size limit.
type Config struct {
	Backend string // "db" (default) or "disk"
	DataDir string // the disk backend keeps files under DataDir/files
	MaxSize int64  // bytes; DefaultMaxSize when 0
}

// DefaultMaxSize is the size limit when the configuration sets none.
const DefaultMaxSize = 20 << 20

// Store saves, lists, opens and deletes files.
type Store struct {
	db       *db.DB
	backend  Backend
	backends map[string]Backend
	max      int64

	mu     sync.RWMutex
	access map[string]AccessFunc
}

// New returns a store writing new files to cfg.Backend. Files already stored
// by the other backend stay readable, so switching backend loses nothing.
func New(d *db.DB, cfg Config) (*Store, error) {
	s := &Store{db: d, max: cfg.MaxSize, access: map[string]AccessFunc{},
		backends: map[string]Backend{dbBackendName: DBBackend{}}}
	if s.max <= 0 {
		s.max = DefaultMaxSize
	}
	if cfg.DataDir != "" {
		s.backends[diskBackendName] = &DiskBackend{Dir: filepath.Join(cfg.DataDir, "files")}
	}
	name := cfg.Backend
	if name == "" {
		name = dbBackendName
	}
	s.backend = s.backends[name]
	if s.backend == nil {
		return nil, fmt.Errorf("files: unknown backend %q (want db, or disk with a data folder)", name)
	}
	return s, nil
}

// MaxSize is the largest file the store accepts, in bytes.
func (s *Store) MaxSize() int64 { return s.max }
