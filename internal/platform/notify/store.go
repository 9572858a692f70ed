package notify

import (
	"context"
	"errors"
	"time"

	"github.com/crocevia/crocevia/internal/platform/audit"
	"github.com/crocevia/crocevia/internal/platform/db"
)

// UnreadCount is the number in the header. It runs on every page, so it is
// one count on the (user_id, read_at) index; on error the header shows no
// badge rather than failing the page.
func (s *Service) UnreadCount(ctx context.Context, userID int64) int {
	var n int
	err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL`,
		userID).Scan(&n)
	if err != nil {
		return 0
	}
	return n
}

// List returns a page of the user's notifications, newest first, and how
// many there are in all.
func (s *Service) List(ctx context.Context, userID int64, limit, offset int) ([]Notification, int, error) {
	var total int
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM notifications WHERE user_id = ?`, userID).
		Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT id, user_id, title, body, link, created_at, read_at
		FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`, userID, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		var n Notification
		if err := rows.Scan(&n.ID, &n.UserID, &n.Title, &n.Body, &n.Link, &n.CreatedAt, &n.ReadAt); err != nil {
			return nil, 0, err
		}
		out = append(out, n)
	}
	return out, total, rows.Err()
}

// MarkRead marks one of the user's notifications read. Someone else's
// notification is ErrNotFound, exactly like a missing one; one already read
// stays as it was.
func (s *Service) MarkRead(ctx context.Context, userID, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var readAt *time.Time
		err := tx.QueryRowContext(ctx, `SELECT read_at FROM notifications WHERE id = ? AND user_id = ?`, id, userID).
			Scan(&readAt)
		if errors.Is(err, db.ErrNotFound) {
			return ErrNotFound
		}
		if err != nil || readAt != nil {
			return err
		}
		return markRead(ctx, tx, []int64{id})
	})
}

// MarkAllRead marks every unread notification of the user read and returns
// how many there were.
func (s *Service) MarkAllRead(ctx context.Context, userID int64) (int, error) {
	var ids []int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if ids, err = unreadIDs(ctx, tx, userID); err != nil {
			return err
		}
		return markRead(ctx, tx, ids)
	})
	return len(ids), err
}

func unreadIDs(ctx context.Context, q db.Querier, userID int64) ([]int64, error) {
	return db.IDs(ctx, q, `SELECT id FROM notifications WHERE user_id = ? AND read_at IS NULL ORDER BY id`, userID)
}

// markRead stamps the notifications with the transaction's time, one audit
// entry each: reading is a change of the record like any other.
func markRead(ctx context.Context, tx *db.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE notifications SET read_at = ? WHERE id = ?`, tx.Now, id); err != nil {
			return err
		}
		err := audit.Record(ctx, tx, audit.Update, "notification", id,
			audit.Diff(audit.Fields{"read_at": nil}, audit.Fields{"read_at": tx.Now}))
		if err != nil {
			return err
		}
	}
	return nil
}
