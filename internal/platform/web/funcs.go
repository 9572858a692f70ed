package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
)

// funcs are the few helpers templates need beyond the Page methods.
var funcs = template.FuncMap{
	"field":    newField,
	"inc":      func(i int) int { return i + 1 },
	"dec":      func(i int) int { return i - 1 },
	"dict":     dict,
	"query":    url.QueryEscape,
	"itoa":     strconv.Itoa,
	"i64toa":   func(i int64) string { return strconv.FormatInt(i, 10) },
	"selected": func(a, b string) bool { return a == b },
}

// Field is what the form partials render: one labelled control with its
// value and error, wired for screen readers (aria-invalid, aria-describedby).
type Field struct {
	Page     *Page
	Name     string
	Label    string
	Type     string
	Required bool
	Help     string
	Options  []Option
	Value    string
	Error    string
	Auto     string // autocomplete token
}

// Option is one choice of a select or radio group.
type Option struct {
	Value string
	Label string
}

// newField builds a Field from the page's form state:
// {{template "input" (field .Page "email" "E-mail" "email" true)}}.
func newField(p *Page, name, label, typ string, required bool) *Field {
	return &Field{Page: p, Name: name, Label: label, Type: typ, Required: required,
		Value: p.Value(name), Error: p.Error(name)}
}

// WithOptions sets the choices of a select.
func (f *Field) WithOptions(opts []Option) *Field { f.Options = opts; return f }

// WithHelp sets a hint shown under the control.
func (f *Field) WithHelp(h string) *Field { f.Help = h; return f }

// WithValue sets the value when the form is not being re-shown.
func (f *Field) WithValue(v string) *Field {
	if f.Value == "" && len(f.Page.Form) == 0 {
		f.Value = v
	}
	return f
}

// WithAuto sets the autocomplete attribute.
func (f *Field) WithAuto(a string) *Field { f.Auto = a; return f }

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict needs key/value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// Pager is the data of the "pager" partial.
type Pager struct {
	Page    *Page
	Current int
	Pages   int
	Total   int
	// Base is the list URL with its filters, without the page parameter.
	Base string
}

// NewPager computes the pages for total items shown perPage at a time.
func NewPager(p *Page, current, perPage, total int, base string) *Pager {
	pages := (total + perPage - 1) / perPage
	if current < 1 {
		current = 1
	}
	return &Pager{Page: p, Current: current, Pages: pages, Total: total, Base: base}
}

// URL returns the link to page n.
func (p *Pager) URL(n int) string {
	sep := "?"
	if strings.Contains(p.Base, "?") {
		sep = "&"
	}
	return p.Base + sep + "page=" + strconv.Itoa(n)
}
