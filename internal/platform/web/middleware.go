package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"net/http"
	"net/netip"
	"runtime/debug"
	"strings"
	"time"
)

// clientInfo resolves the client's address and scheme, trusting
// X-Forwarded-For and X-Forwarded-Proto only from configured proxies, and
// gives the request its ID.
func (s *Server) clientInfo(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ri := &Request{ID: requestID(r), Lang: "it", Secure: s.deps.TLS || r.TLS != nil}
		ri.ClientIP = remoteIP(r)
		if s.trusted(ri.ClientIP) {
			if fwd := lastUntrusted(r.Header.Get("X-Forwarded-For"), s.trusted); fwd != "" {
				ri.ClientIP = fwd
			}
			if proto := r.Header.Get("X-Forwarded-Proto"); proto != "" {
				ri.Secure = proto == "https"
			}
		}
		w.Header().Set("X-Request-Id", ri.ID)
		ctx := withRequest(r.Context(), ri)
		ctx = context.WithValue(ctx, responseKey{}, w)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func requestID(r *http.Request) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) trusted(ip string) bool {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	for _, p := range s.deps.TrustedProxies {
		if p.Contains(addr.Unmap()) {
			return true
		}
	}
	return false
}

// lastUntrusted walks X-Forwarded-For from the right and returns the first
// address that is not one of our proxies: the client as our edge saw it.
func lastUntrusted(xff string, trusted func(string) bool) string {
	parts := strings.Split(xff, ",")
	for i := len(parts) - 1; i >= 0; i-- {
		ip := strings.TrimSpace(parts[i])
		if ip != "" && !trusted(ip) {
			return ip
		}
	}
	return ""
}

// securityHeaders sets the headers every answer carries. The CSP allows no
// inline script or style: every script is a file under /static.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "+
			"img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "+
			"frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Permissions-Policy", "camera=(self), geolocation=(), microphone=()")
		if From(r).Secure {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// limitBody caps request bodies; handlers that read past the cap get an
// *http.MaxBytesError, which Error maps to 413.
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.deps.MaxBody {
			s.Status(w, r, http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.deps.MaxBody)
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panic into a logged 500 instead of a dropped
// connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.deps.Log.Error("panic", "request_id", From(r).ID, "panic", v, "stack", string(debug.Stack()))
				s.Status(w, r, http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe logs each request as one structured line and feeds the metrics.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		d := time.Since(start)
		route := From(r).Route
		if route == "" {
			route = "unmatched"
		}
		if s.metrics != nil {
			s.metrics.observe(r.Method, route, rec.status, d)
		}
		if strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/healthz" || r.URL.Path == "/metrics" {
			return
		}
		ri := From(r)
		var uid int64
		if ri.User != nil {
			uid = ri.User.ID
		}
		s.deps.Log.Info("request", "request_id", ri.ID, "method", r.Method, "path", r.URL.Path,
			"route", route, "status", rec.status, "bytes", rec.bytes, "duration_ms", d.Milliseconds(),
			"user_id", uid, "ip", ri.ClientIP)
	})
}
