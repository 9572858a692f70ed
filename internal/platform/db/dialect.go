package db

import (
	"strconv"
	"strings"
)

// Dialect names the database engine. Every difference between SQLite and
// PostgreSQL that a query needs is one of the methods below; storage code
// never branches on the dialect itself.
type Dialect int

const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// Rebind turns ? placeholders into $1, $2, ... for PostgreSQL. Question marks
// inside single-quoted literals are left alone.
func (d Dialect) Rebind(q string) string {
	if d != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n, inQuote := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			inQuote = !inQuote
			b.WriteByte(c)
		case c == '?' && !inQuote:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// CaseInsensitiveLike is the operator for a case-insensitive substring match.
func (d Dialect) CaseInsensitiveLike() string {
	if d == Postgres {
		return "ILIKE"
	}
	return "LIKE" // SQLite's LIKE is case-insensitive for ASCII
}

// Upsert completes "INSERT INTO t (cols) VALUES (...)" so that a row with the
// same conflict key is updated with the given assignments. Both engines accept
// ON CONFLICT ... DO UPDATE with the excluded pseudo-table.
func (d Dialect) Upsert(conflictCols, assignments string) string {
	return " ON CONFLICT (" + conflictCols + ") DO UPDATE SET " + assignments
}

// Greatest is the SQL for the larger of two values.
func (d Dialect) Greatest(a, b string) string {
	if d == Postgres {
		return "GREATEST(" + a + ", " + b + ")"
	}
	return "MAX(" + a + ", " + b + ")"
}

// DateTrunc returns an expression for the first day of the month of a
// timestamp column, as text YYYY-MM.
func (d Dialect) YearMonth(col string) string {
	if d == Postgres {
		return "to_char(" + col + " AT TIME ZONE 'Europe/Rome', 'YYYY-MM')"
	}
	return "strftime('%Y-%m', " + col + ")"
}

// SyncIdentity is the statement that moves table's id sequence past its
// highest id after rows were written with explicit ids; SQLite needs none
// (INTEGER PRIMARY KEY takes MAX(id)+1), so it is empty there.
func (d Dialect) SyncIdentity(table string) string {
	if d != Postgres {
		return ""
	}
	return "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " + table + "))"
}

// BulkLoad is the statement that readies a transaction's connection for a
// bulk load of synthetic data: on SQLite a page cache large enough (64 MB)
// for the indexes being filled, instead of spilling pages to the log
// mid-transaction; on PostgreSQL commits that do not wait for the disk
// (a crash can lose the last chunks, never corrupt them).
func (d Dialect) BulkLoad() string {
	if d == Postgres {
		return "SET LOCAL synchronous_commit = off"
	}
	return "PRAGMA cache_size = -65536"
}

// ForUpdate ends a SELECT that locks the rows it reads until the
// transaction ends. SQLite needs none: its transactions take the write
// lock at BEGIN (see SQLiteDSN).
func (d Dialect) ForUpdate() string {
	if d == Postgres {
		return " FOR UPDATE"
	}
	return ""
}
