package questions

import (
	"encoding/base64"
	"errors"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/files"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// importPage is the upload form and, once a file is read, its report.
// The file travels to the confirmation in a hidden field (Content): the
// page works on any instance, and nothing waits in memory. The field
// needs no signature: the confirmation reads it again, computes the report
// again and writes only if it matches the Digest shown, and whoever can
// post it could upload the same bytes as a file anyway.
type importPage struct {
	web.Page
	Report  *ImportReport
	Content string // base64 of the uploaded file
}

func (t *Tools) newImportPage(r *http.Request, rep *ImportReport, data []byte) *importPage {
	p := &importPage{Page: t.web.NewPage(r, "Importa FAQ"), Report: rep}
	p.Crumb("Domande", "/domande").Crumb("Importa FAQ", "")
	if rep != nil {
		p.Content = base64.StdEncoding.EncodeToString(data)
	}
	return p
}

func (t *Tools) importForm(w http.ResponseWriter, r *http.Request) {
	t.web.Render(w, r, "questionstools/import.html", t.newImportPage(r, nil, nil))
}

func (t *Tools) importPreview(w http.ResponseWriter, r *http.Request) {
	data, err := files.ReadUpload(r, "file", maxImportSize)
	var rep *ImportReport
	if err == nil {
		rep, err = PreviewImport(r.Context(), t.db, data)
	}
	if err != nil {
		p := t.newImportPage(r, nil, nil)
		t.web.FormError(w, r, "questionstools/import.html", p, &p.Page, err)
		return
	}
	t.web.Render(w, r, "questionstools/import.html", t.newImportPage(r, rep, data))
}

func (t *Tools) importConfirm(w http.ResponseWriter, r *http.Request) {
	data, err := base64.StdEncoding.DecodeString(r.PostFormValue("content"))
	if err != nil || len(data) == 0 {
		p := t.newImportPage(r, nil, nil)
		t.web.FormError(w, r, "questionstools/import.html", p, &p.Page, apperr.Fields{"file": "Scegli il file da importare."}.Err())
		return
	}
	rep, err := ConfirmImport(r.Context(), t.db, web.UserOf(r).ID, data, r.PostFormValue("digest"))
	if errors.Is(err, errImportStale) {
		if rep, err = PreviewImport(r.Context(), t.db, data); err == nil {
			p := t.newImportPage(r, rep, data)
			t.web.FormError(w, r, "questionstools/import.html", p, &p.Page, errImportStale)
			return
		}
	}
	if err != nil {
		p := t.newImportPage(r, nil, nil)
		t.web.FormError(w, r, "questionstools/import.html", p, &p.Page, err)
		return
	}
	t.web.Redirect(w, r, importURL, "Importazione completata.")
}
