package admin

import (
	"net/http"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/auth"
)

// orgFromForm reads the submitted fields; the free-text ISTAT code, for a
// Comune outside the province, wins over the select.
func orgFromForm(r *http.Request) (*auth.Organisation, bool) {
	o := &auth.Organisation{Name: r.PostFormValue("name"), Kind: auth.OrgKind(r.PostFormValue("kind")),
		IPACode: r.PostFormValue("ipa_code"), ISTATCode: r.PostFormValue("istat_code"),
		Email: r.PostFormValue("email"), Active: r.PostFormValue("active") == "1"}
	other := strings.TrimSpace(r.PostFormValue("istat_other"))
	if other != "" {
		o.ISTATCode = other
	}
	return o, other != ""
}

// moveField shows a field's message next to another control.
func moveField(err error, from, to string) error {
	msg, ok := apperr.FieldsOf(err)[from]
	if !ok {
		return err
	}
	fields := apperr.Fields{to: msg}
	for k, v := range apperr.FieldsOf(err) {
		if k != from {
			fields[k] = v
		}
	}
	return &apperr.Error{Kind: apperr.KindOf(err), Message: apperr.MessageOf(err), Fields: fields, Err: err}
}
