package files

import (
	"net/http"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// Handler serves downloads: GET /files/{id}.
type Handler struct {
	Store *Store
	Web   *web.Server
}

// Routes implements web.Module.
func (h *Handler) Routes() []web.Route {
	return []web.Route{{Method: "GET", Pattern: "/files/{id}", Access: web.LoggedIn, Handler: h.download}}
}

// download streams a file the user may see. The type is the sniffed one and
// nosniff keeps browsers from guessing another; only images and PDF are
// shown inline. The checksum is the ETag, so a repeated download answers
// 304, but the permission is checked on every request.
func (h *Handler) download(w http.ResponseWriter, r *http.Request) {
	id, err := web.PathID(r, "id")
	if err != nil {
		h.Web.Error(w, r, err)
		return
	}
	f, rc, err := h.Store.OpenFor(r.Context(), web.UserOf(r), id)
	if err != nil {
		h.Web.Error(w, r, err)
		return
	}
	defer rc.Close()
	hd := w.Header()
	hd.Set("Content-Type", f.ContentType)
	hd.Set("Content-Disposition", disposition(f))
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("ETag", `"`+f.SHA256+`"`)
	hd.Set("Cache-Control", "private, no-cache")
	http.ServeContent(w, r, "", f.UploadedAt, rc)
}

func disposition(f *File) string {
	kind := "attachment"
	if inline(f.ContentType) {
		kind = "inline"
	}
	return kind + `; filename="` + asciiName(f.Name) + `"; filename*=UTF-8''` + encodeRFC5987(f.Name)
}

// asciiName is the fallback name for clients that ignore filename*.
func asciiName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
}

// encodeRFC5987 percent-encodes every byte but the attr-chars of RFC 5987.
func encodeRFC5987(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAttrChar(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func isAttrChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte("!#$&+-.^_`|~", c) >= 0
}
