package monitoring

// LatestPresencesSQL is the presences query, for the query-plan checks.
const LatestPresencesSQL = latestPresencesSQL
