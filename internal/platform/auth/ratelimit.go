package auth

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Limiter counts attempts per key in fixed windows kept in the database, so
// the limit holds across every instance sharing it.
type Limiter struct {
	DB     *db.DB
	Limit  int
	Window time.Duration
}

// Allow counts one attempt for key and reports whether it is within the
// limit. The count and the window reset happen in one statement, so two
// instances racing on the same key cannot both slip through.
func (l *Limiter) Allow(ctx context.Context, key string) (bool, error) {
	now := time.Now().UTC().Truncate(time.Microsecond)
	cutoff := now.Add(-l.Window)
	var hits int
	err := l.DB.QueryRowContext(ctx, `INSERT INTO rate_limits (key, window_start, hits) VALUES (?, ?, 1)
		ON CONFLICT (key) DO UPDATE SET
			hits = CASE WHEN rate_limits.window_start <= ? THEN 1 ELSE rate_limits.hits + 1 END,
			window_start = CASE WHEN rate_limits.window_start <= ? THEN excluded.window_start ELSE rate_limits.window_start END
		RETURNING hits`, key, now, cutoff, cutoff).Scan(&hits)
	if err != nil {
		return false, err
	}
	return hits <= l.Limit, nil
}

// Reset forgets the attempts for key (after a successful login).
func (l *Limiter) Reset(ctx context.Context, key string) error {
	_, err := l.DB.ExecContext(ctx, `DELETE FROM rate_limits WHERE key = ?`, key)
	return err
}

// Purge removes windows that ended long ago.
func (l *Limiter) Purge(ctx context.Context) error {
	_, err := l.DB.ExecContext(ctx, `DELETE FROM rate_limits WHERE window_start < ?`,
		time.Now().UTC().Add(-24*time.Hour))
	return err
}
