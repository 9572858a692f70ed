// Package web is the shared HTTP layer: the page layout and renderer, the
// route table with its access rules, middleware (sessions, CSRF, security
// headers, logs, metrics) and the one place errors become HTTP statuses.
package web

import (
	"context"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/auth"
)

// Request is what the middleware learns about a request: who asks, in which
// language, from where.
type Request struct {
	ID   string
	User *auth.User
	// Pending is a user who gave the right password but still owes the
	// second factor.
	Pending  *auth.User
	Session  *auth.Session
	CSRF     string
	Lang     string
	ClientIP string
	Secure   bool
	// Route is the pattern of the matched route, for logs and metrics.
	Route string
}

type requestKey struct{}

// From returns the request's info; never nil for a request that passed
// through the middleware.
func From(r *http.Request) *Request {
	if ri, ok := r.Context().Value(requestKey{}).(*Request); ok {
		return ri
	}
	return &Request{Lang: "it"}
}

func withRequest(ctx context.Context, ri *Request) context.Context {
	return context.WithValue(ctx, requestKey{}, ri)
}

// UserOf returns the logged-in user, nil for anonymous visitors.
func UserOf(r *http.Request) *auth.User { return From(r).User }
