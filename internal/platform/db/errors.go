package db

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors the storage edge turns driver errors into. Services map them to
// domain errors (apperr) with a message for the user.
var (
	ErrNotFound = errors.New("db: not found")
	ErrConflict = errors.New("db: unique constraint violated")
	ErrBusy     = errors.New("db: database busy")
)

func (d Dialect) mapErr(err error) error {
	if err == nil {
		return nil
	}
	if d == Postgres {
		return mapPostgresErr(err)
	}
	return mapSQLiteErr(err)
}

func mapSQLiteErr(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CONSTRAINT:
			if se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY {
				return errors.Join(ErrConflict, err)
			}
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return errors.Join(ErrBusy, err)
		}
	}
	return err
}

func mapPostgresErr(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "23505":
			return errors.Join(ErrConflict, err)
		case strings.HasPrefix(pe.Code, "40"):
			return errors.Join(ErrBusy, err)
		}
	}
	return err
}
