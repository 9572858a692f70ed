package facilities

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/i18n"
)

// perPage is the length of the facility list.
const perPage = 25

// form reads a submitted form, collecting a message per unreadable field
// so that a typo never turns into a zero written to the registry.
type form struct {
	r    *http.Request
	errs apperr.Fields
}

func newForm(r *http.Request) *form { return &form{r: r, errs: apperr.Fields{}} }

func (f *form) str(name string) string { return strings.TrimSpace(f.r.PostFormValue(name)) }

func (f *form) int(name, msg string) int {
	n, err := strconv.Atoi(f.str(name))
	if err != nil {
		f.errs.Add(name, msg)
	}
	return n
}

func (f *form) id(name, msg string) int64 {
	n, err := strconv.ParseInt(f.str(name), 10, 64)
	if err != nil || n <= 0 {
		f.errs.Add(name, msg)
	}
	return n
}

func (f *form) cents(name, msg string) int64 {
	n, ok := parseCents(f.str(name))
	if !ok {
		f.errs.Add(name, msg)
	}
	return n
}

// optCents is nil for a blank field.
func (f *form) optCents(name, msg string) *int64 {
	if f.str(name) == "" {
		return nil
	}
	n := f.cents(name, msg)
	return &n
}

func (f *form) date(name, msg string) time.Time {
	t, err := time.Parse("2006-01-02", f.str(name))
	if err != nil {
		f.errs.Add(name, msg)
	}
	return t
}

// optDate is nil for a blank field.
func (f *form) optDate(name, msg string) *time.Time {
	if f.str(name) == "" {
		return nil
	}
	t := f.date(name, msg)
	return &t
}

// merge adds the form's reading errors to a validation error, so that every
// wrong field is shown at once.
func (f *form) merge(err error) error {
	if len(f.errs) == 0 {
		return err
	}
	for k, v := range apperr.FieldsOf(err) {
		f.errs.Add(k, v)
	}
	return f.errs.Err()
}

// today is the current date in Rome.
func today() time.Time { return day(time.Now().In(i18n.Rome)) }
