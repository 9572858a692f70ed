package monitoring

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// page is a web.Page with number formatting in the page's language.
type page struct {
	web.Page
}

func (h *Handler) newPage(r *http.Request, title string) page {
	return page{Page: h.web.NewPage(r, title)}
}

// Num formats n with the language's thousands separator.
func (p *page) Num(n int) string { return formatInt(n, p.Lang) }

// Pct formats a percentage with one decimal in the language's style.
func (p *page) Pct(v float64) string { return formatPct(v, p.Lang) }

func formatInt(n int, lang string) string {
	sep := "."
	if lang == "en" {
		sep = ","
	}
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func formatPct(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "%"
}
