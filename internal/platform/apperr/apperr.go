// Package apperr holds the handful of error kinds every service returns.
// Services speak in these; the web layer maps each kind to one HTTP status,
// once. Message is safe to show the user (an Italian catalogue key); the
// wrapped error is the internal detail, logged and never shown.
package apperr

import (
	"errors"
	"fmt"
)

// Kind classifies an error for the edge.
type Kind int

const (
	Internal Kind = iota
	Invalid
	NotFound
	Conflict
	Forbidden
	Unauthenticated
	TooLarge
	TooManyRequests
)

// Error is a domain error: a kind, a user-facing message and, for Invalid,
// the message of each wrong form field.
type Error struct {
	Kind    Kind
	Message string
	Fields  map[string]string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of err, Internal for anything that is not an *Error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// MessageOf returns the user-facing message of err, or "" for internal errors.
func MessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return ""
}

// FieldsOf returns the per-field messages of an Invalid error.
func FieldsOf(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Errorf builds an error of the given kind with a user-facing message.
func Errorf(kind Kind, msg string) *Error { return &Error{Kind: kind, Message: msg} }

// NotFoundf is a not-found error with a user-facing message.
func NotFoundf(msg string) *Error { return &Error{Kind: NotFound, Message: msg} }

// Forbiddenf is a forbidden error with a user-facing message.
func Forbiddenf(msg string) *Error { return &Error{Kind: Forbidden, Message: msg} }

// Conflictf is a conflict error with a user-facing message.
func Conflictf(msg string) *Error { return &Error{Kind: Conflict, Message: msg} }

// Wrap records err as internal detail of an error of the given kind.
func Wrap(kind Kind, msg string, err error) *Error { return &Error{Kind: kind, Message: msg, Err: err} }

// Fields collects per-field validation messages; Err returns nil when empty.
type Fields map[string]string

// Add records msg for field unless the field already has a message.
func (f Fields) Add(field, msg string) {
	if _, ok := f[field]; !ok {
		f[field] = msg
	}
}

// Check records msg for field when ok is false.
func (f Fields) Check(ok bool, field, msg string) {
	if !ok {
		f.Add(field, msg)
	}
}

// Err returns an Invalid error carrying the fields, or nil if there are none.
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Kind: Invalid, Message: "Controlla i campi evidenziati.", Fields: f}
}
