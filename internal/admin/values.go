package admin

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// changeView is one changed field, its values ready to show.
type changeView struct {
	Field  string
	Before string
	After  string
}

// formatValue shows a value decoded from the audit trail's JSON: times in
// Rome, yes/no for booleans, a dash for none.
func formatValue(p *web.Page, v any) string {
	switch v := v.(type) {
	case nil:
		return "—"
	case bool:
		if v {
			return p.T("sì")
		}
		return p.T("no")
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return p.DateTime(t)
		}
		if v == "" {
			return "—"
		}
		return v
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return string(b)
}
