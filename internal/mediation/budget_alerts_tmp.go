package mediation

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// TEMPORARY until the budget part lands.
func (s *Store) CheckAlerts(ctx context.Context, tx *db.Tx, id int64) error { return nil }
