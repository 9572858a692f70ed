package monitoring

import "time"

// LatestPresencesSQL is the presences query, for the query-plan checks.
const LatestPresencesSQL = latestPresencesSQL

// LatestArgs are its arguments on day today.
func LatestArgs(today time.Time) []any { return latestArgs(today) }
