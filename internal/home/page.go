package home

import (
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// page is the base of this module's pages: the platform's page plus
// figures written the way the reader's language writes them.
type page struct {
	web.Page
}

func (h *Handler) newPage(r *http.Request, title string) page {
	return page{Page: h.web.NewPage(r, title)}
}

// Num formats n with the thousands separator of the page's language:
// 93.839 in Italian, 93,839 in English.
func (p *page) Num(n int) string {
	sep := '.'
	if p.Lang == "en" {
		sep = ','
	}
	return groupDigits(strconv.Itoa(n), sep)
}

func groupDigits(s string, sep rune) string {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	out := make([]rune, 0, len(s)+len(s)/3)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, sep)
		}
		out = append(out, c)
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
