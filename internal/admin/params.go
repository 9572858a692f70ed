package admin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
)

// perPage is the length of every admin list.
const perPage = 50

var errPageNotFound = apperr.NotFoundf("Questo indirizzo non corrisponde a nessun elemento.")

// pathID is the {id} of the path; a malformed one is a page that does not exist.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errPageNotFound
	}
	return id, nil
}

// pageNum is the ?page= of a list, 1 when absent or malformed.
func pageNum(q url.Values) int {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// offset is where page n of a list starts.
func offset(n int) int { return (n - 1) * perPage }

// optString is nil for a blank filter field, so it does not filter.
func optString(v string) *string {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	return &v
}

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

// listBase is the list's URL with its filters and without the page number,
// for the pager's links.
func listBase(path string, q url.Values) string {
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

// formID reads a positive integer form field, 0 when absent or malformed.
func formID(v string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
