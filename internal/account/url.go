package account

import (
	"net/url"
	"strconv"
)

func urlEscape(s string) string { return url.QueryEscape(s) }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
