package questions

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/web"
)

// Anonymous visitors see the same whole page except for their CSRF token
// (in the language switcher's form). So the whole page is rendered once,
// with a marker where the token goes, and each visitor gets the parts
// joined by their own token: the layout is not executed again for every
// read, which is most of a cached page's cost.

// csrfMarker stands for the token in a page rendered for everyone; random,
// so that no question's text can contain it.
var csrfMarker = func() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return "csrf" + hex.EncodeToString(b)
}()

// writeAnonymous writes the shared page to an anonymous visitor and
// reports whether it did. A visitor with a flash message, or with a token
// that is not plain base64url (it comes from a cookie, and is written
// here without escaping), gets the page rendered for them instead.
func (f *FAQ) writeAnonymous(w http.ResponseWriter, r *http.Request, c *cached) bool {
	ri := web.From(r)
	if ri.User != nil || ri.Pending != nil || !plainToken(ri.CSRF) {
		return false
	}
	if _, err := r.Cookie("crocevia_flash"); err == nil {
		return false
	}
	parts := c.anonymous.Load()
	if parts == nil {
		parts = f.renderAnonymous(r, c)
		if parts == nil {
			return false
		}
		c.anonymous.Store(parts)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	for i, p := range *parts {
		if i > 0 {
			_, _ = w.Write([]byte(ri.CSRF))
		}
		_, _ = w.Write(p)
	}
	return true
}

func (f *FAQ) renderAnonymous(r *http.Request, c *cached) *[][]byte {
	p := f.shell(r, c)
	p.CSRF = csrfMarker
	var rec bufferWriter
	f.web.Render(&rec, r, "faq/page.html", p)
	if rec.status != 0 && rec.status != http.StatusOK {
		return nil
	}
	parts := bytes.Split(rec.buf.Bytes(), []byte(csrfMarker))
	return &parts
}

func plainToken(tok string) bool {
	if len(tok) < 32 || len(tok) > 128 {
		return false
	}
	for i := 0; i < len(tok); i++ {
		ch := tok[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_') {
			return false
		}
	}
	return true
}

// bufferWriter keeps what a handler writes.
type bufferWriter struct {
	header http.Header
	buf    bytes.Buffer
	status int
}

func (b *bufferWriter) Header() http.Header {
	if b.header == nil {
		b.header = http.Header{}
	}
	return b.header
}

func (b *bufferWriter) Write(p []byte) (int, error) { return b.buf.Write(p) }

func (b *bufferWriter) WriteHeader(status int) { b.status = status }
