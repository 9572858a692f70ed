package monitoring

import (
	"context"
	"time"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// LatestPresencesSQL is the presences query, for the query-plan checks.
const LatestPresencesSQL = latestPresencesSQL

// LatestArgs are its arguments on day today.
func LatestArgs(today time.Time) []any { return latestArgs(today) }

// LatestPresences is the presences per municipality on day today.
func LatestPresences(ctx context.Context, q db.Querier, today time.Time) (map[string]Presence, error) {
	return latestPresences(ctx, q, today)
}
