package admin_test

import (
	"strconv"
	"strings"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
