package admin

import (
	"strconv"
	"strings"
)

// perPage is the length of every admin list.
const perPage = 50

// offset is where page n of a list starts.
func offset(n int) int { return (n - 1) * perPage }

// optBool reads a "1"/"0" filter field; anything else does not filter.
func optBool(v string) *bool {
	switch v {
	case "1":
		b := true
		return &b
	case "0":
		b := false
		return &b
	}
	return nil
}

// formID reads a positive integer form field, 0 when absent or malformed.
func formID(v string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
