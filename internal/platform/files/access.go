package files

import (
	"context"
	"io"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

// AccessFunc decides whether u may see the record entityID of one entity
// type, and so its files: nil, or an apperr Forbidden or NotFound error
// (NotFound where the record's existence is itself sensitive).
type AccessFunc func(ctx context.Context, u *auth.User, entityID string) error

// RegisterAccess sets the checker of entity's files. Each module registers
// one for every entity type it attaches files to; files of an entity type
// without a checker are never served.
func (s *Store) RegisterAccess(entity string, fn AccessFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.access[entity] = fn
}

// CheckAccess asks the checker of f's entity whether u may see f.
func (s *Store) CheckAccess(ctx context.Context, u *auth.User, f *File) error {
	s.mu.RLock()
	fn := s.access[f.Entity]
	s.mu.RUnlock()
	if fn == nil {
		return apperr.NotFoundf(MsgNotFound)
	}
	return fn(ctx, u, f.EntityID)
}

// OpenFor opens file id for u, after the checker of its record agrees.
func (s *Store) OpenFor(ctx context.Context, u *auth.User, id int64) (*File, io.ReadSeekCloser, error) {
	f, err := s.Get(ctx, s.db, id)
	if err != nil {
		return nil, nil, err
	}
	if err := s.CheckAccess(ctx, u, f); err != nil {
		return nil, nil, err
	}
	return s.open(ctx, id)
}
