package web

import (
	"net/url"
	"strconv"
	"strings"
)

// PageNumber is the ?page= of a list: 1 when absent or malformed.
func PageNumber(q url.Values) int {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// ListURL is a list's URL with its filters and without the page number,
// the base of the pager's links.
func ListURL(path string, q url.Values) string {
	kept := url.Values{}
	for k, v := range q {
		if k != "page" && len(v) > 0 && v[0] != "" {
			kept[k] = v[:1]
		}
	}
	if len(kept) == 0 {
		return path
	}
	return path + "?" + kept.Encode()
}

// OptString is nil for a blank filter field, so that it does not filter.
func OptString(v string) *string {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	return &v
}
